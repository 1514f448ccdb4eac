import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, GraphQLError, printSchema, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { CompiledQueries, type CompiledQueriesOptions } from './CompiledQueries';

/** Apollo's gateway interface, named through @apollo/server (whose dependency defines it). */
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/**
 * Runs Apollo Server's operations on graphql-jit, through the one door Apollo opens for another executor:
 * a "gateway" that hands it the schema and an executor. Everything else (parsing, validation, the
 * document store, plugins, formatError, HTTP) stays Apollo's.
 *
 * graphql-jit compiles each operation once into a function specialised for its selections, instead of
 * walking the document on every request as graphql-js does. Anything it does not compile, and every
 * request whose variables do not coerce, runs on graphql-js, so clients see graphql-js's messages there.
 */
export function jitGateway(schema: GraphQLSchema, options: CompiledQueriesOptions): GatewayInterface {
  const compiled = new CompiledQueries(schema, options);

  const executor: GatewayExecutor = async ({ document, operation, request, context }) => {
    const runOnGraphqlJs = () => {
      options.onExecuted?.('graphql-js');
      return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName: request.operationName }) as Promise<ExecutionResult> | ExecutionResult;
    };
    // No operation to run (Apollo lets execution report why).
    if (!operation || options.runOnGraphqlJs?.(document, operation)) return runOnGraphqlJs();
    const query = compiled.get(document, request.operationName);
    if (!query) return runOnGraphqlJs();
    const result = await query.query(undefined, context, request.variables);
    if ('data' in result) options.onExecuted?.('graphql-jit');
    // Variables that did not coerce: nothing ran, so graphql-js can say why in the spec's words.
    if (!('data' in result)) return runOnGraphqlJs();
    return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors look like graphql-js's but are not built like them (no `extensions` object when
 * the thrown error had none, which Apollo's error formatting reads). Rebuilt as graphql-js builds a
 * resolver's error: the same message, path and locations, the thrown error as `originalError`.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  if (error.locations) Object.defineProperty(rebuilt, 'locations', { value: error.locations, enumerable: true, writable: true });
  return rebuilt;
}
