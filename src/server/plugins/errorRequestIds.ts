import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GatewayContext } from '../../context';

/**
 * Apollo's `formatError` is handed an error but not the request it belongs to, and a masked error must
 * still name its request id (as its log line does). Apollo reports every error to `didEncounterErrors`
 * just before formatting it, with the same error objects: this remembers each one's request there.
 */
export class ErrorRequestIds {
  private readonly ids = new WeakMap<object, string>();

  note(errors: readonly unknown[], requestId: string): void {
    for (const error of errors) if (typeof error === 'object' && error !== null) this.ids.set(error, requestId);
  }

  readonly requestIdOf = (error: unknown): string | undefined =>
    typeof error === 'object' && error !== null ? this.ids.get(error) : undefined;

  plugin(): ApolloServerPlugin<GatewayContext> {
    // Holds no per-request state, so every request shares one listener.
    const listener: GraphQLRequestListener<GatewayContext> = {
      didEncounterErrors: async ({ errors, contextValue }) => this.note(errors, contextValue.requestId),
    };
    return { requestDidStart: async () => listener };
  }
}
