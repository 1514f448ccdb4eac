import { SignJWT, type JWTPayload } from 'jose';

/** The secret test gateways sign reader tokens with (READER_JWT_SECRET). */
export const TEST_READER_SECRET = 'test-reader-secret-0123456789-0123456789';

const now = () => Math.floor(Date.now() / 1000);

/** A reader's token as the site's login (or `npm run reader-token`) mints one; `sub` is the reader id. */
export function readerToken(
  readerId: string,
  { secret = TEST_READER_SECRET, expiresInSeconds = 600, claims = {} }: { secret?: string; expiresInSeconds?: number; claims?: JWTPayload } = {},
): Promise<string> {
  return new SignJWT({ ...claims, sub: readerId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now() - Math.max(0, -expiresInSeconds) - 1)
    .setExpirationTime(now() + expiresInSeconds)
    .sign(new TextEncoder().encode(secret));
}

export const asReader = async (readerId: string) => ({ authorization: `Bearer ${await readerToken(readerId)}` });
