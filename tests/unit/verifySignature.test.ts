import { createHmac } from 'node:crypto';
import { SIGNATURE_WINDOW_SECONDS, signBody, signedWebhookHeaders, verifySignature } from '../../src/server/webhooks/verifySignature';

const SECRET = 'a-long-shared-secret-value';
const BODY = Buffer.from('{"type":"post","id":"420"}');
const NOW = 1_800_000_000;
const STAMP = String(NOW);
const hex = createHmac('sha256', SECRET).update(`${STAMP}.${BODY.toString()}`).digest('hex');

describe('webhook signature', () => {
  it('accepts sha256=<hex HMAC of "<timestamp>.<raw body>">, in either case, within the window', () => {
    expect(signBody(SECRET, BODY, STAMP)).toBe(`sha256=${hex}`);
    expect(signedWebhookHeaders(SECRET, BODY, NOW)).toEqual({ 'x-signature-timestamp': STAMP, 'x-signature': `sha256=${hex}` });
    expect(verifySignature(SECRET, BODY, `sha256=${hex}`, STAMP, NOW)).toEqual({ ok: true });
    expect(verifySignature(SECRET, BODY, `sha256=${hex.toUpperCase()}`, STAMP, NOW)).toEqual({ ok: true });
    // A small clock skew either way is fine.
    expect(verifySignature(SECRET, BODY, `sha256=${hex}`, STAMP, NOW + SIGNATURE_WINDOW_SECONDS).ok).toBe(true);
    expect(verifySignature(SECRET, BODY, `sha256=${hex}`, STAMP, NOW - SIGNATURE_WINDOW_SECONDS).ok).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['without the scheme', hex],
    ['another scheme', `sha1=${hex}`],
    ['truncated', `sha256=${hex.slice(0, 63)}`],
    ['not hex', `sha256=${'z'.repeat(64)}`],
    ['repeated header', [`sha256=${hex}`, `sha256=${hex}`]],
  ])('refuses a %s signature', (_case, header) => {
    const check = verifySignature(SECRET, BODY, header as string | string[] | undefined, STAMP, NOW);
    expect(check).toMatchObject({ ok: false, problem: expect.stringMatching(/X-Signature:/) });
  });

  it('refuses a signature of another body, another timestamp or with another secret', () => {
    expect(verifySignature(SECRET, Buffer.from('{"type":"post","id":"421"}'), `sha256=${hex}`, STAMP, NOW).ok).toBe(false);
    expect(verifySignature(SECRET, BODY, `sha256=${hex}`, String(NOW + 1), NOW).ok).toBe(false);
    expect(verifySignature('another-secret-value-000', BODY, `sha256=${hex}`, STAMP, NOW).ok).toBe(false);
  });

  it('refuses a missing, malformed, old or future timestamp, saying so', () => {
    for (const stamp of [undefined, '', 'yesterday', '-5', [STAMP, STAMP]]) {
      expect(verifySignature(SECRET, BODY, `sha256=${hex}`, stamp as string | undefined, NOW)).toMatchObject({ ok: false, problem: expect.stringMatching(/X-Signature-Timestamp/) });
    }
    // A replay six minutes later, or a body dated six minutes ahead, is refused even with a right signature.
    expect(verifySignature(SECRET, BODY, `sha256=${hex}`, STAMP, NOW + SIGNATURE_WINDOW_SECONDS + 60)).toMatchObject({ ok: false, problem: expect.stringMatching(/seconds from the gateway's clock/) });
    expect(verifySignature(SECRET, BODY, `sha256=${hex}`, STAMP, NOW - SIGNATURE_WINDOW_SECONDS - 60).ok).toBe(false);
  });
});
