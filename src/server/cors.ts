import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';

export type CorsHandler = (req: IncomingMessage, res: ServerResponse) => Promise<'answered' | 'continue'>;

export interface CorsOptions {
  /** Exact origins, `*` for any, or `scheme://host:*` for any port of that host. */
  origins: readonly string[];
  /** Request headers a browser may send (lower-case). */
  allowedHeaders: readonly string[];
}

/** `http://localhost:*` matches that host on any port (or none); everything else is matched exactly. */
function originMatcher(origin: string): string | RegExp {
  if (!origin.endsWith(':*')) return origin;
  const escaped = origin.slice(0, -2).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}(:\\d{1,5})?$`);
}

/**
 * CORS for browser clients on other origins: only the configured ones (`*` for any) get the headers that
 * let a browser read our answers. A preflight (OPTIONS) is answered here, with 204. The `cors` package
 * adds `Vary: Origin` whenever the answer depends on the origin (anything but `*`).
 */
export function createCors({ origins, allowedHeaders }: CorsOptions): CorsHandler {
  const middleware = cors({
    origin: origins.includes('*') ? '*' : origins.map(originMatcher),
    methods: ['GET', 'POST'],
    allowedHeaders: [...allowedHeaders],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
  return (req, res) =>
    new Promise((resolve, reject) => {
      middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve('continue')));
      // cors ends preflights itself without calling next().
      if (res.writableEnded) resolve('answered');
    });
}
