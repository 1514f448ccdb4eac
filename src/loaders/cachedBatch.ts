import type { EntityCache } from '../cache/EntityCache';
import type { KeySpace } from '../cache/KeySpaces';
import { PartialResultError } from '../sources/PartialResultError';

export interface CachedBatchOptions<V> {
  cache: EntityCache;
  /** Where the loader's entries live, as the cache gave it (kind, key scheme, source). */
  space: KeySpace;
  /** Asks the upstream for the keys the cache did not have fresh, in one call. */
  fetch: (keys: string[]) => Promise<(V | null)[]>;
  /** Called for keys answered with a stale value because the upstream failed. */
  onStale?: (kind: string, key: string) => void;
  /**
   * Called for keys answered with part of a result because the upstream failed in part (the fetch threw a
   * PartialResultError) and nothing stale was left; the caller reports the failure along with the value.
   * Absent: a partial result is a failure like any other, never served as if it were whole.
   */
  onPartial?: (key: string, error: PartialResultError<unknown>) => void;
  /**
   * Whether a cached value has everything this loader's callers need; one that does not is fetched again
   * (and still served if that fails). Absent: any cached value will do.
   */
  complete?: (value: V) => boolean;
  /** Every answer of the batch, from cache or upstream (for cache tags). */
  onResult?: (keys: readonly string[], results: readonly (V | null | Error)[]) => void;
}

/**
 * A DataLoader batch function in front of the shared cache: fresh hits skip the upstream; merely old
 * values are served at once and refreshed in the background (stale-while-revalidate); the rest go in one
 * upstream call; when that call fails, keys with a stale value get it (stale-if-error) and only the
 * others fail, or get the part of a result the upstream could still give (see `onPartial`). Nothing from
 * a failed call is written to the cache, a partial result included: it is never kept as if it were whole.
 */
export function cachedBatch<V>(options: CachedBatchOptions<V>) {
  const { cache, space } = options;
  const lookUpAndFetch = async (keys: readonly string[]): Promise<(V | null | Error)[]> => {
    const lookups = await cache.getMany<V>(space, keys);
    const results: (V | null | Error)[] = new Array(keys.length);
    const missing: number[] = [];
    const toRevalidate: string[] = [];
    lookups.forEach((lookup, index) => {
      if (lookup && lookup.freshness !== 'stale' && (lookup.value === null || !options.complete || options.complete(lookup.value))) {
        results[index] = lookup.value;
        if (lookup.freshness === 'revalidate') toRevalidate.push(keys[index] as string);
      } else {
        missing.push(index);
      }
    });
    if (toRevalidate.length > 0) cache.revalidate(space, toRevalidate, options.fetch);
    if (missing.length === 0) return results;

    const missingKeys = missing.map((index) => keys[index] as string);
    const mark = cache.mark();
    let fetched: (V | null)[];
    try {
      fetched = await options.fetch(missingKeys);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      const partial = options.onPartial && error instanceof PartialResultError ? (error as PartialResultError<V | null>) : undefined;
      missing.forEach((index, position) => {
        const lookup = lookups[index];
        const part = partial?.partial[position];
        if (lookup) {
          results[index] = lookup.value;
          options.onStale?.(space.kind, keys[index] as string);
        } else if (partial && part !== undefined && part !== null) {
          results[index] = part;
          options.onPartial?.(keys[index] as string, partial);
        } else {
          results[index] = failure;
        }
      });
      return results;
    }
    missing.forEach((index, position) => {
      results[index] = fetched[position] ?? null;
    });
    // Not awaited by the response: the cache write must never delay or fail a request.
    void cache.setMany(
      space,
      missingKeys.map((key, position) => ({ key, value: fetched[position] ?? null })),
      mark,
    );
    return results;
  };
  const batch = (keys: readonly string[]): Promise<(V | null | Error)[]> => {
    const fresh = cache.freshFromMemory<V>(space, keys);
    // The fast path must not skip the completeness check: an embedded topic lacks its description.
    const usable = fresh && (!options.complete || fresh.every((value) => value === null || (options.complete as (value: V) => boolean)(value as V)));
    return usable ? Promise.resolve(fresh) : lookUpAndFetch(keys);
  };
  if (!options.onResult) return batch;
  const onResult = options.onResult;
  return async (keys: readonly string[]) => {
    const results = await batch(keys);
    onResult(keys, results);
    return results;
  };
}
