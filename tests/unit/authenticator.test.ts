import { SignJWT, type JWTPayload } from 'jose';
import { Authenticator } from '../../src/identity/Authenticator';
import { TokenVerifier } from '../../src/identity/TokenVerifier';

const READER_SECRET = 'reader-secret-0123456789-0123456789';
const EDITOR_SECRET = 'editor-secret-0123456789-0123456789';
const sign = (claims: JWTPayload, secret: string, expiresIn: string | number = '5m') =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(expiresIn).sign(new TextEncoder().encode(secret));

const readers = new TokenVerifier({ keys: { kind: 'secret', secret: READER_SECRET }, clockToleranceSeconds: 5 });
const editors = new TokenVerifier({
  keys: { kind: 'secret', secret: EDITOR_SECRET },
  clockToleranceSeconds: 5,
  requireClaims: (claims) => (claims.preview === true ? undefined : 'The token does not allow previews.'),
});
const authenticator = new Authenticator([
  { kind: 'editor', verifier: editors },
  { kind: 'reader', verifier: readers },
]);

describe('Authenticator', () => {
  it('answers at once for requests without a bearer token: anonymous', () => {
    expect(authenticator.authenticate(undefined)).toEqual({ ok: true, principal: { kind: 'anonymous' } });
    expect(authenticator.authenticate('Basic dXNlcjpwdw==')).toEqual({ ok: true, principal: { kind: 'anonymous' } });
  });

  it('tells readers and editors apart by whose key signed the token', async () => {
    expect(await authenticator.authenticate(`Bearer ${await sign({ sub: 'reader-a' }, READER_SECRET)}`)).toEqual({ ok: true, principal: { kind: 'reader', readerId: 'reader-a' } });
    expect(await authenticator.authenticate(`Bearer ${await sign({ sub: 'ed-1', preview: true }, EDITOR_SECRET)}`)).toEqual({ ok: true, principal: { kind: 'editor', editorId: 'ed-1' } });
  });

  it('refuses what no audience accepts, with the most telling reason, never as anonymous', async () => {
    const expired = await authenticator.authenticate(`Bearer ${await sign({ sub: 'reader-a' }, READER_SECRET, Math.floor(Date.now() / 1000) - 120)}`);
    expect(expired).toMatchObject({ ok: false, rejection: { reason: 'expired' } });
    const forged = await authenticator.authenticate(`Bearer ${await sign({ sub: 'x' }, 'someone-else-0123456789-0123456789')}`);
    expect(forged).toMatchObject({ ok: false, rejection: { reason: 'bad_signature' } });
    expect(await authenticator.authenticate('Bearer nonsense')).toMatchObject({ ok: false, rejection: { reason: 'malformed' } });
    // An editor-signed token without the preview claim is no reader's either.
    const noClaim = await authenticator.authenticate(`Bearer ${await sign({ sub: 'ed-1' }, EDITOR_SECRET)}`);
    expect(noClaim).toMatchObject({ ok: false, rejection: { reason: 'claims' } });
  });

  it('leaves tokens alone when no audience is configured', () => {
    expect(new Authenticator([]).authenticate('Bearer a.b.c')).toEqual({ ok: true, principal: { kind: 'anonymous' } });
  });
});
