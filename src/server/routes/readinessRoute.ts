import { sendJson } from '../sendJson';
import type { Route } from './Route';

/** One thing the gateway needs to serve well (Redis, an upstream, …). `check` throws with a safe, short reason when it is not ready. */
export interface ReadinessCheck {
  name: string;
  /**
   * A failure degrades the instance without making it unready: for what every instance shares (Redis,
   * the purge channel), which fails on all of them at once while each still serves; a 503 there would
   * take the whole pool out of rotation.
   */
  degrades?: boolean;
  check(): Promise<void>;
}

/**
 * `/readyz`: 200 when every check passes (`ready`) or only degrading ones fail (`degraded`, naming them),
 * 503 naming the failing ones otherwise, so a load balancer stops sending traffic to an instance that
 * cannot serve it well. Liveness is `/healthz`.
 */
export function createReadinessRoute(checks: readonly ReadinessCheck[], options: { checkTimeoutMs: number }): Route {
  // A check that hangs counts as failed: orchestrators probe with short timeouts of their own.
  const { checkTimeoutMs } = options;
  return async (_req, res) => {
    const results = await Promise.all(
      checks.map(async ({ name, check, degrades }) => {
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
          return { name, ok: false as const, ...(degrades ? { degrades: true } : {}), error: error instanceof Error ? error.message : String(error) };
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const failing = results.filter((result) => !result.ok && !('degrades' in result));
    const degraded = results.filter((result) => !result.ok && 'degrades' in result);
    const status = failing.length > 0 ? 'not_ready' : degraded.length > 0 ? 'degraded' : 'ready';
    sendJson(
      res,
      failing.length === 0 ? 200 : 503,
      { status, failing: failing.map((result) => result.name), degraded: degraded.map((result) => result.name), checks: results },
      { 'cache-control': 'no-store' },
    );
  };
}
