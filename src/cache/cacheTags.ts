/**
 * Cache tags name the entities a cached response contains (`post:420 author:2 topic:3`), so one publish
 * event can purge exactly those responses: in this gateway's response cache and at the CDN
 * (`Surrogate-Key` for Fastly and others, `Cache-Tag` for Cloudflare).
 */
export type TaggedType = 'post' | 'author' | 'topic';

/** Coarse tags: a response too big to list its entities one by one names their kind instead. */
export const LIST_TAG: Record<TaggedType, string> = { post: 'post-list', author: 'author-list', topic: 'topic-list' };

/** CDNs cap these headers at 16 KB (Fastly Surrogate-Key, Cloudflare Cache-Tag). */
export const TAG_HEADER_MAX_BYTES = 16 * 1024;

/** Tags travel in space- and comma-separated headers: anything else than visible ASCII is escaped. */
const UNSAFE = /[^\x21-\x7e]|,|%/;

function safe(value: string): string {
  // Ids and slugs are nearly always safe already: test before building a new string.
  return UNSAFE.test(value) ? value.replace(/[^\x21-\x7e]|,|%/g, (character) => encodeURIComponent(character)) : value;
}

export function entityTag(type: TaggedType, id: string): string {
  return `${type}:${safe(id)}`;
}

/** For a slug that found nothing yet: publishing it later must purge the cached "not found". */
export function slugTag(type: TaggedType, slug: string): string {
  return `${type}-slug:${safe(slug)}`;
}

/**
 * What to purge when one entity changes: its own tag, its slug tags, and its kind's coarse tag, which
 * covers listings (a new or unpublished post changes every listing) and responses whose tags were
 * collapsed to fit the header limit.
 */
export function tagsToPurge(type: TaggedType, id: string, slugs: readonly string[]): string[] {
  return [entityTag(type, id), ...slugs.map((slug) => slugTag(type, slug)), LIST_TAG[type]];
}

export interface TagHeaders {
  /** The tags actually sent (and indexed for purges): fine-grained, or collapsed to fit. */
  tags: string[];
  surrogateKey: string;
  cacheTag: string;
  /** Kinds whose entity tags were replaced by their coarse tag to fit `maxBytes`. */
  collapsed: TaggedType[];
}

/**
 * Both headers for a response's tags, each within `maxBytes`. When the list is too long, the kind with
 * the most tags is replaced by its coarse tag (`post:1 post:2 …` -> `post-list`), then the next, until it
 * fits: the response stays purgeable, only less precisely. Tags are never dropped.
 */
export function buildTagHeaders(input: Iterable<string>, maxBytes: number = TAG_HEADER_MAX_BYTES): TagHeaders {
  let tags = (input instanceof Set ? Array.from(input as Set<string>) : [...new Set(input)]).sort();
  const collapsed: TaggedType[] = [];
  // Space- and comma-joined lists have the same length; tags are ASCII, so characters are bytes.
  const length = (list: string[]) => list.reduce((sum, tag) => sum + tag.length, 0) + Math.max(0, list.length - 1);
  while (length(tags) > maxBytes) {
    const counts = new Map<TaggedType, number>();
    for (const tag of tags) {
      const type = tagType(tag);
      if (type && !collapsed.includes(type)) counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    const largest = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (!largest) break;
    const [type] = largest;
    collapsed.push(type);
    tags = [...new Set(tags.map((tag) => (tagType(tag) === type ? LIST_TAG[type] : tag)))].sort();
  }
  return { tags, surrogateKey: tags.join(' '), cacheTag: tags.join(','), collapsed };
}

function tagType(tag: string): TaggedType | undefined {
  const match = /^(post|author|topic)(?:-slug)?:/.exec(tag);
  return match ? (match[1] as TaggedType) : undefined;
}

/** Collects the tags of one operation as its loaders resolve records, and the shortest miss lifetime met. */
export class ResponseTags {
  readonly tags = new Set<string>();
  /** A response containing a "not found" lives no longer than the cached miss behind it. */
  maxAgeCapSeconds: number | undefined;

  add(tag: string): void {
    this.tags.add(tag);
  }

  capMaxAge(seconds: number): void {
    this.maxAgeCapSeconds = this.maxAgeCapSeconds === undefined ? seconds : Math.min(this.maxAgeCapSeconds, seconds);
  }
}
