import { LRUCache } from 'lru-cache';

/** Request bodies above this size are not remembered: real operations with their variables are far smaller. */
const MAX_BODY_BYTES = 8 * 1024;
/** All remembered bodies together: a few thousand real requests' worth. */
const MAX_MEMO_BYTES = 4 * 1024 * 1024;

/**
 * Response-cache keys of recently seen JSON request bodies. A key is a pure function of the body's bytes
 * and the Accept header (trusted documents are fixed at start-up), so the same bytes again skip JSON
 * parsing, trusted-document resolution, canonical variables and hashing, which are most of what is left
 * to do on a response-cache hit. Only keys that were computed are remembered (bad JSON and refused
 * documents never are); credentials and CSRF headers are still checked on every request.
 */
export class RequestKeyMemo {
  // Bounded by the bytes of the bodies it keeps (the keys), not only by their number.
  private readonly keys = new LRUCache<string, string>({ maxSize: MAX_MEMO_BYTES, sizeCalculation: (cacheKey, body) => body.length + cacheKey.length });

  get(rawBody: Buffer, accept: string | undefined): string | undefined {
    return rawBody.length <= MAX_BODY_BYTES ? this.keys.get(memoKey('B', rawBody.toString('latin1'), accept)) : undefined;
  }

  remember(rawBody: Buffer, accept: string | undefined, cacheKey: string): void {
    if (rawBody.length <= MAX_BODY_BYTES) this.keys.set(memoKey('B', rawBody.toString('latin1'), accept), cacheKey);
  }

  /** The same for a GET's query string (`?query=…` or `?extensions=…`), as the URL carried it. */
  getForSearch(search: string, accept: string | undefined): string | undefined {
    return search.length <= MAX_BODY_BYTES ? this.keys.get(memoKey('Q', search, accept)) : undefined;
  }

  rememberForSearch(search: string, accept: string | undefined, cacheKey: string): void {
    if (search.length <= MAX_BODY_BYTES) this.keys.set(memoKey('Q', search, accept), cacheKey);
  }
}

/**
 * latin1 maps each byte to one character, so different bodies never make the same key; the first letter
 * keeps bodies and query strings apart, and a header value never holds a newline.
 */
function memoKey(kind: 'B' | 'Q', request: string, accept: string | undefined): string {
  return `${kind}${accept ?? ''}\n${request}`;
}
