import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Forbidden } from '../../common/errors';
import type { GraphQLContext } from '../../graphql/context';
import { acceptsOnlyTrusted, apiKeyIdOf, isRegistered } from './trusted-document.service';

/**
 * A key set to accept only registered documents runs nothing else, however the document came
 * (text, hash, or both): a hash it has not registered is PERSISTED_QUERY_NOT_FOUND, as Apollo
 * clients expect; a text it has not registered is FORBIDDEN. Checked before anything runs.
 */
export function trustedDocumentsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue: ctx, queryHash, request }) {
          const keyId = apiKeyIdOf(ctx.user);
          if (!keyId || !(await acceptsOnlyTrusted(ctx.db, keyId))) return;
          if (await isRegistered(ctx.db, keyId, queryHash)) return;
          if (request.query === undefined) throw new GraphQLError('PersistedQueryNotFound', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
          throw new Forbidden('This API key accepts only its registered documents: register this one first (registerTrustedDocuments), or send its hash');
        },
      };
    },
  };
}
