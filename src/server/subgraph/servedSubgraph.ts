import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../../context';
import type { CompiledQueriesOptions } from '../execution/CompiledQueries';
import { buildGatewaySubgraphSchema } from './buildGatewaySubgraphSchema';
import { routerCacheTagsPlugin } from './routerCacheTagsPlugin';
import { selectsEntities } from './selectsEntities';

/** The schema an endpoint serves, with what Apollo needs to serve it. */
export interface ServedSchema {
  schema: GraphQLSchema;
  /** Apollo plugins the schema needs besides the gateway's own. */
  plugins: ApolloServerPlugin<GatewayContext>[];
  execution: Pick<CompiledQueriesOptions, 'runOnGraphqlJs'>;
}

/** SUBGRAPH=true: the Federation 2 subgraph schema and how it is served. */
export function servedSubgraph(): ServedSchema {
  return {
    schema: buildGatewaySubgraphSchema(),
    // Router entity fetches run on graphql-js: see selectsEntities.
    execution: { runOnGraphqlJs: selectsEntities },
    // Apollo Server turns on federated tracing (ftv1) for any subgraph schema; a router asking for it would
    // make Apollo wrap every resolver of the schema for good, the per-field cost this gateway avoids.
    plugins: [ApolloServerPluginInlineTraceDisabled(), routerCacheTagsPlugin()],
  };
}
