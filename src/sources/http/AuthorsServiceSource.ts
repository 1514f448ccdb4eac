import type { AuthorRecord } from '../records';
import type { AuthorSource, SourceCallContext } from '../types';
import { alignToKeys, chunk } from '../batchKeys';
import { mapServiceAuthor } from './mapServiceRecords';
import { AuthorsResponse } from './serviceContracts';
import { serviceUrl } from './serviceUrl';
import type { UpstreamClient } from './UpstreamClient';

/** Authors from a people service (contract: docs/services.md): `GET /authors?ids=` and `?slugs=`. */
export class AuthorsServiceSource implements AuthorSource {
  readonly name = 'authors-service';

  constructor(
    private readonly client: UpstreamClient,
    private readonly baseUrl: string,
  ) {}

  getAuthorsByIds(ids: readonly string[], call?: SourceCallContext): Promise<(AuthorRecord | null)[]> {
    return this.lookup('ids', ids, (author) => author.id, call);
  }

  getAuthorsBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<(AuthorRecord | null)[]> {
    return this.lookup('slugs', slugs, (author) => author.slug, call);
  }

  private async lookup(param: 'ids' | 'slugs', keys: readonly string[], keyOf: (author: AuthorRecord) => string, call?: SourceCallContext): Promise<(AuthorRecord | null)[]> {
    const pages = await Promise.all(
      chunk(keys).map(async (batch) => {
        const response = await this.client.request({ url: serviceUrl(this.baseUrl, 'authors', { [param]: batch.join(',') }), schema: AuthorsResponse, call });
        return response.body.authors.map(mapServiceAuthor);
      }),
    );
    return alignToKeys(keys, pages.flat(), keyOf);
  }
}
