import { DemoNewsroomSource } from '../../../src/sources/demo/DemoNewsroomSource';
import { type FakeReply, type FakeRequest, type FakeUpstream, startFakeUpstream } from './fakeUpstreamServer';

/*
 * Fake in-house services speaking the contracts in docs/services.md, serving the demo newsroom with the
 * demo's own ids (the same ids the fake WordPress uses):
 *   authors  GET /authors?ids=1,2 | ?slugs=a,b   -> { "authors": [...] }
 *   topics   GET /topics?ids=…    | ?slugs=…     -> { "topics": [...] }
 *   related  GET /related?postIds=1,2&limit=20   -> { "results": [{ "postId", "related": [{ postId, score, reason }] }] }
 * Each is its own server (its own URL, counters and faults), as separate services would be.
 */

export type ServiceKind = 'authors' | 'topics' | 'related';

export interface FakeServiceOptions {
  port?: number;
  host?: string;
  latencyMs?: number;
  /** Mounts the API under a prefix (`/api/v1`), as services behind a shared gateway often are. */
  basePath?: string;
}

export interface FakeService extends FakeUpstream {
  /** What to put in AUTHORS_URL / TOPICS_URL / RELATED_URL (includes `basePath`). */
  serviceUrl: string;
}

const MAX_KEYS = 100;
let demo: DemoNewsroomSource | undefined;

export async function startFakeService(kind: ServiceKind, options: FakeServiceOptions = {}): Promise<FakeService> {
  demo ??= new DemoNewsroomSource();
  const source = demo;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const upstream = await startFakeUpstream({
    port: options.port,
    host: options.host,
    latencyMs: options.latencyMs,
    routeOf: (url) => (url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname),
    errorBody: (status) => ({ error: status >= 500 ? 'internal error' : 'not found', status }),
    handle: (request) => handlers[kind](request, source),
  });
  return Object.assign(upstream, { serviceUrl: `${upstream.url}${basePath}` });
}

/** All three services, each on its own port. */
export async function startFakeServices(options: FakeServiceOptions = {}): Promise<Record<ServiceKind, FakeService>> {
  const [authors, topics, related] = await Promise.all([startFakeService('authors', options), startFakeService('topics', options), startFakeService('related', options)]);
  return { authors, topics, related };
}

const handlers: Record<ServiceKind, (request: FakeRequest, source: DemoNewsroomSource) => Promise<FakeReply>> = {
  authors: (request, source) =>
    lookup(request, '/authors', async (ids, slugs) => {
      const found = ids ? await source.getAuthorsByIds(ids) : await source.getAuthorsBySlugs(slugs ?? []);
      return { authors: found.filter(present).map(({ id, slug, name, bio, avatarUrl, url }) => ({ id, slug, name, bio, avatarUrl, url })) };
    }),
  topics: (request, source) =>
    lookup(request, '/topics', async (ids, slugs) => {
      const found = ids ? await source.getTopicsByIds(ids) : await source.getTopicsBySlugs(slugs ?? []);
      return { topics: found.filter(present).map(({ id, slug, name, description, kind }) => ({ id, slug, name, description, kind: kind === 'CATEGORY' ? 'category' : 'tag' })) };
    }),
  related: async (request, source) => {
    if (request.route !== '/related' || request.method !== 'GET') return notFound();
    const postIds = listParam(request.query.get('postIds'));
    const limit = Number(request.query.get('limit') ?? 10);
    if (!postIds || postIds.length > MAX_KEYS || !Number.isInteger(limit) || limit < 1 || limit > 100) {
      return { status: 400, body: { error: 'postIds (1 to 100) and limit (1 to 100) are required' } };
    }
    const rails = await source.getRelatedByPostIds(postIds, limit);
    return { status: 200, body: { results: postIds.map((postId, index) => ({ postId, related: rails[index] ?? [] })) } };
  },
};

async function lookup(request: FakeRequest, path: string, find: (ids: string[] | undefined, slugs: string[] | undefined) => Promise<unknown>): Promise<FakeReply> {
  if (request.route !== path || request.method !== 'GET') return notFound();
  const ids = listParam(request.query.get('ids'));
  const slugs = listParam(request.query.get('slugs'));
  if ((!ids && !slugs) || (ids?.length ?? 0) > MAX_KEYS || (slugs?.length ?? 0) > MAX_KEYS) {
    return { status: 400, body: { error: 'give ids or slugs, at most 100' } };
  }
  return { status: 200, body: await find(ids, slugs) };
}

function listParam(value: string | null): string[] | undefined {
  const items = (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

function notFound(): FakeReply {
  return { status: 404, body: { error: 'not found' } };
}

function present<T>(value: T | null): value is T {
  return value !== null;
}
