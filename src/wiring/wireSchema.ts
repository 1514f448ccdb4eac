import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { GatewayContext } from '../context';
import { buildGatewaySchema } from '../server/buildGatewaySchema';
import type { CompiledQueriesOptions } from '../server/execution/CompiledQueries';
import { buildGatewaySubgraphSchema } from '../server/subgraph/buildGatewaySubgraphSchema';
import { routerCacheTagsPlugin } from '../server/subgraph/routerCacheTagsPlugin';
import { selectsEntities } from '../server/subgraph/selectsEntities';

export interface ServedSchema {
  schema: GraphQLSchema;
  /** Apollo plugins the schema needs besides the gateway's own. */
  plugins: ApolloServerPlugin<GatewayContext>[];
  execution: Pick<CompiledQueriesOptions, 'runOnGraphqlJs'>;
}

/** The schema the endpoint serves: the standalone one, or (SUBGRAPH=true) the same as a Federation 2 subgraph. */
export function wireSchema(config: Config): ServedSchema {
  if (!config.subgraph.enabled) return { schema: buildGatewaySchema(), plugins: [], execution: {} };
  return {
    schema: buildGatewaySubgraphSchema(),
    execution: { runOnGraphqlJs: selectsEntities },
    // Apollo Server turns on federated tracing (ftv1) for any subgraph schema; a router asking for it would
    // make Apollo wrap every resolver of the schema for good, the per-field cost this gateway avoids.
    plugins: [ApolloServerPluginInlineTraceDisabled(), routerCacheTagsPlugin()],
  };
}
