import pino from 'pino';
import { GatewayCache } from '../../src/cache/GatewayCache';
import { UPSTREAM_DEFAULTS } from '../../src/config';
import { DemoNewsroomSource } from '../../src/sources/demo/DemoNewsroomSource';
import { UpstreamClient } from '../../src/sources/http/UpstreamClient';
import { noopTelemetry } from '../../src/telemetry';
import { WordPressApi } from '../../src/sources/wordpress/WordPressApi';
import { WordPressAuthorSource } from '../../src/sources/wordpress/WordPressAuthorSource';
import { WordPressPostSource } from '../../src/sources/wordpress/WordPressPostSource';
import { RecentPostSummaries } from '../../src/sources/wordpress/RecentPostSummaries';
import { WordPressRelatedSource } from '../../src/sources/wordpress/WordPressRelatedSource';
import { WordPressTopicSource } from '../../src/sources/wordpress/WordPressTopicSource';
import { type FakeWordPress, startFakeWordPress } from '../support/fakeUpstreams';
import { REFERENCE_AUTHOR, REFERENCE_SLUG } from '../support/fixtures';

const logger = pino({ level: 'silent' });
const demo = new DemoNewsroomSource();

/** The WordPress adapter against the fake WordPress, which serves the demo newsroom: both must agree. */
describe('WordPress source', () => {
  let wp: FakeWordPress;
  const clients: UpstreamClient[] = [];
  const apiFor = (options: { siteUrl?: string; apiRoot?: string } = {}) => {
    const client = new UpstreamClient({ serviceName: 'wordpress', policy: { ...UPSTREAM_DEFAULTS, timeoutMs: 2000 }, telemetry: noopTelemetry, logger });
    clients.push(client);
    return new WordPressApi(client, { siteUrl: options.siteUrl, apiRoot: options.apiRoot ?? (options.siteUrl ? undefined : wp.restRoot), logger });
  };

  beforeAll(async () => {
    wp = await startFakeWordPress();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await wp.close();
  });
  beforeEach(() => wp.resetCounts());

  it('gets posts by id in batches of at most 100, aligned to the keys, with misses as null', async () => {
    const posts = new WordPressPostSource(apiFor(), { featuredMedia: 'embed' });
    const visible = wp.content.posts.filter((row) => row.visible).map((row) => String(row.post.id));
    const draft = String(wp.content.posts.find((row) => row.post.status === 'draft')?.post.id);
    const ids = [...visible.slice(0, 150), draft, '1', 'not-a-number', visible[0] as string];
    const records = await posts.getPostsByIds(ids);
    expect(records).toHaveLength(ids.length);
    expect(records.slice(0, 150).map((record) => record?.id)).toEqual(visible.slice(0, 150));
    expect(records.slice(150, 153)).toEqual([null, null, null]);
    expect(records[153]?.id).toBe(visible[0]);
    // 152 distinct numeric ids (150 visible, a draft, an unknown): two calls, 100 and 52.
    expect(wp.requests.map((request) => request.query.get('per_page'))).toEqual(['100', '52']);
  });

  it('maps each post as the demo newsroom does: same title, body, dates, terms and image', async () => {
    const posts = new WordPressPostSource(apiFor(), { featuredMedia: 'embed' });
    const [fromWordPress] = await posts.getPostsBySlugs([REFERENCE_SLUG]);
    const [fromDemo] = await demo.getPostsBySlugs([REFERENCE_SLUG]);
    expect(fromWordPress).toMatchObject({
      id: fromDemo?.id,
      title: fromDemo?.title,
      bodyHtml: `${fromDemo?.bodyHtml}\n`,
      publishedAt: fromDemo?.publishedAt,
      updatedAt: fromDemo?.updatedAt,
      authorIds: fromDemo?.authorIds.slice(0, 1),
      featuredImage: fromDemo?.featuredImage,
      wordCount: fromDemo?.wordCount,
    });
    expect(new Set(fromWordPress?.topicIds)).toEqual(new Set(fromDemo?.topicIds));
    expect(fromWordPress?.url).toMatch(new RegExp(`^${wp.url}/2026/01/${REFERENCE_SLUG}/$`));
    // WordPress's generated excerpt is the opening 55 words, cleaned of its "Continue reading" link.
    expect(fromWordPress?.summaryText).toMatch(/^President Lee Jae Myung of South Korea is set to visit Japan/);
    expect(fromWordPress?.summaryText).not.toMatch(/Continue reading|<|&#|\[/);
  });

  it('gets images with one media call per batch in batch mode, and the same images as with _embed', async () => {
    const embedded = await new WordPressPostSource(apiFor(), { featuredMedia: 'embed' }).listPosts({ filter: {}, offset: 0, limit: 30 });
    expect(wp.count()).toBe(1);
    wp.resetCounts();
    const batched = await new WordPressPostSource(apiFor(), { featuredMedia: 'batch' }).listPosts({ filter: {}, offset: 0, limit: 30 });
    expect(wp.requests.map((request) => request.route)).toEqual(['/wp/v2/posts', '/wp/v2/media']);
    expect(batched.items.map((post) => post.featuredImage)).toEqual(embedded.items.map((post) => post.featuredImage));
    expect(embedded.items.filter((post) => post.featuredImage).length).toBeGreaterThan(10);
  });

  it('never serves drafts or private posts, by id, by slug or in listings', async () => {
    const posts = new WordPressPostSource(apiFor(), { featuredMedia: 'embed' });
    const hidden = wp.content.posts.filter((row) => !row.visible).map((row) => row.post);
    expect(hidden.length).toBeGreaterThan(0);
    expect(await posts.getPostsByIds(hidden.map((post) => String(post.id)))).toEqual(hidden.map(() => null));
    expect(await posts.getPostsBySlugs(hidden.map((post) => post.slug))).toEqual(hidden.map(() => null));
    const all = await posts.listPosts({ filter: {}, offset: 0, limit: 100 });
    expect(all.totalCount).toBe(320);
  });

  it('lists like the demo newsroom: topic (category or tag), author, search, exclude, offset paging and totals', async () => {
    const posts = new WordPressPostSource(apiFor(), { featuredMedia: 'embed' });
    const world = wp.content.terms.find((term) => term.slug === 'world');
    const tennis = wp.content.terms.find((term) => term.slug === 'tennis');
    const filters = [
      { topicIds: [String(world?.id)] },
      { topicIds: [String(tennis?.id)] },
      { search: 'summit' },
      { topicIds: [String(world?.id)], excludeIds: ['41759'] },
    ];
    for (const filter of filters) {
      for (const [offset, limit] of [[0, 10], [7, 5]] as const) {
        const fromWordPress = await posts.listPosts({ filter, offset, limit });
        const fromDemo = await demo.listPosts({ filter, offset, limit });
        expect(fromWordPress.totalCount).toBe(fromDemo.totalCount);
        expect(fromWordPress.items.map((post) => post.id)).toEqual(fromDemo.items.map((post) => post.id));
      }
    }
    // WordPress has one author per post, so an author's listing holds the posts where they come first.
    const byAuthor = await posts.listPosts({ filter: { authorIds: ['9'] }, offset: 0, limit: 100 });
    const primary = (await demo.listPosts({ filter: { authorIds: ['9'] }, offset: 0, limit: 100 })).items.filter((post) => post.authorIds[0] === '9');
    expect(byAuthor.items.map((post) => post.id)).toEqual(primary.map((post) => post.id));
    expect(byAuthor.totalCount).toBe(primary.length);
  });

  it('knows the total even on a page past the end', async () => {
    const posts = new WordPressPostSource(apiFor(), { featuredMedia: 'embed' });
    expect(await posts.listPosts({ filter: {}, offset: 500, limit: 10 })).toEqual({ items: [], totalCount: 320 });
    expect(await posts.listPosts({ filter: { topicIds: ['abc'] }, offset: 0, limit: 10 })).toEqual({ items: [], totalCount: 0 });
  });

  it('gets authors from users and topics from categories and tags', async () => {
    const api = apiFor();
    const authors = new WordPressAuthorSource(api);
    const topics = new WordPressTopicSource(api);
    const byId = await authors.getAuthorsByIds(['3', '999', 'x']);
    expect(byId[0]).toMatchObject({ id: REFERENCE_AUTHOR.id, slug: REFERENCE_AUTHOR.slug, name: REFERENCE_AUTHOR.name, url: `${wp.url}/author/${REFERENCE_AUTHOR.slug}/` });
    expect(byId[0]?.bio).toMatch(/^Saif Rahman is our Asia-Pacific correspondent/);
    expect(byId[0]?.avatarUrl).toMatch(/s=96$/);
    expect(byId.slice(1)).toEqual([null, null]);
    expect((await authors.getAuthorsBySlugs(['grace-liu']))[0]?.name).toBe('Grace Liu');

    wp.resetCounts();
    const [world, tennis, missing] = await topics.getTopicsByIds(['2', '35', '77']);
    expect(world).toMatchObject({ slug: 'world', name: 'World', kind: 'CATEGORY' });
    expect(tennis).toMatchObject({ slug: 'tennis', kind: 'TAG' });
    expect(missing).toBeNull();
    expect(wp.requests.map((request) => request.route).sort()).toEqual(['/wp/v2/categories', '/wp/v2/tags']);
    expect((await topics.getTopicsBySlugs(['elections', 'politics'])).map((topic) => topic?.kind)).toEqual(['TAG', 'CATEGORY']);
  });

  it('finds the REST root from the site URL once, with pretty or plain permalinks, or by probing', async () => {
    const posts = new WordPressPostSource(apiFor({ siteUrl: wp.url }), { featuredMedia: 'embed' });
    await posts.getPostsBySlugs([REFERENCE_SLUG]);
    await posts.getPostsBySlugs(['another']);
    expect(wp.requests.map((request) => request.route)).toEqual(['site:/', '/wp/v2/posts', '/wp/v2/posts']);

    for (const options of [{ permalinks: 'plain' as const }, { advertiseRestRoot: false }]) {
      const site = await startFakeWordPress(options);
      try {
        const [post] = await new WordPressPostSource(apiFor({ siteUrl: site.url }), { featuredMedia: 'embed' }).getPostsBySlugs([REFERENCE_SLUG]);
        expect(post?.slug).toBe(REFERENCE_SLUG);
      } finally {
        await site.close();
      }
    }
  });

  it('ranks a related rail from WordPress terms in a constant number of calls, whatever its length', async () => {
    const related = new WordPressRelatedSource(apiFor());
    const [reference] = await demo.getPostsBySlugs([REFERENCE_SLUG]);
    const id = reference?.id as string;
    wp.resetCounts();
    const [short] = await related.getRelatedByPostIds([id], 3);
    const callsForShort = wp.count();
    wp.resetCounts();
    const [long] = await related.getRelatedByPostIds([id], 20);
    expect(wp.count()).toBe(callsForShort);
    expect(short).toHaveLength(3);
    expect(long).toHaveLength(20);
    expect(long?.slice(0, 3)).toEqual(short);
    expect(long?.map((ref) => ref.postId)).not.toContain(id);
    expect(new Set(long?.map((ref) => ref.postId)).size).toBe(20);
    // Same inverse-document-frequency ranking as the demo newsroom: the same six hand-picked stories lead.
    const [demoRail] = await demo.getRelatedByPostIds([id], 6);
    expect(new Set(long?.slice(0, 6).map((ref) => ref.postId))).toEqual(new Set(demoRail?.map((ref) => ref.postId)));
    expect(await related.getRelatedByPostIds(['1', 'x'], 5)).toEqual([[], []]);
  });

  it('ranks the same rail from the article the post source just read, without asking for it again', async () => {
    const summaries = new RecentPostSummaries(GatewayCache.prepare().memos.create('post', { max: 100, ttlMs: 60_000 }));
    const posts = new WordPressPostSource(apiFor(), { featuredMedia: 'embed', summaries });
    const withSummaries = new WordPressRelatedSource(apiFor(), summaries);
    const [article] = await posts.getPostsBySlugs([REFERENCE_SLUG]);
    const id = article?.id as string;
    wp.resetCounts();
    const [rail] = await withSummaries.getRelatedByPostIds([id], 20);
    const calls = wp.requests.map((request) => `${request.route}${decodeURIComponent(request.url.search)}`);
    expect(calls.filter((call) => call.includes(`include=${id}`))).toEqual([]);
    wp.resetCounts();
    expect([await new WordPressRelatedSource(apiFor()).getRelatedByPostIds([id], 20)]).toEqual([[rail]]);
    // Without them, one more call: the article's own summary.
    expect(wp.count()).toBe(calls.length + 1);
  });
});
