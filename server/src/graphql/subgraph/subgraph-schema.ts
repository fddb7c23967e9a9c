import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { execute, isObjectType, Kind, lexicographicSortSchema, parse, printSchema, visit, type DocumentNode, type GraphQLField, type GraphQLSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { SCOPE_EXTENSION, type FieldScope } from '../operation-scope';
import { graphqlSchema } from '../schema';
import { ENTITY_TYPES, resolveEntities } from './entities';

/** The Federation version the SDL links; composition with older gateways needs no more than `@key`. */
const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/** The public schema's SDL with the federation link and a `@key(fields: "id")` on every entity type. */
export function subgraphTypeDefs(publicSchema: GraphQLSchema): DocumentNode {
  const missing = new Set(Object.keys(ENTITY_TYPES));
  const typeDefs = visit(parse(`${FEDERATION_LINK}\n${printSchema(lexicographicSortSchema(publicSchema))}`), {
    ObjectTypeDefinition(node) {
      if (!missing.delete(node.name.value)) return undefined;
      const key = { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'key' }, arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'fields' }, value: { kind: Kind.STRING, value: 'id' } }] } as const;
      return { ...node, directives: [...(node.directives ?? []), key] };
    },
  });
  if (missing.size) throw new Error(`Entity types missing from the schema: ${[...missing].join(', ')}`);
  return typeDefs;
}

let built: Promise<GraphQLSchema> | null = null;

function setScope(field: GraphQLField<unknown, unknown>, scope: FieldScope): void {
  (field as { extensions: Record<string, unknown> }).extensions = { ...field.extensions, [SCOPE_EXTENSION]: scope };
}

/** The SDL carries no extensions: each field gets the domain its public twin declares, so API keys are checked alike. */
function copyScopes(from: GraphQLSchema, to: GraphQLSchema): void {
  for (const [name, type] of Object.entries(from.getTypeMap())) {
    const twin = to.getType(name);
    if (!isObjectType(type) || !twin || !isObjectType(twin)) continue;
    const twinFields = twin.getFields();
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      const scope = field.extensions?.[SCOPE_EXTENSION] as FieldScope | undefined;
      if (scope && twinFields[fieldName]) setScope(twinFields[fieldName], scope);
    }
  }
}

/**
 * The Federation 2 subgraph served at /subgraph: the public schema, with the same resolvers
 * (and so the same authorisation), plus `_service { sdl }` and `_entities`.
 */
export function subgraphSchema(): Promise<GraphQLSchema> {
  built ??= graphqlSchema().then((publicSchema) => {
    const schema = buildSubgraphSchema({ typeDefs: subgraphTypeDefs(publicSchema), resolvers: createResolversMap(publicSchema) as GraphQLResolverMap<unknown> });
    copyScopes(publicSchema, schema);
    const fields = schema.getQueryType()!.getFields();
    // Open to every key: the SDL is public, and each entity is checked against the key's scopes.
    for (const name of ['_service', '_entities']) setScope(fields[name], { domain: 'reference' });
    fields._entities.resolve = (_root, args: { representations: unknown[] }, ctx: GraphQLContext) => resolveEntities(args.representations, ctx, publicSchema);
    return schema;
  });
  return built;
}

/** The committed subgraph SDL (schema/subgraph.graphql): what `_service { sdl }` answers. */
export async function printSubgraphContract(): Promise<string> {
  const result = await execute({ schema: await subgraphSchema(), document: parse('{ _service { sdl } }') });
  const sdl = (result.data as { _service?: { sdl?: string } } | null | undefined)?._service?.sdl;
  if (!sdl) throw new Error(`_service { sdl } gave nothing: ${JSON.stringify(result.errors)}`);
  return sdl + '\n';
}

/** Re-exported so a test can write a second subgraph with the same library version. */
export { buildSubgraphSchema };
