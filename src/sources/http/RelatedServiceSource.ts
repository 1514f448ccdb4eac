import type { RelatedRef } from '../records';
import type { RelatedSource, SourceCallContext } from '../types';
import { chunk } from '../batchKeys';
import { mapServiceRail } from './mapServiceRecords';
import { RelatedResponse } from './serviceContracts';
import { serviceUrl } from './serviceUrl';
import type { UpstreamClient } from './UpstreamClient';

/**
 * Rails from a recommendation service (contract: docs/services.md): `GET /related?postIds=&limit=`, one
 * call for a batch of articles. An article the service does not know gets an empty rail.
 */
export class RelatedServiceSource implements RelatedSource {
  readonly name = 'related-service';

  constructor(
    private readonly client: UpstreamClient,
    private readonly baseUrl: string,
  ) {}

  async getRelatedByPostIds(postIds: readonly string[], limit: number, call?: SourceCallContext): Promise<RelatedRef[][]> {
    const pages = await Promise.all(
      chunk(postIds).map(async (batch) => {
        const url = serviceUrl(this.baseUrl, 'related', { postIds: batch.join(','), limit });
        return (await this.client.request({ url, schema: RelatedResponse, call })).body.results;
      }),
    );
    const byPostId = new Map(pages.flat().map((result) => [result.postId, result.related]));
    return postIds.map((postId) => mapServiceRail(postId, byPostId.get(postId) ?? [], limit));
  }
}
