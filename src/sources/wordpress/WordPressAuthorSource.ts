import { z } from 'zod';
import type { AuthorRecord } from '../records';
import type { AuthorSource, Page, PageParams, SourceCallContext } from '../types';
import { alignToKeys, chunk } from '../batchKeys';
import { mapWordPressUser } from './mapWordPressRecords';
import { totalFrom } from './totalFrom';
import type { WordPressApi } from './WordPressApi';
import { isUsableSlug, isWordPressId } from './wordPressIds';
import { USER_FIELDS, WpUser } from './wordPressSchemas';

const UserList = z.array(WpUser);

/**
 * Authors are WordPress users. Anonymously, WordPress lists only users who have published posts, which is
 * exactly who may appear in a byline; anyone else is a miss.
 */
export class WordPressAuthorSource implements AuthorSource {
  readonly name = 'wordpress';

  constructor(private readonly api: WordPressApi) {}

  async getAuthorsByIds(ids: readonly string[], call?: SourceCallContext): Promise<(AuthorRecord | null)[]> {
    const pages = await Promise.all(chunk(ids.filter(isWordPressId)).map((batch) => this.fetchUsers({ include: batch.join(','), per_page: batch.length }, call)));
    return alignToKeys(ids, pages.flat(), (author) => author.id);
  }

  async getAuthorsBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<(AuthorRecord | null)[]> {
    const pages = await Promise.all(chunk(slugs.filter(isUsableSlug)).map((batch) => this.fetchUsers({ slug: batch.join(','), per_page: batch.length }, call)));
    return alignToKeys(slugs, pages.flat(), (author) => author.slug);
  }

  /** Anonymously WordPress lists only users with published posts: the bylines, by name. */
  async listAuthors({ offset, limit }: PageParams, call?: SourceCallContext): Promise<Page<AuthorRecord>> {
    const response = await this.api.get('users', { per_page: limit, offset, _fields: USER_FIELDS.join(',') }, UserList, call);
    const items = response.body.map(mapWordPressUser);
    return { items, totalCount: totalFrom(response.headers['x-wp-total']) ?? offset + items.length };
  }

  private async fetchUsers(params: Record<string, string | number>, call?: SourceCallContext): Promise<AuthorRecord[]> {
    const response = await this.api.get('users', { ...params, _fields: USER_FIELDS.join(',') }, UserList, call);
    return response.body.map(mapWordPressUser);
  }
}
