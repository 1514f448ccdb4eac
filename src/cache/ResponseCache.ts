import type { PurgeLedger, PurgeMark } from './PurgeLedger';
import type { TieredStore } from './TieredStore';

/** A whole HTTP answer as sent, so a hit is written straight to the socket without running GraphQL. */
export interface CachedResponse {
  status: number;
  headers: [string, string][];
  body: string;
  /** Cache tags of the entities inside, for purges. */
  tags: string[];
  /** Epoch milliseconds, for the Age header. */
  storedAt: number;
}

function valid(entry: CachedResponse | undefined): CachedResponse | undefined {
  return entry && typeof entry.body === 'string' && Array.isArray(entry.headers) ? entry : undefined;
}

/** Rough memory cost of an entry, for the in-process tier's byte bound. */
export function responseSize(value: object): number {
  const response = value as CachedResponse;
  return response.body.length + 64 * response.headers.length + 16 * response.tags.length + 64;
}

/**
 * The full-response cache for anonymous queries, in both tiers. Entries are indexed by tag in Redis and
 * scanned by tag in memory, so a publish event drops exactly the responses that showed the changed
 * entities.
 */
export class ResponseCache {
  constructor(
    readonly store: TieredStore,
    private readonly version: string,
    /** Shared with the entity cache: a response computed from data read before a purge of its tags is not stored. */
    private readonly ledger: PurgeLedger,
  ) {}

  /** Where purges stood when a request began: taken before it reads anything, handed back to `set`. */
  mark(): PurgeMark {
    return this.ledger.mark();
  }

  private key(requestKey: string): string {
    return `${this.version}:${requestKey}`;
  }

  async get(requestKey: string): Promise<CachedResponse | undefined> {
    return valid(this.peek(requestKey) ?? (await this.store.get<CachedResponse>(this.key(requestKey), 'response')));
  }

  /** The in-process entry, without waiting: the common hit. Undefined sends the caller to `get`. */
  peek(requestKey: string): CachedResponse | undefined {
    return valid(this.store.peek<CachedResponse>(this.key(requestKey), 'response'));
  }

  /** `mark`: taken when the request began; a tag purged since then makes the answer too old to keep, in either tier. */
  set(requestKey: string, response: CachedResponse, ttlSeconds: number, mark: PurgeMark): Promise<void> {
    if (ttlSeconds <= 0) return Promise.resolve();
    return this.store.setMany([{ key: this.key(requestKey), value: response, ttlMs: ttlSeconds * 1000, dependsOn: response.tags, tags: response.tags }], mark);
  }

  /** Drops this instance's in-process responses carrying any of `tags` (the ledger has noted the purge). */
  purgeLocal(tags: readonly string[]): number {
    const doomed = new Set(tags);
    return this.store.memory.deleteWhere((_key, value) => (value as CachedResponse).tags?.some((tag) => doomed.has(tag)) ?? false);
  }
}
