import { bearerToken, TokenRejected, type TokenVerifier } from './TokenVerifier';

/** Who a request is from, as far as the gateway is concerned. */
export type Principal = { kind: 'anonymous' } | { kind: 'reader'; readerId: string } | { kind: 'editor'; editorId: string };

/** One kind of principal and how its tokens are checked (readers and editors have their own keys). */
export interface Audience {
  kind: 'reader' | 'editor';
  verifier: TokenVerifier;
}

export type Authentication = { ok: true; principal: Principal } | { ok: false; rejection: TokenRejected };

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });
const AS_ANONYMOUS: Authentication = Object.freeze({ ok: true, principal: ANONYMOUS });

/**
 * Turns a request's `Authorization` header into a principal, once per request, before any GraphQL work.
 * No header, or a scheme other than Bearer: anonymous (the request still counts as credentialed for the
 * caches). A Bearer token is tried against each configured audience in order (editors first: their tokens
 * carry a claim reader tokens lack); the first that accepts it decides. A token no audience accepts is
 * refused, never served as anonymous. With no audience configured, tokens are not the gateway's to check.
 */
export class Authenticator {
  constructor(private readonly audiences: readonly Audience[]) {}

  /** Synchronous for requests without a token, which is most of them. */
  authenticate(authorization: string | undefined): Authentication | Promise<Authentication> {
    const token = bearerToken(authorization);
    if (token === undefined || this.audiences.length === 0) return AS_ANONYMOUS;
    if (token === 'malformed') return { ok: false, rejection: new TokenRejected('malformed', 'The Authorization header carries no well-formed bearer token.') };
    return this.verify(token);
  }

  private async verify(token: string): Promise<Authentication> {
    const rejections: TokenRejected[] = [];
    for (const audience of this.audiences) {
      try {
        const { subject } = await audience.verifier.verify(token);
        return { ok: true, principal: audience.kind === 'reader' ? { kind: 'reader', readerId: subject } : { kind: 'editor', editorId: subject } };
      } catch (error) {
        if (!(error instanceof TokenRejected)) throw error;
        rejections.push(error);
      }
    }
    // "Expired" from the audience whose key signed it says more than "bad signature" from the others.
    const telling = rejections.find((rejection) => rejection.reason !== 'bad_signature') ?? rejections[0];
    return { ok: false, rejection: telling as TokenRejected };
  }
}
