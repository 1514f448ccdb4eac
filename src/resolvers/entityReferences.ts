import type { GatewayContext } from '../context';
import { fromGlobalId, type NodeTypeName } from '../globalId';
import type { AuthorRecord, PostRecord, TopicRecord } from '../sources/records';

/** What a router sends for one entity: its type and its key, our opaque global id. */
export interface EntityReference {
  __typename: string;
  id: string;
}

/**
 * `__resolveReference` for each entity type of the subgraph (type-graphql's apollo-federation-2 example
 * keeps these beside the types; here they share one concern: global id in, loader out). Every reference
 * of one `_entities` call is loaded in the same tick, so the per-request loaders batch them into one
 * source call, behind the entity cache, exactly as a page of `post { ... }` fields would be.
 */
export const ENTITY_REFERENCE_RESOLVERS = {
  Post: { __resolveReference: (reference: EntityReference, context: GatewayContext): Promise<PostRecord | null> | null => load(reference, 'Post', context.loaders.postById) },
  Author: { __resolveReference: (reference: EntityReference, context: GatewayContext): Promise<AuthorRecord | null> | null => load(reference, 'Author', context.loaders.authorById) },
  Topic: { __resolveReference: (reference: EntityReference, context: GatewayContext): Promise<TopicRecord | null> | null => load(reference, 'Topic', context.loaders.topicById) },
} as const;

function load<T>(reference: EntityReference, type: NodeTypeName, loader: { load(id: string): Promise<T | null> }): Promise<T | null> | null {
  let decoded: ReturnType<typeof fromGlobalId>;
  try {
    decoded = fromGlobalId(reference.id);
  } catch (error) {
    // An id that is not a global id is the router's (or another subgraph's) mistake: BAD_USER_INPUT for
    // that entity alone. Thrown here it would fail the whole `_entities` list (@apollo/subgraph calls
    // this synchronously for every representation), so it is returned as a rejection.
    return Promise.reject(error);
  }
  // The id of another type is simply not an entity of this one.
  return decoded.type === type ? loader.load(decoded.localId) : null;
}
