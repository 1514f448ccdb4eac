import { z } from 'zod';
import { type TopicRecord, TopicKind } from '../records';
import type { SourceCallContext, TopicSource } from '../types';
import { alignToKeys, chunk } from '../batchKeys';
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
