import type { TagVocabulary } from './cacheTags';
import type { EntityCache } from './EntityCache';
import type { KeySpace, KeySpaces } from './KeySpaces';
import type { MemoRegistry } from './MemoRegistry';
import type { PurgeChannel, PurgedEntity } from './PurgeChannel';
import type { PurgeLedger } from './PurgeLedger';
import type { ResponseCache } from './ResponseCache';
import type { SharedGenerations } from './SharedGenerations';

export type { PurgedEntity };

/** One changed entity, as a publish webhook names it. `slug` helps purge a "not found" cached before publishing. */
export interface PurgeItem {
  /** A kind with cache tags (post, author, topic, ...). */
  type: string;
  id: string;
  slug?: string;
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
  /** The other instances the purge reached, and how many said they applied it before it answered. */
  instances?: { told: number; acknowledged: number };
}

export interface ContentPurgerParts {
  tags: TagVocabulary;
  spaces: KeySpaces;
  ledger: PurgeLedger;
  entities: EntityCache;
  responses: ResponseCache | undefined;
  memos: MemoRegistry;
  /** When instances share a Redis: its generations and the channel between instances. */
  shared: { generations: SharedGenerations; channel: PurgeChannel } | undefined;
  onError: (error: unknown) => void;
}

/**
 * Purge on publish, for every cache the gateway keeps: the changed entities (by id and every slug they
 * were cached under) and what their kind owns (a post's rail, every listing), every cached response
 * tagged with them, and the memos; in Redis first, then in memory, then on the other instances. Each
 * step advances the purged names' generations before it deletes and again after, so a refill that
 * began before the purge is refused by every tier whenever it lands (see PurgeLedger, SharedGenerations).
 */
export class ContentPurger {
  constructor(private readonly parts: ContentPurgerParts) {}

  async purge(items: readonly PurgeItem[]): Promise<PurgeReport> {
    const { shared, ledger } = this.parts;
    const entities = await this.resolve(items);
    const tags = this.namesOf(entities);
    const counted = (memory: number, sharedResponses: number) => ({ responsesPurged: memory + sharedResponses, responsesPurgedByTier: { memory, shared: sharedResponses } });
    if (!shared) return { entities, tags, ...counted(this.applyLocal(entities, tags), 0), shared: 'not-configured' };
    let memory = 0;
    try {
      const before = await shared.generations.advance(tags);
      memory += this.applyLocal(entities, tags);
      ledger.appliedShared([before]);
      const { keys, sets, responseSets } = this.sharedTargets(entities, tags);
      const { deleted, generation: after } = await shared.generations.purge(keys, [...sets, ...responseSets], tags);
      memory += this.applyLocal(entities, tags);
      ledger.appliedShared([after]);
      const instances = await shared.channel.tell({ entities, generations: [before, after] });
      return { entities, tags, ...counted(memory, deleted.slice(sets.length).reduce((sum, count) => sum + count, 0)), shared: 'purged', instances };
    } catch (error) {
      this.parts.onError(error);
      // Whatever Redis did not take, this instance still does.
      memory += this.applyLocal(entities, tags);
      return { entities, tags, ...counted(memory, 0), shared: 'unavailable' };
    }
  }

  /** Another instance's purge: the same names advanced and entries dropped here, at once. */
  applyRemote(entities: readonly PurgedEntity[], generations: readonly number[]): string[] {
    const tags = this.namesOf(entities);
    this.applyLocal(entities, tags);
    this.parts.ledger.appliedShared(generations);
    return tags;
  }

  /** Drops every in-process copy (memory tiers and memos) and refuses writes of anything read before now. */
  forgetEverything(): void {
    this.parts.ledger.advanceAll();
    this.parts.entities.store.memory.clear();
    this.parts.responses?.store.memory.clear();
    this.parts.memos.clear();
  }

  /** See MemoryTier.cap: the in-process tiers a purge could have reached (persisted queries never change). */
  capMemory(newMs: number | undefined, existingMs?: number): void {
    this.parts.entities.store.memory.cap(newMs, existingMs);
    this.parts.responses?.store.memory.cap(newMs, existingMs);
    this.parts.memos.cap(newMs, existingMs);
  }

  /**
   * Every slug an entity was cached under: the one the webhook names (it may be new), the cached record's,
   * the in-process entries' (scanned) and the shared id-to-slug index (written with the by-slug entries),
   * so a purge naming only the id finds them all.
   */
  private async resolve(items: readonly PurgeItem[]): Promise<PurgedEntity[]> {
    const { entities: cache } = this.parts;
    const found = items.map((item) => new Set(item.slug ? [item.slug] : []));
    const slugSpaces = items.map((item) => this.spaceOf(item.type, 'slug'));
    const byEntry = new Map<string, Set<string>[]>();
    items.forEach((item, index) => {
      const space = slugSpaces[index];
      if (!space) return;
      const entry = `${space.prefix}\n${item.id}`;
      byEntry.set(entry, [...(byEntry.get(entry) ?? []), found[index] as Set<string>]);
    });
    const prefixes = [...new Set(slugSpaces.flatMap((space) => (space ? [space.prefix] : [])))];
    if (prefixes.length > 0) {
      cache.store.memory.scan((key, value) => {
        const prefix = prefixes.find((candidate) => key.startsWith(candidate));
        const id = prefix === undefined ? undefined : idOfStored(value);
        if (prefix === undefined || id === undefined) return;
        for (const slugs of byEntry.get(`${prefix}\n${id}`) ?? []) slugs.add(key.slice(prefix.length));
      });
    }

    const indexSets = items.map((item, index) => slugSpaces[index]?.slugIndex?.(item.id));
    const indexed = await cache.store.sharedSetMembers(indexSets.filter((set): set is string => set !== undefined)).catch((error: unknown) => {
      this.parts.onError(error);
      return [] as string[][];
    });
    let position = 0;
    indexSets.forEach((set, index) => {
      if (set === undefined) return;
      for (const slug of indexed[position] ?? []) found[index]?.add(slug);
      position += 1;
    });

    await Promise.all(
      items.map(async (item, index) => {
        const byId = this.spaceOf(item.type, 'id');
        const [cached] = byId ? await cache.getMany<{ slug?: unknown }>(byId, [item.id]) : [];
        if (typeof cached?.value?.slug === 'string') found[index]?.add(cached.value.slug);
      }),
    );
    return items.map((item, index) => ({ type: item.type, id: item.id, slugs: [...(found[index] ?? [])].sort() }));
  }

  private spaceOf(kind: string, by: 'id' | 'slug'): KeySpace | undefined {
    return this.parts.spaces.affectedBy(kind).find((space) => space.kind === kind && space.by === by);
  }

  /** The purged names (cache tags), sorted: what the generations advance and the CDN is told. */
  private namesOf(entities: readonly PurgedEntity[]): string[] {
    return [...new Set(entities.flatMap((entity) => this.parts.tags.toPurge(entity.type, entity.id, entity.slugs)))].sort();
  }

  /** Advances the names here and drops every in-process entry they reach, in one step; answers how many responses went. */
  private applyLocal(entities: readonly PurgedEntity[], tags: readonly string[]): number {
    const { spaces, ledger, entities: cache, responses, memos } = this.parts;
    ledger.advance(tags);
    const keys: string[] = [];
    const prefixes: string[] = [];
    // By-slug entries of a purged id, under slugs nobody named (written since the slugs were resolved).
    const bySlug = new Map<string, Set<string>>();
    for (const entity of entities) {
      for (const space of spaces.affectedBy(entity.type)) {
        if (space.by === 'query') prefixes.push(space.prefix);
        else keys.push(...(space.by === 'slug' ? entity.slugs : [entity.id]).map(space.key));
        if (space.by === 'slug') bySlug.set(space.prefix, (bySlug.get(space.prefix) ?? new Set()).add(entity.id));
      }
      memos.drop(entity.type, [entity.id]);
    }
    cache.store.memory.delete(keys);
    const doomedPrefixes = [...new Set(prefixes)];
    cache.store.memory.deleteWhere((key, value) => {
      if (doomedPrefixes.some((prefix) => key.startsWith(prefix))) return true;
      for (const [prefix, ids] of bySlug) if (key.startsWith(prefix)) return ids.has(idOfStored(value) ?? '');
      return false;
    });
    return responses?.purgeLocal(tags) ?? 0;
  }

  private sharedTargets(entities: readonly PurgedEntity[], tags: readonly string[]): { keys: string[]; sets: string[]; responseSets: string[] } {
    const keys: string[] = [];
    const indexTags = new Set<string>();
    for (const entity of entities) {
      for (const space of this.parts.spaces.affectedBy(entity.type)) {
        if (space.sharedIndexTag) indexTags.add(space.sharedIndexTag);
        else keys.push(...(space.by === 'slug' ? entity.slugs : [entity.id]).map(space.key));
      }
    }
    const fromEntities = this.parts.entities.store.sharedTargets(keys, [...indexTags]);
    const fromResponses = this.parts.responses?.store.sharedTargets([], tags) ?? { keys: [], sets: [] };
    return { keys: fromEntities.keys, sets: fromEntities.sets, responseSets: fromResponses.sets };
  }
}

/** The entity id inside a stored entity entry (`{ value: { id }, freshUntil }`). */
function idOfStored(stored: object): string | undefined {
  const value = (stored as { value?: unknown }).value;
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}
