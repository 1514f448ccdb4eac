import type { TagVocabulary } from './cacheTags';
import type { EntityCache } from './EntityCache';
import type { KeySpaces } from './KeySpaces';
import type { MemoRegistry } from './MemoRegistry';
import type { PurgeLedger } from './PurgeLedger';
import type { RedisConnection } from './RedisConnection';
import type { ResponseCache } from './ResponseCache';

/** One changed entity, as a publish webhook names it. `slug` helps purge a "not found" cached before publishing. */
export interface PurgeItem {
  /** A kind with cache tags (post, author, topic, ...). */
  type: string;
  id: string;
  slug?: string;
}

export interface PurgedEntity {
  type: string;
  id: string;
  slugs: string[];
}

export interface PurgeReport {
  entities: PurgedEntity[];
  /** Tags to purge at the CDN, as sent in Surrogate-Key / Cache-Tag. */
  tags: string[];
  /** Cached responses dropped, in this instance's memory and in Redis together (one response may be in both). */
  responsesPurged: number;
  /** The same, by tier; other instances' in-process copies are dropped too, and not counted. */
  responsesPurgedByTier: { memory: number; shared: number };
  /** `unavailable`: Redis could not be reached; only this instance was purged. */
  shared: 'purged' | 'unavailable' | 'not-configured';
}

/** What instances tell each other over pub/sub: the entities to drop, slugs resolved by the sender. */
interface PurgeMessage {
  origin: string;
  entities: PurgedEntity[];
}

export interface ContentPurgerParts {
  tags: TagVocabulary;
  spaces: KeySpaces;
  ledger: PurgeLedger;
  entities: EntityCache;
  responses: ResponseCache | undefined;
  memos: MemoRegistry;
  /** Redis pub/sub, when instances share a Redis. */
  bus: { connection: RedisConnection; channel: string } | undefined;
  instanceId: string;
  onError: (error: unknown) => void;
  /** A purge message arrived from another instance (for logs). */
  onRemotePurge?: (tags: string[]) => void;
}

/**
 * Purge on publish, for every cache the gateway keeps: the changed entities (by id and slug) and what
 * their kind owns (a post's rail, every listing), every cached response tagged with them, and the
 * memos, in this instance's memory and in Redis; the other instances are told to drop their in-process
 * copies. Every tag purged is noted in the one ledger first, so a read that raced the purge is not
 * written back.
 */
export class ContentPurger {
  constructor(private readonly parts: ContentPurgerParts) {}

  /** Listens for other instances' purges. When the subscription was interrupted, purges may have been missed: drop the in-process tiers. */
  start(): void {
    const { bus } = this.parts;
    if (!bus) return;
    bus.connection.subscribe(
      bus.channel,
      (message) => this.applyRemote(message),
      () => this.forgetEverything(),
    );
  }

  async purge(items: readonly PurgeItem[]): Promise<PurgeReport> {
    const entities = await Promise.all(items.map(async (item) => ({ type: item.type, id: item.id, slugs: await this.slugsOf(item) })));
    const { tags, responsesDropped: memory } = this.applyLocal(entities);

    let shared: PurgeReport['shared'] = this.parts.bus ? 'purged' : 'not-configured';
    let sharedResponses = 0;
    if (this.parts.bus) {
      try {
        const { keys, indexTags } = this.sharedTargets(entities);
        await this.parts.entities.store.purgeShared(keys, indexTags);
        sharedResponses = (await this.parts.responses?.store.purgeShared([], tags)) ?? 0;
        const message: PurgeMessage = { origin: this.parts.instanceId, entities };
        await this.parts.bus.connection.publish(this.parts.bus.channel, JSON.stringify(message));
      } catch (error) {
        this.parts.onError(error);
        shared = 'unavailable';
      }
    }
    return { entities, tags, responsesPurged: memory + sharedResponses, responsesPurgedByTier: { memory, shared: sharedResponses }, shared };
  }

  /** Drops every in-process copy (memory tiers and memos) and refuses writes of anything read before now. */
  forgetEverything(): void {
    this.parts.ledger.noteAll();
    this.parts.entities.store.memory.clear();
    this.parts.responses?.store.memory.clear();
    this.parts.memos.clear();
  }

  /** Slug keys are found through the cached record: the webhook names the id, and may name a new slug. */
  private async slugsOf(item: PurgeItem): Promise<string[]> {
    const byId = this.parts.spaces.affectedBy(item.type).find((space) => space.kind === item.type && space.by === 'id');
    const [cached] = byId ? await this.parts.entities.getMany<{ slug?: unknown }>(byId, [item.id]) : [];
    const cachedSlug = typeof cached?.value?.slug === 'string' ? cached.value.slug : undefined;
    return [...new Set([item.slug, cachedSlug].filter((slug): slug is string => !!slug))];
  }

  /** Answers the tags purged, sorted, and how many in-process responses were dropped. */
  private applyLocal(entities: readonly PurgedEntity[]): { tags: string[]; responsesDropped: number } {
    const { tags: vocabulary, spaces, ledger, entities: cache, responses, memos } = this.parts;
    const tags = [...new Set(entities.flatMap((entity) => vocabulary.toPurge(entity.type, entity.id, entity.slugs)))].sort();
    ledger.note(tags);
    const keys: string[] = [];
    const prefixes: string[] = [];
    for (const entity of entities) {
      for (const space of spaces.affectedBy(entity.type)) {
        if (space.by === 'query') prefixes.push(space.prefix);
        else keys.push(...(space.by === 'slug' ? entity.slugs : [entity.id]).map(space.key));
      }
      memos.drop(entity.type, [entity.id]);
    }
    cache.store.memory.delete(keys);
    const doomedPrefixes = [...new Set(prefixes)];
    if (doomedPrefixes.length > 0) cache.store.memory.deleteWhere((key) => doomedPrefixes.some((prefix) => key.startsWith(prefix)));
    const responsesDropped = responses?.purgeLocal(tags) ?? 0;
    return { tags, responsesDropped };
  }

  private sharedTargets(entities: readonly PurgedEntity[]): { keys: string[]; indexTags: string[] } {
    const keys: string[] = [];
    const indexTags = new Set<string>();
    for (const entity of entities) {
      for (const space of this.parts.spaces.affectedBy(entity.type)) {
        if (space.sharedIndexTag) indexTags.add(space.sharedIndexTag);
        else keys.push(...(space.by === 'slug' ? entity.slugs : [entity.id]).map(space.key));
      }
    }
    return { keys, indexTags: [...indexTags] };
  }

  private applyRemote(raw: string): void {
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    if (!this.isPurgeMessage(message) || message.origin === this.parts.instanceId) return;
    const { tags } = this.applyLocal(message.entities);
    this.parts.onRemotePurge?.(tags);
  }

  private isPurgeMessage(value: unknown): value is PurgeMessage {
    if (typeof value !== 'object' || value === null) return false;
    const message = value as Record<string, unknown>;
    const kinds = new Set(this.parts.tags.kinds);
    const isEntity = (entity: unknown) => {
      const { type, id, slugs } = (entity ?? {}) as Record<string, unknown>;
      return typeof type === 'string' && kinds.has(type) && typeof id === 'string' && Array.isArray(slugs) && slugs.every((slug) => typeof slug === 'string');
    };
    return typeof message.origin === 'string' && Array.isArray(message.entities) && message.entities.every(isEntity);
  }
}
