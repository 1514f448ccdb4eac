import type { PurgeItem, PurgeReport } from '../../cache/ContentPurger';
import { ErrorCode } from '../../errors';
import { readBodyOrAnswer, type BodyLimits } from '../readBody';
import { sendError, sendJson } from '../sendJson';
import { createPurgeItemsParser } from '../webhooks/parsePurgeItems';
import { verifySignature } from '../webhooks/verifySignature';
import type { Route } from './Route';

export interface ContentChangedRouteDeps {
  /** Unset: the webhook is turned off and says so. */
  secret: string | undefined;
  /** The kinds a purge may name: those with cache tags. */
  kinds: readonly string[];
  /** The cache facade's purge: every cache, every tier, every instance. */
  purge: (items: readonly PurgeItem[]) => Promise<PurgeReport>;
  /** BODY_LIMIT_BYTES, BODY_DRAIN_LIMIT_BYTES and SERVER_RECEIVE_TIMEOUT_MS. */
  bodyLimits: BodyLimits;
  onPurged: (report: PurgeReport) => void;
}

/**
 * `POST /webhooks/content-changed`: the CMS calls it on publish, update or unpublish. The body is
 * authenticated (HMAC-SHA256 of the raw bytes with WEBHOOK_SECRET, in `X-Signature: sha256=<hex>`)
 * before it is even parsed; then the named entities and every cached response showing them are purged
 * on all instances, and the answer lists the tags to purge at the CDN.
 */
export function createContentChangedRoute({ secret, kinds, purge, bodyLimits, onPurged }: ContentChangedRouteDeps): Route {
  const parsePurgeItems = createPurgeItemsParser(kinds);
  return async (req, res) => {
    if (!secret) {
      sendError(res, 404, ErrorCode.NOT_FOUND, 'The content-changed webhook is turned off: set WEBHOOK_SECRET to turn it on.');
      return;
    }
    if (req.method !== 'POST') {
      sendError(res, 405, ErrorCode.METHOD_NOT_ALLOWED, `Method ${req.method ?? ''} is not allowed; POST a signed JSON body.`, { allow: 'POST' });
      return;
    }
    const raw = await readBodyOrAnswer(req, res, bodyLimits);
    if (!raw) return;
    const signature = verifySignature(secret, raw, req.headers['x-signature'], req.headers['x-signature-timestamp']);
    if (!signature.ok) {
      sendError(res, 401, ErrorCode.UNAUTHENTICATED, signature.problem);
      return;
    }
    const parsed = parsePurgeItems(raw);
    if (!parsed.ok) {
      sendJson(
        res,
        400,
        { errors: [{ message: `Malformed purge request: ${parsed.problems.join('; ')}`, extensions: { code: ErrorCode.BAD_REQUEST, problems: parsed.problems } }] },
        { 'cache-control': 'no-store' },
      );
      return;
    }
    const report = await purge(parsed.items);
    onPurged(report);
    // Only this instance was purged when Redis was unreachable: say so, so the sender can retry.
    const status = report.shared === 'unavailable' ? 503 : 200;
    sendJson(
      res,
      status,
      {
        purged: report.entities,
        responsesPurged: report.responsesPurged,
        responsesPurgedByTier: report.responsesPurgedByTier,
        sharedCache: report.shared,
        // The other instances told, and how many said they applied the purge before this answer.
        ...(report.instances ? { instances: report.instances } : {}),
        cdn: { tags: report.tags, surrogateKey: report.tags.join(' '), cacheTag: report.tags.join(',') },
      },
      { 'cache-control': 'no-store' },
    );
  };
}
