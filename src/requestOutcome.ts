import type { GraphQLError } from 'graphql';
import { ResponseTags } from './cache/cacheTags';

/** Whether the answer came from the response cache (`X-Cache`). */
export type ResponseCacheStatus = 'HIT' | 'MISS' | 'BYPASS';

/** What shared caches (the response cache, CDNs) may do with the answer, when they may keep it at all. */
export interface SharedCacheVerdict {
  maxAgeSeconds: number;
  /** The tags sent in Surrogate-Key / Cache-Tag, and indexed for purges. */
  tags: string[];
}

/**
 * Everything one request produces besides its data, in one explicit object: the HTTP route creates it,
 * the context hands it to loaders and resolvers, Apollo plugins fill in the verdicts, and the route reads
 * it to answer and to store. Nothing travels through side channels or closures.
 */
export class RequestOutcome {
  /** Cache tags of the records resolved, and the shortest cached-miss lifetime met. */
  readonly tags = new ResponseTags();
  /** Entities answered from stale cache because their upstream failed; reported in `extensions.stale`. */
  readonly stale = new Set<string>();
  /**
   * Errors for fields that still returned usable data (an empty rail when the recommendation upstream is
   * down): the client gets both the data and the reason.
   */
  readonly degradations: GraphQLError[] = [];
  /** Set by the HTTP cache plugin when shared caches may keep the response. */
  shared: SharedCacheVerdict | undefined;
  /**
   * Set by a resolver that resolved something meant for this caller alone (an editor's preview, a reader's
   * own data): the answer is then `private, no-store` whatever else it holds, and no shared cache keeps it.
   */
  privateAnswer = false;

  constructor(
    /** The request carried credentials: answered for this caller only, never shared. */
    readonly credentialed: boolean,
    public responseCache: ResponseCacheStatus = 'BYPASS',
  ) {}

  /** Marks the answer as this caller's alone; it can never be undone for the request. */
  markPrivate(): void {
    this.privateAnswer = true;
  }

  /** Anything that makes the data incomplete or old: such an answer is never kept by shared caches. */
  get degraded(): boolean {
    return this.degradations.length > 0 || this.stale.size > 0;
  }
}
