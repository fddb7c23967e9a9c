import type { Request } from 'express';
import { Loaders, type GraphQLContext } from '../graphql/context';
import type { AppParts } from './app';

/** The one way a request becomes a GraphQL context (its user from the bearer token or API key): /graphql and /export share it. */
export function contextBuilder({ db, config, logger, users }: Pick<AppParts, 'db' | 'config' | 'logger' | 'users'>) {
  return async (req: Request): Promise<GraphQLContext> => {
    const user = await users.authenticate(req.headers.authorization);
    return {
      requestId: String(req.id),
      user,
      db,
      config,
      logger,
      loaders: new Loaders(),
      users,
      ...(user?.apiKey ? { keyRequest: { recorded: false } } : {}),
    };
  };
}
