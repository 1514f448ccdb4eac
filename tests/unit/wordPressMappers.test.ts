import { TopicKind } from '../../src/sources/records';
import { cleanExcerpt } from '../../src/sources/wordpress/cleanExcerpt';
import { embeddedFeaturedMedia, gmtToIso, mapWordPressImage, mapWordPressPost, mapWordPressTerm, mapWordPressUser } from '../../src/sources/wordpress/mapWordPressRecords';
import { fallbackRestRoots, restRootFromLinkHeader, restUrl } from '../../src/sources/wordpress/restRoot';
import { WpMedia, WpPost, WpUser } from '../../src/sources/wordpress/wordPressSchemas';

/** A post as WordPress 6 renders it for an anonymous reader (view context), trimmed to what `_fields` asks. */
const wpPost = (overrides: Record<string, unknown> = {}) =>
  WpPost.parse({
    id: 40117,
    slug: 'eu-india-deal',
    link: 'https://news.example/2026/01/eu-india-deal/',
    date_gmt: '2026-01-13T14:20:00',
    modified_gmt: '2026-01-14T09:00:05',
    title: { rendered: 'EU&#8211;India Deal &#8220;May Be Signed&#8221; This Month, Says Merz &amp; Modi' },
    excerpt: {
      rendered:
        '<p>German Chancellor Merz hints at a possible EU&#8211;India free trade agreement signing by January end &hellip; </p>\n<p class="link-more"><a href="https://news.example/2026/01/eu-india-deal/" class="more-link">Continue reading<span class="screen-reader-text"> &#8220;EU&#8211;India Deal&#8221;</span></a></p>\n',
      protected: false,
    },
    content: { rendered: '<p>First paragraph with <a href="/x">a link</a>.</p>\n<p>Second one.</p>\n<p>Third.</p>\n', protected: false },
    author: 5,
    categories: [2, 5],
    tags: [32],
    featured_media: 90001,
    ...overrides,
  });

describe('mapWordPressPost', () => {
  it('decodes the title, cleans the excerpt, keeps the body and maps ids, dates and links', () => {
    const record = mapWordPressPost(wpPost(), null);
    expect(record).toEqual({
      id: '40117',
      slug: 'eu-india-deal',
      title: 'EU–India Deal “May Be Signed” This Month, Says Merz & Modi',
      bodyHtml: '<p>First paragraph with <a href="/x">a link</a>.</p>\n<p>Second one.</p>\n<p>Third.</p>\n',
      summaryText: 'German Chancellor Merz hints at a possible EU–India free trade agreement signing by January end …',
      url: 'https://news.example/2026/01/eu-india-deal/',
      publishedAt: '2026-01-13T14:20:00.000Z',
      updatedAt: '2026-01-14T09:00:05.000Z',
      authorIds: ['5'],
      topicIds: ['2', '5', '32'],
      featuredImage: null,
      wordCount: 8,
    });
  });

  it('falls back to the body\'s opening when WordPress gives no excerpt text', () => {
    const record = mapWordPressPost(wpPost({ excerpt: { rendered: '', protected: false } }), null);
    expect(record?.summaryText).toBe('First paragraph with a link. Second one.');
  });

  it('serves a password-protected post as anonymous readers see it: title and byline, no body or excerpt', () => {
    const record = mapWordPressPost(wpPost({ content: { rendered: '<p>secret</p>', protected: true }, excerpt: { rendered: '<p>secret</p>', protected: true } }), null);
    expect(record.title.length).toBeGreaterThan(0);
    expect(record.authorIds.length).toBe(1);
    expect(record).toMatchObject({ bodyHtml: '', summaryText: '', wordCount: 0 });
  });

  it('maps the featured image from an embedded attachment, and ignores embeds WordPress refused', () => {
    const media = {
      id: 90001,
      source_url: 'https://news.example/wp-content/uploads/2026/01/deal.jpg',
      alt_text: 'Merz &amp; Modi shake hands',
      media_details: { width: 1600, height: 900, sizes: {} },
    };
    const withMedia = wpPost({ _embedded: { 'wp:featuredmedia': [media] } });
    expect(mapWordPressPost(withMedia, embeddedFeaturedMedia(withMedia))?.featuredImage).toEqual({
      url: 'https://news.example/wp-content/uploads/2026/01/deal.jpg',
      alt: 'Merz & Modi shake hands',
      width: 1600,
      height: 900,
      // Without sizes WordPress made, the upload itself is the one size.
      renditions: [{ size: 'FULL', url: 'https://news.example/wp-content/uploads/2026/01/deal.jpg', width: 1600, height: 900 }],
    });
    const refused = wpPost({ _embedded: { 'wp:featuredmedia': [{ code: 'rest_forbidden', message: 'Sorry', data: { status: 401 } }] } });
    expect(embeddedFeaturedMedia(refused)).toBeNull();
    // A non-image attachment has empty media details: no size, still an image URL.
    expect(WpMedia.parse({ ...media, media_details: {} }).media_details).toEqual({});
  });

  it('keeps WordPress\'s own image sizes from media_details.sizes, skipping sizes of themes and odd entries', () => {
    const upload = (file: string) => `https://news.example/wp-content/uploads/2026/01/${file}`;
    const size = (file: string, width: number, height: number) => ({ file, width, height, mime_type: 'image/jpeg', source_url: upload(file) });
    const media = WpMedia.parse({
      id: 7,
      source_url: upload('deal.jpg'),
      alt_text: '',
      media_details: {
        width: 1600,
        height: 900,
        sizes: {
          thumbnail: size('deal-150x150.jpg', 150, 150),
          medium: size('deal-300x169.jpg', 300, 169),
          large: { file: 'deal-1024x576.jpg' },
          'post-thumbnail': size('deal-1200x675.jpg', 1200, 675),
          full: size('deal.jpg', 1600, 900),
        },
      },
    });
    expect(mapWordPressImage(media).renditions).toEqual([
      { size: 'THUMBNAIL', url: upload('deal-150x150.jpg'), width: 150, height: 150 },
      { size: 'MEDIUM', url: upload('deal-300x169.jpg'), width: 300, height: 169 },
      { size: 'FULL', url: upload('deal.jpg'), width: 1600, height: 900 },
    ]);
  });

  it('has no author for user 0 and accepts posts without tags', () => {
    const record = mapWordPressPost(wpPost({ author: 0, tags: undefined }), null);
    expect(record?.authorIds).toEqual([]);
    expect(record?.topicIds).toEqual(['2', '5']);
  });

  it('rejects a post without the fields it needs', () => {
    expect(WpPost.safeParse({ id: 1, slug: 'x', title: 'not rendered' }).success).toBe(false);
  });
});

describe('cleanExcerpt', () => {
  it.each([
    ['core\'s bracketed marker', '<p>Words of the story [&hellip;]</p>\n', '<p>Words of the story</p>\n'],
    ['a marker with the character', '<p>Words […]</p>', '<p>Words</p>'],
    ['a theme\'s more link inline', '<p>Words&hellip; <a href="https://x/p/" class="more-link">Continue reading<span class="screen-reader-text"> "T"</span></a></p>', '<p>Words&hellip; </p>'],
    ['a theme\'s more link in its own paragraph', '<p>Words</p>\n<p class="link-more"><a href="/p" class="more-link">Read more</a></p>\n', '<p>Words</p>\n\n'],
    ['a read-more link without a class', '<p>Words <a href="/p">Read More &raquo;</a></p>', '<p>Words </p>'],
  ])('removes %s', (_case, html, cleaned) => {
    expect(cleanExcerpt(html)).toBe(cleaned);
  });

  it('keeps ordinary links and text', () => {
    const html = '<p>More than 20 countries signed, <a href="/report">the report</a> says.</p>';
    expect(cleanExcerpt(html)).toBe(html);
  });
});

describe('mapWordPressUser and mapWordPressTerm', () => {
  it('maps a user to an author with the largest avatar and a plain-text bio', () => {
    const user = WpUser.parse({
      id: 3,
      name: 'Saif Rahman',
      slug: 'saif-rahman',
      description: 'Asia-Pacific correspondent. <a href="https://x">More</a> &amp; <em>more</em>.',
      link: 'https://news.example/author/saif-rahman/',
      avatar_urls: { '24': 'https://g.example/a?s=24', '96': 'https://g.example/a?s=96', '48': 'https://g.example/a?s=48' },
    });
    expect(mapWordPressUser(user)).toEqual({
      id: '3',
      slug: 'saif-rahman',
      name: 'Saif Rahman',
      bio: 'Asia-Pacific correspondent. More & more.',
      avatarUrl: 'https://g.example/a?s=96',
      url: 'https://news.example/author/saif-rahman/',
    });
    expect(mapWordPressUser(WpUser.parse({ ...user, avatar_urls: undefined })).avatarUrl).toBeNull();
  });

  it('maps a term to a topic of the given kind with decoded text', () => {
    expect(mapWordPressTerm({ id: 10, name: 'Film &amp; TV', slug: 'film-tv', description: '<p>Screens.</p>' }, TopicKind.CATEGORY)).toEqual({
      id: '10',
      slug: 'film-tv',
      name: 'Film & TV',
      description: 'Screens.',
      kind: TopicKind.CATEGORY,
      url: null,
      parentId: null,
    });
    const nested = { id: 11, name: 'Asia', slug: 'asia', description: '', link: 'https://news.example/category/world/asia/', parent: 2 };
    expect(mapWordPressTerm(nested, TopicKind.CATEGORY)).toMatchObject({ url: nested.link, parentId: '2' });
    // Tags have no hierarchy, whatever a plugin sends.
    expect(mapWordPressTerm(nested, TopicKind.TAG)).toMatchObject({ parentId: null });
  });

  it('reads WordPress GMT dates as UTC whatever the local zone', () => {
    expect(gmtToIso('2026-01-12T08:00:00')).toBe('2026-01-12T08:00:00.000Z');
    expect(gmtToIso('2026-01-12T08:00:00Z')).toBe('2026-01-12T08:00:00.000Z');
  });
});

describe('REST root', () => {
  it('finds the root among the Link headers of a page', () => {
    expect(restRootFromLinkHeader('<https://news.example/wp-json/>; rel="https://api.w.org/"')).toBe('https://news.example/wp-json/');
    expect(
      restRootFromLinkHeader(['<https://news.example/?p=1>; rel=shortlink', '<https://news.example/wp-json/wp/v2/pages/2>; rel="alternate"; type="application/json", <https://news.example/index.php?rest_route=/>; rel="https://api.w.org/"']),
    ).toBe('https://news.example/index.php?rest_route=/');
    expect(restRootFromLinkHeader('<https://news.example/feed/>; rel="alternate"')).toBeUndefined();
    expect(restRootFromLinkHeader(undefined)).toBeUndefined();
  });

  it('builds route URLs under pretty and plain roots', () => {
    expect(restUrl('https://news.example/wp-json/', 'wp/v2/posts', { include: '1,2', per_page: 2 }).href).toBe('https://news.example/wp-json/wp/v2/posts?include=1%2C2&per_page=2');
    expect(restUrl('https://news.example/blog/wp-json', 'wp/v2/users').href).toBe('https://news.example/blog/wp-json/wp/v2/users');
    expect(restUrl('https://news.example/?rest_route=/', 'wp/v2/posts', { slug: 'a' }).href).toBe('https://news.example/?rest_route=%2Fwp%2Fv2%2Fposts&slug=a');
  });

  it('guesses the usual roots when a site advertises none', () => {
    expect(fallbackRestRoots('https://news.example/blog').map(String)).toEqual(['https://news.example/blog/wp-json/', 'https://news.example/blog/?rest_route=%2F']);
  });
});
