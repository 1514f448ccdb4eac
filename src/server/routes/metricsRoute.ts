import { ErrorCode } from '../../errors';
import type { PrometheusTelemetry } from '../../metrics/PrometheusTelemetry';
import { sendError } from '../sendJson';
import type { Route } from './Route';

/** Prometheus scrape endpoint: the gateway's own registry in the text exposition format. */
export function createMetricsRoute(metrics: PrometheusTelemetry): Route {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, ErrorCode.METHOD_NOT_ALLOWED, 'Use GET /metrics.', { allow: 'GET' });
      return;
    }
    const body = await metrics.metrics();
    res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
