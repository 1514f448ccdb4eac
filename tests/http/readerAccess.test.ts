import { SignJWT } from 'jose';
import { REFERENCE_SLUG, TEST_PREVIEW_SECRET } from '../support/fixtures';
import { readerToken, TEST_READER_SECRET } from '../support/readerTokens';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';

/*
 * Who is a reader: a token signed with READER_JWT_SECRET, within its validity, is; anything else in
 * `Authorization: Bearer` is refused with 401, never served as anonymous. And a reader is no editor.
 */
const VIEWER = '{ viewer { id } }';

describe('reader tokens at the HTTP edge', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ env: { READER_JWT_SECRET: TEST_READER_SECRET, PREVIEW_JWT_SECRET: TEST_PREVIEW_SECRET, READER_JWT_ISSUER: 'https://login.example' } });
  });
  afterAll(() => gateway.close());

  const withToken = (token: string) => ({ authorization: `Bearer ${token}` });

  it('makes a valid token\'s `sub` the viewer', async () => {
    const { status, body } = await gateway.query(VIEWER, {}, withToken(await readerToken('reader-1', { claims: { iss: 'https://login.example' } })));
    expect(status).toBe(200);
    expect(body).toEqual({ data: { viewer: { id: 'reader-1' } } });
  });

  it.each([
    ['expired', () => readerToken('reader-1', { expiresInSeconds: -120, claims: { iss: 'https://login.example' } })],
    ['wrongly signed', () => readerToken('reader-1', { secret: 'another-secret-entirely-0123456789-abcdef', claims: { iss: 'https://login.example' } })],
    ['from another issuer', () => readerToken('reader-1', { claims: { iss: 'https://elsewhere.example' } })],
    ['malformed', async () => 'not.a.jwt'],
    ['unsigned (alg none)', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"reader-1"}').toString('base64url')}.`],
  ])('answers a %s token with 401 UNAUTHENTICATED JSON, never as anonymous', async (_label, token) => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...withToken(await token()) }, body: JSON.stringify({ query: VIEWER }) });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers a reader asking for a preview FORBIDDEN', async () => {
    const token = await readerToken('reader-1', { claims: { iss: 'https://login.example' } });
    const { body, headers } = await gateway.query(`{ post(slug: "${REFERENCE_SLUG}", preview: true) { title } }`, {}, withToken(token));
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(headers.get('cache-control')).toBe('private, no-store');
  });

  it('does not take an editor\'s preview token for a reader', async () => {
    const editor = await new SignJWT({ sub: 'editor-1', preview: true })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(TEST_PREVIEW_SECRET));
    const { body } = await gateway.query(VIEWER, {}, withToken(editor));
    expect(body).toEqual({ data: { viewer: null } });
  });

  it('keeps mutations off GET (405)', async () => {
    const token = await readerToken('reader-1', { claims: { iss: 'https://login.example' } });
    const params = new URLSearchParams({ query: 'mutation { addBookmark(postId: "x") { bookmarked } }' });
    const response = await fetch(`${gateway.url}?${params}`, { headers: { 'apollo-require-preflight': 'true', ...withToken(token) } });
    expect(response.status).toBe(405);
  });
});
