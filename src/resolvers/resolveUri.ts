import type { Loaders } from '../loaders/createLoaders';
import { sameUri, uriCandidates } from '../loaders/uriPath';
import type { AuthorRecord, PostRecord, TopicRecord } from '../sources/records';

type Found = PostRecord | TopicRecord | AuthorRecord;

/**
 * What a site path names, read the way WordPress reads its own permalinks: the last segment is a post's,
 * a term's or a user's slug (`/2026/01/slug/`, `/category/world/asia/`, `/tag/slug/`, `/author/slug/`,
 * whatever the permalink structure and bases), or a plain permalink names an id (`/?p=123`). Each
 * candidate is looked up through the slug and id loaders, so one page of URIs costs one upstream call per
 * kind, shares their cache entries, tags and purges, and a URI that names nothing is a cached slug miss.
 * A candidate counts only when its own link has exactly this path, so `/tag/world/` is not the World
 * category, nor a post whose slug happens to be `world`. (A tag sharing its slug with a category is not
 * found: slug lookups answer the category, as readers navigate sections.)
 *
 * The kind the path's shape suggests is looked up first (WordPress's default bases `/category/`,
 * `/tag/`, `/author/`, a post otherwise) and the others only when it names nothing: a page found at once
 * carries no one else's miss, which would cut its cache lifetime to a miss's. Then posts win over topics,
 * topics over authors; a lookup that failed matters only when nothing was found.
 */
export async function resolveUri(loaders: Loaders, uri: string): Promise<Found | null> {
  const candidates = uriCandidates(uri);
  const { slug, postId, categoryId, tagSlug, authorId } = candidates;
  type Lookup = [string | undefined, { load(key: string): Promise<Found | null> }];
  const kinds: Record<'posts' | 'topics' | 'authors', Lookup[]> = {
    posts: [[postId, loaders.postById], [slug, loaders.postBySlug]],
    topics: [[categoryId, loaders.topicById], [tagSlug, loaders.topicBySlug], [slug, loaders.topicBySlug]],
    authors: [[authorId, loaders.authorById], [slug, loaders.authorBySlug]],
  };
  const first = hintedKind(uri, candidates);
  const found = await firstMatch(uri, kinds[first]);
  if (found) return found;
  const rest = (Object.keys(kinds) as (keyof typeof kinds)[]).filter((kind) => kind !== first).flatMap((kind) => kinds[kind]);
  return firstMatch(uri, rest);
}

async function firstMatch(uri: string, lookups: readonly [string | undefined, { load(key: string): Promise<Found | null> }][]): Promise<Found | null> {
  const settled = await Promise.allSettled(lookups.flatMap(([key, loader]) => (key ? [loader.load(key)] : [])));
  let failure: unknown;
  for (const outcome of settled) {
    if (outcome.status === 'rejected') failure ??= outcome.reason;
    else if (outcome.value && sameUri(outcome.value.url, uri)) return outcome.value;
  }
  if (failure !== undefined) throw failure;
  return null;
}

function hintedKind(uri: string, { postId, categoryId, tagSlug, authorId }: ReturnType<typeof uriCandidates>): 'posts' | 'topics' | 'authors' {
  if (postId) return 'posts';
  if (categoryId || tagSlug) return 'topics';
  if (authorId) return 'authors';
  const base = /^\/([^/?]+)\//.exec(uri)?.[1];
  return base === 'category' || base === 'tag' ? 'topics' : base === 'author' ? 'authors' : 'posts';
}
