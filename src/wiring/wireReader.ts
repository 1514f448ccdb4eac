import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { ReaderServices } from '../context';
import type { Audience } from '../identity/Authenticator';
import { TokenVerifier, type TokenKeys } from '../identity/TokenVerifier';
import { NewsletterLimiter } from '../rateLimits/NewsletterLimiter';
import { UpstreamClient } from '../sources/http/UpstreamClient';
import { JwksSource } from '../sources/identity/JwksSource';
import { NewsletterFactsMemo } from '../sources/reader/NewsletterFactsMemo';
import { ReaderServiceSource } from '../sources/reader/ReaderServiceSource';
import type { ReaderSource } from '../sources/reader/ReaderSource';
import { SqliteReaderStore } from '../sources/reader/SqliteReaderStore';
import type { Telemetry } from '../telemetry';
import { UPSTREAM_DEFAULTS } from '../config';

/** Clocks of the site minting tokens and of the gateway may be a little apart. */
const CLOCK_TOLERANCE_SECONDS = 5;
const JWKS_MAX_AGE_MS = 10 * 60_000;
const JWKS_REFRESH_COOLDOWN_MS = 30_000;
/** The sign-up box's count and topics are kept this long in process (public data). */
const NEWSLETTER_FACTS_TTL_MS = 60_000;

export interface WiredReader {
  /** The `reader` audience, when reader tokens have a key. */
  audience: Audience | undefined;
  services: ReaderServices;
  /** The client's address for the per-address newsletter limit. */
  clientAddressOf(req: IncomingMessage): string;
  close(): Promise<void>;
}

/**
 * Reader features: who a reader is (tokens signed with READER_JWT_SECRET or a key of READER_JWKS_URL,
 * `sub` the reader id), where their bookmarks and sign-ups live (the SQLite file, or the reader service),
 * and the newsletter limits. `adapter` replaces the store (tests).
 */
export function wireReader(config: Config, deps: { logger: Logger; telemetry: Telemetry; adapter?: ReaderSource }): WiredReader {
  const { reader } = config;
  const clients: UpstreamClient[] = [];
  const clientFor = (serviceName: string, policy: ConstructorParameters<typeof UpstreamClient>[0]['policy']) => {
    const client = new UpstreamClient({ serviceName, policy, telemetry: deps.telemetry, logger: deps.logger.child({ upstream: serviceName }) });
    clients.push(client);
    return client;
  };

  let audience: Audience | undefined;
  if (reader.token) {
    const { keys: configured, issuer, audience: expectedAudience } = reader.token;
    const keys: TokenKeys =
      configured.kind === 'secret'
        ? { kind: 'secret', secret: configured.secret }
        : { kind: 'jwks', keys: new JwksSource(clientFor('reader-jwks', UPSTREAM_DEFAULTS), { url: configured.url, maxAgeMs: JWKS_MAX_AGE_MS, refreshCooldownMs: JWKS_REFRESH_COOLDOWN_MS }) };
    audience = { kind: 'reader', verifier: new TokenVerifier({ keys, issuer, audience: expectedAudience, clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS }) };
    if (configured.kind === 'secret' && configured.generated) {
      // Development only (the config never generates one otherwise): enough to try bookmarks in Sandbox.
      deps.logger.warn(
        { readerJwtSecret: configured.secret },
        `no READER_JWT_SECRET: reader tokens are signed with a throwaway secret for this run; mint one with READER_JWT_SECRET=${configured.secret} npm run reader-token -- <readerId>`,
      );
    }
  }

  const store =
    deps.adapter ??
    (reader.store.kind === 'service'
      ? new ReaderServiceSource(clientFor('reader', reader.store.upstream), reader.store.url)
      : new SqliteReaderStore(reader.store.path, reader.newsletterTopicSlugs));
  const source = new NewsletterFactsMemo(store, NEWSLETTER_FACTS_TTL_MS);
  const header = reader.clientAddressHeader;

  return {
    audience,
    services: { source, limiter: new NewsletterLimiter(reader.newsletterLimits) },
    clientAddressOf: (req) => {
      const value = header ? req.headers[header] : undefined;
      const first = (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
      return first || req.socket.remoteAddress || 'unknown';
    },
    close: async () => {
      await source.close();
      await Promise.all(clients.map((client) => client.close()));
    },
  };
}
