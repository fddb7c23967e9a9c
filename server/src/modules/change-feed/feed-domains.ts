import { getNamedType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { SCOPE_EXTENSION, type FieldScope } from '../../graphql/operation-scope';
import { KEY_DOMAINS, type KeyDomain } from '../user/api-key-scope';

/** A record type's domain for keys: one of theirs, or `reference` (any key reads it). */
export type FeedDomain = KeyDomain | 'reference';

const made = new WeakMap<GraphQLSchema, Map<string, FeedDomain>>();

/** The record type a field gives: its type, or the type of a connection's nodes. */
function recordTypeOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  const nodes = isObjectType(type) ? type.getFields().nodes : undefined;
  return (nodes ? getNamedType(nodes.type) : type).name;
}

/**
 * The key domain of each type of record, as the fields giving it declare it: the root
 * queries first, then the fields of other types (a placement's fees are read with
 * placements). A key reads a type's changes only if it may read the type itself.
 */
export function domainsOfTypes(schema: GraphQLSchema): Map<string, FeedDomain> {
  const known = made.get(schema);
  if (known) return known;
  const domains = new Map<string, FeedDomain>();
  const query = schema.getQueryType();
  const others = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && type !== query && !type.name.startsWith('__'));
  for (const type of [query, ...others]) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const domain = (field.extensions?.[SCOPE_EXTENSION] as FieldScope | undefined)?.domain;
      if (!domain || !(domain === 'reference' || (KEY_DOMAINS as readonly string[]).includes(domain))) continue;
      const record = recordTypeOf(field);
      if (!domains.has(record)) domains.set(record, domain as FeedDomain);
    }
  }
  made.set(schema, domains);
  return domains;
}
