import pino from 'pino';
import { UPSTREAM_DEFAULTS } from '../../src/config';
import { JwksSource } from '../../src/sources/identity/JwksSource';
import { UpstreamClient } from '../../src/sources/http/UpstreamClient';
import { noopTelemetry } from '../../src/telemetry';
import { startLoopbackServer, type LoopbackServer } from '../support/loopbackServer';

describe('JwksSource against a real JWKS endpoint', () => {
  let server: LoopbackServer;
  let keys: { kty: string; kid: string }[] = [{ kty: 'RSA', kid: 'k1' }];
  let failing = false;
  let client: UpstreamClient;
  let now = 1_000_000;
  beforeAll(async () => {
    server = await startLoopbackServer((_req, res) => {
      if (failing) {
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
    });
    client = new UpstreamClient({ serviceName: 'identity', policy: { ...UPSTREAM_DEFAULTS, retries: 0 }, telemetry: noopTelemetry, logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });
  const source = () => new JwksSource(client, { url: `${server.url}/.well-known/jwks.json`, maxAgeMs: 60_000, refreshCooldownMs: 30_000, now: () => now });

  it('fetches once for many concurrent callers and serves the cached set until it is old', async () => {
    const jwks = source();
    server.hits.length = 0;
    const sets = await Promise.all([jwks.get(), jwks.get(), jwks.get()]);
    expect(sets.map((set) => set.keys.map((key) => key.kid))).toEqual([['k1'], ['k1'], ['k1']]);
    expect(server.hits).toHaveLength(1);
    await jwks.get();
    expect(server.hits).toHaveLength(1);
    now += 60_001;
    keys = [{ kty: 'RSA', kid: 'k2' }];
    expect((await jwks.get()).keys.map((key) => key.kid)).toEqual(['k2']);
    expect(server.hits).toHaveLength(2);
  });

  it('refreshes for an unknown key at most once per cooldown, and keeps an old set while the provider is down', async () => {
    const jwks = source();
    keys = [{ kty: 'RSA', kid: 'k1' }];
    await jwks.get();
    server.hits.length = 0;
    keys = [{ kty: 'RSA', kid: 'k3' }];
    expect((await jwks.refresh()).keys.map((key) => key.kid)).toEqual(['k3']);
    expect((await jwks.refresh()).keys.map((key) => key.kid)).toEqual(['k3']);
    expect(server.hits).toHaveLength(1);

    failing = true;
    now += 60_001;
    expect((await jwks.get()).keys.map((key) => key.kid)).toEqual(['k3']);
    await expect(source().get()).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
    failing = false;
  });
});
