import DataLoader from 'dataloader';
import type { ResponseTags } from '../cache/cacheTags';
import type { EntityCache } from '../cache/EntityCache';
import type { KeySpace } from '../cache/KeySpaces';
import { cachedBatch } from './cachedBatch';

export interface QueryLoaderOptions<P, V, T extends { id: string }> {
  cache: EntityCache;
  /** A `query` space: entries dropped whenever any entity of the kind that owns it changes. */
  space: KeySpace;
  /** The space of the entities the answers hold: their tags go on the response. */
  itemSpace: KeySpace;
  key: (params: P) => string;
  /** One call for the keys the cache did not have (lists: one upstream call each; others may merge). */
  fetch: (params: P[]) => Promise<(V | null)[]>;
  itemsOf: (value: V) => readonly T[];
  /** Where the entities found go, so loading one of them by id later in the request costs nothing. */
  prime: (items: readonly T[]) => void;
  onStale?: (kind: string, key: string) => void;
  tags?: ResponseTags;
  observe: (size: number) => void;
}

/**
 * A loader for answers that hold several entities (a page of topics, a category's subcategories) and are
 * cached as one entry: what the operation got is tagged with the coarse tag of the owning kind (any
 * change of it may change the answer) and with each entity's own tag, as listings of posts are.
 */
export function queryLoader<P, V, T extends { id: string }>(options: QueryLoaderOptions<P, V, T>): DataLoader<P, V | null, string> {
  const { space, itemSpace, key, tags } = options;
  const paramsByKey = new Map<string, P>();
  const batch = cachedBatch<V>({
    cache: options.cache,
    space,
    onStale: options.onStale,
    fetch: (keys) => options.fetch(keys.map((k) => paramsByKey.get(k) as P)),
  });
  return new DataLoader<P, V | null, string>(
    async (params) => {
      options.observe(params.length);
      const keys = params.map(key);
      keys.forEach((k, index) => paramsByKey.set(k, params[index] as P));
      const answers = await batch(keys);
      answers.forEach((answer, index) => {
        if (!answer || answer instanceof Error) return;
        const items = options.itemsOf(answer);
        options.prime(items);
        if (!tags) return;
        for (const tag of space.entryTags(keys[index] as string, answer)) tags.add(tag);
        itemSpace.tagResults(tags, items.map((item) => item.id), items);
      });
      return answers;
    },
    { cacheKeyFn: key },
  );
}
