import { ErrorCode, UpstreamError } from '../../src/errors';
import { cachedBatch } from '../../src/loaders/cachedBatch';
import { PartialResultError } from '../../src/sources/PartialResultError';
import { memoryGatewayCache } from '../support/memoryCache';

type Rail = { postId: string }[];

const failure = new UpstreamError(ErrorCode.UPSTREAM_TIMEOUT, 'wordpress', 'The wordpress service did not answer in time.');
/** A source whose every call fails in part: rail `a` could still be ranked, `b` could not. */
const partlyFailing = async (keys: string[]): Promise<(Rail | null)[]> => {
  throw new PartialResultError(
    keys.map((key) => (key === 'b' ? null : [{ postId: `${key}-related` }])),
    failure,
    'ranked from part of its inputs',
  );
};

describe('cachedBatch and partial results', () => {
  const space = () => memoryGatewayCache().space('related');

  it('serves the part of a result the upstream gave, tells who reports it, and caches none of it', async () => {
    const cache = memoryGatewayCache();
    const relatedSpace = cache.space('related');
    const partial: [string, unknown][] = [];
    const batch = cachedBatch<Rail>({ cache: cache.entities, space: relatedSpace, fetch: partlyFailing, onPartial: (key, error) => partial.push([key, error.extensions]) });
    const [a, b] = await batch(['a', 'b']);
    expect(a).toEqual([{ postId: 'a-related' }]);
    // Nothing could be made for `b`: it fails like any key of a failed call.
    expect(b).toBeInstanceOf(PartialResultError);
    expect(partial).toEqual([['a', { code: 'UPSTREAM_TIMEOUT', serviceName: 'wordpress' }]]);
    await cache.settle();
    expect(await cache.entities.getMany(relatedSpace, ['a', 'b'])).toEqual([undefined, undefined]);
  });

  it('serves a stale entry before a partial result', async () => {
    let clock = 1_000;
    const cache = memoryGatewayCache({ policies: { related: { ttlSeconds: 1, missTtlSeconds: 1, staleWhileRevalidateSeconds: 0, staleIfErrorSeconds: 60 } }, now: () => clock });
    const relatedSpace = cache.space('related');
    await cache.entities.setMany(relatedSpace, [{ key: 'a', value: [{ postId: 'complete' }] }]);
    clock += 2_000;
    const stale: string[] = [];
    const partial: string[] = [];
    const batch = cachedBatch<Rail>({ cache: cache.entities, space: relatedSpace, fetch: partlyFailing, onStale: (_kind, key) => stale.push(key), onPartial: (key) => partial.push(key) });
    expect(await batch(['a'])).toEqual([[{ postId: 'complete' }]]);
    expect([stale, partial]).toEqual([['a'], []]);
  });

  it('treats a partial result as the failure it also is when nobody reports partial results', async () => {
    const batch = cachedBatch<Rail>({ cache: memoryGatewayCache().entities, space: space(), fetch: partlyFailing });
    const [a] = await batch(['a']);
    expect(a).toBeInstanceOf(PartialResultError);
  });
});
