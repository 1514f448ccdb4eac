import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { REFERENCE_AUTOSAVE_TITLE, REFERENCE_SLUG } from '../support/fixtures';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../support/loopbackServer';
import { bearer, signToken } from '../support/previewTokens';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';

/*
 * Preview tokens signed by an identity provider (ES256), whose keys the gateway fetches from
 * PREVIEW_JWKS_URL, served here by a real loopback server; issuer and audience checked when configured.
 */
describe('preview tokens from a JWKS URL', () => {
  let jwks: LoopbackServer;
  let gateway: TestGateway;
  let privateKey: CryptoKey;
  const QUERY = `query { post(slug: "${REFERENCE_SLUG}", preview: true) { title isPreview } }`;
  const sign = (claims: Record<string, unknown>, audience = 'newsroom-previews') =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'editor-key' }).setIssuer('https://login.example').setAudience(audience).setIssuedAt().setExpirationTime('5m').sign(privateKey);

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'editor-key', alg: 'ES256', use: 'sig' };
    jwks = await startLoopbackServer((_req, res) => sendJson(res, 200, { keys: [publicJwk] }));
    gateway = await startTestGateway({
      env: { PREVIEW_JWKS_URL: `${jwks.url}/.well-known/jwks.json`, PREVIEW_JWT_ISSUER: 'https://login.example', PREVIEW_JWT_AUDIENCE: 'newsroom-previews' },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await jwks?.close();
  });

  it('accepts an editor token signed with a key of the set, fetching the set once', async () => {
    for (let round = 0; round < 3; round += 1) {
      const response = await gateway.query(QUERY, undefined, bearer(await sign({ sub: 'editor-1', preview: true })));
      expect(response.body).toEqual({ data: { post: { title: REFERENCE_AUTOSAVE_TITLE, isPreview: true } } });
    }
    expect(jwks.hits).toHaveLength(1);
  });

  it('refuses a token for another audience, and an HS256 token, with 401', async () => {
    for (const token of [await sign({ sub: 'editor-1', preview: true }, 'another-app'), await signToken({ sub: 'editor-1', preview: true })]) {
      const response = await gateway.query(QUERY, undefined, bearer(token));
      expect(response.status).toBe(401);
      expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
  });
});
