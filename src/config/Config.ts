import type { CacheConfig } from './cache';
import type { HttpConfig } from './http';
import type { QueryLimits } from './limits';
import type { PersistedOperationsConfig } from './persistedOperations';
import type { PreviewConfig } from './preview';
import type { ReaderConfig } from './reader';
import type { RedisSectionConfig } from './redis';
import type { ResponseCacheConfig } from './responseCache';
import type { ServerConfig } from './server';
import type { SubgraphConfig } from './subgraph';
import type { UpstreamsConfig } from './upstreams';
import type { WebhookConfig } from './webhook';

/** All configuration, read once in src/index.ts and passed down; each part comes from one section of src/config/. */
export interface Config
  extends ServerConfig,
    PersistedOperationsConfig,
    CacheConfig,
    RedisSectionConfig,
    ResponseCacheConfig,
    WebhookConfig,
    UpstreamsConfig,
    SubgraphConfig,
    PreviewConfig,
    ReaderConfig {
  http: HttpConfig;
  limits: QueryLimits;
}
