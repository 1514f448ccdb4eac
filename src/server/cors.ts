import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';

/** Headers browsers may send: Apollo's CSRF-prevention headers among them, so Sandbox and Apollo Client work. */
const ALLOWED_HEADERS = ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id', 'authorization'];

export type CorsHandler = (req: IncomingMessage, res: ServerResponse) => Promise<'answered' | 'continue'>;

/**
 * CORS for browser clients on other origins: only the configured ones (`*` for any) get the headers that
 * let a browser read our answers. A preflight (OPTIONS) is answered here, with 204.
 */
export function createCors(allowedOrigins: readonly string[]): CorsHandler {
  const middleware = cors({
    origin: allowedOrigins.includes('*') ? '*' : [...allowedOrigins],
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
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
