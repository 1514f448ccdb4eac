/**
 * WordPress serves its REST API under a root that depends on the site: `https://site/wp-json/` with pretty
 * permalinks, `https://site/?rest_route=/` without them, or anything a plugin chose. Every front-end page
 * advertises the root in a `Link: <…>; rel="https://api.w.org/"` header, which is how clients find it.
 */

const API_LINK = /<([^>]+)>\s*;\s*rel="?https:\/\/api\.w\.org\/"?/i;

/** The REST root advertised in one or more Link headers, if any. */
export function restRootFromLinkHeader(header: string | string[] | undefined): string | undefined {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  for (const value of values) {
    // Several links may share one header, comma-separated; the regex finds ours among them.
    const match = API_LINK.exec(value);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/** Where to look when a site advertises nothing (a proxy that drops headers, a HEAD-less cache). */
export function fallbackRestRoots(siteUrl: string): URL[] {
  const site = new URL(siteUrl);
  if (!site.pathname.endsWith('/')) site.pathname = `${site.pathname}/`;
  site.search = '';
  site.hash = '';
  const plain = new URL(site);
  plain.searchParams.set('rest_route', '/');
  return [new URL('wp-json/', site), plain];
}

/**
 * A route under a REST root: `wp/v2/posts` under `…/wp-json/` is `…/wp-json/wp/v2/posts`; under
 * `…/?rest_route=/` it is `…/?rest_route=/wp/v2/posts`. Parameters go in the query either way.
 */
export function restUrl(root: string | URL, route: string, params: Record<string, string | number | undefined> = {}): URL {
  const url = new URL(root);
  const cleanRoute = route.replace(/^\/+/, '');
  const restRoute = url.searchParams.get('rest_route');
  if (restRoute !== null) {
    url.searchParams.set('rest_route', `${restRoute.endsWith('/') ? restRoute : `${restRoute}/`}${cleanRoute}`);
  } else {
    if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
    url.pathname = `${url.pathname}${cleanRoute}`;
  }
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url;
}

/**
 * `root` moved onto `siteUrl`'s origin (scheme, host and port), its path and query kept. WordPress
 * advertises its REST root under its own "Site Address", which may be a public origin (a CDN) when the
 * gateway is configured with an internal one: the gateway keeps talking to the origin it was given.
 * A relative root is read against `siteUrl`.
 */
export function onOrigin(root: string, siteUrl: string): URL {
  const advertised = new URL(root, siteUrl);
  return new URL(`${advertised.pathname}${advertised.search}`, new URL(siteUrl).origin);
}
