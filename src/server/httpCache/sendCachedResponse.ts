import type { ServerResponse } from 'node:http';
import type { CachedResponse } from '../../cache/ResponseCache';
import { PreparedAnswer, type AnswerRequest } from './PreparedAnswer';

/**
 * Entries kept ready to write, per cached entry. Entries are stored with a string body (the shared tier
 * holds JSON), so each in-process entry is encoded to bytes, hashed for its ETag and compressed once, on
 * its first hit (or handed the variants its miss made), instead of on every hit. Goes with its entry.
 */
const prepared = new WeakMap<CachedResponse, PreparedAnswer>();

const HIT = 'HIT';

/** Hands a stored entry the bytes, ETag and compressed variants its miss already made. */
export function adoptPrepared(cached: CachedResponse, answer: PreparedAnswer, compression: boolean): void {
  prepared.set(cached, answer.withOptions({ compression, xCache: HIT }));
}

function prepare(cached: CachedResponse, compression: boolean): PreparedAnswer {
  let ready = prepared.get(cached);
  if (!ready) {
    ready = new PreparedAnswer(cached.status, cached.headers, Buffer.from(cached.body), { compression, xCache: HIT });
    prepared.set(cached, ready);
  }
  return ready;
}

/** A response-cache hit: the stored status, headers and bytes (in the coding asked for), plus its age in seconds. */
export function sendCachedResponse(
  res: ServerResponse,
  cached: CachedResponse,
  request: AnswerRequest,
  headOnly: boolean,
  compression: boolean,
  now: number = Date.now(),
): void {
  res.setHeader('age', Math.max(0, Math.floor((now - cached.storedAt) / 1000)));
  prepare(cached, compression).send(res, request, headOnly);
}
