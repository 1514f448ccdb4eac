import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/** The header value a sender computes: `sha256=` and the hex HMAC-SHA256 of the raw body. */
export function signBody(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Checks `X-Signature: sha256=<hex>` against the raw body in constant time, so the comparison leaks
 * nothing about how much of a forged signature was right.
 */
export function verifySignature(secret: string, body: Buffer, header: string | string[] | undefined): boolean {
  const match = typeof header === 'string' ? SIGNATURE.exec(header.trim()) : null;
  if (!match) return false;
  const given = Buffer.from((match[1] as string).toLowerCase(), 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
