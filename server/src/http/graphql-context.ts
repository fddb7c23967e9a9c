import type { Request } from 'express';
import { Loaders, type GraphQLContext } from '../graphql/context';
import type { AppParts } from './app';
import { RequestRate } from './request-rate';

/** The one way a request becomes a GraphQL context (its user from the bearer token or API key): /graphql and /export share it. */
export function contextBuilder({ db, config, logger, users }: Pick<AppParts, 'db' | 'config' | 'logger' | 'users'>) {
  const rate = new RequestRate(config.requestRatePerMinute);
  return async (req: Request): Promise<GraphQLContext> => {
    const clientIp = req.ip ?? null;
    const user = await users.authenticate(req.headers.authorization).catch((error: unknown) => {
      rate.take(`ip:${clientIp}`); // bad tokens count against the address, so forging them is limited too
      throw error;
    });
    rate.take(user ? `user:${user.id}` : `ip:${clientIp}`);
    return {
      requestId: String(req.id),
      clientIp,
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
