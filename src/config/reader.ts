import { randomBytes } from 'node:crypto';
import { section } from './Section';
import { setting } from './Setting';
import { servicePolicy, servicePolicySettings, type SingleClassPolicy } from './upstreamPolicies';
import { httpUrl, integer, secretText, text } from './valueTypes';

/** How reader tokens are signed: the site's shared secret (HS256), or its identity provider's keys (RS256/ES256). */
export type ReaderTokenKeys = { kind: 'secret'; secret: string; generated: boolean } | { kind: 'jwks'; url: string };

/** Where bookmarks and newsletter subscriptions live. */
export type ReaderStoreConfig = { kind: 'sqlite'; path: string } | { kind: 'service'; url: string; upstream: SingleClassPolicy };

export interface NewsletterLimits {
  /** Sign-ups one client address may make per window. */
  perClientAddress: number;
  /** Sign-ups of one email address per window, whoever sends them. */
  perEmail: number;
  windowSeconds: number;
}

export interface ReaderSettings {
  /** Unset: no reader tokens are accepted, `viewer` is always null and bookmark mutations answer UNAUTHENTICATED. */
  token: { keys: ReaderTokenKeys; issuer: string | undefined; audience: string | undefined } | undefined;
  store: ReaderStoreConfig;
  /** Slugs of the topics a reader may choose when signing up (the embedded store; a reader service names its own). */
  newsletterTopicSlugs: string[];
  newsletterLimits: NewsletterLimits;
  /** A header holding the client's address (set by the CDN or proxy in front), else the socket's peer address. */
  clientAddressHeader: string | undefined;
}

export interface ReaderConfig {
  reader: ReaderSettings;
}

export const DEFAULT_READER_DB_PATH = 'data/reader.sqlite';

const settings = {
  jwtSecret: setting({
    env: 'READER_JWT_SECRET',
    file: 'reader.jwtSecret',
    type: secretText(32),
    doc: 'shared secret (32 characters or more) of the HS256 reader tokens the site\'s login mints (`sub` is the reader id); turns reader features on. Development without one: a throwaway secret, printed at start',
  }),
  jwksUrl: setting({
    env: 'READER_JWKS_URL',
    file: 'reader.jwksUrl',
    type: httpUrl,
    defaultDoc: 'none',
    doc: 'instead of the secret: the JWKS URL of the identity provider signing reader tokens (RS256, ES256); turns reader features on',
  }),
  jwtIssuer: setting({ env: 'READER_JWT_ISSUER', file: 'reader.jwtIssuer', type: text(), defaultDoc: 'not checked', doc: 'the `iss` reader tokens must carry' }),
  jwtAudience: setting({ env: 'READER_JWT_AUDIENCE', file: 'reader.jwtAudience', type: text(), defaultDoc: 'not checked', doc: 'the `aud` reader tokens must carry' }),
  dbPath: setting({
    env: 'READER_DB_PATH',
    file: 'reader.dbPath',
    type: text(),
    default: DEFAULT_READER_DB_PATH,
    doc: 'SQLite file of the embedded reader store (bookmarks, newsletter sign-ups), created and migrated at start; one per instance, so several instances need `READER_SERVICE_URL`',
  }),
  serviceUrl: setting({
    env: 'READER_SERVICE_URL',
    file: 'reader.serviceUrl',
    type: httpUrl,
    defaultDoc: 'none',
    doc: 'reader service base URL ([contract](docs/services.md#reader-service)); bookmarks and sign-ups then live there instead of the SQLite file',
  }),
  service: servicePolicySettings('READER_SERVICE', 'reader.service', 'the reader service'),
  newsletterTopics: setting({
    env: 'READER_NEWSLETTER_TOPICS',
    file: 'reader.newsletterTopics',
    type: text({ pattern: /^[a-z0-9-]+(,[a-z0-9-]+)*$/, message: 'must be topic slugs separated by commas' }),
    default: 'politics,business,technology,science,culture',
    doc: 'slugs of the topics readers may choose when signing up to the newsletter (the embedded store; a reader service names its own)',
  }),
  limitPerClientAddress: setting({
    env: 'READER_NEWSLETTER_LIMIT_PER_ADDRESS',
    file: 'reader.newsletterLimits.perClientAddress',
    type: integer({ min: 1 }),
    default: 5,
    doc: 'newsletter sign-ups one client address may send per window; more answer `RATE_LIMITED`',
  }),
  limitPerEmail: setting({
    env: 'READER_NEWSLETTER_LIMIT_PER_EMAIL',
    file: 'reader.newsletterLimits.perEmail',
    type: integer({ min: 1 }),
    default: 3,
    doc: 'sign-ups of one email address per window, from anywhere (so nobody floods someone\'s inbox with confirmations)',
  }),
  limitWindowSeconds: setting({
    env: 'READER_NEWSLETTER_LIMIT_WINDOW_SECONDS',
    file: 'reader.newsletterLimits.windowSeconds',
    type: integer({ min: 1, max: 86_400 }),
    default: 3600,
    doc: 'the window of both newsletter limits',
  }),
  clientAddressHeader: setting({
    env: 'READER_CLIENT_ADDRESS_HEADER',
    file: 'reader.clientAddressHeader',
    type: text({ pattern: /^[a-z0-9-]+$/, message: 'must be a lower-case header name' }),
    defaultDoc: "the socket's peer address",
    doc: 'header the CDN or proxy in front puts the client\'s address in (`x-forwarded-for`: its first entry), for the per-address limit; only behind a proxy that sets it',
  }),
};

export const readerSection = section({
  title: 'Reader features',
  settings,
  build: (values, context): ReaderConfig => {
    const { jwtSecret, jwksUrl, jwtIssuer, jwtAudience, serviceUrl } = values;
    if (jwtSecret !== undefined && jwksUrl !== undefined) {
      context.problems.push(`${settings.jwtSecret.env} and ${settings.jwksUrl.env}: set one of them, not both`);
    }
    let keys: ReaderTokenKeys | undefined =
      jwtSecret !== undefined ? { kind: 'secret', secret: jwtSecret, generated: false } : jwksUrl !== undefined ? { kind: 'jwks', url: jwksUrl } : undefined;
    if (!keys && !context.reported(settings.jwtSecret) && !context.reported(settings.jwksUrl)) {
      // Token checks without a key would check nothing: refuse rather than guess.
      const orphan = [settings.jwtIssuer, settings.jwtAudience].find((each) => (each === settings.jwtIssuer ? jwtIssuer : jwtAudience) !== undefined);
      const configured = orphan ?? (serviceUrl !== undefined ? settings.serviceUrl : undefined);
      if (configured) context.problems.push(`${configured.env}: reader features need a key for reader tokens: set ${settings.jwtSecret.env} or ${settings.jwksUrl.env}`);
      // A newcomer trying bookmarks locally gets a secret for this run only; production never invents one.
      else if (context.nodeEnv === 'development') keys = { kind: 'secret', secret: randomBytes(32).toString('base64url'), generated: true };
    }
    const store: ReaderStoreConfig = serviceUrl !== undefined ? { kind: 'service', url: serviceUrl, upstream: servicePolicy(values.service) } : { kind: 'sqlite', path: values.dbPath };
    return {
      reader: {
        token: keys ? { keys, issuer: jwtIssuer, audience: jwtAudience } : undefined,
        store,
        newsletterTopicSlugs: values.newsletterTopics.split(','),
        newsletterLimits: { perClientAddress: values.limitPerClientAddress, perEmail: values.limitPerEmail, windowSeconds: values.limitWindowSeconds },
        clientAddressHeader: values.clientAddressHeader,
      },
    };
  },
});
