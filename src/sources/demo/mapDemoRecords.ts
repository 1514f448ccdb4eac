import { countWords, htmlToText, inlineHtmlToText } from '../../text/htmlToText';
import { type AuthorRecord, type PostRecord, type TopicRecord, TopicKind } from '../records';
import type { DemoAuthor, DemoPost, DemoTopic } from './DemoNewsroom';
import { demoImage } from './demoImage';

/** The demo newsroom's public site, so `url` fields look like the links a real CMS gives. */
export const DEMO_SITE_URL = 'https://demo.newsroom.example';

export function mapDemoPost(post: DemoPost): PostRecord {
  const published = new Date(post.date);
  const month = String(published.getUTCMonth() + 1).padStart(2, '0');
  return {
    id: String(post.id),
    slug: post.slug,
    title: inlineHtmlToText(post.titleHtml),
    bodyHtml: post.contentHtml,
    // Without an editor's summary, the body's opening is what a reader would see first.
    summaryText: htmlToText(post.excerptHtml ?? firstParagraphs(post.contentHtml)),
    url: `${DEMO_SITE_URL}/${published.getUTCFullYear()}/${month}/${post.slug}/`,
    publishedAt: post.date,
    updatedAt: post.modified,
    authorIds: post.authorIds.map(String),
    topicIds: post.topicIds.map(String),
    featuredImage: post.image ? demoImage(post.image) : null,
    wordCount: countWords(post.contentHtml),
  };
}

export function mapDemoAuthor(author: DemoAuthor): AuthorRecord {
  return {
    id: String(author.id),
    slug: author.slug,
    name: author.name,
    bio: htmlToText(author.bioHtml),
    avatarUrl: author.avatarUrl,
    url: `${DEMO_SITE_URL}/author/${author.slug}/`,
  };
}

/**
 * Links as WordPress makes them with its default bases: `/tag/<slug>/`, and `/category/<slug>/` with the
 * slugs of the category's ancestors before its own (`/category/world/asia/`).
 */
export function mapDemoTopic(topic: DemoTopic, topicsById: ReadonlyMap<number, DemoTopic>): TopicRecord {
  const isCategory = topic.kind === 'category';
  const path = [topic.slug];
  for (let parent = topic.parentId; isCategory && parent !== undefined && path.length < 10; parent = topicsById.get(parent)?.parentId) {
    const ancestor = topicsById.get(parent);
    if (ancestor) path.unshift(ancestor.slug);
  }
  return {
    id: String(topic.id),
    slug: topic.slug,
    name: inlineHtmlToText(topic.name),
    description: htmlToText(topic.descriptionHtml),
    kind: isCategory ? TopicKind.CATEGORY : TopicKind.TAG,
    url: `${DEMO_SITE_URL}/${isCategory ? 'category' : 'tag'}/${path.join('/')}/`,
    parentId: isCategory && topic.parentId !== undefined ? String(topic.parentId) : null,
  };
}

function firstParagraphs(html: string): string {
  return html.split('</p>').slice(0, 2).join('</p>');
}
