import { signBody } from '../../src/server/webhooks/verifySignature';
import { TEST_WEBHOOK_SECRET } from './fixtures';

// Declared with the other shared literals; still exported here for code written against this module.
export { TEST_WEBHOOK_SECRET };

/** POSTs a content-changed event the way a CMS would: the raw JSON body, signed. */
export async function sendContentChanged(
  baseUrl: string,
  payload: unknown,
  options: { secret?: string; signature?: string | null } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const signature = options.signature === undefined ? signBody(options.secret ?? TEST_WEBHOOK_SECRET, body) : options.signature;
  const response = await fetch(`${baseUrl}/webhooks/content-changed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-signature': signature }) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
