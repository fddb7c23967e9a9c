import type { GraphQLObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { graphqlSchema } from './schema';

/**
 * type-graphql gives a type declared with `simpleResolvers: true` no resolver for its plain
 * fields, so it would skip an @Authorized or middleware put on one of them without a word: such
 * a type may have neither (its @FieldResolver methods keep theirs).
 */
describe('object types with simple resolvers', () => {
  it('have no plain field that needs a role or a middleware, and graphql-js reads their plain fields straight off the record', async () => {
    const schema = await graphqlSchema();
    const storage = getMetadataStorage();
    const simple = [...new Map(storage.objectTypes.filter((t) => t.simpleResolvers).map((t) => [t.name, t])).values()];
    expect(simple.map((t) => t.name).sort()).toEqual(['Invoice', 'InvoiceLine']);
    for (const type of simple) {
      // Its own fields only: those it inherits (id, version…) keep the resolvers of the type that declares them.
      const resolved = new Set(storage.fieldResolvers.filter((r) => r.getObjectType?.() === type.target).map((r) => r.methodName));
      const plain = storage.fields.filter((f) => f.target === type.target && !resolved.has(f.name));
      const named = [...new Set(plain.map((f) => f.name))];
      expect(named.length).toBeGreaterThan(3);
      expect(plain.filter((f) => f.roles?.length || f.middlewares?.length).map((f) => f.name)).toEqual([]);
      // graphql-js reads a plain field by its GraphQL name: the property must have that name.
      expect(plain.filter((f) => f.schemaName !== f.name).map((f) => f.name)).toEqual([]);
      const graphqlFields = (schema.getType(type.name) as GraphQLObjectType).getFields();
      expect(named.filter((name) => graphqlFields[name].resolve !== undefined)).toEqual([]);
    }
  });
});
