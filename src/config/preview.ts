import { section } from './Section';
import { setting } from './Setting';
import { httpUrl, integer, secretText, text } from './valueTypes';

/** How preview tokens are signed: the frontend's shared secret (HS256), or its identity provider's keys (RS256/ES256). */
export type PreviewTokenKeys = { kind: 'secret'; secret: string } | { kind: 'jwks'; url: string };

export interface PreviewSettings {
  token: {
    keys: PreviewTokenKeys;
    issuer: string | undefined;
    audience: string | undefined;
    /** Oldest a token may be (from its `iat`), whatever its `exp` says. */
    maxAgeSeconds: number;
  };
  /** The WordPress user (an editor) and application password the gateway reads unpublished posts as. */
  wordpress: { user: string; appPassword: string } | undefined;
}

export interface PreviewConfig {
  /** Unset: previews are off, and `post(preview: true)` answers FORBIDDEN to everyone. */
  preview: PreviewSettings | undefined;
}

const settings = {
  jwtSecret: setting({
    env: 'PREVIEW_JWT_SECRET',
    file: 'preview.jwtSecret',
    type: secretText(32),
    doc: 'shared secret (32 characters or more) of the HS256 preview tokens the frontend\'s preview route mints; turns previews on',
  }),
  jwksUrl: setting({
    env: 'PREVIEW_JWKS_URL',
    file: 'preview.jwksUrl',
    type: httpUrl,
    defaultDoc: 'none',
    doc: 'instead of the secret: the JWKS URL of the identity provider signing preview tokens (RS256, ES256); turns previews on',
  }),
  jwtIssuer: setting({ env: 'PREVIEW_JWT_ISSUER', file: 'preview.jwtIssuer', type: text(), defaultDoc: 'not checked', doc: 'the `iss` preview tokens must carry' }),
  jwtAudience: setting({ env: 'PREVIEW_JWT_AUDIENCE', file: 'preview.jwtAudience', type: text(), defaultDoc: 'not checked', doc: 'the `aud` preview tokens must carry' }),
  tokenMaxAgeSeconds: setting({
    env: 'PREVIEW_TOKEN_MAX_AGE_SECONDS',
    file: 'preview.tokenMaxAgeSeconds',
    type: integer({ min: 1, max: 86_400 }),
    default: 600,
    doc: 'oldest a preview token may be, from its `iat` (which it must carry), whatever its `exp` says',
  }),
  wordpressUser: setting({
    env: 'WORDPRESS_PREVIEW_USER',
    file: 'wordpress.previewUser',
    type: text(),
    defaultDoc: 'none',
    doc: 'login of the WordPress user (role Editor) whose application password reads drafts for previews',
  }),
  wordpressAppPassword: setting({
    env: 'WORDPRESS_PREVIEW_APP_PASSWORD',
    file: 'wordpress.previewAppPassword',
    type: secretText(1),
    doc: 'that user\'s WordPress application password (spaces allowed, as WordPress shows it); sent over HTTP Basic, so use an https:// site',
  }),
};

export const previewSection = section({
  title: 'Editor previews',
  settings,
  build: (values, context): PreviewConfig => {
    const { jwtSecret, jwksUrl, wordpressUser, wordpressAppPassword } = values;
    if (jwtSecret !== undefined && jwksUrl !== undefined) {
      context.problems.push(`${settings.jwtSecret.env} and ${settings.jwksUrl.env}: set one of them, not both`);
    }
    if ((wordpressUser === undefined) !== (wordpressAppPassword === undefined) && !context.reported(settings.wordpressUser) && !context.reported(settings.wordpressAppPassword)) {
      const missing = wordpressUser === undefined ? settings.wordpressUser : settings.wordpressAppPassword;
      context.problems.push(`${missing.env}: needed with ${missing === settings.wordpressUser ? settings.wordpressAppPassword.env : settings.wordpressUser.env}`);
    }
    const keys: PreviewTokenKeys | undefined = jwtSecret !== undefined ? { kind: 'secret', secret: jwtSecret } : jwksUrl !== undefined ? { kind: 'jwks', url: jwksUrl } : undefined;
    const wordpress = wordpressUser !== undefined && wordpressAppPassword !== undefined ? { user: wordpressUser, appPassword: wordpressAppPassword } : undefined;
    if (!keys) {
      if (wordpress) context.problems.push(`${settings.wordpressUser.env}: previews are off without ${settings.jwtSecret.env} or ${settings.jwksUrl.env}, so nobody could ask for one`);
      return { preview: undefined };
    }
    return {
      preview: {
        token: { keys, issuer: values.jwtIssuer, audience: values.jwtAudience, maxAgeSeconds: values.tokenMaxAgeSeconds },
        wordpress,
      },
    };
  },
});

/**
 * What the preview settings need from the others: previews of WordPress posts read them with the
 * application password, so previews of WordPress posts without one cannot work.
 */
export function previewProblems(preview: PreviewSettings | undefined, postsSource: string): string[] {
  if (!preview || postsSource !== 'wordpress' || preview.wordpress) return [];
  return [`${settings.wordpressUser.env} and ${settings.wordpressAppPassword.env}: previews of WordPress posts need the application password of an editor`];
}
