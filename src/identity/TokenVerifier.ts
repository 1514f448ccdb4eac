import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';

/** The keys of a JSON Web Key Set, fetched and cached by a source (src/sources/identity/JwksSource.ts). */
export interface KeySetSource {
  /** The cached set, fetched when there is none yet. */
  get(): Promise<JSONWebKeySet>;
  /** Fetches again (rate-limited by the source): a token signed with a key the cached set lacks. */
  refresh(): Promise<JSONWebKeySet>;
}

/** How tokens are signed: a shared secret (HS256), or asymmetric keys from a JWKS URL (RS256, ES256). */
export type TokenKeys = { kind: 'secret'; secret: string } | { kind: 'jwks'; keys: KeySetSource };

export interface TokenVerifierOptions {
  keys: TokenKeys;
  /** Checked when set (`iss`). */
  issuer?: string;
  /** Checked when set (`aud`). */
  audience?: string;
  /** Leeway for `exp` and `nbf`, for clocks a little apart. */
  clockToleranceSeconds: number;
  /**
   * Oldest a token may be, from its `iat` (which it must then carry), whatever its `exp` says: keeps
   * tokens short-lived even when whoever mints them sets a long expiry.
   */
  maxTokenAgeSeconds?: number;
  /** Claims the token must carry beyond `sub` (for example `preview: true` for editors). */
  requireClaims?: (claims: JWTPayload) => string | undefined;
}

/** Shortest secret accepted for HS256: 256 bits, as RFC 7518 asks. */
export const MIN_SECRET_LENGTH = 32;

export type RejectionReason = 'malformed' | 'bad_signature' | 'expired' | 'not_yet_valid' | 'claims' | 'keys_unavailable';

/** A token was presented and is not good: the request is answered 401, never served as anonymous. */
export class TokenRejected extends Error {
  constructor(
    readonly reason: RejectionReason,
    message: string,
  ) {
    super(message);
    this.name = 'TokenRejected';
  }
}

export interface VerifiedToken {
  /** The `sub` claim: whose token it is. */
  subject: string;
  claims: JWTPayload;
}

const SECRET_ALGORITHMS = ['HS256'];
// Asymmetric keys only from a JWKS: a key set can never be used to accept an HMAC-signed token.
const JWKS_ALGORITHMS = ['RS256', 'ES256'];

/**
 * Verifies bearer tokens (JWTs) with jose: signature, algorithm, `exp` and `nbf` with a small tolerance,
 * `iss` and `aud` when configured, a non-empty `sub`, and any further claims the audience requires. One
 * class for every audience (readers, editors asking for previews), configured apart.
 */
export class TokenVerifier {
  private readonly secret: Uint8Array | undefined;

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.keys.kind === 'secret') {
      if (options.keys.secret.length < MIN_SECRET_LENGTH) throw new Error(`a token secret must be at least ${MIN_SECRET_LENGTH} characters`);
      this.secret = new TextEncoder().encode(options.keys.secret);
    }
  }

  async verify(token: string): Promise<VerifiedToken> {
    const { options } = this;
    const verifyOptions = {
      issuer: options.issuer,
      audience: options.audience,
      clockTolerance: options.clockToleranceSeconds,
      maxTokenAge: options.maxTokenAgeSeconds,
      algorithms: this.secret ? SECRET_ALGORITHMS : JWKS_ALGORITHMS,
    };
    let payload: JWTPayload;
    try {
      payload = this.secret ? (await jwtVerify(token, this.secret, verifyOptions)).payload : await this.verifyWithKeySet(token, verifyOptions);
    } catch (error) {
      throw asRejection(error);
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 200) {
      throw new TokenRejected('claims', 'The token names no subject (sub).');
    }
    const missing = options.requireClaims?.(payload);
    if (missing) throw new TokenRejected('claims', missing);
    return { subject: payload.sub, claims: payload };
  }

  private async verifyWithKeySet(token: string, verifyOptions: Parameters<typeof jwtVerify>[2]): Promise<JWTPayload> {
    const source = (this.options.keys as { kind: 'jwks'; keys: KeySetSource }).keys;
    const attempt = async (set: JSONWebKeySet) => (await jwtVerify(token, createLocalJWKSet(set), verifyOptions)).payload;
    let set: JSONWebKeySet;
    try {
      set = await source.get();
    } catch {
      throw new TokenRejected('keys_unavailable', 'The keys to check the token could not be fetched.');
    }
    try {
      return await attempt(set);
    } catch (error) {
      // Keys rotate: a token signed with a key the cached set lacks asks for the set again, once.
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      let fresh: JSONWebKeySet;
      try {
        fresh = await source.refresh();
      } catch {
        throw new TokenRejected('keys_unavailable', 'The keys to check the token could not be fetched.');
      }
      return attempt(fresh);
    }
  }
}

function asRejection(error: unknown): TokenRejected {
  if (error instanceof TokenRejected) return error;
  if (error instanceof errors.JWTExpired) return new TokenRejected('expired', 'The token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return new TokenRejected('not_yet_valid', 'The token is not valid yet.');
    return new TokenRejected('claims', `The token's "${error.claim}" claim is not accepted.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JOSEAlgNotAllowed) {
    return new TokenRejected('bad_signature', 'The token is not signed with an accepted key.');
  }
  return new TokenRejected('malformed', 'The token is not a well-formed JWT.');
}

/**
 * The token of an `Authorization: Bearer <token>` header. `undefined`: no bearer token at all (no header,
 * or another scheme). `'malformed'`: a Bearer header without a usable token.
 */
export function bearerToken(header: string | undefined): string | 'malformed' | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*Bearer(?:\s+(.*))?$/i.exec(header);
  if (!match) return undefined;
  const token = (match[1] ?? '').trim();
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token) ? token : 'malformed';
}
