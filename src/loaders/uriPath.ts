/**
 * URIs as WordPress frontends use them (WPGraphQL's `uri`): the path part of an entity's own link,
 * `/2026/01/some-slug/`, with the query string where the link has one (plain permalinks: `/?p=123`).
 */
const BASE = 'http://uri.invalid';

/** The URI of an absolute link; null when there is no link or it does not parse. */
export function uriOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return null;
  }
}

/**
 * One spelling per URI, so `/a/b`, `/a/b/`, `a/b/` and `https://site/a/b/#top` are the same lookup: a
 * leading slash, no trailing one (but `/`), no fragment, non-ASCII percent-encoded as links encode it.
 * A full URL is reduced to its path: frontends often hold the link itself. Null when it cannot be a path.
 */
export function normalizeUri(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > 2_000) return null;
  let parsed: URL;
  try {
    parsed = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? new URL(trimmed) : new URL(trimmed.startsWith('/') ? trimmed : `/${trimmed}`, BASE);
  } catch {
    return null;
  }
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') || '/' : '/';
  return path + parsed.search;
}

/** Whether an entity's link is the URI asked for (both normalized). */
export function sameUri(url: string | null | undefined, normalized: string): boolean {
  const own = uriOf(url);
  return own !== null && normalizeUri(own) === normalized;
}

/** What a URI may name, read the way WordPress reads its permalinks: the last path segment is a slug. */
export interface UriCandidates {
  slug?: string;
  /** Plain permalinks: `?p=<post id>`, `?cat=<category id>`, `?tag=<tag slug>`, `?author=<user id>`. */
  postId?: string;
  categoryId?: string;
  tagSlug?: string;
  authorId?: string;
}

export function uriCandidates(normalized: string): UriCandidates {
  const parsed = new URL(normalized, BASE);
  const segments = parsed.pathname.split('/').filter(Boolean);
  const last = segments[segments.length - 1];
  const param = (name: string) => parsed.searchParams.get(name) ?? undefined;
  let slug: string | undefined;
  if (last !== undefined) {
    try {
      // Slugs are matched as the upstream stores them; WordPress keeps non-ASCII slugs percent-encoded.
      slug = decodeURIComponent(last) === last ? last : last.toLowerCase();
    } catch {
      slug = undefined;
    }
  }
  return { slug, postId: param('p'), categoryId: param('cat'), tagSlug: param('tag'), authorId: param('author') };
}
