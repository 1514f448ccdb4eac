import { type CacheKind, ENTITY_KINDS, type EntityKindSpec, type EntityKindTable, type KindCachePolicy, settingName } from './entityKinds';
import { type RetiredField, section } from './Section';
import { setting, settingsIn, type SettingTree } from './Setting';
import { integer } from './valueTypes';

export interface CacheConfig {
  cache: {
    /** Bound of the in-process entity tier, in entries. */
    maxEntries: number;
    maxBytes: number;
    /** Freshness of each entity kind, in seconds; the cache converts to milliseconds where it calls Keyv. */
    kinds: Record<CacheKind, KindCachePolicy>;
  };
}

/** Settings for every kind at once; a kind's own file field wins over the file's general one, and the environment over both. */
const general = {
  missTtlSeconds: setting({
    env: 'CACHE_MISS_TTL_SECONDS',
    file: 'cache.missTtlSeconds',
    type: integer({ min: 1 }),
    doc: 'how long a "not found" (unknown slug, hidden post) is remembered',
  }),
  staleWhileRevalidateSeconds: setting({
    env: 'CACHE_STALE_WHILE_REVALIDATE_SECONDS',
    file: 'cache.staleWhileRevalidateSeconds',
    type: integer({ min: 0 }),
    doc: 'how long past its TTL an entry is served while one background refresh runs',
  }),
  staleIfErrorSeconds: setting({
    env: 'CACHE_STALE_IF_ERROR_SECONDS',
    file: 'cache.staleIfErrorSeconds',
    type: integer({ min: 0 }),
    doc: 'how long past its TTL an entry is kept, to serve when its upstream fails',
  }),
};

/** A kind's freshness: its own TTL variable, file fields narrowing the general ones, defaults from the entity-kind table. */
function kindSettings(kind: string, spec: EntityKindSpec) {
  const narrowing = (field: keyof typeof general, minimum: number) =>
    setting({
      file: `cache.${kind}.${field}`,
      docAs: `cache.<kind>.${field}`,
      general: general[field],
      type: integer({ min: minimum }),
      default: spec.cache[field],
      doc: `${general[field].doc}, for ${spec.label}`,
    });
  return {
    ttlSeconds: setting({
      env: `CACHE_TTL_${settingName(kind)}_SECONDS`,
      file: `cache.${kind}.ttlSeconds`,
      type: integer({ min: 1 }),
      default: spec.cache.ttlSeconds,
      doc: `how long ${spec.label} stays fresh in the entity cache`,
    }),
    missTtlSeconds: narrowing('missTtlSeconds', 1),
    staleWhileRevalidateSeconds: narrowing('staleWhileRevalidateSeconds', 0),
    staleIfErrorSeconds: narrowing('staleIfErrorSeconds', 0),
  };
}

/** The file took milliseconds until the settings were derived from the entity-kind table; a stale file must not pass silently. */
function retiredMilliseconds(settings: SettingTree): RetiredField[] {
  return settingsIn(settings)
    .map((each) => each.file)
    .filter((file): file is string => file?.endsWith('Seconds') === true)
    .map((file) => ({ file: file.replace(/Seconds$/, 'Ms'), message: `no longer read: use ${file} (seconds, not milliseconds)` }));
}

/** `kinds`: the entity-kind table; a test may pass one with a hypothetical kind. */
export function cacheSection(kinds: EntityKindTable = ENTITY_KINDS) {
  const settings = {
    maxEntries: setting({
      env: 'CACHE_MAX_ENTRIES',
      file: 'cache.maxEntries',
      type: integer({ min: 1 }),
      default: 20_000,
      doc: 'bound of the in-process entity cache (LRU), in entries',
    }),
    maxBytes: setting({
      env: 'CACHE_MAX_BYTES',
      file: 'cache.maxBytes',
      type: integer({ min: 1024 }),
      default: 64 * 1024 * 1024,
      doc: 'bound of the in-process entity cache in bytes (approximate: each entry counts its JSON length); whichever bound is reached first evicts',
    }),
    kinds: Object.fromEntries(Object.entries(kinds).map(([kind, spec]) => [kind, kindSettings(kind, spec)])),
    ...general,
  };
  return section({
    title: 'Entity cache',
    settings,
    retired: retiredMilliseconds(settings),
    build: (values): CacheConfig => ({ cache: { maxEntries: values.maxEntries, maxBytes: values.maxBytes, kinds: values.kinds as Record<CacheKind, KindCachePolicy> } }),
  });
}
