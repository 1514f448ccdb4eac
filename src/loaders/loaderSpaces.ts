import type { GatewayCache } from '../cache/GatewayCache';
import type { KeySpace } from '../cache/KeySpaces';

export interface LoaderSpaces {
  postById: KeySpace;
  postBySlug: KeySpace;
  authorById: KeySpace;
  authorBySlug: KeySpace;
  topicById: KeySpace;
  topicBySlug: KeySpace;
  relatedByPostId: KeySpace;
  postList: KeySpace;
  topicList: KeySpace;
  topicChildren: KeySpace;
  authorList: KeySpace;
}

/** The cache lives as long as the gateway: its spaces are asked for once, not per request. */
const spacesByCache = new WeakMap<GatewayCache, LoaderSpaces>();

/** The key spaces the loaders read and write, as the cache defines them. */
export function loaderSpaces(cache: GatewayCache): LoaderSpaces {
  let spaces = spacesByCache.get(cache);
  if (!spaces) {
    spaces = {
      postById: cache.space('post', 'id'),
      postBySlug: cache.space('post', 'slug'),
      authorById: cache.space('author', 'id'),
      authorBySlug: cache.space('author', 'slug'),
      topicById: cache.space('topic', 'id'),
      topicBySlug: cache.space('topic', 'slug'),
      relatedByPostId: cache.space('related'),
      postList: cache.space('postList'),
      topicList: cache.space('topicList'),
      topicChildren: cache.space('topicChildren'),
      authorList: cache.space('authorList'),
    };
    spacesByCache.set(cache, spaces);
  }
  return spaces;
}
