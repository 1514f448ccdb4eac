import type DataLoader from 'dataloader';

/** Drops misses from a batch result: a deleted or hidden entity simply is not listed. */
export function presentRecords<T>(records: readonly (T | null | Error)[]): T[] {
  const present: T[] = [];
  for (const record of records) {
    if (record instanceof Error) throw record;
    if (record !== null && record !== undefined) present.push(record);
  }
  return present;
}

/**
 * The records found for `keys`, in order, misses dropped; rejects when a key failed. The same as
 * `presentRecords(await loader.loadMany(keys))` with one promise per key fewer (loadMany turns each
 * failure into a value first): every article on a page loads its topics this way, on every request.
 * When keys failed in different batches it rejects with the first failure to arrive rather than the
 * first in key order; either is the upstream's error for this list.
 */
export function loadPresent<T>(loader: DataLoader<string, T | null>, keys: readonly string[]): Promise<T[]> {
  return Promise.all(keys.map((key) => loader.load(key))).then(presentRecords);
}
