import type { EntityKindSpec, EntityKindTable, KindCachePolicy } from '../config/entityKinds';
import type { ResponseTags, TagVocabulary } from './cacheTags';

/** A kind's freshness in milliseconds, as Keyv and the clocks count. */
export interface CachePolicy {
  ttlMs: number;
  missTtlMs: number;
  staleWhileRevalidateMs: number;
  staleIfErrorMs: number;
}

export type KeyedBy = 'id' | 'slug' | 'owner' | 'query';

/**
 * One key space of the entity cache: a kind, looked up one way, from one source. Loaders ask the cache
 * for their spaces once and then speak in their own keys (ids, slugs, listing keys); the space knows the
 * stored key, the policy, and which tags an entry answers to, for purges and for response tags.
 */
export interface KeySpace {
  readonly kind: string;
  readonly by: KeyedBy;
  readonly policy: CachePolicy;
  /** Every stored key of this space starts with it. */
  readonly prefix: string;
  /** The tag Redis indexes this space's entries under, so a purge finds them all (listings). */
  readonly sharedIndexTag: string | undefined;
  key(key: string): string;
  /** By-slug spaces: the set naming every slug an entity id was cached under (the id-to-slug index). */
  readonly slugIndex: ((id: string) => string) | undefined;
  /** The entity id a stored value is (undefined for a miss or an untagged kind). */
  idOf(value: unknown): string | undefined;
  /** Tags whose purge makes an entry (or a value read for it) stale. */
  entryTags(key: string, value: unknown): string[];
  /** Adds to a response's tags what its records from this space showed; a miss caps its max-age. */
  tagResults(tags: ResponseTags, keys: readonly string[], results: readonly unknown[]): void;
}

export function toMilliseconds(policy: KindCachePolicy): CachePolicy {
  return {
    ttlMs: policy.ttlSeconds * 1000,
    missTtlMs: policy.missTtlSeconds * 1000,
    staleWhileRevalidateMs: policy.staleWhileRevalidateSeconds * 1000,
    staleIfErrorMs: policy.staleIfErrorSeconds * 1000,
  };
}

export interface KeySpacesOptions {
  kinds: EntityKindTable;
  tags: TagVocabulary;
  policies: Readonly<Record<string, KindCachePolicy>>;
  /** The name of the source behind each source slot: the same id from two upstreams is two entities. */
  sourceNames: Readonly<Record<string, string>>;
  /** Bumped when record shapes change, so a shared Redis never serves entries of an older shape. */
  version: string;
}

/** Builds and remembers the key spaces of a kind table, once per gateway. */
export class KeySpaces {
  private readonly spaces = new Map<string, KeySpace>();

  constructor(private readonly options: KeySpacesOptions) {}

  get(kind: string, by?: KeyedBy): KeySpace {
    const spec = this.spec(kind);
    const keyedBy = by ?? (Array.isArray(spec.keys) ? 'id' : (spec.keys as KeyedBy));
    const name = `${kind}/${keyedBy}`;
    let space = this.spaces.get(name);
    if (!space) {
      space = this.build(kind, spec, keyedBy);
      this.spaces.set(name, space);
    }
    return space;
  }

  /** The spaces whose entries a purge of `kind` touches: its own, and those of kinds it owns. */
  affectedBy(kind: string): KeySpace[] {
    const own = this.spec(kind);
    const spaces = Array.isArray(own.keys) ? own.keys.map((by) => this.get(kind, by as KeyedBy)) : [];
    for (const [other, spec] of Object.entries(this.options.kinds)) {
      if (spec.ownedBy === kind) spaces.push(this.get(other));
    }
    return spaces;
  }

  policyOf(kind: string): CachePolicy {
    return this.get(kind).policy;
  }

  private spec(kind: string): EntityKindSpec {
    const spec = this.options.kinds[kind];
    if (!spec) throw new Error(`unknown entity kind "${kind}"`);
    return spec;
  }

  private build(kind: string, spec: EntityKindSpec, by: KeyedBy): KeySpace {
    const { tags, version } = this.options;
    const sourceName = this.options.sourceNames[spec.source];
    if (sourceName === undefined) throw new Error(`entity kind "${kind}" reads source "${spec.source}", which is not wired`);
    const policy = toMilliseconds(this.options.policies[kind] ?? spec.cache);
    const prefix = `${version}:${kind}:${sourceName}${by === 'slug' ? ':slug' : ''}:`;
    const missTtlSeconds = Math.max(1, Math.floor(policy.missTtlMs / 1000));
    const tagged = spec.tag !== undefined;
    const owner = spec.ownedBy;
    const idOf = (value: unknown) => (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined);

    const entryTags = (key: string, value: unknown): string[] => {
      if (by === 'owner') return owner ? [tags.entity(owner, key)] : [];
      if (by === 'query') return owner ? [tags.list(owner)] : [];
      if (!tagged) return [];
      if (by === 'id') return [tags.entity(kind, key)];
      const id = idOf(value);
      return id === undefined ? [tags.slug(kind, key)] : [tags.slug(kind, key), tags.entity(kind, id)];
    };

    const tagResults = (collected: ResponseTags, keys: readonly string[], results: readonly unknown[]): void => {
      if (!tagged || (by !== 'id' && by !== 'slug')) return;
      results.forEach((result, index) => {
        if (result instanceof Error) return;
        const id = idOf(result);
        if (id !== undefined) {
          collected.add(tags.entity(kind, id));
          collected.noteUpdatedAt((result as { updatedAt?: unknown }).updatedAt);
          return;
        }
        const key = keys[index] as string;
        collected.add(by === 'id' ? tags.entity(kind, key) : tags.slug(kind, key));
        collected.capMaxAge(missTtlSeconds);
      });
    };

    return {
      kind,
      by,
      policy,
      prefix,
      sharedIndexTag: by === 'query' && owner ? tags.list(owner) : undefined,
      key: (key) => prefix + key,
      slugIndex: by === 'slug' && tagged ? (id) => `slugs:${prefix}${id}` : undefined,
      idOf,
      entryTags,
      tagResults,
    };
  }
}
