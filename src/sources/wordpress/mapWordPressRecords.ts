import { countWords, htmlToText, inlineHtmlToText } from '../../text/htmlToText';
import { type AuthorRecord, type ImageRecord, type ImageRendition, ImageSize, type PostRecord, type TopicRecord, TopicKind } from '../records';
import { cleanExcerpt } from './cleanExcerpt';
import { WpEmbeddedTerm, WpMedia, WpMediaSize, type WpPost, type WpTerm, WpUser } from './wordPressSchemas';

/**
 * WordPress JSON to gateway records. Rendered fields arrive as HTML with entities (`&#8217;`), so text is
 * made once here, never per request.
 *
 * A password-protected post is served as WordPress shows it to anonymous readers: title, byline, topics
 * and image, with its body and excerpt withheld (WordPress sends them empty, marked `protected`). The
 * gateway never serves more than an anonymous reader sees.
 */
export function mapWordPressPost(post: WpPost, media: WpMedia | null): PostRecord {
  const withheld = post.content.protected === true || post.excerpt.protected === true;
  const bodyHtml = withheld ? '' : post.content.rendered;
  const summary = withheld ? '' : htmlToText(cleanExcerpt(post.excerpt.rendered)) || htmlToText(firstParagraphs(post.content.rendered));
  return {
    id: String(post.id),
    slug: post.slug,
    title: inlineHtmlToText(post.title.rendered),
    bodyHtml,
    summaryText: summary,
    url: post.link,
    publishedAt: gmtToIso(post.date_gmt),
    updatedAt: gmtToIso(post.modified_gmt),
    // WordPress has one author per post; user 0 means none.
    authorIds: post.author > 0 ? [String(post.author)] : [],
    topicIds: [...post.categories, ...post.tags].map(String),
    featuredImage: media ? mapWordPressImage(media) : null,
    wordCount: countWords(bodyHtml),
  };
}

/** The featured image `_embed` put next to the post; null when absent or not visible anonymously. */
export function embeddedFeaturedMedia(post: Pick<WpPost, '_embedded' | 'featured_media'>): WpMedia | null {
  const embedded = post._embedded?.['wp:featuredmedia']?.[0];
  // Media WordPress will not show embeds as an error object ({ code: "rest_forbidden", ... }).
  const parsed = WpMedia.safeParse(embedded);
  return parsed.success && parsed.data.id === post.featured_media ? parsed.data : null;
}

/** The author `_embed=author` put next to the post: the same user fields `/users` gives. */
export function embeddedAuthor(post: WpPost): AuthorRecord | null {
  // A user WordPress will not show embeds as an error object, like media.
  const parsed = WpUser.safeParse(post._embedded?.author?.[0]);
  return parsed.success && parsed.data.id === post.author ? mapWordPressUser(parsed.data) : null;
}

/**
 * The categories and tags `_embed=wp:term` put next to the post, as topics without `description`: the
 * embed context leaves it out, so it is fetched later only if asked for.
 */
export function embeddedTopics(post: WpPost): TopicRecord[] {
  const topics: TopicRecord[] = [];
  for (const taxonomy of post._embedded?.['wp:term'] ?? []) {
    if (!Array.isArray(taxonomy)) continue;
    for (const item of taxonomy) {
      const parsed = WpEmbeddedTerm.safeParse(item);
      if (!parsed.success) continue;
      const kind = parsed.data.taxonomy === 'category' ? TopicKind.CATEGORY : parsed.data.taxonomy === 'post_tag' ? TopicKind.TAG : undefined;
      // No description and no parent in the embed context: both are fetched later, if asked for.
      if (kind) topics.push({ id: String(parsed.data.id), slug: parsed.data.slug, name: inlineHtmlToText(parsed.data.name), kind, ...(parsed.data.link ? { url: parsed.data.link } : {}) });
    }
  }
  return topics;
}

export function mapWordPressImage(media: WpMedia): ImageRecord {
  const details = media.media_details ?? {};
  return {
    url: media.source_url,
    alt: inlineHtmlToText(media.alt_text),
    width: details.width ?? null,
    height: details.height ?? null,
    renditions: renditionsOf(media),
  };
}

const SIZE_NAMES: Readonly<Record<string, ImageSize>> = {
  thumbnail: ImageSize.THUMBNAIL,
  medium: ImageSize.MEDIUM,
  medium_large: ImageSize.MEDIUM_LARGE,
  large: ImageSize.LARGE,
  full: ImageSize.FULL,
};

/** WordPress's own sizes of the image; sizes a theme or plugin added are left out, an odd entry skipped. */
function renditionsOf(media: WpMedia): ImageRendition[] {
  const details = media.media_details ?? {};
  const renditions: ImageRendition[] = [];
  for (const [name, entry] of Object.entries(details.sizes ?? {})) {
    const size = SIZE_NAMES[name];
    const parsed = size ? WpMediaSize.safeParse(entry) : undefined;
    if (size && parsed?.success) renditions.push({ size, url: parsed.data.source_url, width: parsed.data.width, height: parsed.data.height });
  }
  // `full` is in `sizes` only since WordPress 4.x's REST API; the upload itself is always known.
  if (!renditions.some((rendition) => rendition.size === ImageSize.FULL) && details.width && details.height) {
    renditions.push({ size: ImageSize.FULL, url: media.source_url, width: details.width, height: details.height });
  }
  return renditions;
}

export function mapWordPressUser(user: WpUser): AuthorRecord {
  return {
    id: String(user.id),
    slug: user.slug,
    name: inlineHtmlToText(user.name),
    bio: htmlToText(user.description),
    avatarUrl: largestAvatar(user.avatar_urls),
    url: user.link,
  };
}

export function mapWordPressTerm(term: WpTerm, kind: TopicKind): TopicRecord {
  return {
    id: String(term.id),
    slug: term.slug,
    name: inlineHtmlToText(term.name),
    description: htmlToText(term.description),
    kind,
    url: term.link ?? null,
    parentId: kind === TopicKind.CATEGORY && term.parent ? String(term.parent) : null,
  };
}

export function gmtToIso(gmt: string): string {
  // WordPress leaves the zone off its GMT fields; without it, Date would read local time.
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(gmt) ? gmt : `${gmt}Z`;
  return new Date(withZone).toISOString();
}

function largestAvatar(urls: Record<string, string> | undefined): string | null {
  if (!urls) return null;
  let best: { size: number; url: string } | null = null;
  for (const [size, url] of Object.entries(urls)) {
    const pixels = Number(size);
    if (!best || pixels > best.size) best = { size: pixels, url };
  }
  return best?.url ?? null;
}

function firstParagraphs(html: string): string {
  return html.split('</p>').slice(0, 2).join('</p>');
}
