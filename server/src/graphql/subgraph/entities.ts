import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { AppError, NotFound } from '../../common/errors';
import { loaderById } from '../../common/loaders';
import { isUuid } from '../../common/versioned-update';
import { Agreement } from '../../modules/agreement/agreement.entity';
import { Child } from '../../modules/child/child.entity';
import { Contract } from '../../modules/contract/contract.entity';
import { Invoice } from '../../modules/invoice/invoice.entity';
import { INVOICE_EDITORS } from '../../modules/invoice/invoice.resolver';
import { Placement } from '../../modules/placement/placement.entity';
import { Provider } from '../../modules/provider/provider.entity';
import { Setting } from '../../modules/setting/setting.entity';
import { CHILD_READERS, Role } from '../../modules/user/role';
import type { GraphQLContext } from '../context';
import { keyMayRead } from '../type-domains';

interface EntityType {
  entity: EntityTarget<ObjectLiteral & { id: string }>;
  /** Who may read it, as the type's own `child(id:)`-style query allows; none: anyone signed in. */
  roles?: readonly Role[];
}

/**
 * The records other subgraphs may refer to and extend, each keyed by `id` alone. `Provider` has
 * no second key: `providerCode` is a category (own provision, private, voluntary, …) shared by
 * many providers and `companyNumber` is optional and not unique, so the pair names no one record.
 */
export const ENTITY_TYPES: Record<string, EntityType> = {
  Provider: { entity: Provider },
  Setting: { entity: Setting },
  Child: { entity: Child, roles: CHILD_READERS },
  Placement: { entity: Placement, roles: [...CHILD_READERS, Role.ANALYST] },
  Contract: { entity: Contract },
  Agreement: { entity: Agreement },
  Invoice: { entity: Invoice, roles: [...INVOICE_EDITORS, Role.ANALYST] },
};

/** `_Entity` is a union: its default type resolver reads `__typename`, kept off the record's own keys. */
function withTypename<T extends object>(record: T, typename: string): T {
  if (!('__typename' in record)) Object.defineProperty(record, '__typename', { value: typename });
  return record;
}

/** An error for one representation: no `http` status, so the rest of the answer stands. */
const itemError = (code: 'BAD_USER_INPUT' | 'FORBIDDEN', message: string, index: number) =>
  new AppError(code, message, code === 'BAD_USER_INPUT' ? { fieldErrors: [{ field: `representations.${index}`, message }] } : {});

/**
 * `_entities`: each representation becomes its record, or null with an error (unknown type, a
 * malformed or unknown id, a record the caller may not read: by role, and for an API key by
 * its scopes, as the type's own query in the public schema declares them). All loads go through the
 * per-request `loaderById`, so however many representations arrive, each type costs one SQL
 * statement, shared with the rest of the request.
 */
export function resolveEntities(representations: unknown[], ctx: GraphQLContext, publicSchema: GraphQLSchema): Array<Promise<unknown> | GraphQLError> {
  const key = ctx.user?.apiKey;
  return representations.map((rep, index) => {
    const { __typename: given, id } = (rep ?? {}) as { __typename?: unknown; id?: unknown };
    const typename = typeof given === 'string' ? given : String(given);
    const type = Object.hasOwn(ENTITY_TYPES, typename) ? ENTITY_TYPES[typename] : undefined;
    if (!type) return itemError('BAD_USER_INPUT', `${typename} is not an entity of this subgraph (${Object.keys(ENTITY_TYPES).join(', ')})`, index);
    if (typeof id !== 'string' || !isUuid(id)) return itemError('BAD_USER_INPUT', `a ${typename} is found by its id, a UUID`, index);
    // A key reads what its scopes open (a SERVICE key as the type's own query lets it); people and ANALYST keys by role too.
    if (key && !keyMayRead(publicSchema, key.scopes, typename)) return itemError('FORBIDDEN', `This key's scopes do not open ${typename}`, index);
    const role = ctx.user?.role;
    const byRole = !(key && role === Role.SERVICE);
    if (byRole && type.roles && (!role || !type.roles.includes(role))) return itemError('FORBIDDEN', `Your role may not read a ${typename}`, index);
    return loaderById(ctx, type.entity, typename)
      .load(id)
      .then((record) => (record ? withTypename(record, typename) : new NotFound(typename, id)));
  });
}
