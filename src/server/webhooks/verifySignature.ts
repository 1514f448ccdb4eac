import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;
const TIMESTAMP = /^\d{1,12}$/;

/** How far a signed timestamp may be from the gateway's clock, either way: replays older than this are refused. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/**
 * What is signed: the timestamp, a dot, then the raw body, so a signature is only ever good for one
 * moment (`X-Signature-Timestamp`) and one body.
 */
function mac(secret: string, timestamp: string, body: Buffer | string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/** The `X-Signature` value a sender computes: `sha256=` and the hex HMAC-SHA256 of `<timestamp>.<raw body>`. */
export function signBody(secret: string, body: Buffer | string, timestamp: string): string {
  return `sha256=${mac(secret, timestamp, body).toString('hex')}`;
}

/** Both headers a sender adds, signed now. */
export function signedWebhookHeaders(secret: string, body: Buffer | string, nowSeconds: number = Math.floor(Date.now() / 1000)): Record<string, string> {
  const timestamp = String(nowSeconds);
  return { 'x-signature-timestamp': timestamp, 'x-signature': signBody(secret, body, timestamp) };
}

export type SignatureCheck = { ok: true } | { ok: false; problem: string };

type Header = string | string[] | undefined;

/**
 * Checks `X-Signature: sha256=<hex>` against `<X-Signature-Timestamp>.<raw body>` in constant time, and
 * that the timestamp is within SIGNATURE_WINDOW_SECONDS of now, so neither a forged nor a replayed call
 * purges anything. The problem says which part failed, never anything about the expected value.
 */
export function verifySignature(secret: string, body: Buffer, signature: Header, timestamp: Header, nowSeconds: number = Math.floor(Date.now() / 1000)): SignatureCheck {
  const stamp = typeof timestamp === 'string' ? timestamp.trim() : undefined;
  if (!stamp || !TIMESTAMP.test(stamp)) {
    return { ok: false, problem: 'Missing or invalid X-Signature-Timestamp: expected the Unix time in seconds at which the body was signed.' };
  }
  if (Math.abs(nowSeconds - Number(stamp)) > SIGNATURE_WINDOW_SECONDS) {
    return { ok: false, problem: `X-Signature-Timestamp is more than ${SIGNATURE_WINDOW_SECONDS} seconds from the gateway's clock: sign each call when it is sent.` };
  }
  const match = typeof signature === 'string' ? SIGNATURE.exec(signature.trim()) : null;
  const given = match ? Buffer.from((match[1] as string).toLowerCase(), 'hex') : undefined;
  const expected = mac(secret, stamp, body);
  if (!given || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, problem: 'Missing or invalid X-Signature: expected "sha256=" and the hex HMAC-SHA256 of "<X-Signature-Timestamp>.<raw body>" with the shared secret.' };
  }
  return { ok: true };
}
