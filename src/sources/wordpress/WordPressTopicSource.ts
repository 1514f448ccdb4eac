import { z } from 'zod';
import { type TopicRecord, TopicKind } from '../records';
import type { Page, SourceCallContext, TopicListParams, TopicSource } from '../types';
import { alignToKeys, chunk, MAX_IDS_PER_CALL } from '../batchKeys';
import { totalFrom } from './totalFrom';
import { mapWordPressTerm } from './mapWordPressRecords';
import type { WordPressApi } from './WordPressApi';
import { isUsableSlug, isWordPressId } from './wordPressIds';
import { TERM_FIELDS, WpTerm } from './wordPressSchemas';

const TermList = z.array(WpTerm);

/**
 * Topics are WordPress categories (sections) and tags. A topic id does not say which taxonomy it is in, so
 * each batch asks both endpoints at once; term ids are unique across taxonomies, so answers never clash.
 */
export class WordPressTopicSource implements TopicSource {
  readonly name = 'wordpress';

  constructor(private readonly api: WordPressApi) {}

  async getTopicsByIds(ids: readonly string[], call?: SourceCallContext): Promise<(TopicRecord | null)[]> {
    const topics = await this.fetchBoth(chunk(ids.filter(isWordPressId)).map((batch) => ({ include: batch.join(','), per_page: batch.length })), call);
    return alignToKeys(ids, topics, (topic) => topic.id);
  }

  /** A slug used by both a category and a tag resolves to the category: sections are what readers navigate. */
  async getTopicsBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<(TopicRecord | null)[]> {
    const topics = await this.fetchBoth(chunk(slugs.filter(isUsableSlug)).map((batch) => ({ slug: batch.join(','), per_page: batch.length })), call);
    // Tags first, so a category with the same slug overwrites it when aligning.
    const tagsFirst = [...topics.filter((topic) => topic.kind === TopicKind.TAG), ...topics.filter((topic) => topic.kind === TopicKind.CATEGORY)];
    return alignToKeys(slugs, tagsFirst, (topic) => topic.slug);
  }

  /**
   * Categories first, then tags, each by name (WordPress's default order): a page that crosses from one to
   * the other takes the rest from the tags, so the two lists read as one with offset paging.
   */
  async listTopics({ kind, offset, limit }: TopicListParams, call?: SourceCallContext): Promise<Page<TopicRecord>> {
    if (kind) return this.listTerms(kind, offset, limit, call);
    const categories = await this.listTerms(TopicKind.CATEGORY, offset, limit, call);
    const wanted = limit - categories.items.length;
    // Asked even when the page is full: its total is part of the answer.
    const tags = await this.listTerms(TopicKind.TAG, Math.max(0, offset - categories.totalCount), Math.max(1, wanted), call);
    return { items: [...categories.items, ...(wanted > 0 ? tags.items : [])], totalCount: categories.totalCount + tags.totalCount };
  }

  /** WordPress filters categories by one `parent` at a time: one call per parent, all at once. */
  async getChildTopicsByParentIds(parentIds: readonly string[], call?: SourceCallContext): Promise<TopicRecord[][]> {
    return Promise.all(
      parentIds.map(async (parentId) => {
        if (!isWordPressId(parentId)) return [];
        const response = await this.api.get('categories', { parent: parentId, per_page: MAX_IDS_PER_CALL, _fields: TERM_FIELDS.join(',') }, TermList, call);
        return response.body.map((term) => mapWordPressTerm(term, TopicKind.CATEGORY));
      }),
    );
  }

  /** Terms take no `offset` (WordPress ignores it): the page sizes that cover the range are asked instead. */
  private async listTerms(kind: TopicKind, offset: number, limit: number, call?: SourceCallContext): Promise<Page<TopicRecord>> {
    const route = kind === TopicKind.CATEGORY ? 'categories' : 'tags';
    const pages = await Promise.all(
      pagesCovering(offset, limit).map(async ({ page, perPage }) => {
        const response = await this.api.get(route, { per_page: perPage, page, _fields: TERM_FIELDS.join(',') }, TermList, call);
        return { start: (page - 1) * perPage, terms: response.body, total: totalFrom(response.headers['x-wp-total']) };
      }),
    );
    const items = pages
      .flatMap(({ start, terms }) => terms.map((term, index) => ({ position: start + index, term })))
      .filter(({ position }) => position >= offset && position < offset + limit)
      .map(({ term }) => mapWordPressTerm(term, kind));
    return { items, totalCount: pages[0]?.total ?? offset + items.length };
  }

  private async fetchBoth(batches: Record<string, string | number>[], call?: SourceCallContext): Promise<TopicRecord[]> {
    const fetchTerms = async (route: 'categories' | 'tags', kind: TopicKind, params: Record<string, string | number>) => {
      const response = await this.api.get(route, { ...params, _fields: TERM_FIELDS.join(',') }, TermList, call);
      return response.body.map((term) => mapWordPressTerm(term, kind));
    };
    const pages = await Promise.all(
      batches.flatMap((params) => [fetchTerms('categories', TopicKind.CATEGORY, params), fetchTerms('tags', TopicKind.TAG, params)]),
    );
    return pages.flat();
  }
}

/**
 * `page`/`per_page` requests covering positions `offset` to `offset + limit - 1`: one page when some size
 * up to WordPress's limit of 100 holds the whole range, otherwise the two pages of size `limit` it spans.
 */
export function pagesCovering(offset: number, limit: number): { page: number; perPage: number }[] {
  for (let perPage = limit; perPage <= MAX_IDS_PER_CALL; perPage += 1) {
    const first = Math.floor(offset / perPage);
    if (first === Math.floor((offset + limit - 1) / perPage)) return [{ page: first + 1, perPage }];
  }
  const first = Math.floor(offset / limit);
  return [{ page: first + 1, perPage: limit }, { page: first + 2, perPage: limit }];
}
