export interface HttpCacheSettings {
  /** How long CDNs may keep a response (`s-maxage`); default: the same as browsers (`max-age`). */
  sharedMaxAgeSeconds: number | undefined;
  staleWhileRevalidateSeconds: number;
  staleIfErrorSeconds: number;
}

export interface CacheControlInput {
  /** The operation's overall maxAge from the schema's cache hints; 0 when something was uncacheable. */
  maxAgeSeconds: number;
  scope: 'PUBLIC' | 'PRIVATE';
  /** Any error, degraded field or stale-on-error entity: such a response must not be kept anywhere. */
  hasErrors: boolean;
  /** The request carried Authorization or Cookie: it may be answered differently for this caller. */
  credentialed: boolean;
  /** Only queries are cacheable; mutations and subscriptions never are. */
  isQuery: boolean;
  /** The operation resolved data for this caller alone (RequestOutcome.privateAnswer): private, errors or not. */
  privateAnswer?: boolean;
}

export interface CacheControlDecision {
  header: string;
  /** Shared caches (the CDN, the gateway's response cache) may keep it, so it gets cache tags. */
  shared: boolean;
  maxAgeSeconds: number;
}

const NO_STORE: CacheControlDecision = { header: 'no-store', shared: false, maxAgeSeconds: 0 };
const PRIVATE_NO_STORE: CacheControlDecision = { header: 'private, no-store', shared: false, maxAgeSeconds: 0 };

/** The response's Cache-Control: public and long for anonymous, error-free queries; otherwise private or no-store. */
export function cacheControlFor(input: CacheControlInput, settings: HttpCacheSettings): CacheControlDecision {
  if (input.privateAnswer) return PRIVATE_NO_STORE;
  if (!input.isQuery || input.hasErrors || input.maxAgeSeconds <= 0) return NO_STORE;
  if (input.credentialed) return PRIVATE_NO_STORE;
  if (input.scope === 'PRIVATE') return { header: `private, max-age=${input.maxAgeSeconds}`, shared: false, maxAgeSeconds: input.maxAgeSeconds };
  const parts = [
    'public',
    `max-age=${input.maxAgeSeconds}`,
    `s-maxage=${settings.sharedMaxAgeSeconds ?? input.maxAgeSeconds}`,
  ];
  if (settings.staleWhileRevalidateSeconds > 0) parts.push(`stale-while-revalidate=${settings.staleWhileRevalidateSeconds}`);
  if (settings.staleIfErrorSeconds > 0) parts.push(`stale-if-error=${settings.staleIfErrorSeconds}`);
  return { header: parts.join(', '), shared: true, maxAgeSeconds: input.maxAgeSeconds };
}
