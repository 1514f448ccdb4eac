/** Drops misses from a batch result: a deleted or hidden entity simply is not listed. */
export function presentRecords<T>(records: readonly (T | null | Error)[]): T[] {
  const present: T[] = [];
  for (const record of records) {
    if (record instanceof Error) throw record;
    if (record !== null && record !== undefined) present.push(record);
  }
  return present;
}
