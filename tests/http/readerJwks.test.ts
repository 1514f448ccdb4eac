import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../support/loopbackServer';
import { readerToken } from '../support/readerTokens';
import { startTestGateway, type TestGateway } from '../support/startTestGateway';

/*
 * Reader tokens signed by the site's identity provider (RS256), whose keys the gateway fetches from
 * READER_JWKS_URL (a real loopback server), refetched when a token names a key it has not seen.
 */
describe('reader tokens from a JWKS URL', () => {
  let jwks: LoopbackServer;
  let gateway: TestGateway;
  const keys: { kid: string; privateKey: CryptoKey; jwk: Record<string, unknown> }[] = [];
  const addKey = async (kid: string) => {
    const pair = await generateKeyPair('RS256');
    keys.push({ kid, privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' } });
  };
  const sign = (kid: string, audience = 'newsroom') => {
    const key = keys.find((each) => each.kid === kid) as (typeof keys)[number];
    return new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid }).setSubject('reader-7').setIssuer('https://login.example').setAudience(audience).setIssuedAt().setExpirationTime('5m').sign(key.privateKey);
  };
  const asBearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await addKey('key-1');
    jwks = await startLoopbackServer((_req, res) => sendJson(res, 200, { keys: keys.map((key) => key.jwk) }));
    gateway = await startTestGateway({ env: { READER_JWKS_URL: `${jwks.url}/jwks.json`, READER_JWT_ISSUER: 'https://login.example', READER_JWT_AUDIENCE: 'newsroom' } });
  });
  afterAll(async () => {
    await gateway?.close();
    await jwks?.close();
  });

  it('accepts a token signed with a key of the set, fetching the set once, and again for a new kid', async () => {
    for (let round = 0; round < 3; round += 1) {
      expect((await gateway.query('{ viewer { id } }', undefined, asBearer(await sign('key-1')))).body).toEqual({ data: { viewer: { id: 'reader-7' } } });
    }
    expect(jwks.hits).toHaveLength(1);
    await addKey('key-2');
    expect((await gateway.query('{ viewer { id } }', undefined, asBearer(await sign('key-2')))).body).toEqual({ data: { viewer: { id: 'reader-7' } } });
    expect(jwks.hits).toHaveLength(2);
  });

  it('refuses another audience, and an HS256 token, with 401', async () => {
    for (const token of [await sign('key-1', 'another-app'), await readerToken('reader-7')]) {
      const response = await gateway.query('{ viewer { id } }', undefined, asBearer(token));
      expect(response.status).toBe(401);
      expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
  });
});
