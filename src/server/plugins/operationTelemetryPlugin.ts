import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../../context';
import type { Telemetry } from '../../telemetry';

/**
 * Times each resolved operation, from Apollo receiving it to the response being ready, by operation name,
 * and names the operation on the request scope so the request's log line carries it. Requests refused
 * before an operation is known (parse errors, limits) show up in the HTTP request metrics instead.
 */
export function operationTelemetryPlugin(telemetry: Telemetry): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const startedAt = performance.now();
      return {
        async didResolveOperation({ operationName, contextValue }) {
          contextValue.scope.operationName = operationName ?? 'anonymous';
        },
        async willSendResponse({ operation, operationName, response }) {
          if (!operation) return;
          const hadErrors = response.body.kind === 'single' ? (response.body.singleResult.errors?.length ?? 0) > 0 : false;
          telemetry.operation(operationName ?? '', performance.now() - startedAt, hadErrors);
        },
      };
    },
  };
}
