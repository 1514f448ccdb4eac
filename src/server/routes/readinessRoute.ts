import { sendJson } from '../sendJson';
import type { Route } from './Route';

/** One thing the gateway needs to serve well (Redis, an upstream, …). `check` throws with a safe, short reason when it is not ready. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/**
 * `/readyz`: 200 when every check passes, 503 naming the failing ones otherwise, so a load balancer
 * stops sending traffic to an instance that cannot serve it well. Liveness is `/healthz`.
 */
export function createReadinessRoute(checks: readonly ReadinessCheck[], options: { checkTimeoutMs: number }): Route {
  // A check that hangs counts as failed: orchestrators probe with short timeouts of their own.
  const { checkTimeoutMs } = options;
  return async (_req, res) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            check(),
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error(`no answer within ${checkTimeoutMs} ms`)), checkTimeoutMs);
            }),
          ]);
          return { name, ok: true as const };
        } catch (error) {
          return { name, ok: false as const, error: error instanceof Error ? error.message : String(error) };
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const failing = results.filter((result) => !result.ok);
    sendJson(
      res,
      failing.length === 0 ? 200 : 503,
      { status: failing.length === 0 ? 'ready' : 'not_ready', failing: failing.map((result) => result.name), checks: results },
      { 'cache-control': 'no-store' },
    );
  };
}
