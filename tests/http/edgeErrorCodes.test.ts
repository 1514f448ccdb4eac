import { connect } from 'node:net';
import { ErrorCode } from '../../src/errors';
import { rawPost } from '../support/rawPost';
import { sendContentChanged, TEST_WEBHOOK_SECRET } from '../support/signedWebhook';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** The code of a JSON error body, checked to be one of ErrorCode's. */
function codeOf(body: unknown): string {
  const code = (body as { errors?: { extensions?: Record<string, unknown> }[] }).errors?.[0]?.extensions?.code;
  expect(typeof code).toBe('string');
  expect(KNOWN_CODES.has(code as string)).toBe(true);
  return code as string;
}

/** Sends raw bytes and reads the whole reply: for requests Node itself refuses. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let reply = '';
    socket.on('data', (chunk) => (reply += chunk.toString('utf8')));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

describe('the HTTP edge answers every refusal with a typed JSON error', () => {
  let gateway: TestGateway;
  let withoutWebhook: TestGateway;
  beforeAll(async () => {
    [gateway, withoutWebhook] = await Promise.all([startTestGateway({ env: { WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, BODY_LIMIT_BYTES: '1024' } }), startTestGateway()]);
  });
  afterAll(() => Promise.all([gateway.close(), withoutWebhook.close()]));

  it('404 NOT_FOUND for an unknown route and for the webhook while it is turned off', async () => {
    const unknown = await fetch(`${gateway.baseUrl}/nope`);
    expect(unknown.status).toBe(404);
    expect(codeOf(await unknown.json())).toBe('NOT_FOUND');
    const disabled = await sendContentChanged(withoutWebhook.baseUrl, { type: 'post', id: '1' });
    expect(disabled.status).toBe(404);
    expect(codeOf(disabled.body)).toBe('NOT_FOUND');
  });

  it('405 METHOD_NOT_ALLOWED with Allow, on every route that restricts methods', async () => {
    for (const [path, method, allow] of [
      ['/graphql', 'DELETE', 'GET, POST'],
      ['/webhooks/content-changed', 'GET', 'POST'],
      ['/metrics', 'POST', 'GET'],
    ] as const) {
      const response = await fetch(`${gateway.baseUrl}${path}`, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe(allow);
      expect(codeOf(await response.json())).toBe('METHOD_NOT_ALLOWED');
    }
  });

  it('413 PAYLOAD_TOO_LARGE past BODY_LIMIT_BYTES, on both routes that read bodies', async () => {
    for (const path of ['/graphql', '/webhooks/content-changed']) {
      const response = await rawPost(`${gateway.baseUrl}${path}`, 'x'.repeat(4096), { 'content-type': 'application/json' });
      expect(response.status).toBe(413);
      expect(codeOf(response.json())).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('401 UNAUTHENTICATED for a webhook call without a valid signature', async () => {
    const response = await sendContentChanged(gateway.baseUrl, { type: 'post', id: '1' }, { signature: null });
    expect(response.status).toBe(401);
    expect(codeOf(response.body)).toBe('UNAUTHENTICATED');
  });

  it('400 BAD_REQUEST for a request Node cannot parse, 431 HEADERS_TOO_LARGE for oversized headers', async () => {
    const port = Number(new URL(gateway.baseUrl).port);
    const garbage = await rawExchange(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400/);
    expect(codeOf(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4)))).toBe('BAD_REQUEST');
    const huge = await rawExchange(port, `GET /healthz HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431/);
    expect(codeOf(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4)))).toBe('HEADERS_TOO_LARGE');
  });
});
