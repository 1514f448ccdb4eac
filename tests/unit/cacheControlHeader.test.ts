import { cacheControlFor, type CacheControlInput } from '../../src/server/httpCache/cacheControlHeader';

const settings = { sharedMaxAgeSeconds: undefined, staleWhileRevalidateSeconds: 60, staleIfErrorSeconds: 86400 };
const anonymousQuery: CacheControlInput = { maxAgeSeconds: 60, scope: 'PUBLIC', hasErrors: false, credentialed: false, isQuery: true };

describe('Cache-Control of a response', () => {
  it('is public with max-age, s-maxage, stale-while-revalidate and stale-if-error for an anonymous, error-free query', () => {
    expect(cacheControlFor(anonymousQuery, settings)).toEqual({
      header: 'public, max-age=60, s-maxage=60, stale-while-revalidate=60, stale-if-error=86400',
      shared: true,
      maxAgeSeconds: 60,
    });
  });

  it('lets the CDN keep responses longer than browsers when configured, and leaves out zero windows', () => {
    const header = cacheControlFor(anonymousQuery, { sharedMaxAgeSeconds: 3600, staleWhileRevalidateSeconds: 0, staleIfErrorSeconds: 0 }).header;
    expect(header).toBe('public, max-age=60, s-maxage=3600');
  });

  it.each([
    ['errors', { hasErrors: true }],
    ['no cacheable hint', { maxAgeSeconds: 0 }],
    ['a mutation', { isQuery: false }],
  ])('is no-store with %s', (_case, change) => {
    expect(cacheControlFor({ ...anonymousQuery, ...change }, settings)).toEqual({ header: 'no-store', shared: false, maxAgeSeconds: 0 });
  });

  it('is private and never stored for a request with credentials', () => {
    expect(cacheControlFor({ ...anonymousQuery, credentialed: true }, settings)).toMatchObject({ header: 'private, no-store', shared: false });
  });

  it('is private, for the caller only, when a hint says PRIVATE', () => {
    expect(cacheControlFor({ ...anonymousQuery, scope: 'PRIVATE' }, settings)).toMatchObject({ header: 'private, max-age=60', shared: false });
  });
});

describe('Cache-Control of an answer meant for its caller alone (RequestOutcome.markPrivate)', () => {
  it.each([
    ['an anonymous, cacheable query', {}],
    ['errors', { hasErrors: true }],
    ['no cacheable hint', { maxAgeSeconds: 0 }],
    ['credentials', { credentialed: true }],
  ])('is private, no-store and never shared, with %s', (_case, change) => {
    expect(cacheControlFor({ ...anonymousQuery, ...change, privateAnswer: true }, settings)).toEqual({ header: 'private, no-store', shared: false, maxAgeSeconds: 0 });
  });
});
