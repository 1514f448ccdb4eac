import { coalesceSources } from '../../src/sources/coalesceSources';
import { countingSources } from '../support/countingSources';
import { REFERENCE_AUTHOR } from '../support/fixtures';
import { demoSources } from '../support/startTestGateway';

describe('coalesceSources', () => {
  it('shares identical source calls in flight, and only those', async () => {
    const counted = countingSources(demoSources());
    const sources = coalesceSources(counted.sources);
    const [a, b, c] = await Promise.all([sources.topics.getTopicsByIds(['2', '3']), sources.topics.getTopicsByIds(['2', '3']), sources.topics.getTopicsByIds(['3', '2'])]);
    expect(a).toBe(b);
    expect(c.map((topic) => topic?.slug)).toEqual(['asia', 'world']);
    await Promise.all([sources.related.getRelatedByPostIds(['40117'], 3), sources.related.getRelatedByPostIds(['40117'], 20)]);
    // The request context (absent here) is forwarded, not part of what is shared.
    expect(counted.calls.map((call) => `${call.method}:${JSON.stringify(call.args.filter((arg) => arg !== undefined))}`)).toEqual([
      'getTopicsByIds:[["2","3"]]',
      'getTopicsByIds:[["3","2"]]',
      'getRelatedByPostIds:[["40117"],3]',
      'getRelatedByPostIds:[["40117"],20]',
    ]);
  });

  it('forgets a call once it settles, failures included', async () => {
    const counted = countingSources(demoSources());
    let fail = true;
    const flaky = { ...counted.sources.authors, name: 'flaky', getAuthorsByIds: async (ids: readonly string[]) => (fail ? Promise.reject(new Error('down')) : counted.sources.authors.getAuthorsByIds(ids)) };
    const sources = coalesceSources({ ...counted.sources, authors: flaky });
    await expect(sources.authors.getAuthorsByIds([REFERENCE_AUTHOR.id])).rejects.toThrow('down');
    fail = false;
    expect((await sources.authors.getAuthorsByIds([REFERENCE_AUTHOR.id]))[0]?.slug).toBe(REFERENCE_AUTHOR.slug);
    expect(sources.authors.name).toBe('flaky');
  });
});
