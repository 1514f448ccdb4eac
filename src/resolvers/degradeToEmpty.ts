import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { responsePathAsArray } from 'graphql';
import type { GatewayContext } from '../context';

/**
 * Reports a field's data as incomplete: the error, with the field's path and the upstream's code, travels
 * alongside the data, and the response is not kept by shared caches.
 */
export function reportDegradation(context: GatewayContext, info: GraphQLResolveInfo, error: unknown): void {
  const path = responsePathAsArray(info.path);
  const original = error instanceof Error ? error : new Error(String(error));
  context.outcome.degradations.push(
    original instanceof GraphQLError
      ? new GraphQLError(original.message, { path, extensions: original.extensions, originalError: original })
      : new GraphQLError(original.message, { path, originalError: original }),
  );
}

/**
 * For list edges to another upstream (topics, co-authors, the related rail): when that upstream fails the
 * page still renders with an empty list, and the error, with its path and code, travels alongside.
 */
export function degradeToEmpty<T>(context: GatewayContext, info: GraphQLResolveInfo, load: () => Promise<T[]>): Promise<T[]> {
  const degrade = (error: unknown): T[] => {
    reportDegradation(context, info, error);
    return [];
  };
  // A plain promise chain rather than async/await: this runs for every article's topics, on every request.
  try {
    return load().then(undefined, degrade);
  } catch (error) {
    return Promise.resolve(degrade(error));
  }
}
