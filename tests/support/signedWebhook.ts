import { signBody } from '../../src/server/webhooks/verifySignature';
import { TEST_WEBHOOK_SECRET } from './fixtures';

// Declared with the other shared literals; still exported here for code written against this module.
export { TEST_WEBHOOK_SECRET };

/** POSTs a content-changed event the way a CMS would: the raw JSON body, signed with the current time. */
export async function sendContentChanged(
  baseUrl: string,
  payload: unknown,
  options: { secret?: string; signature?: string | null; timestamp?: string | null } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const timestamp = options.timestamp === undefined ? String(Math.floor(Date.now() / 1000)) : options.timestamp;
  const signature = options.signature === undefined ? signBody(options.secret ?? TEST_WEBHOOK_SECRET, body, timestamp ?? '') : options.signature;
  const response = await fetch(`${baseUrl}/webhooks/content-changed`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature === null ? {} : { 'x-signature': signature }),
      ...(timestamp === null ? {} : { 'x-signature-timestamp': timestamp }),
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
