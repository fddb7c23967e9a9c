import type { AuthCheckerFn } from 'type-graphql';
import { Forbidden, Unauthenticated } from '../common/errors';
import { Role } from '../modules/user/role';
import type { GraphQLContext } from './context';
import { SCOPE_EXTENSION } from './operation-scope';

/**
 * Enforces the roles each resolver declares with @Authorized(...). For a SERVICE key the
 * field's domain decides instead (its scopes were checked for the whole document in
 * authGatePlugin); a field without a domain keeps its role list, which SERVICE is not in.
 */
export const authChecker: AuthCheckerFn<GraphQLContext> = ({ context, info }, roles) => {
  const user = context.user;
  if (!user) throw new Unauthenticated('Sign in first: send Authorization: Bearer <token> from the login mutation');
  if (roles.length === 0 || roles.includes(user.role)) return true;
  if (user.apiKey && user.role === Role.SERVICE && info.parentType.getFields()[info.fieldName]?.extensions?.[SCOPE_EXTENSION]) return true;
  throw new Forbidden(`Your role (${user.role}) may not use ${info.fieldName}; it needs one of ${roles.join(', ')}`);
};
