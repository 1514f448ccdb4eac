import type { TopicRecord } from '../records';
import type { SourceCallContext, TopicSource } from '../types';
import { alignToKeys, chunk } from '../batchKeys';
import { mapServiceTopic } from './mapServiceRecords';
import { TopicsResponse } from './serviceContracts';
import { serviceUrl } from './serviceUrl';
import type { UpstreamClient } from './UpstreamClient';

/** Topics from a taxonomy service (contract: docs/services.md): `GET /topics?ids=` and `?slugs=`. */
export class TopicsServiceSource implements TopicSource {
  readonly name = 'topics-service';

  constructor(
    private readonly client: UpstreamClient,
    private readonly baseUrl: string,
  ) {}

  getTopicsByIds(ids: readonly string[], call?: SourceCallContext): Promise<(TopicRecord | null)[]> {
    return this.lookup('ids', ids, (topic) => topic.id, call);
  }

  getTopicsBySlugs(slugs: readonly string[], call?: SourceCallContext): Promise<(TopicRecord | null)[]> {
    return this.lookup('slugs', slugs, (topic) => topic.slug, call);
  }

  private async lookup(param: 'ids' | 'slugs', keys: readonly string[], keyOf: (topic: TopicRecord) => string, call?: SourceCallContext): Promise<(TopicRecord | null)[]> {
    const pages = await Promise.all(
      chunk(keys).map(async (batch) => {
        const response = await this.client.request({ url: serviceUrl(this.baseUrl, 'topics', { [param]: batch.join(',') }), schema: TopicsResponse, call });
        return response.body.topics.map(mapServiceTopic);
      }),
    );
    return alignToKeys(keys, pages.flat(), keyOf);
  }
}
