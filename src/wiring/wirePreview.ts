import type { Logger } from 'pino';
import { type Config, UPSTREAM_DEFAULTS } from '../config';
import type { Audience } from '../identity/Authenticator';
import { TokenVerifier, type TokenKeys } from '../identity/TokenVerifier';
import { UpstreamClient } from '../sources/http/UpstreamClient';
import { JwksSource } from '../sources/identity/JwksSource';
import type { Telemetry } from '../telemetry';

/** Clocks of the frontend minting tokens and of the gateway may be a little apart. */
const CLOCK_TOLERANCE_SECONDS = 5;
const JWKS_MAX_AGE_MS = 10 * 60_000;
const JWKS_REFRESH_COOLDOWN_MS = 30_000;

export interface WiredPreviewAudience {
  /** The `editor` audience, when previews are on. */
  audience: Audience | undefined;
  close(): Promise<void>;
}

/**
 * Who may ask for previews: editors, whose frontend's preview route mints them a short-lived token with
 * the claim `preview: true`, signed with PREVIEW_JWT_SECRET or a key of PREVIEW_JWKS_URL. A token signed
 * that way but without the claim, or older than PREVIEW_TOKEN_MAX_AGE_SECONDS, is no editor's.
 */
export function wirePreviewAudience(config: Config, deps: { logger: Logger; telemetry: Telemetry }): WiredPreviewAudience {
  const preview = config.preview;
  if (!preview) return { audience: undefined, close: async () => undefined };
  const { token } = preview;
  let client: UpstreamClient | undefined;
  let keys: TokenKeys;
  if (token.keys.kind === 'secret') {
    keys = { kind: 'secret', secret: token.keys.secret };
  } else {
    client = new UpstreamClient({ serviceName: 'preview-jwks', policy: UPSTREAM_DEFAULTS, telemetry: deps.telemetry, logger: deps.logger.child({ upstream: 'preview-jwks' }) });
    keys = { kind: 'jwks', keys: new JwksSource(client, { url: token.keys.url, maxAgeMs: JWKS_MAX_AGE_MS, refreshCooldownMs: JWKS_REFRESH_COOLDOWN_MS }) };
  }
  const verifier = new TokenVerifier({
    keys,
    issuer: token.issuer,
    audience: token.audience,
    clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
    maxTokenAgeSeconds: token.maxAgeSeconds,
    requireClaims: (claims) => (claims.preview === true ? undefined : 'The token does not allow previews ("preview": true).'),
  });
  return { audience: { kind: 'editor', verifier }, close: async () => client?.close() };
}
