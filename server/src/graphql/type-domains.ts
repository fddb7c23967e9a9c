import { getNamedType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { grants, KEY_DOMAINS, type ApiKeyScope, type KeyDomain } from '../modules/user/api-key-scope';
import { SCOPE_EXTENSION, type FieldScope } from './operation-scope';

/** A record type's domain for keys: one of theirs, or `reference` (any key reads it). */
export type TypeDomain = KeyDomain | 'reference';

const made = new WeakMap<GraphQLSchema, Map<string, TypeDomain>>();

/** The record type a field gives: its type, or the type of a connection's nodes. */
function recordTypeOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  const nodes = isObjectType(type) ? type.getFields().nodes : undefined;
  return (nodes ? getNamedType(nodes.type) : type).name;
}

/**
 * The key domain of each type of record, as the fields giving it declare it: the root
 * queries first, then the fields of other types (a placement's fees are read with
 * placements). A key reads a type's records elsewhere (the change feed, the subgraph's
 * `_entities`) only if it may read the type here.
 */
export function domainsOfTypes(schema: GraphQLSchema): Map<string, TypeDomain> {
  const known = made.get(schema);
  if (known) return known;
  const domains = new Map<string, TypeDomain>();
  const query = schema.getQueryType();
  const others = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && type !== query && !type.name.startsWith('__'));
  for (const type of [query, ...others]) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const domain = (field.extensions?.[SCOPE_EXTENSION] as FieldScope | undefined)?.domain;
      if (!domain || !(domain === 'reference' || (KEY_DOMAINS as readonly string[]).includes(domain))) continue;
      const record = recordTypeOf(field);
      if (!domains.has(record)) domains.set(record, domain as TypeDomain);
    }
  }
  made.set(schema, domains);
  return domains;
}

/** Whether an API key's scopes let it read records of this type. */
export function keyMayRead(schema: GraphQLSchema, scopes: ReadonlySet<ApiKeyScope>, type: string): boolean {
  const domain = domainsOfTypes(schema).get(type);
  return domain !== undefined && (domain === 'reference' || grants(scopes, domain, 'read'));
}
