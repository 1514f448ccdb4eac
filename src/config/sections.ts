import { cacheSection } from './cache';
import { ENTITY_KINDS, type EntityKindTable } from './entityKinds';
import { httpSection } from './http';
import { limitsSection } from './limits';
import { persistedOperationsSection } from './persistedOperations';
import { previewSection } from './preview';
import { readerSection } from './reader';
import { redisSection } from './redis';
import { responseCacheSection } from './responseCache';
import { serverSection } from './server';
import { subgraphSection } from './subgraph';
import { upstreamsSection } from './upstreams';
import { webhookSection } from './webhook';

/** Every section, in the order problems are reported and the README lists them. */
export function gatewaySections(kinds: EntityKindTable = ENTITY_KINDS) {
  return {
    server: serverSection,
    http: httpSection,
    limits: limitsSection,
    persistedOperations: persistedOperationsSection,
    cache: cacheSection(kinds),
    redis: redisSection,
    responseCache: responseCacheSection,
    webhook: webhookSection,
    upstreams: upstreamsSection,
    subgraph: subgraphSection,
    preview: previewSection,
    reader: readerSection,
  };
}

export type GatewaySections = ReturnType<typeof gatewaySections>;
