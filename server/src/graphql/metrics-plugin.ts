import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../common/metrics';
import { requestContext } from '../common/request-context';
import type { GraphQLContext } from './context';

/**
 * Counts and times every operation by name, and its errors by code; notes the operation's
 * name in the request context, so that a slow SQL statement is logged with it.
 */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let type = 'unknown';
      return {
        async didResolveOperation({ operation, operationName }) {
          type = operation?.operation ?? 'unknown';
          const store = requestContext.getStore();
          if (store) store.operation = operationName ?? null;
        },
        async willSendResponse({ response, operationName }) {
          const operation = metrics.operationLabel(operationName);
          metrics.operations.inc({ operation, type });
          metrics.duration.observe({ operation, type }, Number(process.hrtime.bigint() - started) / 1e9);
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          for (const error of errors) metrics.errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), operation });
        },
      };
    },
  };
}
