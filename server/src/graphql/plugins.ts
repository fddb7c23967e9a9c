import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { AppError, Forbidden, RETRY_AFTER_SECONDS, Unauthenticated } from '../common/errors';
import type { Logger } from '../common/logger';
import { requestContext } from '../common/request-context';
import type { GraphQLContext } from './context';
import { scopeRefusals } from './scope-check';

/** Root fields anyone may call without a token. */
const PUBLIC_FIELDS = new Set(['login', 'refreshSession', '__typename']);

export function rootFields(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): string[] {
  return set.selections.flatMap((sel) => {
    if (sel.kind === Kind.FIELD) return [sel.name.value];
    if (sel.kind === Kind.INLINE_FRAGMENT) return rootFields(sel.selectionSet, fragments);
    const fragment = fragments[sel.name.value];
    return fragment ? rootFields(fragment.selectionSet, fragments) : [];
  });
}

/**
 * Every operation needs a signed-in user, except `login` and `refreshSession` (and a bare
 * `__typename`); an API key may use only the fields its scopes open, checked over the whole
 * document before anything runs, so a refused request changes nothing.
 */
export function authGatePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, schema }) {
          if (!operation) return;
          const key = contextValue.user?.apiKey;
          if (key) {
            const refusals = scopeRefusals(schema, document, operation, key.scopes);
            if (refusals.length) throw new Forbidden(`This API key may not do this: ${refusals.join('; ')}`);
            return;
          }
          if (contextValue.user) return;
          const fragments = Object.fromEntries(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const fields = rootFields(operation.selectionSet, fragments);
          if (fields.some((f) => !PUBLIC_FIELDS.has(f))) {
            throw new Unauthenticated('Sign in first: send Authorization: Bearer <token> from the login mutation');
          }
        },
        // The schema is for signed-in callers only: validation's "Did you mean …?" would let anyone else map it.
        async willSendResponse({ contextValue, response }) {
          if (contextValue.user || response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            (error as { message: string }).message = error.message.replace(/ Did you mean .*\?$/, '');
          }
        },
      };
    },
  };
}

/**
 * With OPERATION_NAME_REQUIRED (on by default in production), an analyst's operation must be
 * named (`query MonthlySpend { ... }`), so that its load shows by name in metrics and logs.
 */
export function operationNamePlugin(required: boolean): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      if (!required) return;
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.user?.role !== 'ANALYST' || operation?.name) return;
          const message = 'name the operation (e.g. query MonthlySpend { ... }): analysts\' operations are attributed by name';
          throw new AppError('BAD_USER_INPUT', `operationName: ${message}`, { fieldErrors: [{ field: 'operationName', message }] }, 400);
        },
      };
    },
  };
}

/** Document errors: the request was well formed, but its query could not be parsed, validated or given its variables. */
const DOCUMENT_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'VARIABLES_COERCION']);

function isDocumentError(error: { extensions?: Record<string, unknown> }): boolean {
  // A query over a depth, alias or cost limit is refused as a document that fails validation is.
  if (error.extensions?.code === 'LIMIT_EXCEEDED') return true;
  const reason = error.extensions?.reason as string | undefined;
  return reason !== undefined ? DOCUMENT_ERRORS.has(reason) : error.extensions?.code === 'BAD_USER_INPUT';
}

/**
 * HTTP status as the GraphQL-over-HTTP spec asks: 503 with Retry-After when the database is down; and for a
 * client that accepts only legacy `application/json`, 200 for a query that fails to parse,
 * validate or coerce its variables (`application/graphql-response+json` keeps 400).
 */
export function statusPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, request }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
            return;
          }
          // Apollo picks the media type after this hook: application/json unless the client asks only for the new one.
          const accept = request.http?.headers.get('accept') ?? '';
          const legacyJson = !accept.includes('application/graphql-response+json') || accept.includes('application/json');
          if (legacyJson && response.http.status === 400 && errors.length && errors.every(isDocumentError)) response.http.status = 200;
        },
      };
    },
  };
}

/** One log line per operation: name, duration, SQL statements and error codes. */
export function operationLogPlugin(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ request }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, contextValue, operationName }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          logger.info(
            {
              requestId: contextValue.requestId,
              operation: operationName ?? request.operationName ?? null,
              user: contextValue.user?.email ?? null,
              ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
              sqlStatements: requestContext.getStore()?.sqlStatements ?? 0,
              errors: errors.map((e) => e.extensions?.code),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
