import { type FakeReply, type FakeRequest, type FakeUpstream, startFakeUpstream } from './fakeUpstreamServer';

/*
 * A fake reader service speaking the contract in docs/services.md#reader-service, keeping everything in
 * memory:
 *   GET  /bookmarks?readerId=a&readerId=b&limit=500  -> { "readers": [{ "readerId", "bookmarks": [{ "postId", "savedAt" }] }] }
 *   GET  /bookmarks/membership?readerId=a&postIds=1,2 -> { "bookmarks": [{ "postId", "savedAt" }] }
 *   POST /bookmarks/add    { readerId, postId }     -> { "bookmark": { "postId", "savedAt" } }
 *   POST /bookmarks/remove { readerId, postId }     -> {}
 *   POST /newsletter/subscriptions { email, topics } -> 202 { "status": "pending" }
 *   GET  /newsletter                                 -> { "subscriberCount", "topics": [slugs] }
 */

export interface FakeReaderService extends FakeUpstream {
  /** What to put in READER_SERVICE_URL. */
  serviceUrl: string;
  /** Addresses signed up, with their topics. */
  subscriptions: Map<string, string[]>;
}

interface Saved {
  postId: string;
  savedAt: string;
  order: number;
}

export async function startFakeReaderService(options: { topics?: string[] } = {}): Promise<FakeReaderService> {
  const bookmarks = new Map<string, Saved[]>();
  const subscriptions = new Map<string, string[]>();
  const topics = options.topics ?? ['politics', 'business', 'technology'];
  let order = 0;
  const newestFirst = (readerId: string) => [...(bookmarks.get(readerId) ?? [])].sort((a, b) => b.savedAt.localeCompare(a.savedAt) || b.order - a.order);
  const shape = ({ postId, savedAt }: Saved) => ({ postId, savedAt });

  const handle = (request: FakeRequest): FakeReply => {
    const body = request.method === 'POST' ? (JSON.parse(request.body || '{}') as Record<string, unknown>) : {};
    switch (`${request.method} ${request.route}`) {
      case 'GET /bookmarks': {
        const limit = Number(request.query.get('limit') ?? 500);
        return { status: 200, body: { readers: request.query.getAll('readerId').map((readerId) => ({ readerId, bookmarks: newestFirst(readerId).slice(0, limit).map(shape) })) } };
      }
      case 'GET /bookmarks/membership': {
        const wanted = new Set((request.query.get('postIds') ?? '').split(','));
        return { status: 200, body: { bookmarks: newestFirst(request.query.get('readerId') ?? '').filter((saved) => wanted.has(saved.postId)).map(shape) } };
      }
      case 'POST /bookmarks/add': {
        const readerId = String(body.readerId);
        const list = bookmarks.get(readerId) ?? [];
        let saved = list.find((each) => each.postId === String(body.postId));
        if (!saved) {
          saved = { postId: String(body.postId), savedAt: new Date().toISOString(), order: (order += 1) };
          list.push(saved);
        }
        bookmarks.set(readerId, list);
        return { status: 200, body: { bookmark: shape(saved) } };
      }
      case 'POST /bookmarks/remove': {
        const readerId = String(body.readerId);
        bookmarks.set(readerId, (bookmarks.get(readerId) ?? []).filter((each) => each.postId !== String(body.postId)));
        return { status: 200, body: {} };
      }
      case 'POST /newsletter/subscriptions':
        subscriptions.set(String(body.email), (body.topics as string[]) ?? []);
        return { status: 202, body: { status: 'pending' } };
      case 'GET /newsletter':
        return { status: 200, body: { subscriberCount: subscriptions.size, topics } };
      default:
        return { status: 404, body: { error: 'not found' } };
    }
  };

  const upstream = await startFakeUpstream({ routeOf: (url) => url.pathname, errorBody: (status) => ({ error: status >= 500 ? 'internal error' : 'not found', status }), handle });
  return Object.assign(upstream, { serviceUrl: upstream.url, subscriptions });
}
