import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { responsePathAsArray } from 'graphql';
import type { GatewayContext } from '../context';

/**
 * For list edges to another upstream (topics, co-authors, the related rail): when that upstream fails the
 * page still renders with an empty list, and the error, with its path and code, travels alongside.
 */
export async function degradeToEmpty<T>(context: GatewayContext, info: GraphQLResolveInfo, load: () => Promise<T[]>): Promise<T[]> {
  try {
    return await load();
  } catch (error) {
    const path = responsePathAsArray(info.path);
    const original = error instanceof Error ? error : new Error(String(error));
    context.degradations.push(
      original instanceof GraphQLError
        ? new GraphQLError(original.message, { path, extensions: original.extensions, originalError: original })
        : new GraphQLError(original.message, { path, originalError: original }),
    );
    return [];
  }
}
