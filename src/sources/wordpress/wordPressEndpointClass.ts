import type { WordPressEndpointClass } from '../../config';

/**
 * The endpoint class of a REST route (under `wp/v2/`) and its query: what decides whose slots, queue and
 * breaker a call uses, so a slow listing never holds the slots an article lookup needs. Posts asked for
 * by id or slug are article lookups (the related ranking's lookup of its articles too); any other posts
 * query is a listing. Routes the gateway does not call today go with the listings, the class a page can
 * most easily do without.
 */
export function wordPressEndpointClass(route: string, params: Record<string, unknown>): WordPressEndpointClass {
  const [collection, id] = route.replace(/^\/+/, '').split('/');
  switch (collection) {
    case 'posts':
    case 'pages':
      return id !== undefined || params.include !== undefined || params.slug !== undefined ? 'articles' : 'listings';
    case 'categories':
    case 'tags':
      return 'terms';
    case 'users':
      return 'users';
    case 'media':
      return 'media';
    default:
      return 'listings';
  }
}

/** Finding the REST root gates every other call: it goes with the calls a page needs most. */
export const DISCOVERY_ENDPOINT_CLASS: WordPressEndpointClass = 'articles';
