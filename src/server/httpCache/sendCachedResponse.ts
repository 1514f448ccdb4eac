import type { ServerResponse } from 'node:http';
import type { CachedResponse } from '../../cache/ResponseCache';

interface PreparedResponse {
  body: Buffer;
  /** The stored headers with the entry's fixed ones added; only Age changes between hits. */
  headers: Record<string, string | number>;
}

/**
 * Entries kept ready to write, per cached entry. Entries are stored with a string body (the shared tier
 * holds JSON), so each in-process entry is encoded to bytes once, on its first hit, instead of on every
 * hit (twice: for Content-Length and for the socket). Goes with its entry.
 */
const prepared = new WeakMap<CachedResponse, PreparedResponse>();

function prepare(cached: CachedResponse): PreparedResponse {
  let ready = prepared.get(cached);
  if (!ready) {
    const body = Buffer.from(cached.body);
    const headers: Record<string, string | number> = {};
    for (const [name, value] of cached.headers) headers[name] = value;
    headers['content-length'] = body.length;
    headers['x-cache'] = 'HIT';
    ready = { body, headers };
    prepared.set(cached, ready);
  }
  return ready;
}

/** A response-cache hit: the stored status, headers and bytes, plus its age (seconds since it was stored). */
export function sendCachedResponse(res: ServerResponse, cached: CachedResponse, headOnly: boolean, now: number = Date.now()): void {
  const { body, headers } = prepare(cached);
  res.setHeader('age', Math.max(0, Math.floor((now - cached.storedAt) / 1000)));
  res.writeHead(cached.status, headers);
  res.end(headOnly ? undefined : body);
}
