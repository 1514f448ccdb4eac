import type { DemoAutosave, DemoNewsroom } from '../../../src/sources/demo/DemoNewsroom';
import { loadDemoNewsroom } from '../../../src/sources/demo/loadDemoNewsroom';
import { type FakeReply, type FakeRequest, type FakeUpstream, startFakeUpstream } from './fakeUpstreamServer';
import {
  type RenderOptions,
  renderMedia,
  renderPost,
  renderTerm,
  renderUser,
  type WordPressContent,
  type WpPostRow,
  wordPressContentFrom,
} from './wordPressShapes';

/*
 * A fake WordPress site speaking REST API v2 the way WordPress answers anonymous readers, serving the demo
 * newsroom: only published posts, `include`/`slug`/`categories`/`tags`/`tax_relation`/`author`/`search`/
 * `exclude` filters, `per_page` (1–100, else 400 rest_invalid_param), `page` (400
 * rest_post_invalid_page_number past the end) and `offset`, `X-WP-Total`/`X-WP-TotalPages` and `Link`
 * paging headers, `orderby=include`, `_fields` (nested too), `_embed`, a REST index and a front page that
 * advertises the REST root, and 404 rest_no_route for anything else.
 *
 * With `editor` set, it also answers as WordPress does a user with the Editor role signing in with an
 * application password (HTTP Basic): `context=edit` lookups of posts of any `status`, and each post's
 * `autosaves`. A wrong password is answered as anonymous (WordPress 6.1) or refused (`wrongPassword`).
 */

export interface FakeWordPressOptions {
  port?: number;
  host?: string;
  /** Fixed latency added to every answer. */
  latencyMs?: number;
  /** `pretty`: REST under `/wp-json/`; `plain`: under `/?rest_route=/` (a site without pretty permalinks). */
  permalinks?: 'pretty' | 'plain';
  /** How generated excerpts end: a theme's "Continue reading" link (default) or core's ` [&hellip;]`. */
  excerptMore?: 'link' | 'core';
  /** Front pages advertise the REST root in a Link header unless this is false (e.g. a proxy strips it). */
  advertiseRestRoot?: boolean;
  newsroom?: DemoNewsroom;
  /** The login of an editor whose application password opens `context=edit`; absent: no user can sign in. */
  editor?: { user: string; appPassword: string };
  /**
   * What a wrong application password gets: `anonymous`, the request answered as an anonymous reader's
   * (what WordPress 6.1 does: it checks the password only after deciding who is signed in), or `refused`,
   * 401 incorrect_password on every route (what WordPress does when a plugin checks the login late).
   */
  wrongPassword?: 'anonymous' | 'refused';
}

export interface FakeWordPress extends FakeUpstream {
  /** The REST root clients should find, e.g. `http://127.0.0.1:40123/wp-json/`. */
  restRoot: string;
  content: WordPressContent;
}

const MAX_PER_PAGE = 100;

export async function startFakeWordPress(options: FakeWordPressOptions = {}): Promise<FakeWordPress> {
  const newsroom = options.newsroom ?? loadDemoNewsroom();
  const content = wordPressContentFrom(newsroom);
  const permalinks = options.permalinks ?? 'pretty';
  const categoryIds = new Set(content.terms.filter((term) => term.taxonomy === 'category').map((term) => term.id));
  const visiblePosts = content.posts.filter((row) => row.visible).sort((a, b) => b.time - a.time || b.post.id - a.post.id);
  let restRoot = '';

  const upstream = await startFakeUpstream({
    port: options.port,
    host: options.host,
    latencyMs: options.latencyMs,
    routeOf: (url) => {
      const restRoute = url.searchParams.get('rest_route');
      if (restRoute !== null && permalinks === 'plain') return restRoute.replace(/\/+$/, '') || '/';
      if (url.pathname.startsWith('/wp-json') && permalinks === 'pretty') return url.pathname.slice('/wp-json'.length).replace(/\/+$/, '') || '/';
      return `site:${url.pathname}`;
    },
    errorBody: (status) => wpError(status === 404 ? 'rest_no_route' : 'internal_server_error', status === 404 ? 'No route was found matching the URL and request method.' : 'There has been a critical error on this website.', status).body,
    handle: (request, site) => {
      const render: RenderOptions = { site, restRoot, excerptMore: options.excerptMore ?? 'link', categoryIds };
      return route(request, render);
    },
  });
  restRoot = permalinks === 'pretty' ? `${upstream.url}/wp-json/` : `${upstream.url}/?rest_route=/`;

  const route = (request: FakeRequest, render: RenderOptions): FakeReply => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return wpError('rest_no_route', 'No route was found matching the URL and request method.', 404);
    if (request.route.startsWith('site:')) return frontPage(request, render);
    if (request.headers.authorization !== undefined) return asEditor(request, render);
    if (request.query.get('context') === 'edit') return wpError('rest_forbidden_context', 'Sorry, you are not allowed to edit posts in this post type.', 401);
    if (request.route === '/wp/v2/users/me') return wpError('rest_not_logged_in', 'You are not currently logged in.', 401);
    const single = /^\/wp\/v2\/(posts|media|users|categories|tags)\/(\d+)$/.exec(request.route);
    if (single) return one(single[1] as string, Number(single[2]), request, render);
    switch (request.route) {
      case '/':
        return withFields(request, { status: 200, body: restIndex(render), headers: { link: `<${restRoot}>; rel="https://api.w.org/"` } });
      case '/wp/v2/posts':
        return listPosts(request, render);
      case '/wp/v2/media':
        return listOf(request, content.media.filter((media) => isVisible(media.parent.id)), (media) => renderMedia(media, render), { orderBy: (a, b) => b.id - a.id });
      case '/wp/v2/users':
        return listOf(request, content.users.filter((user) => user.hasPublishedPosts), (user) => renderUser(user, render), { orderBy: (a, b) => a.name.localeCompare(b.name), countsWithoutOffset: true });
      case '/wp/v2/categories':
      case '/wp/v2/tags': {
        const taxonomy = request.route.endsWith('categories') ? 'category' : 'post_tag';
        const parent = request.query.get('parent');
        const terms = content.terms.filter(
          (term) => term.taxonomy === taxonomy && !(request.query.get('hide_empty') === 'true' && term.count === 0) && (parent === null || (taxonomy === 'category' && String(term.parent) === parent)),
        );
        return listOf(request, terms, (term) => renderTerm(term, render), { orderBy: (a, b) => a.name.localeCompare(b.name), ignoresOffset: true });
      }
      default:
        return wpError('rest_no_route', 'No route was found matching the URL and request method.', 404);
    }
  };

  const visibleIds = new Set(visiblePosts.map((row) => row.post.id));
  const isVisible = (postId: number) => visibleIds.has(postId);

  const listPosts = (request: FakeRequest, render: RenderOptions): FakeReply => {
    const query = request.query;
    if (query.has('status') && query.get('status') !== 'publish') {
      return {
        status: 400,
        body: {
          code: 'rest_invalid_param',
          message: 'Invalid parameter(s): status',
          data: { status: 400, params: { status: 'Status is forbidden.' }, details: { status: { code: 'rest_forbidden_status', message: 'Status is forbidden.', data: { status: 401 } } } },
        },
      };
    }
    const categories = idList(query.get('categories'));
    const tags = idList(query.get('tags'));
    const authors = idList(query.get('author'));
    const excluded = new Set(idList(query.get('exclude')));
    const terms = (query.get('search') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const orRelation = query.get('tax_relation') === 'OR';
    const matching = visiblePosts.filter((row) => {
      const post = row.post;
      if (excluded.has(post.id)) return false;
      if (authors.length > 0 && !authors.includes(post.authorIds[0] ?? 0)) return false;
      // Each taxonomy matches only its own terms: a category id under `tags=` matches nothing.
      const taxQueries = [
        { ids: categories, taxonomy: (id: number) => categoryIds.has(id) },
        { ids: tags, taxonomy: (id: number) => !categoryIds.has(id) },
      ].filter((taxQuery) => taxQuery.ids.length > 0);
      if (taxQueries.length > 0) {
        const hits = taxQueries.map(({ ids, taxonomy }) => ids.some((id) => taxonomy(id) && post.topicIds.includes(id)));
        if (orRelation ? !hits.some(Boolean) : !hits.every(Boolean)) return false;
      }
      return terms.every((term) => row.searchText.includes(term));
    });
    const embed = embedOption(query);
    return listOf(request, matching, (row) => withEmbedded(row, render, embed), { id: (row) => row.post.id, slug: (row) => row.post.slug, presorted: true, paging: 'posts' });
  };

  const withEmbedded = (row: WpPostRow, render: RenderOptions, embed: Set<string> | 'all' | undefined): Record<string, unknown> => {
    const post = renderPost(row, render);
    if (!embed) return post;
    const wants = (rel: string) => embed === 'all' || embed.has(rel);
    const embedded: Record<string, unknown> = {};
    const author = content.users.find((user) => user.id === row.post.authorIds[0]);
    if (wants('author') && author) embedded.author = [pick(renderUser(author, render), ['id', 'name', 'url', 'description', 'link', 'slug', 'avatar_urls', '_links'])];
    if (wants('wp:featuredmedia') && row.mediaId) {
      const media = content.media.find((item) => item.id === row.mediaId);
      embedded['wp:featuredmedia'] = [media ? renderMedia(media, render) : { code: 'rest_forbidden', message: 'Sorry, you are not allowed to view this item.', data: { status: 401 } }];
    }
    if (wants('wp:term')) {
      // Embedded terms are WordPress's `embed` context: no description, no count, no parent.
      const termsOf = (taxonomy: string) =>
        content.terms
          .filter((term) => term.taxonomy === taxonomy && row.post.topicIds.includes(term.id))
          .map((term) => pick(renderTerm(term, render), ['id', 'link', 'name', 'slug', 'taxonomy', '_links']));
      embedded['wp:term'] = [termsOf('category'), termsOf('post_tag')];
    }
    return { ...post, _embedded: embedded };
  };

  const one = (kind: string, id: number, request: FakeRequest, render: RenderOptions): FakeReply => {
    if (kind === 'posts') {
      const row = content.posts.find((candidate) => candidate.post.id === id);
      if (!row) return wpError('rest_post_invalid_id', 'Invalid post ID.', 404);
      if (!row.visible) return wpError('rest_forbidden', 'Sorry, you are not allowed to do that.', 401);
      return withFields(request, { status: 200, body: withEmbedded(row, render, embedOption(request.query)) });
    }
    if (kind === 'media') {
      const media = content.media.find((item) => item.id === id);
      if (!media) return wpError('rest_post_invalid_id', 'Invalid post ID.', 404);
      if (!isVisible(media.parent.id)) return wpError('rest_forbidden', 'Sorry, you are not allowed to do that.', 401);
      return withFields(request, { status: 200, body: renderMedia(media, render) });
    }
    if (kind === 'users') {
      const user = content.users.find((candidate) => candidate.id === id);
      if (!user) return wpError('rest_user_invalid_id', 'Invalid user ID.', 404);
      if (!user.hasPublishedPosts) return wpError('rest_user_cannot_view', 'Sorry, you are not allowed to list users.', 401);
      return withFields(request, { status: 200, body: renderUser(user, render) });
    }
    const taxonomy = kind === 'categories' ? 'category' : 'post_tag';
    const term = content.terms.find((candidate) => candidate.id === id && candidate.taxonomy === taxonomy);
    if (!term) return wpError('rest_term_invalid', 'Term does not exist.', 404);
    return withFields(request, { status: 200, body: renderTerm(term, render) });
  };

  /** An application-password request: WordPress checks the password first, on whatever route. */
  const asEditor = (request: FakeRequest, render: RenderOptions): FakeReply => {
    if (!isEditorLogin(request.headers.authorization, options.editor)) {
      if (options.wrongPassword === 'refused') return wpError('incorrect_password', 'The provided password is an invalid application password.', 401);
      return route({ ...request, headers: {} }, render);
    }
    const autosaveRoute = /^\/wp\/v2\/posts\/(\d+)\/autosaves$/.exec(request.route);
    if (autosaveRoute) {
      const postId = Number(autosaveRoute[1]);
      if (!content.posts.some((row) => row.post.id === postId)) return wpError('rest_post_invalid_parent', 'Invalid post parent ID.', 404);
      const saved = (newsroom.autosaves ?? []).map((autosave, index) => ({ autosave, index })).filter(({ autosave }) => autosave.postId === postId);
      return withFields(request, { status: 200, body: saved.map(({ autosave, index }) => renderAutosave(autosave, FIRST_AUTOSAVE_ID + index)) });
    }
    if (request.route === '/wp/v2/users/me') return withFields(request, { status: 200, body: { id: EDITOR_USER_ID, name: options.editor?.user, slug: options.editor?.user } });
    if (request.route !== '/wp/v2/posts' || request.query.get('context') !== 'edit') return route({ ...request, headers: {} }, render);
    const statuses = (request.query.get('status') ?? 'publish').split(',');
    const rows = content.posts.filter((row) => statuses.includes(row.post.status)).sort((a, b) => b.time - a.time || b.post.id - a.post.id);
    const embed = embedOption(request.query);
    return listOf(request, rows, (row) => withEmbedded(row, render, embed), { id: (row) => row.post.id, slug: (row) => row.post.slug, presorted: true, paging: 'posts' });
  };

  const frontPage = (request: FakeRequest, render: RenderOptions): FakeReply => {
    const headers: Record<string, string> = {};
    if (options.advertiseRestRoot !== false) headers.link = `<${restRoot}>; rel="https://api.w.org/"`;
    const found = request.url.pathname === '/';
    return {
      status: found ? 200 : 404,
      raw: `<!DOCTYPE html><html><head><title>${found ? 'Demo Newsroom' : 'Page not found'}</title></head><body><a href="${render.site}/">Demo Newsroom</a></body></html>`,
      headers,
    };
  };

  return Object.assign(upstream, { restRoot, content });
}

/** The editor's user id: clear of the demo's authors. */
const EDITOR_USER_ID = 901;

/** Revisions share the posts' id space in WordPress; keep them clear of the demo's posts and media. */
const FIRST_AUTOSAVE_ID = 95_001;

/** WordPress reads an application password without the spaces it shows it with. */
function isEditorLogin(header: string | string[] | undefined, editor: FakeWordPressOptions['editor']): boolean {
  const match = typeof header === 'string' ? /^Basic\s+(.+)$/i.exec(header) : null;
  if (!match || !editor) return false;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const strip = (password: string) => password.replace(/[^a-z\d]/gi, '');
  return colon > 0 && decoded.slice(0, colon) === editor.user && strip(decoded.slice(colon + 1)) === strip(editor.appPassword);
}

function renderAutosave(autosave: DemoAutosave, id: number): Record<string, unknown> {
  const modified = autosave.modified.slice(0, 19);
  return {
    id,
    author: 0,
    date: modified,
    date_gmt: modified,
    modified,
    modified_gmt: modified,
    parent: autosave.postId,
    slug: `${autosave.postId}-autosave-v1`,
    title: { raw: autosave.titleHtml, rendered: autosave.titleHtml },
    content: { raw: autosave.contentHtml, rendered: `${autosave.contentHtml}\n` },
    excerpt: { raw: autosave.excerptHtml ?? '', rendered: autosave.excerptHtml ? `${autosave.excerptHtml}\n` : '' },
  };
}

interface ListOptions<T> {
  orderBy?: (a: T, b: T) => number;
  /** Already in WordPress's default order (posts: newest first). */
  presorted?: boolean;
  id?: (item: T) => number;
  slug?: (item: T) => string;
  /** Posts answer 400 past the last page; other collections answer an empty page. */
  paging?: 'posts';
  /** Users: `X-WP-Total` is the whole count even past the end of an `offset` page. */
  countsWithoutOffset?: true;
  /** Terms: WordPress takes no `offset` for them and pages only by `page`. */
  ignoresOffset?: true;
}

/** Collection semantics shared by every route: include/slug, ordering, paging, totals, `_fields`. */
function listOf<T>(request: FakeRequest, items: T[], render: (item: T) => Record<string, unknown>, options: ListOptions<T>): FakeReply {
  const query = request.query;
  const perPage = query.has('per_page') ? Number(query.get('per_page')) : 10;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    return wpInvalidParam('per_page', `per_page must be between 1 (inclusive) and ${MAX_PER_PAGE} (inclusive)`);
  }
  const page = query.has('page') ? Number(query.get('page')) : 1;
  if (!Number.isInteger(page) || page < 1) return wpInvalidParam('page', 'page must be greater than or equal to 1');
  const offset = query.has('offset') && !options.ignoresOffset ? Number(query.get('offset')) : undefined;
  if (offset !== undefined && (!Number.isInteger(offset) || offset < 0)) return wpInvalidParam('offset', 'offset is not of type integer.');

  const idOf = options.id ?? ((item: T) => (item as { id: number }).id);
  const slugOf = options.slug ?? ((item: T) => (item as { slug: string }).slug);
  const include = idList(query.get('include'));
  const slugs = (query.get('slug') ?? '').split(',').map((slug) => slug.trim()).filter(Boolean);
  let selected = items;
  if (include.length > 0) selected = selected.filter((item) => include.includes(idOf(item)));
  if (slugs.length > 0) selected = selected.filter((item) => slugs.includes(slugOf(item)));
  if (!options.presorted && options.orderBy) selected = [...selected].sort(options.orderBy);
  const orderby = query.get('orderby');
  if (orderby === 'include' && include.length > 0) selected = [...selected].sort((a, b) => include.indexOf(idOf(a)) - include.indexOf(idOf(b)));
  if (orderby === 'id') selected = [...selected].sort((a, b) => idOf(a) - idOf(b));
  if (query.get('order') === 'asc' && orderby !== 'include') selected = [...selected].reverse();

  const start = offset ?? (page - 1) * perPage;
  const pageItems = selected.slice(start, start + perPage);
  // Posts (and media) are counted with the query's own offset: past the end, their total comes back as 0.
  // Users are counted without it (docs/wordpress-rest-notes.md).
  const total = !options.countsWithoutOffset && offset !== undefined && pageItems.length === 0 ? 0 : selected.length;
  const totalPages = Math.ceil(total / perPage);
  if (options.paging === 'posts' && page > totalPages && total > 0) {
    return wpError('rest_post_invalid_page_number', 'The page number requested is larger than the number of pages available.', 400);
  }

  const links: string[] = [];
  const pageUrl = (target: number) => {
    const url = new URL(request.url);
    url.searchParams.set('page', String(target));
    return url.href;
  };
  if (page > 1) links.push(`<${pageUrl(Math.min(page - 1, Math.max(totalPages, 1)))}>; rel="prev"`);
  if (totalPages > page) links.push(`<${pageUrl(page + 1)}>; rel="next"`);
  return withFields(request, {
    status: 200,
    body: pageItems.map(render),
    headers: {
      'x-wp-total': total,
      'x-wp-totalpages': totalPages,
      ...(links.length > 0 ? { link: links.join(', ') } : {}),
      allow: 'GET',
      'access-control-expose-headers': 'X-WP-Total, X-WP-TotalPages, Link',
      'x-robots-tag': 'noindex',
    },
  });
}

/**
 * `_fields=a,b.c`: only those fields (nested ones too). `_links` survives only when asked for, or when
 * `_embedded` is, because WordPress builds the embeds from the links.
 */
function withFields(request: FakeRequest, reply: FakeReply): FakeReply {
  const fields = (request.query.get('_fields') ?? '').split(',').map((field) => field.trim()).filter(Boolean);
  if (fields.length === 0) return reply;
  const keep = new Set(fields);
  if (keep.has('_embedded')) keep.add('_links');
  const apply = (item: unknown) => (item && typeof item === 'object' && !Array.isArray(item) ? pick(item as Record<string, unknown>, [...keep]) : item);
  return { ...reply, body: Array.isArray(reply.body) ? reply.body.map(apply) : apply(reply.body) };
}

function pick(item: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const [head, ...rest] = field.split('.');
    if (head === undefined || !(head in item)) continue;
    if (rest.length === 0) {
      out[head] = item[head];
      continue;
    }
    const nested = item[head];
    if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
      out[head] = { ...(out[head] as Record<string, unknown> | undefined), ...pick(nested as Record<string, unknown>, [rest.join('.')]) };
    }
  }
  return out;
}

function embedOption(query: URLSearchParams): Set<string> | 'all' | undefined {
  if (!query.has('_embed')) return undefined;
  const value = query.get('_embed') ?? '';
  if (value === '' || value === '1' || value === 'true') return 'all';
  return new Set(value.split(',').map((rel) => rel.trim()));
}

function idList(value: string | null): number[] {
  if (!value) return [];
  return value
    .split(/[,\s]+/)
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0);
}

function wpError(code: string, message: string, status: number): FakeReply {
  return { status, body: { code, message, data: { status } } };
}

function wpInvalidParam(param: string, message: string): FakeReply {
  return {
    status: 400,
    body: { code: 'rest_invalid_param', message: `Invalid parameter(s): ${param}`, data: { status: 400, params: { [param]: message }, details: { [param]: { code: 'rest_out_of_bounds', message, data: null } } } },
  };
}

function restIndex(render: RenderOptions): Record<string, unknown> {
  return {
    name: 'Demo Newsroom',
    description: 'News from the demo newsroom',
    url: render.site,
    home: render.site,
    gmt_offset: 0,
    timezone_string: 'UTC',
    namespaces: ['oembed/1.0', 'wp/v2', 'wp-site-health/v1'],
    authentication: [],
    routes: {
      '/wp/v2/posts': { namespace: 'wp/v2', methods: ['GET', 'POST'] },
      '/wp/v2/users': { namespace: 'wp/v2', methods: ['GET', 'POST'] },
      '/wp/v2/categories': { namespace: 'wp/v2', methods: ['GET', 'POST'] },
      '/wp/v2/tags': { namespace: 'wp/v2', methods: ['GET', 'POST'] },
      '/wp/v2/media': { namespace: 'wp/v2', methods: ['GET', 'POST'] },
    },
    _links: { help: [{ href: 'https://developer.wordpress.org/rest-api/' }] },
  };
}
