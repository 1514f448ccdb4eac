import { ENTITY_KINDS, type EntityKindTable, type KindCachePolicy } from '../config/entityKinds';
import type { CacheTier } from '../telemetry';
import { TagVocabulary } from './cacheTags';
import { ContentPurger, type PurgeItem, type PurgeReport } from './ContentPurger';
import { EntityCache, entitySize } from './EntityCache';
import { KeySpaces, type KeyedBy, type KeySpace } from './KeySpaces';
import { MemoRegistry } from './MemoRegistry';
import { MemoryTier } from './MemoryTier';
import { PersistedQueryCache } from './PersistedQueryCache';
import { PurgeChannel, type PurgeChannelState, type PurgedEntity } from './PurgeChannel';
import { PurgeLedger } from './PurgeLedger';
import type { RedisConnection } from './RedisConnection';
import { RedisTagIndex } from './RedisTagIndex';
import { RedisTier } from './RedisTier';
import { ResponseCache, responseSize } from './ResponseCache';
import { SharedGenerations } from './SharedGenerations';
import { TieredStore, type TieredStoreHooks } from './TieredStore';

/** Bumped when record shapes change, so a shared cache never serves entries of an older shape. */
export const CACHE_VERSION = 'v1';

export interface GatewayCacheOptions {
  /** The entity-kind table; a test may extend it with a hypothetical kind. */
  kinds?: EntityKindTable;
  /** Per kind freshness (config.cache.kinds); kinds left out keep the table's defaults. */
  policies: Readonly<Record<string, KindCachePolicy>>;
  /** The name of the source in each slot (`posts`, `authors`, ...): part of every entity key. */
  sourceNames: Readonly<Record<string, string>>;
  memory: { maxEntries: number; maxBytes: number };
  responses: { enabled: boolean; maxBytes: number; maxTtlSeconds: number };
  persistedQueries: { memoryEntries: number };
  /** The shared Redis, when instances share one: every store gets a tier there and purges travel over pub/sub. */
  shared?: { connection: RedisConnection; keyPrefix: string };
  /** PURGE_CHANNEL_DOWN_MAX_AGE_SECONDS: while the purge channel is away, the longest in-process entries live. */
  purgeChannel?: { downMaxAgeSeconds: number };
  instanceId: string;
  /** Made before the sources (they keep memos); see MemoRegistry. */
  ledger: PurgeLedger;
  memos: MemoRegistry;
  version?: string;
  onError: (error: unknown) => void;
  onLookup?: (tier: CacheTier, label: string, hits: number, misses: number) => void;
  /** A purge could not reach the shared tier. */
  onPurgeError?: (error: unknown) => void;
  onRemotePurge?: (tags: string[]) => void;
  /** The purge channel was lost or found again (for logs). */
  onPurgeChannel?: (state: PurgeChannelState) => void;
}

const DEFAULT_CHANNEL_DOWN_MAX_AGE_SECONDS = 5;

/**
 * Every cache the gateway keeps, behind one facade: the entity cache and its key spaces, the response
 * cache, the persisted-query store and the sources' memos, over the in-process and Redis tiers, with one
 * purge ledger and one `purge(items)`. Loaders ask it for key spaces, the HTTP layer for responses, the
 * webhook for purges; nothing outside src/cache/ touches a tier.
 */
export class GatewayCache {
  readonly tags: TagVocabulary;
  readonly entities: EntityCache;
  readonly responses: ResponseCache | undefined;
  readonly persistedQueries: PersistedQueryCache;
  /** Longest a response may be kept, whatever its max-age. */
  readonly responseMaxTtlSeconds: number;
  private readonly spaces: KeySpaces;
  private readonly purger: ContentPurger;
  private readonly channel: PurgeChannel | undefined;
  private readonly generations: SharedGenerations | undefined;

  /** The purge ledger and memo registry the sources' memos need, made before the sources. */
  static prepare(options: { kinds?: EntityKindTable; now?: () => number } = {}): { ledger: PurgeLedger; memos: MemoRegistry } {
    const ledger = new PurgeLedger(options.now);
    return { ledger, memos: new MemoRegistry(ledger, new TagVocabulary(options.kinds ?? ENTITY_KINDS)) };
  }

  constructor(private readonly options: GatewayCacheOptions) {
    const kinds: EntityKindTable = options.kinds ?? ENTITY_KINDS;
    const version = options.version ?? CACHE_VERSION;
    this.tags = new TagVocabulary(kinds);
    this.spaces = new KeySpaces({ kinds, tags: this.tags, policies: options.policies, sourceNames: options.sourceNames, version });
    const hooks: TieredStoreHooks = { onError: options.onError, onLookup: options.onLookup };
    const { shared, ledger } = options;
    const generations = shared ? new SharedGenerations(shared.connection, shared.keyPrefix, ledger) : undefined;
    this.generations = generations;
    const sharedTier = (name: string, longestEntryMs: number) =>
      shared && generations
        ? {
            tier: new RedisTier(shared.connection, `${shared.keyPrefix}:${name}`),
            tags: new RedisTagIndex(`${shared.keyPrefix}:${name}:tag:`, longestEntryMs),
            generations,
          }
        : undefined;

    // Listings are the only entities indexed by tag in Redis; their sets live as long as a listing can.
    const listing = Object.keys(kinds).find((kind) => kinds[kind]?.keys === 'query');
    const listingPolicy = listing ? this.spaces.policyOf(listing) : undefined;
    const listingLifetimeMs = listingPolicy ? listingPolicy.ttlMs + Math.max(listingPolicy.staleWhileRevalidateMs, listingPolicy.staleIfErrorMs) : 0;
    this.entities = new EntityCache(new TieredStore(new MemoryTier({ maxEntries: options.memory.maxEntries, maxBytes: options.memory.maxBytes, sizeOf: entitySize }), sharedTier('entity', listingLifetimeMs), hooks, ledger), ledger, options.onError);

    this.responseMaxTtlSeconds = options.responses.maxTtlSeconds;
    this.responses = options.responses.enabled
      ? new ResponseCache(
          new TieredStore(new MemoryTier({ maxBytes: options.responses.maxBytes, sizeOf: responseSize }), sharedTier('response', options.responses.maxTtlSeconds * 1000), hooks, ledger),
          version,
          ledger,
        )
      : undefined;
    this.persistedQueries = new PersistedQueryCache(new TieredStore(new MemoryTier({ maxEntries: options.persistedQueries.memoryEntries }), sharedTier('apq', 0), hooks, ledger), version);

    const maxAgeMs = (options.purgeChannel?.downMaxAgeSeconds ?? DEFAULT_CHANNEL_DOWN_MAX_AGE_SECONDS) * 1000;
    this.channel =
      shared && generations
        ? new PurgeChannel({
            connection: shared.connection,
            channel: `${shared.keyPrefix}:purge`,
            instanceId: options.instanceId,
            now: ledger.now,
            downMaxAgeMs: maxAgeMs,
            isPurgedEntity: (value): value is PurgedEntity => this.isPurgedEntity(value),
            onPurge: ({ entities, generations: taken }) => options.onRemotePurge?.(this.purger.applyRemote(entities, taken)),
            onDown: (heardAt) => {
              this.purger.capMemory(maxAgeMs, heardAt + maxAgeMs - ledger.now());
              options.onPurgeChannel?.('down');
            },
            onUp: async () => {
              const counter = await generations.read();
              // Purges may have been missed meanwhile: nothing in process is trusted, marks start again.
              this.purger.forgetEverything();
              ledger.restartShared(counter);
              this.purger.capMemory(undefined);
              options.onPurgeChannel?.('listening');
            },
            onBeat: () => {
              ledger.closeGaps();
              this.learnSharedGeneration(generations);
            },
          })
        : undefined;

    this.purger = new ContentPurger({
      tags: this.tags,
      spaces: this.spaces,
      ledger,
      entities: this.entities,
      responses: this.responses,
      memos: options.memos,
      shared: generations && this.channel ? { generations, channel: this.channel } : undefined,
      onError: options.onPurgeError ?? options.onError,
    });
  }

  /** Where a kind's entries live when looked up `by` (its first key by default). Asked once per gateway. */
  space(kind: string, by?: KeyedBy): KeySpace {
    return this.spaces.get(kind, by);
  }

  /** Starts listening for other instances' purges. */
  start(): void {
    this.channel?.start();
  }

  private learning = false;

  /** Redis (re)connected: learn the shared generation now rather than at the next beat. */
  sharedConnected(): void {
    const generations = this.generations;
    if (generations) this.learnSharedGeneration(generations);
  }

  /**
   * Until the channel is first heard, shared writes need a generation to be vouched for: the counter,
   * read as soon as Redis answers, with what is in process dropped at that moment (it could predate a
   * purge this instance never heard). Purges after the read have higher generations and refuse what
   * they name; the channel's first echo then starts the marks again (see onUp).
   */
  private learnSharedGeneration(generations: SharedGenerations): void {
    if (this.learning || this.options.ledger.mark().shared !== undefined) return;
    this.learning = true;
    generations.read().then(
      (counter) => {
        this.learning = false;
        if (this.options.ledger.mark().shared !== undefined) return;
        this.purger.forgetEverything();
        this.options.ledger.restartShared(counter);
      },
      () => {
        this.learning = false;
      },
    );
  }

  stop(): void {
    this.channel?.stop();
  }

  /** Whether this instance hears other instances' purges; `not-configured` without a shared Redis. */
  get purgeChannel(): PurgeChannelState | 'not-configured' {
    return this.channel?.state ?? 'not-configured';
  }

  purge(items: readonly PurgeItem[]): Promise<PurgeReport> {
    return this.purger.purge(items);
  }

  private isPurgedEntity(entity: unknown): entity is PurgedEntity {
    const { type, id, slugs } = (entity ?? {}) as Record<string, unknown>;
    return typeof type === 'string' && this.tags.kinds.includes(type) && typeof id === 'string' && Array.isArray(slugs) && slugs.every((slug) => typeof slug === 'string');
  }

  /** Entries in the in-process entity tier, for checking its bound. */
  memoryEntries(): number {
    return this.entities.store.memory.size;
  }

  /** Resolves when background refreshes and shared-tier writes started so far have landed. */
  async settle(): Promise<void> {
    await Promise.all([this.entities.settle(), this.responses?.store.settle(), this.persistedQueries.settle()]);
  }
}

export type { PurgeItem, PurgeReport };

