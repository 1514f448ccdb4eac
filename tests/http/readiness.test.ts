import type { ReadinessCheck } from '../../src/server/routes/readinessRoute';
import { startTestGateway } from '../support/startTestGateway';

describe('/readyz', () => {
  it('answers 200 when every check passes and 503 naming the failing ones otherwise', async () => {
    let upstreamUp = true;
    const checks: ReadinessCheck[] = [
      { name: 'always', check: async () => undefined },
      {
        name: 'upstream',
        check: async () => {
          if (!upstreamUp) throw new Error('upstream does not answer');
        },
      },
    ];
    const gateway = await startTestGateway({ readinessChecks: checks });
    try {
      const ready = await fetch(`${gateway.baseUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(ready.headers.get('cache-control')).toBe('no-store');
      expect(await ready.json()).toEqual({
        status: 'ready',
        failing: [],
        degraded: [],
        checks: [
          { name: 'always', ok: true },
          { name: 'upstream', ok: true },
        ],
      });

      upstreamUp = false;
      const notReady = await fetch(`${gateway.baseUrl}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({
        status: 'not_ready',
        failing: ['upstream'],
        degraded: [],
        checks: [
          { name: 'always', ok: true },
          { name: 'upstream', ok: false, error: 'upstream does not answer' },
        ],
      });
      // Liveness is unaffected.
      expect((await fetch(`${gateway.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });

  it('stays in rotation (200, `degraded`) when only a check every instance shares fails', async () => {
    let sharedUp = true;
    const checks: ReadinessCheck[] = [
      {
        name: 'shared',
        degrades: true,
        check: async () => {
          if (!sharedUp) throw new Error('shared dependency away');
        },
      },
    ];
    const gateway = await startTestGateway({ readinessChecks: checks });
    try {
      expect(await (await fetch(`${gateway.baseUrl}/readyz`)).json()).toEqual(expect.objectContaining({ status: 'ready', degraded: [] }));
      sharedUp = false;
      const degraded = await fetch(`${gateway.baseUrl}/readyz`);
      expect(degraded.status).toBe(200);
      expect(await degraded.json()).toEqual({
        status: 'degraded',
        failing: [],
        degraded: ['shared'],
        checks: [{ name: 'shared', ok: false, degrades: true, error: 'shared dependency away' }],
      });
    } finally {
      await gateway.close();
    }
  });

  it('is ready with no checks at all (no Redis configured)', async () => {
    const gateway = await startTestGateway();
    try {
      expect((await fetch(`${gateway.baseUrl}/readyz`)).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });
});
