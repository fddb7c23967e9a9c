import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import type { GraphQLContext } from './context';
import { rootFields } from './plugins';

/**
 * Every request by an API key goes into the audit trail as a REQUEST event of the key: the
 * operation, its root fields, the HTTP status and the error codes. Written before the answer
 * leaves, in one statement that also sets the key's `lastUsedAt` (kept to the minute).
 */
export function keyRequestAuditPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ request }) {
      return {
        async willSendResponse({ contextValue, response, document, operation, operationName }) {
          const user = contextValue.user;
          const attribution = contextValue.keyRequest;
          if (!user?.apiKey || !attribution || attribution.recorded) return;
          attribution.recorded = true;
          const fragments = Object.fromEntries(
            (document?.definitions ?? []).filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const changes = [
            { field: 'operation', before: null, after: operationName ?? request.operationName ?? null },
            { field: 'fields', before: null, after: operation ? rootFields(operation.selectionSet, fragments) : [] },
            { field: 'status', before: null, after: response.http.status ?? 200 },
            { field: 'errors', before: null, after: [...new Set(errors.map((e) => e.extensions?.code ?? null))] },
          ];
          await contextValue.db
            .query(
            `WITH event AS (
               INSERT INTO "audit_event" ("actor_id", "actor_email", "entity_type", "entity_id", "action", "changes", "request_id")
               VALUES ($1, $2, 'ApiKey', $1, 'REQUEST', $3::jsonb, $4)
             )
             UPDATE "api_key" SET "last_used_at" = date_trunc('minute', now())
             WHERE "id" = $1 AND ("last_used_at" IS NULL OR "last_used_at" < date_trunc('minute', now()))`,
            [user.id, user.email, JSON.stringify(changes), contextValue.requestId],
            )
            // The answer stands (a mutation has committed); the log says the event is missing.
            .catch((error: unknown) => contextValue.logger.error({ err: error, requestId: contextValue.requestId, apiKey: user.id }, 'could not write the API key request to the audit trail'));
        },
      };
    },
  };
}
