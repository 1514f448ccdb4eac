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
 * Posts win over topics, topics over authors; a lookup that failed matters only when nothing was found.
 */
export async function resolveUri(loaders: Loaders, uri: string): Promise<Found | null> {
  const { slug, postId, categoryId, tagSlug, authorId } = uriCandidates(uri);
  const lookups: Promise<Found | null>[] = [];
  const add = (key: string | undefined, loader: { load(key: string): Promise<Found | null> }) => {
    if (key) lookups.push(loader.load(key));
  };
  add(postId, loaders.postById);
  add(slug, loaders.postBySlug);
  add(categoryId, loaders.topicById);
  add(tagSlug, loaders.topicBySlug);
  add(slug, loaders.topicBySlug);
  add(authorId, loaders.authorById);
  add(slug, loaders.authorBySlug);
  const settled = await Promise.allSettled(lookups);
  let failure: unknown;
  for (const outcome of settled) {
    if (outcome.status === 'rejected') failure ??= outcome.reason;
    else if (outcome.value && sameUri(outcome.value.url, uri)) return outcome.value;
  }
  if (failure !== undefined) throw failure;
  return null;
}
