import { createHmac } from 'node:crypto';
import { signBody, verifySignature } from '../../src/server/webhooks/verifySignature';

const SECRET = 'a-long-shared-secret-value';
const BODY = Buffer.from('{"type":"post","id":"420"}');
const hex = createHmac('sha256', SECRET).update(BODY).digest('hex');

describe('webhook signature', () => {
  it('accepts sha256=<hex HMAC of the raw body>, in either case', () => {
    expect(signBody(SECRET, BODY)).toBe(`sha256=${hex}`);
    expect(verifySignature(SECRET, BODY, `sha256=${hex}`)).toBe(true);
    expect(verifySignature(SECRET, BODY, `sha256=${hex.toUpperCase()}`)).toBe(true);
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
    expect(verifySignature(SECRET, BODY, header as string | string[] | undefined)).toBe(false);
  });

  it('refuses a signature of another body or with another secret', () => {
    expect(verifySignature(SECRET, Buffer.from('{"type":"post","id":"421"}'), `sha256=${hex}`)).toBe(false);
    expect(verifySignature('another-secret-value-000', BODY, `sha256=${hex}`)).toBe(false);
  });
});
