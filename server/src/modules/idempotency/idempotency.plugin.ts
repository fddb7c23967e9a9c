import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { AppError } from '../../common/errors';
import type { GraphQLContext } from '../../graphql/context';
import { claimKey, settleKey, type IdempotencyClaim } from './idempotency.store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

// Raised before execution, so they carry their HTTP status (Apollo would answer 500 otherwise).
const badKey = (message: string) => new AppError('BAD_USER_INPUT', `Idempotency-Key: ${message}`, { fieldErrors: [{ field: 'Idempotency-Key', message }] }, 400);
const conflict = (message: string) => new AppError('CONFLICT', message, {}, 409);

function requestHash(query: string | undefined, operationName: string | null | undefined, variables: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([query ?? '', operationName ?? null, variables ?? {}]))
    .digest('hex');
}

/**
 * An `Idempotency-Key` header on a mutation makes a repeat of the same request (same sender,
 * same query and variables) answer with the first result instead of writing again; the same
 * key with a different request is refused. Reads ignore the header.
 */
export function idempotencyPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ request }) {
      const key = request.http?.headers.get(IDEMPOTENCY_HEADER);
      if (key === undefined) return;
      let claim: IdempotencyClaim | null = null;
      let replay: Record<string, unknown> | null = null;
      return {
        async didResolveOperation({ operation, contextValue }) {
          // Without a user the auth gate refuses the request; reads are safe to repeat anyway.
          if (operation?.operation !== 'mutation' || !contextValue.user) return;
          if (!KEY_PATTERN.test(key)) throw badKey('must be 1 to 255 visible ASCII characters (a UUID is a good choice)');
          const outcome = await claimKey(contextValue.db, contextValue.user.id, key, requestHash(request.query, request.operationName, request.variables));
          switch (outcome.kind) {
            case 'claimed':
              claim = outcome.claim;
              contextValue.idempotency = claim;
              return;
            case 'replay':
              replay = outcome.response;
              return;
            case 'different-request':
              throw badKey('was already used for a different request: send a new key with each new request');
            case 'in-progress':
              throw conflict('The first request with this Idempotency-Key is still being processed; try again shortly');
            case 'answer-lost':
              throw conflict('The first request with this Idempotency-Key was saved but its answer was lost; read the record instead of sending it again');
          }
        },
        async responseForOperation(): Promise<GraphQLResponse | null> {
          if (!replay) return null;
          return { http: { status: undefined, headers: new HeaderMap([['idempotent-replayed', 'true']]) }, body: { kind: 'single', singleResult: replay } };
        },
        async willSendResponse({ response, contextValue }) {
          if (!claim) return;
          const result = response.body.kind === 'single' ? response.body.singleResult : {};
          // Not being able to keep the answer must not lose it: the key then waits to be taken over or reported as answered.
          await settleKey(contextValue.db, claim, { data: result.data ?? null, ...(result.errors ? { errors: result.errors } : {}) }).catch((error: unknown) =>
            contextValue.logger.warn({ err: error, requestId: contextValue.requestId }, 'could not keep the answer to an Idempotency-Key request'),
          );
        },
      };
    },
  };
}
