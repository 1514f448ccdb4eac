import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../errors';
import { noteDeclaredVariables, undeclaredVariables } from '../httpCache/declaredVariables';

/**
 * Refuses a request that sends variables its operation does not declare (400 BAD_USER_INPUT): the
 * GraphQL spec coerces only declared variables, so an extra one is a client mistake, and letting it
 * through would make every such request a response-cache entry of its own. The response cache keys on
 * declared variables only and never answers such a request, so a hit and a miss refuse it alike. Also
 * teaches the cache what each document declares (a persisted query sent by hash only).
 */
export function undeclaredVariablesPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  // Holds no per-request state, so every request shares one listener.
  const listener: GraphQLRequestListener<TContext> = {
    async didResolveOperation({ request, operation, document, queryHash }) {
      noteDeclaredVariables(queryHash, document);
      if (!operation) return;
      const names = (operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value);
      const extra = undeclaredVariables(request.variables, names);
      if (extra.length === 0) return;
      const list = extra.map((name) => `"$${name}"`).join(', ');
      const operationName = operation.name ? ` "${operation.name.value}"` : '';
      throw new GraphQLError(`Variable${extra.length > 1 ? 's' : ''} ${list} ${extra.length > 1 ? 'are' : 'is'} not declared by operation${operationName}; send only the variables it declares.`, {
        extensions: { code: ErrorCode.BAD_USER_INPUT, undeclared: extra, http: { status: 400 } },
      });
    },
  };
  return { requestDidStart: async () => listener };
}
