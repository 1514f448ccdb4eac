import { section } from './Section';
import { setting } from './Setting';
import { flag, integer } from './valueTypes';

export interface ResponseCacheConfig {
  responseCache: { enabled: boolean; maxBytes: number; maxTtlSeconds: number };
  httpCache: { sharedMaxAgeSeconds: number | undefined; staleWhileRevalidateSeconds: number; staleIfErrorSeconds: number };
}

export const responseCacheSection = section({
  title: 'Full-response cache and HTTP caching headers',
  settings: {
    responseCache: {
      enabled: setting({
        env: 'RESPONSE_CACHE',
        file: 'responseCache.enabled',
        type: flag,
        default: true,
        doc: 'keep whole responses to anonymous queries (in-process and Redis)',
      }),
      maxBytes: setting({
        env: 'RESPONSE_CACHE_MAX_BYTES',
        file: 'responseCache.maxBytes',
        type: integer({ min: 1 }),
        default: 64 * 1024 * 1024,
        doc: 'bound of the in-process response cache',
      }),
      maxTtlSeconds: setting({
        env: 'RESPONSE_CACHE_MAX_TTL_SECONDS',
        file: 'responseCache.maxTtlSeconds',
        type: integer({ min: 1 }),
        default: 300,
        doc: 'longest a response is kept, whatever its `max-age`',
      }),
    },
    httpCache: {
      sharedMaxAgeSeconds: setting({
        env: 'HTTP_CACHE_S_MAXAGE_SECONDS',
        file: 'httpCache.sharedMaxAgeSeconds',
        type: integer({ min: 1 }),
        defaultDoc: "the response's `max-age`",
        doc: '`s-maxage` sent to CDNs; purges keep them right, so it may be much longer than `max-age`',
      }),
      staleWhileRevalidateSeconds: setting({
        env: 'HTTP_CACHE_STALE_WHILE_REVALIDATE_SECONDS',
        file: 'httpCache.staleWhileRevalidateSeconds',
        type: integer({ min: 0 }),
        default: 60,
        doc: '`stale-while-revalidate` sent with cacheable responses (`0` leaves it out)',
      }),
      staleIfErrorSeconds: setting({
        env: 'HTTP_CACHE_STALE_IF_ERROR_SECONDS',
        file: 'httpCache.staleIfErrorSeconds',
        type: integer({ min: 0 }),
        default: 86_400,
        doc: '`stale-if-error` sent with cacheable responses (`0` leaves it out)',
      }),
    },
  },
  build: (values): ResponseCacheConfig => values,
});
