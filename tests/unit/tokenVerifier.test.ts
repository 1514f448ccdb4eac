import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { bearerToken, TokenRejected, TokenVerifier, type KeySetSource } from '../../src/identity/TokenVerifier';

const SECRET = 'reader-secret-0123456789-0123456789';

async function hs256(claims: JWTPayload, secret = SECRET, options: { expiresIn?: string | number; notBefore?: string | number } = {}): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (options.expiresIn !== undefined) jwt = jwt.setExpirationTime(options.expiresIn);
  if (options.notBefore !== undefined) jwt = jwt.setNotBefore(options.notBefore);
  return jwt.sign(new TextEncoder().encode(secret));
}

async function rejection(promise: Promise<unknown>): Promise<TokenRejected> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TokenRejected) return error;
    throw error;
  }
  throw new Error('expected the token to be rejected');
}

describe('TokenVerifier with a shared secret (HS256)', () => {
  const verifier = new TokenVerifier({ keys: { kind: 'secret', secret: SECRET }, clockToleranceSeconds: 5 });

  it('accepts a good token and names its subject', async () => {
    const token = await hs256({ sub: 'reader-a' }, SECRET, { expiresIn: '10m' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 'reader-a' });
  });

  it('rejects expired, not-yet-valid, wrongly signed, subject-less and malformed tokens, each with its reason', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await rejection(verifier.verify(await hs256({ sub: 'a' }, SECRET, { expiresIn: now - 60 })))).reason).toBe('expired');
    expect((await rejection(verifier.verify(await hs256({ sub: 'a' }, SECRET, { notBefore: now + 60 })))).reason).toBe('not_yet_valid');
    expect((await rejection(verifier.verify(await hs256({ sub: 'a' }, 'another-secret-0123456789-0123456789')))).reason).toBe('bad_signature');
    expect((await rejection(verifier.verify(await hs256({})))).reason).toBe('claims');
    expect((await rejection(verifier.verify('not.a.jwt'))).reason).toBe('malformed');
  });

  it('with a maximum token age, refuses a token issued longer ago, or without iat, whatever its exp says', async () => {
    const shortLived = new TokenVerifier({ keys: { kind: 'secret', secret: SECRET }, clockToleranceSeconds: 5, maxTokenAgeSeconds: 600 });
    const now = Math.floor(Date.now() / 1000);
    const issuedAt = (iat: number) =>
      new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(iat).setExpirationTime(now + 3_600).sign(new TextEncoder().encode(SECRET));
    await expect(shortLived.verify(await issuedAt(now - 60))).resolves.toMatchObject({ subject: 'a' });
    expect((await rejection(shortLived.verify(await issuedAt(now - 700)))).reason).toBe('expired');
    const withoutIat = await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(now + 60).sign(new TextEncoder().encode(SECRET));
    expect((await rejection(shortLived.verify(withoutIat))).reason).toBe('claims');
  });

  it('forgives a clock a few seconds apart, and no more', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(verifier.verify(await hs256({ sub: 'a' }, SECRET, { expiresIn: now - 2 }))).resolves.toMatchObject({ subject: 'a' });
    expect((await rejection(verifier.verify(await hs256({ sub: 'a' }, SECRET, { expiresIn: now - 30 })))).reason).toBe('expired');
  });

  it('refuses an alg:none token and one signed with an asymmetric algorithm', async () => {
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'a' })).toString('base64url')}.`;
    expect((await rejection(verifier.verify(unsigned))).reason).not.toBeUndefined();
    const { privateKey } = await generateKeyPair('ES256');
    const es256 = await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
    expect((await rejection(verifier.verify(es256))).reason).toBe('bad_signature');
  });

  it('checks issuer, audience and required claims when configured', async () => {
    const strict = new TokenVerifier({
      keys: { kind: 'secret', secret: SECRET },
      issuer: 'https://login.example',
      audience: 'newsroom',
      clockToleranceSeconds: 5,
      requireClaims: (claims) => (claims.preview === true ? undefined : 'The token does not allow previews.'),
    });
    const good = await hs256({ sub: 'e', iss: 'https://login.example', aud: 'newsroom', preview: true });
    await expect(strict.verify(good)).resolves.toMatchObject({ subject: 'e' });
    expect((await rejection(strict.verify(await hs256({ sub: 'e', iss: 'https://other', aud: 'newsroom', preview: true })))).reason).toBe('claims');
    expect((await rejection(strict.verify(await hs256({ sub: 'e', iss: 'https://login.example', aud: 'other', preview: true })))).reason).toBe('claims');
    const noPreview = await rejection(strict.verify(await hs256({ sub: 'e', iss: 'https://login.example', aud: 'newsroom' })));
    expect(noPreview.message).toBe('The token does not allow previews.');
  });

  it('refuses secrets shorter than 32 characters at construction', () => {
    expect(() => new TokenVerifier({ keys: { kind: 'secret', secret: 'short' }, clockToleranceSeconds: 5 })).toThrow(/32 characters/);
  });
});

describe('TokenVerifier with a key set (RS256, ES256)', () => {
  it('finds the key by kid, fetches the set again once for an unknown kid, and refuses HS256', async () => {
    const first = await generateKeyPair('RS256');
    const second = await generateKeyPair('ES256');
    const jwk = async (key: Awaited<ReturnType<typeof generateKeyPair>>['publicKey'], kid: string, alg: string) => ({ ...(await exportJWK(key)), kid, alg, use: 'sig' });
    let published = { keys: [await jwk(first.publicKey, 'k1', 'RS256')] };
    // A source like JwksSource: `get` answers the set fetched last, `refresh` fetches what is published now.
    let fetches = 0;
    let cached: typeof published | undefined;
    const fetchPublished = () => {
      fetches += 1;
      cached = published;
      return cached;
    };
    const source: KeySetSource = { get: async () => cached ?? fetchPublished(), refresh: async () => fetchPublished() };
    const verifier = new TokenVerifier({ keys: { kind: 'jwks', keys: source }, clockToleranceSeconds: 5 });
    const rs = await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(first.privateKey);
    await expect(verifier.verify(rs)).resolves.toMatchObject({ subject: 'a' });

    // The provider rotates in a new key: the first token with its kid makes the verifier ask again.
    published = { keys: [...published.keys, await jwk(second.publicKey, 'k2', 'ES256')] };
    const es = await new SignJWT({ sub: 'b' }).setProtectedHeader({ alg: 'ES256', kid: 'k2' }).sign(second.privateKey);
    const before = fetches;
    await expect(verifier.verify(es)).resolves.toMatchObject({ subject: 'b' });
    expect(fetches).toBe(before + 1);

    const hs = await hs256({ sub: 'c' });
    expect((await rejection(verifier.verify(hs))).reason).toBe('bad_signature');
  });

  it('says the keys are unavailable when the set cannot be fetched', async () => {
    const verifier = new TokenVerifier({
      keys: { kind: 'jwks', keys: { get: () => Promise.reject(new Error('down')), refresh: () => Promise.reject(new Error('down')) } },
      clockToleranceSeconds: 5,
    });
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(privateKey);
    expect((await rejection(verifier.verify(token))).reason).toBe('keys_unavailable');
  });
});

describe('bearerToken', () => {
  it('reads a Bearer token, ignores other schemes, and calls an empty or odd one malformed', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Basic dXNlcjpwdw==')).toBeUndefined();
    expect(bearerToken('Bearer aaa.bbb.ccc')).toBe('aaa.bbb.ccc');
    expect(bearerToken('bearer  aaa.bbb.ccc ')).toBe('aaa.bbb.ccc');
    expect(bearerToken('Bearer')).toBe('malformed');
    expect(bearerToken('Bearer not a token')).toBe('malformed');
  });
});
