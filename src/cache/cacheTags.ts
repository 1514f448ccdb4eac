import { ENTITY_KINDS, taggedKinds, type EntityKindTable, type TaggedKind } from '../config/entityKinds';

/**
 * Cache tags name the entities a cached response contains (`post:420 author:2 topic:3`), so one publish
 * event can purge exactly those responses: in this gateway's caches and at the CDN (`Surrogate-Key` for
 * Fastly and others, `Cache-Tag` for Cloudflare). The vocabulary comes from the entity-kind table: each
 * kind with a `tag` has `<tag>:<id>`, `<tag>-slug:<slug>` and the coarse `<tag>-list`.
 */

/** CDNs cap these headers at 16 KB (Fastly Surrogate-Key, Cloudflare Cache-Tag). */
export const TAG_HEADER_MAX_BYTES = 16 * 1024;

/** Tags travel in space- and comma-separated headers: anything but visible ASCII is escaped. */
const UNSAFE = /[^\x21-\x7e]|,|%/u;
// `u`: an astral character (an emoji) is one match, not two halves that cannot be encoded alone.
const UNSAFE_ALL = /[^\x21-\x7e]|,|%/gu;

function escapeCharacter(character: string): string {
  try {
    return encodeURIComponent(character);
  } catch {
    // A lone surrogate has no UTF-8 form; it still needs a stable, header-safe spelling.
    return `%u${character.charCodeAt(0).toString(16).toUpperCase()}`;
  }
}

function safe(value: string): string {
  // Ids and slugs are nearly always safe already: test before building a new string.
  return UNSAFE.test(value) ? value.replace(UNSAFE_ALL, escapeCharacter) : value;
}

export interface TagHeaders {
  /** The tags actually sent (and indexed for purges): fine-grained, or collapsed to fit. */
  tags: string[];
  surrogateKey: string;
  cacheTag: string;
  /** Kinds whose entity tags were replaced by their coarse tag to fit `maxBytes`. */
  collapsed: string[];
}

/** The tags of one entity-kind table. */
export class TagVocabulary {
  private readonly tagOfKind = new Map<string, string>();
  private readonly kindOfTag = new Map<string, string>();
  private readonly pattern: RegExp;

  constructor(kinds: EntityKindTable = ENTITY_KINDS) {
    for (const kind of taggedKinds(kinds)) {
      const tag = kinds[kind]?.tag as string;
      this.tagOfKind.set(kind, tag);
      this.kindOfTag.set(tag, kind);
    }
    const names = [...this.kindOfTag.keys()].map((tag) => tag.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
    this.pattern = new RegExp(`^(${names.join('|')})(?:-slug)?:`);
  }

  /** Kinds that have tags: what a purge may name. */
  get kinds(): string[] {
    return [...this.tagOfKind.keys()];
  }

  entity(kind: string, id: string): string {
    return `${this.tagFor(kind)}:${safe(id)}`;
  }

  /** For a slug that found nothing yet: publishing it later must purge the cached "not found". */
  slug(kind: string, slug: string): string {
    return `${this.tagFor(kind)}-slug:${safe(slug)}`;
  }

  /** Coarse: every listing of the kind, and responses naming too many of its entities to list them. */
  list(kind: string): string {
    return `${this.tagFor(kind)}-list`;
  }

  /**
   * What to purge when one entity changes: its own tag, its slug tags, and its kind's coarse tag, which
   * covers listings (a new or unpublished post changes every listing) and responses whose tags were
   * collapsed to fit the header limit.
   */
  toPurge(kind: string, id: string, slugs: readonly string[]): string[] {
    return [this.entity(kind, id), ...slugs.map((slug) => this.slug(kind, slug)), this.list(kind)];
  }

  /** The kind an entity or slug tag belongs to (`post:1` and `post-slug:x` -> `post`). */
  kindOf(tag: string): string | undefined {
    const match = this.pattern.exec(tag);
    return match ? this.kindOfTag.get(match[1] as string) : undefined;
  }

  /**
   * Both headers for a response's tags, each within `maxBytes`. When the list is too long, the kind with
   * the most tags is replaced by its coarse tag (`post:1 post:2 …` -> `post-list`), then the next, until
   * it fits: the response stays purgeable, only less precisely. Tags are never dropped.
   */
  headers(input: Iterable<string>, maxBytes: number = TAG_HEADER_MAX_BYTES): TagHeaders {
    let tags = (input instanceof Set ? Array.from(input as Set<string>) : [...new Set(input)]).sort();
    const collapsed: string[] = [];
    // Space- and comma-joined lists have the same length; tags are ASCII, so characters are bytes.
    const length = (list: string[]) => list.reduce((sum, tag) => sum + tag.length, 0) + Math.max(0, list.length - 1);
    while (length(tags) > maxBytes) {
      const counts = new Map<string, number>();
      for (const tag of tags) {
        const kind = this.kindOf(tag);
        if (kind && !collapsed.includes(kind)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
      const largest = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
      if (!largest) break;
      const [kind] = largest;
      collapsed.push(kind);
      tags = [...new Set(tags.map((tag) => (this.kindOf(tag) === kind ? this.list(kind) : tag)))].sort();
    }
    return { tags, surrogateKey: tags.join(' '), cacheTag: tags.join(','), collapsed };
  }

  private tagFor(kind: string): string {
    const tag = this.tagOfKind.get(kind);
    if (tag === undefined) throw new Error(`entity kind "${kind}" has no cache tag`);
    return tag;
  }
}

/** The gateway's own vocabulary, from ENTITY_KINDS. */
export const TAGS = new TagVocabulary();

export const entityTag = (kind: TaggedKind, id: string): string => TAGS.entity(kind, id);
export const slugTag = (kind: TaggedKind, slug: string): string => TAGS.slug(kind, slug);
export const tagsToPurge = (kind: TaggedKind, id: string, slugs: readonly string[]): string[] => TAGS.toPurge(kind, id, slugs);
export const buildTagHeaders = (input: Iterable<string>, maxBytes?: number): TagHeaders => TAGS.headers(input, maxBytes);

/** Collects the tags of one operation as its loaders resolve records, and the shortest miss lifetime met. */
export class ResponseTags {
  readonly tags = new Set<string>();
  /** A response containing a "not found" lives no longer than the cached miss behind it. */
  maxAgeCapSeconds: number | undefined;

  add(tag: string): void {
    this.tags.add(tag);
  }

  /** Epoch milliseconds of the newest `updatedAt` among the records resolved, for Last-Modified. */
  newestUpdatedAtMs: number | undefined;

  /** Notes a resolved record's `updatedAt` (ISO 8601); records without one leave it as it was. */
  noteUpdatedAt(updatedAt: unknown): void {
    if (typeof updatedAt !== 'string') return;
    const ms = Date.parse(updatedAt);
    if (Number.isFinite(ms) && (this.newestUpdatedAtMs === undefined || ms > this.newestUpdatedAtMs)) this.newestUpdatedAtMs = ms;
  }

  capMaxAge(seconds: number): void {
    this.maxAgeCapSeconds = this.maxAgeCapSeconds === undefined ? seconds : Math.min(this.maxAgeCapSeconds, seconds);
  }
}
