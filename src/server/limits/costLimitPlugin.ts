import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';
import { limitExtensions } from './createQueryLimitRules';
import { operationCost } from './operationCost';

/**
 * Refuses an operation whose cost (see operationCost) is above `maxCost`, once Apollo has resolved the
 * operation and before anything executes. It runs here rather than as a validation rule because page
 * sizes often come from variables, which validation does not see.
 */
export function costLimitPlugin<TContext extends object>(maxCost: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // Apollo refuses a document without a matching operation before this hook.
          if (!operation) return;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
          // Variables that do not coerce stop the operation before it runs; Apollo reports them.
          if (coerced.errors) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          }
          const cost = operationCost(schema, operation, fragments, coerced.coerced);
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query cost limit of ${maxCost} exceeded, found ${cost}. Ask for smaller pages (first) or fewer fields.`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...limitExtensions('cost', maxCost), cost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
