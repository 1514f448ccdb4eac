import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { HeaderMap } from '@apollo/server';
import type { PurgeMark } from '../../cache/PurgeLedger';
import type { CachedResponse, ResponseCache } from '../../cache/ResponseCache';
import type { RequestOutcome } from '../../requestOutcome';
import { sharedCacheMayAnswer } from './requestAcceptance';
import { RequestKeyMemo } from './RequestKeyMemo';
import { graphqlRequestParts, responseCacheKey } from './responseCacheKey';
import type { PreparedAnswer } from './PreparedAnswer';
import { adoptPrepared, sendCachedResponse } from './sendCachedResponse';

/** What the route knows of a request when it asks for its cache key. */
export interface CacheableRequest {
  method: string;
  headers: IncomingHttpHeaders;
  /** The body after trusted documents were swapped in (POST). */
  body: unknown;
  /** The query string after trusted documents were swapped in (GET). */
  search: string;
  /** The query string as the client sent it (GET), to remember the key by. */
  originalSearch: string;
  /** A JSON POST body as received, to remember the key by. */
  rawJson: Buffer | undefined;
}

/**
 * The response cache as the GraphQL route uses it, lookups and store in one place: the two fast paths
 * (a JSON body or a GET query string seen before, answered from memory without parsing anything), the
 * key of a request on the long way, the lookup there, and the store of a fresh answer once the outcome
 * says shared caches may keep it. Every path asks the same question first: may a shared cache answer
 * this request at all (sharedCacheMayAnswer)?
 */
export class ResponseCacheFront {
  private readonly keyMemo = new RequestKeyMemo();

  constructor(
    private readonly cache: ResponseCache,
    private readonly maxTtlSeconds: number,
    /** gzip and brotli per Accept-Encoding (COMPRESSION). */
    private readonly compression: boolean,
  ) {}

  /** A POST whose exact bytes an earlier request sent, answered from memory: true when answered. */
  answerKnownBody(res: ServerResponse, rawJson: Buffer, headers: IncomingHttpHeaders): boolean {
    if (res.headersSent || !sharedCacheMayAnswer('POST', headers)) return false;
    const key = this.keyMemo.get(rawJson, headers.accept);
    const hit = key === undefined ? undefined : this.cache.peek(key);
    if (!hit) return false;
    sendCachedResponse(res, hit, headers, false, this.compression);
    return true;
  }

  /** The same for a GET (or HEAD) whose query string an earlier request had: what a CDN-facing SSR request mostly is. */
  answerKnownSearch(res: ServerResponse, search: string, headers: IncomingHttpHeaders, headOnly: boolean): boolean {
    if (!sharedCacheMayAnswer('GET', headers)) return false;
    const key = this.keyMemo.getForSearch(search, headers.accept);
    const hit = key === undefined ? undefined : this.cache.peek(key);
    if (!hit) return false;
    sendCachedResponse(res, hit, headers, headOnly, this.compression);
    return true;
  }

  /**
   * The request's cache key, or undefined when shared caches must not answer it (credentials, CSRF, a
   * batch, a malformed request Apollo will refuse). The key is remembered by the request's raw form, so
   * the fast paths find it next time.
   */
  keyFor(request: CacheableRequest): string | undefined {
    if (!sharedCacheMayAnswer(request.method, request.headers)) return undefined;
    const parts = graphqlRequestParts(request.method, request.body, new URLSearchParams(request.search));
    const key = parts ? responseCacheKey(parts, request.headers.accept) : undefined;
    if (key === undefined) return undefined;
    if (request.rawJson) this.keyMemo.remember(request.rawJson, request.headers.accept, key);
    if (request.method !== 'POST') this.keyMemo.rememberForSearch(request.originalSearch, request.headers.accept, key);
    return key;
  }

  /** Memory first, then Redis: true when answered. */
  async answerFromCache(res: ServerResponse, key: string, headers: IncomingHttpHeaders, headOnly: boolean): Promise<boolean> {
    const hit = this.cache.peek(key) ?? (await this.cache.get(key));
    if (!hit) return false;
    sendCachedResponse(res, hit, headers, headOnly, this.compression);
    return true;
  }

  /** Where purges stood when the request began (see PurgeLedger). */
  mark(): PurgeMark {
    return this.cache.mark();
  }

  /**
   * Keeps a fresh 200 answer when the outcome's verdict lets shared caches keep it. After the answer is
   * sent; a failed write is a later miss, never this request's problem.
   */
  store(key: string, outcome: RequestOutcome, answer: PreparedAnswer, headers: HeaderMap, body: string, mark: PurgeMark): void {
    const shared = outcome.shared;
    if (!shared || answer.status !== 200 || outcome.privateAnswer) return;
    const stored: CachedResponse = { status: 200, headers: [...headers], body, tags: shared.tags, storedAt: Date.now() };
    // The in-process tier keeps this very object: its hits reuse the bytes, ETag and codings made for the miss.
    adoptPrepared(stored, answer, this.compression);
    void this.cache.set(key, stored, Math.min(shared.maxAgeSeconds, this.maxTtlSeconds), mark);
  }
}
