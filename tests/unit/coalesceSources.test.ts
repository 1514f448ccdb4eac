import { RequestEndedError } from '../../src/errors';
import { coalesceSources } from '../../src/sources/coalesceSources';
import { DemoNewsroomSource } from '../../src/sources/demo/DemoNewsroomSource';
import type { SourceCallContext } from '../../src/sources/types';
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

  it('lets a request leave a shared call at once, and stops the call only when every request has left', async () => {
    // The demo newsroom's simulated latency stops on the call's signal, as an upstream call does.
    const slow = new DemoNewsroomSource({ latencyMs: 300 });
    const counted = countingSources({ posts: slow, authors: slow, topics: slow, related: slow });
    const sources = coalesceSources(counted.sources);
    const [a, b] = [new AbortController(), new AbortController()];
    const left = sources.authors.getAuthorsByIds([REFERENCE_AUTHOR.id], { requestId: 'req-a', signal: a.signal });
    const stays = sources.authors.getAuthorsByIds([REFERENCE_AUTHOR.id], { requestId: 'req-b', signal: b.signal });
    a.abort(new Error('request timed out'));
    await expect(left).rejects.toBeInstanceOf(RequestEndedError);
    expect((await stays)[0]?.slug).toBe(REFERENCE_AUTHOR.slug);
    expect(counted.calls).toHaveLength(1);
    // The source gets the starter's request id and the shared call's own signal, which never aborted.
    const shared = counted.calls[0]?.args[1] as SourceCallContext;
    expect(shared.requestId).toBe('req-a');
    expect(shared.signal).not.toBe(a.signal);
    expect(shared.signal.aborted).toBe(false);

    const [c, d] = [new AbortController(), new AbortController()];
    const both = [c, d].map((caller) => sources.authors.getAuthorsByIds([REFERENCE_AUTHOR.id], { requestId: 'req-c', signal: caller.signal }).catch((error: unknown) => error));
    c.abort(new Error('client left'));
    expect((counted.calls[1]?.args[1] as SourceCallContext).signal.aborted).toBe(false);
    d.abort(new Error('client left'));
    expect((counted.calls[1]?.args[1] as SourceCallContext).signal.aborted).toBe(true);
    for (const error of await Promise.all(both)) expect(error).toBeInstanceOf(RequestEndedError);
    expect(counted.calls).toHaveLength(2);
  });
});
