import type { CacheKind } from './cachePolicies';
import { LIST_TAG, tagsToPurge, type TaggedType } from './cacheTags';
import type { EntityCache } from './EntityCache';
import type { RedisConnection } from './RedisConnection';
import type { ResponseCache } from './ResponseCache';

/** One changed entity, as a publish webhook names it. `slug` helps purge a "not found" cached before publishing. */
export interface PurgeItem {
  type: TaggedType;
  id: string;
  slug?: string;
}

/** Where each kind lives in the entity cache (see createLoaders: the source name, plus `:slug` for slug keys). */
export interface EntityScopes {
  post: { byId: string; bySlug: string };
  author: { byId: string; bySlug: string };
  topic: { byId: string; bySlug: string };
  /** Related-story rails, keyed by post id. */
  related: string;
}

export interface PurgeReport {
  entities: { type: TaggedType; id: string; slugs: string[] }[];
  /** Tags to purge at the CDN, as sent in Surrogate-Key / Cache-Tag. */
  tags: string[];
  /** Shared-tier responses dropped (the in-process ones of each instance are not counted). */
  responsesPurged: number;
  /** `unavailable`: Redis could not be reached; only this instance was purged. */
  shared: 'purged' | 'unavailable' | 'not-configured';
}

/** What instances tell each other over pub/sub: the keys and tags to drop from their in-process tiers. */
interface PurgeMessage {
  origin: string;
  entityKeys: string[];
  tags: string[];
  listings: boolean;
}

const KIND: Record<TaggedType, CacheKind> = { post: 'post', author: 'author', topic: 'topic' };

export interface ContentPurgerDeps {
  entities: EntityCache;
  responses: ResponseCache | undefined;
  scopes: EntityScopes;
  /** Redis pub/sub, when instances share a Redis. */
  bus: { connection: RedisConnection; channel: string } | undefined;
  instanceId: string;
  onError: (error: unknown) => void;
  /** A purge message arrived from another instance (for logs). */
  onRemotePurge?: (tags: string[]) => void;
}

/**
 * Purge on publish: drops changed entities (by id and slug) and every cached response showing them, in
 * this instance's memory and in Redis, and tells the other instances to drop their in-process copies.
 */
export class ContentPurger {
  constructor(private readonly deps: ContentPurgerDeps) {}

  /** Listens for other instances' purges. When the subscription was interrupted, purges may have been missed: drop the in-process tiers. */
  start(): void {
    const { bus } = this.deps;
    if (!bus) return;
    bus.connection.subscribe(
      bus.channel,
      (message) => this.applyRemote(message),
      () => {
        this.deps.entities.store.memory.clear();
        this.deps.responses?.store.memory.clear();
      },
    );
  }

  async purge(items: readonly PurgeItem[]): Promise<PurgeReport> {
    const { entities, scopes } = this.deps;
    const entityKeys: string[] = [];
    const tags = new Set<string>();
    const reported: PurgeReport['entities'] = [];
    for (const item of items) {
      const kind = KIND[item.type];
      const scope = scopes[item.type];
      // Slug keys are found through the cached record: the webhook names the id.
      const [cached] = await entities.getMany<{ slug?: unknown }>(kind, scope.byId, [item.id]);
      const slugs = [...new Set([item.slug, typeof cached?.value?.slug === 'string' ? cached.value.slug : undefined].filter((slug): slug is string => !!slug))];
      entityKeys.push(entities.key(kind, scope.byId, item.id), ...slugs.map((slug) => entities.key(kind, scope.bySlug, slug)));
      if (item.type === 'post') entityKeys.push(entities.key('related', scopes.related, item.id));
      for (const tag of tagsToPurge(item.type, item.id, slugs)) tags.add(tag);
      reported.push({ type: item.type, id: item.id, slugs });
    }
    const listings = items.some((item) => item.type === 'post');
    const tagList = [...tags].sort();

    this.applyLocal(entityKeys, tagList, listings);

    let shared: PurgeReport['shared'] = this.deps.bus ? 'purged' : 'not-configured';
    let responsesPurged = 0;
    if (this.deps.bus) {
      try {
        await entities.store.purgeShared(entityKeys, listings ? [LIST_TAG.post] : []);
        responsesPurged = (await this.deps.responses?.store.purgeShared([], tagList)) ?? 0;
        const message: PurgeMessage = { origin: this.deps.instanceId, entityKeys, tags: tagList, listings };
        await this.deps.bus.connection.publish(this.deps.bus.channel, JSON.stringify(message));
      } catch (error) {
        this.deps.onError(error);
        shared = 'unavailable';
      }
    }
    return { entities: reported, tags: tagList, responsesPurged, shared };
  }

  private applyLocal(entityKeys: readonly string[], tags: readonly string[], listings: boolean): void {
    const { entities, responses } = this.deps;
    entities.notePurged(entityKeys, listings);
    entities.store.memory.delete(entityKeys);
    if (listings) {
      const prefix = entities.listingKeyPrefix;
      entities.store.memory.deleteWhere((key) => key.startsWith(prefix));
    }
    responses?.purgeLocal(tags);
  }

  private applyRemote(raw: string): void {
    let message: PurgeMessage;
    try {
      message = JSON.parse(raw) as PurgeMessage;
    } catch {
      return;
    }
    if (!isPurgeMessage(message) || message.origin === this.deps.instanceId) return;
    this.applyLocal(message.entityKeys, message.tags, message.listings);
    this.deps.onRemotePurge?.(message.tags);
  }
}

function isPurgeMessage(value: unknown): value is PurgeMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  return typeof message.origin === 'string' && strings(message.entityKeys) && strings(message.tags) && typeof message.listings === 'boolean';
}
