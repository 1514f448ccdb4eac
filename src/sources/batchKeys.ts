/** Upstreams cap how many ids one call may ask for (WordPress: `per_page` ≤ 100). */
export const MAX_IDS_PER_CALL = 100;

/** Splits keys into upstream-sized batches, dropping duplicates (DataLoader dedupes, but callers may not). */
export function chunk<T>(keys: readonly T[], size = MAX_IDS_PER_CALL): T[][] {
  const unique = [...new Set(keys)];
  const chunks: T[][] = [];
  for (let start = 0; start < unique.length; start += size) chunks.push(unique.slice(start, start + size));
  return chunks;
}

/**
 * Upstreams answer batches in their own order and leave out what they do not have; loaders need one result
 * per key, in key order, with `null` for a miss.
 */
export function alignToKeys<T>(keys: readonly string[], records: Iterable<T>, keyOf: (record: T) => string): (T | null)[] {
  const byKey = new Map<string, T>();
  for (const record of records) byKey.set(keyOf(record), record);
  return keys.map((key) => byKey.get(key) ?? null);
}
