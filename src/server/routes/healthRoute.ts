import type { Route } from './Route';
import { sendJson } from '../sendJson';

/** Liveness: the process is up and its event loop answers. */
export const healthRoute: Route = (_req, res) => {
  sendJson(res, 200, { status: 'ok' }, { 'cache-control': 'no-store' });
};
