import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { getVariableValues, GraphQLError, Kind, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { limitExtensions } from './createQueryLimitRules';
import { operationCost } from './operationCost';

/**
 * Refuses an operation whose cost (see operationCost) is above `maxCost`, once Apollo has resolved the
 * operation and before anything executes. It runs here rather than as a validation rule because page
 * sizes often come from variables, which validation does not see.
 */
export function costLimitPlugin<TContext extends object>(maxCost: number): ApolloServerPlugin<TContext> {
  const withinLimit = new WithinLimitMemo();
  // Holds no per-request state, so every request shares one listener.
  const listener: GraphQLRequestListener<TContext> = {
    async didResolveOperation({ schema, document, operation, request }) {
      // Apollo refuses a document without a matching operation before this hook.
      if (!operation) return;
      const variables = request.variables ?? {};
      if (withinLimit.has(operation, variables)) return;
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
      // Variables that do not coerce stop the operation before it runs; Apollo reports them.
      if (coerced.errors) return;
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
      const read = new Set<string>();
      const cost = operationCost(schema, operation, fragments, recordingReads(coerced.coerced, read));
      if (cost <= maxCost) {
        withinLimit.add(operation, variables, read);
        return;
      }
      throw new GraphQLError(`Query cost limit of ${maxCost} exceeded, found ${cost}. Ask for smaller pages (first) or fewer fields.`, {
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...limitExtensions('cost', maxCost), cost, http: { status: 400 } },
      });
    },
  };
  return { requestDidStart: async () => listener };
}

/** Per operation this many sets of cost-deciding variable values are remembered; clients reuse a few page sizes. */
const REMEMBERED_PER_OPERATION = 16;

/**
 * Operations already found within the limit, with the values of the variables their cost read (page
 * sizes; usually none at all). The cost is a function of the operation and those values only, so the same
 * values give the same cost, and the walk (and the variables' coercion) is skipped. Refusals are never
 * remembered: they are rare, and recomputing keeps their messages exactly as they were.
 */
class WithinLimitMemo {
  private readonly byOperation = new WeakMap<OperationDefinitionNode, { names: string[]; values: unknown[] }[]>();

  has(operation: OperationDefinitionNode, variables: Record<string, unknown>): boolean {
    const known = this.byOperation.get(operation);
    return known !== undefined && known.some(({ names, values }) => names.every((name, index) => Object.is(variables[name], values[index])));
  }

  add(operation: OperationDefinitionNode, variables: Record<string, unknown>, read: ReadonlySet<string>): void {
    const known = this.byOperation.get(operation) ?? [];
    if (known.length >= REMEMBERED_PER_OPERATION) return;
    const names = [...read];
    known.push({ names, values: names.map((name) => variables[name]) });
    this.byOperation.set(operation, known);
  }
}

/** The variables, noting each one read (by value or by an own-property check). */
function recordingReads(variables: Record<string, unknown>, read: Set<string>): Record<string, unknown> {
  return new Proxy(variables, {
    get(target, name, receiver) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name, receiver) as unknown;
    },
    getOwnPropertyDescriptor(target, name) {
      if (typeof name === 'string') read.add(name);
      return Reflect.getOwnPropertyDescriptor(target, name);
    },
    has(target, name) {
      if (typeof name === 'string') read.add(name);
      return Reflect.has(target, name);
    },
  });
}
