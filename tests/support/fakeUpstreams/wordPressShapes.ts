import { createHash } from 'node:crypto';
import type { DemoNewsroom, DemoPost } from '../../../src/sources/demo/DemoNewsroom';
import { demoImage } from '../../../src/sources/demo/demoImage';

/*
 * The demo newsroom as WordPress REST API v2 stores and renders it (view context): rendered HTML with
 * entities, `<p>`-wrapped excerpts ending in WordPress's "more" markup, GMT dates without a zone, term
 * counts, gravatar-style avatar sizes and `_links`. Site-dependent URLs are built from `site` at request
 * time, so the same content serves any port.
 */

export interface WpPostRow {
  post: DemoPost;
  /** Visible anonymously: published. Drafts and private posts exist but are never served. */
  visible: boolean;
  mediaId: number;
  /** Lower-cased title, excerpt and content for `search=`. */
  searchText: string;
  /** Published time in ms, for ordering. */
  time: number;
}

export interface WpMediaRow {
  id: number;
  parent: DemoPost;
  url: string;
  alt: string;
  width: number;
  height: number;
}

export interface WpTermRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  taxonomy: 'category' | 'post_tag';
  count: number;
  /** The parent category's id, 0 at the top (categories only). */
  parent: number;
  /** The link's path under the taxonomy's base: a subcategory's nests its parents' slugs, as WordPress's does. */
  path: string;
}

export interface WpUserRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  avatar: string | null;
  /** WordPress lists a user to anonymous readers only if they have published posts. */
  hasPublishedPosts: boolean;
}

export interface WordPressContent {
  posts: WpPostRow[];
  media: WpMediaRow[];
  terms: WpTermRow[];
  users: WpUserRow[];
}

/** Attachments share the posts' id space in WordPress; keep them clear of the demo's post ids. */
const FIRST_MEDIA_ID = 90_001;

export function wordPressContentFrom(newsroom: DemoNewsroom): WordPressContent {
  const posts = newsroom.posts.map((post, index): WpPostRow => ({
    post,
    visible: post.status === 'publish',
    mediaId: post.image ? FIRST_MEDIA_ID + index : 0,
    searchText: `${post.titleHtml} ${post.excerptHtml ?? ''} ${post.contentHtml}`.toLowerCase(),
    time: Date.parse(post.date),
  }));
  const media = posts.flatMap(({ post, mediaId }) =>
    post.image ? [{ id: mediaId, parent: post, url: post.image.url, alt: post.image.alt, width: post.image.width, height: post.image.height }] : [],
  );
  const visiblePosts = posts.filter((row) => row.visible).map((row) => row.post);
  const topicsById = new Map(newsroom.topics.map((topic) => [topic.id, topic]));
  const pathOf = (id: number | undefined): string[] => {
    const topic = id === undefined ? undefined : topicsById.get(id);
    return topic ? [...pathOf(topic.parentId), topic.slug] : [];
  };
  const terms = newsroom.topics.map((topic): WpTermRow => ({
    id: topic.id,
    slug: topic.slug,
    name: topic.name,
    description: unwrapParagraph(topic.descriptionHtml),
    taxonomy: topic.kind === 'category' ? 'category' : 'post_tag',
    count: visiblePosts.filter((post) => post.topicIds.includes(topic.id)).length,
    parent: topic.parentId ?? 0,
    path: pathOf(topic.id).join('/'),
  }));
  const users = newsroom.authors.map((author): WpUserRow => ({
    id: author.id,
    slug: author.slug,
    name: author.name,
    description: unwrapParagraph(author.bioHtml),
    avatar: author.avatarUrl,
    hasPublishedPosts: visiblePosts.some((post) => post.authorIds[0] === author.id),
  }));
  return { posts, media, terms, users };
}

export interface RenderOptions {
  site: string;
  /** REST root, for `_links`. */
  restRoot: string;
  /** `link`: a theme's "Continue reading" link (the usual case); `core`: WordPress's bare ` [&hellip;]`. */
  excerptMore: 'link' | 'core';
  categoryIds: ReadonlySet<number>;
}

export function renderPost(row: WpPostRow, options: RenderOptions): Record<string, unknown> {
  const { post } = row;
  const link = postLink(post, options.site);
  const categories = post.topicIds.filter((id) => options.categoryIds.has(id));
  const tags = post.topicIds.filter((id) => !options.categoryIds.has(id));
  const date = post.date.slice(0, 19);
  const modified = post.modified.slice(0, 19);
  return {
    id: post.id,
    date,
    date_gmt: date,
    guid: { rendered: `${options.site}/?p=${post.id}` },
    modified,
    modified_gmt: modified,
    slug: post.slug,
    status: post.status,
    type: 'post',
    link,
    title: { rendered: post.titleHtml },
    content: { rendered: `${post.contentHtml}\n`, protected: false },
    excerpt: { rendered: renderExcerpt(post, link, options.excerptMore), protected: false },
    // WordPress has a single author; the demo's co-authors are a byline convention WordPress lacks.
    author: post.authorIds[0] ?? 0,
    featured_media: row.mediaId,
    comment_status: 'open',
    ping_status: 'open',
    sticky: false,
    template: '',
    format: 'standard',
    meta: { footnotes: '' },
    categories,
    tags,
    class_list: [`post-${post.id}`, 'post', 'type-post', `status-${post.status}`, 'format-standard', 'hentry'],
    _links: {
      self: [{ href: `${options.restRoot}wp/v2/posts/${post.id}`, targetHints: { allow: ['GET'] } }],
      collection: [{ href: `${options.restRoot}wp/v2/posts` }],
      about: [{ href: `${options.restRoot}wp/v2/types/post` }],
      author: [{ embeddable: true, href: `${options.restRoot}wp/v2/users/${post.authorIds[0] ?? 0}` }],
      ...(row.mediaId ? { 'wp:featuredmedia': [{ embeddable: true, href: `${options.restRoot}wp/v2/media/${row.mediaId}` }] } : {}),
      'wp:attachment': [{ href: `${options.restRoot}wp/v2/media?parent=${post.id}` }],
      'wp:term': [
        { taxonomy: 'category', embeddable: true, href: `${options.restRoot}wp/v2/categories?post=${post.id}` },
        { taxonomy: 'post_tag', embeddable: true, href: `${options.restRoot}wp/v2/tags?post=${post.id}` },
      ],
      curies: [{ name: 'wp', href: 'https://api.w.org/{rel}', templated: true }],
    },
  };
}

export function renderMedia(media: WpMediaRow, options: RenderOptions): Record<string, unknown> {
  const date = media.parent.date.slice(0, 19);
  const file = new URL(media.url).pathname.replace(/^\//, '');
  return {
    id: media.id,
    date,
    date_gmt: date,
    guid: { rendered: media.url },
    modified: date,
    modified_gmt: date,
    slug: `${media.parent.slug}-image`,
    status: 'inherit',
    type: 'attachment',
    link: `${postLink(media.parent, options.site)}${media.parent.slug}-image/`,
    title: { rendered: media.alt },
    author: media.parent.authorIds[0] ?? 0,
    comment_status: 'open',
    ping_status: 'closed',
    template: '',
    meta: [],
    description: { rendered: `<p class="attachment"><a href="${media.url}"><img src="${media.url}" alt="" /></a></p>\n` },
    caption: { rendered: '' },
    alt_text: media.alt,
    media_type: 'image',
    mime_type: 'image/jpeg',
    media_details: {
      width: media.width,
      height: media.height,
      file,
      filesize: media.width * media.height,
      // The sizes WordPress makes of an upload, as the demo newsroom computes them.
      sizes: Object.fromEntries(
        (demoImage({ url: media.url, alt: media.alt, width: media.width, height: media.height }).renditions ?? []).map((size) => [
          size.size.toLowerCase(),
          { file: new URL(size.url).pathname.split('/').pop(), width: size.width, height: size.height, mime_type: 'image/jpeg', source_url: size.url },
        ]),
      ),
      image_meta: { aperture: '0', credit: '', camera: '', caption: '', created_timestamp: '0', copyright: '', focal_length: '0', iso: '0', shutter_speed: '0', title: '', orientation: '0', keywords: [] },
    },
    post: media.parent.id,
    source_url: media.url,
    _links: {
      self: [{ href: `${options.restRoot}wp/v2/media/${media.id}` }],
      collection: [{ href: `${options.restRoot}wp/v2/media` }],
    },
  };
}

export function renderTerm(term: WpTermRow, options: RenderOptions): Record<string, unknown> {
  const base = term.taxonomy === 'category' ? 'categories' : 'tags';
  return {
    id: term.id,
    count: term.count,
    description: term.description,
    link: `${options.site}/${term.taxonomy === 'category' ? 'category' : 'tag'}/${term.path}/`,
    name: term.name,
    slug: term.slug,
    taxonomy: term.taxonomy,
    ...(term.taxonomy === 'category' ? { parent: term.parent } : {}),
    meta: [],
    _links: {
      self: [{ href: `${options.restRoot}wp/v2/${base}/${term.id}` }],
      collection: [{ href: `${options.restRoot}wp/v2/${base}` }],
      about: [{ href: `${options.restRoot}wp/v2/taxonomies/${term.taxonomy}` }],
      'wp:post_type': [{ href: `${options.restRoot}wp/v2/posts?${base}=${term.id}` }],
      curies: [{ name: 'wp', href: 'https://api.w.org/{rel}', templated: true }],
    },
  };
}

export function renderUser(user: WpUserRow, options: RenderOptions): Record<string, unknown> {
  const hash = createHash('md5').update(`${user.slug}@example-news.test`).digest('hex');
  const avatar = (size: number) => (user.avatar ? `${user.avatar}?s=${size}` : `https://secure.gravatar.com/avatar/${hash}?s=${size}&d=mm&r=g`);
  return {
    id: user.id,
    name: user.name,
    url: '',
    description: user.description,
    link: `${options.site}/author/${user.slug}/`,
    slug: user.slug,
    avatar_urls: { '24': avatar(24), '48': avatar(48), '96': avatar(96) },
    meta: [],
    _links: {
      self: [{ href: `${options.restRoot}wp/v2/users/${user.id}` }],
      collection: [{ href: `${options.restRoot}wp/v2/users` }],
    },
  };
}

export function postLink(post: DemoPost, site: string): string {
  return `${site}/${post.date.slice(0, 4)}/${post.date.slice(5, 7)}/${post.slug}/`;
}

/**
 * A hand-written excerpt is wrapped in paragraphs (wpautop). Otherwise WordPress cuts the content to 55
 * words and appends its "more" markup: core's ` [&hellip;]`, or a theme's link, as most themes do.
 */
function renderExcerpt(post: DemoPost, link: string, style: RenderOptions['excerptMore']): string {
  if (post.excerptHtml) return post.excerptHtml.startsWith('<p>') ? `${post.excerptHtml}\n` : `<p>${post.excerptHtml}</p>\n`;
  const words = post.contentHtml.replace(/<[^>]*>/g, ' ').split(/\s+/).filter(Boolean).slice(0, 55).join(' ');
  if (style === 'core') return `<p>${words} [&hellip;]</p>\n`;
  return `<p>${words} &hellip; </p>\n<p class="link-more"><a href="${link}" class="more-link">Continue reading<span class="screen-reader-text"> &#8220;${post.titleHtml}&#8221;</span></a></p>\n`;
}

function unwrapParagraph(html: string): string {
  return html.replace(/^<p>/, '').replace(/<\/p>$/, '');
}
