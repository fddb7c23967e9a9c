import type { AuthCheckerFn } from 'type-graphql';
import { Forbidden, Unauthenticated } from '../common/errors';
import type { GraphQLContext } from './context';

/** Enforces the roles each resolver declares with @Authorized(...). */
export const authChecker: AuthCheckerFn<GraphQLContext> = ({ context, info }, roles) => {
  if (!context.user) throw new Unauthenticated('Sign in first: send Authorization: Bearer <token> from the login mutation');
  if (roles.length === 0 || roles.includes(context.user.role)) return true;
  throw new Forbidden(`Your role (${context.user.role}) may not use ${info.fieldName}; it needs one of ${roles.join(', ')}`);
};
