import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { GraphQLSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';
import { ENTITY_REFERENCE_RESOLVERS } from '../../resolvers/entityReferences';
import { buildGatewaySchema } from '../buildGatewaySchema';
import { subgraphTypeDefs } from './subgraphTypeDefs';

let schema: GraphQLSchema | undefined;

/**
 * The public schema as an Apollo Federation 2 subgraph (SUBGRAPH=true): the same types and resolvers,
 * plus `_service { sdl }` and `_entities`. Built from the finished standalone schema, so what was tuned
 * there carries over through type-graphql's resolver map: the direct resolver calls of leanResolvers, the
 * synchronous `Node` type resolver graphql-jit needs, the remembered URL and DateTime output.
 */
export function buildGatewaySubgraphSchema(): GraphQLSchema {
  if (schema) return schema;
  const gateway = buildGatewaySchema();
  const resolvers = { ...createResolversMap(gateway) } as GraphQLResolverMap<unknown>;
  for (const [typeName, references] of Object.entries(ENTITY_REFERENCE_RESOLVERS)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...references } as GraphQLResolverMap<unknown>[string];
  }
  schema = buildSubgraphSchema({ typeDefs: subgraphTypeDefs(gateway), resolvers });
  return schema;
}
