import { SignJWT, type JWTPayload } from 'jose';
import { TEST_PREVIEW_SECRET } from './fixtures';

/** A reader's token from another key: what the reader features sign with (READER_JWT_SECRET). */
export const OTHER_SECRET = 'reader-secret-of-another-audience-0123456789';

const now = () => Math.floor(Date.now() / 1000);

/**
 * Tokens as a frontend's preview route mints them, and the ways one can be wrong. `issuedAgoSeconds` and
 * `expiresInSeconds` place `iat` and `exp` relative to now.
 */
export async function signToken(
  claims: JWTPayload,
  { secret = TEST_PREVIEW_SECRET, issuedAgoSeconds = 0, expiresInSeconds = 300 }: { secret?: string; issuedAgoSeconds?: number; expiresInSeconds?: number } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now() - issuedAgoSeconds)
    .setExpirationTime(now() + expiresInSeconds)
    .sign(new TextEncoder().encode(secret));
}

/** An editor's preview token, as `npm run preview-token` prints one. */
export const editorToken = (sub = 'editor-1') => signToken({ sub, preview: true });

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
