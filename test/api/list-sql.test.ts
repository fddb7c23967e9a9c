import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { declaredLists } from '../../server/src/common/list-columns';
import type { ListSpec } from '../../server/src/common/pagination/find-connection';
import { graphqlSchema } from '../../server/src/graphql/schema';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * Walks the published schema: every list query's filter field and order field has its SQL in
 * the list's declaration, and that SQL runs against the real database.
 */

const LOGICAL = ['and', 'or', 'not', 'search'];

interface ListQuery {
  query: string;
  filter: GraphQLInputObjectType;
  orderFields: string[];
  spec: ListSpec<unknown> | undefined;
}

function listQueries(schema: GraphQLSchema): ListQuery[] {
  return Object.values(schema.getQueryType()!.getFields())
    .filter((f: GraphQLField<unknown, unknown>) => f.args.some((a) => a.name === 'filter') && f.args.some((a) => a.name === 'orderBy'))
    .map((f) => {
      const filter = getNamedType(f.args.find((a) => a.name === 'filter')!.type) as GraphQLInputObjectType;
      const orderBy = getNamedType(f.args.find((a) => a.name === 'orderBy')!.type) as GraphQLInputObjectType;
      const orderEnum = getNamedType(orderBy.getFields().field.type);
      if (!isEnumType(orderEnum)) throw new Error(`${orderBy.name}.field is not an enum`);
      return { query: f.name, filter, orderFields: orderEnum.getValues().map((v) => v.name), spec: declaredLists.get(filter.name.replace(/Filter$/, '')) };
    });
}

/** A value of the input type that a condition accepts (the SQL it makes is what the test runs). */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isScalarType(type)) {
    const samples: Record<string, unknown> = { Boolean: true, Int: 30, Float: 1.5, String: 'a', ID: '00000000-0000-4000-8000-000000000000', Date: '2026-04-01', Money: '1.00' };
    if (type.name in samples) return samples[type.name];
  }
  throw new Error(`no sample value for ${String(type)}`);
}

let schema: GraphQLSchema;
let lists: ListQuery[];
let t: TestApi;
beforeAll(async () => {
  schema = await graphqlSchema();
  lists = listQueries(schema);
  t = await startTestApi();
});
afterAll(() => t.stop());

it('finds the 16 list queries, each declared once', () => {
  expect(lists.map((l) => l.query).sort()).toEqual([
    'agreements',
    'auditEvents',
    'authorities',
    'children',
    'contactArrangements',
    'contactSessions',
    'contracts',
    'invoiceLines',
    'invoices',
    'localities',
    'placements',
    'procurementRounds',
    'providers',
    'settings',
    'transportJourneys',
    'transportRoutes',
  ]);
  for (const list of lists) expect({ query: list.query, declared: Boolean(list.spec) }).toEqual({ query: list.query, declared: true });
});

it('has SQL for every filter field and every order field, and no SQL the schema does not offer', () => {
  for (const { query, filter, orderFields, spec } of lists) {
    const offered = Object.keys(filter.getFields()).filter((f) => !LOGICAL.includes(f)).sort();
    const withSql = [...Object.keys(spec!.fields), ...Object.keys(spec!.custom ?? {})].sort();
    expect({ query, filter: offered }).toEqual({ query, filter: withSql });
    expect({ query, search: 'search' in filter.getFields() }).toEqual({ query, search: Boolean(spec!.search?.length) });
    expect({ query, order: [...orderFields].sort() }).toEqual({ query, order: Object.keys(spec!.order).sort() });
  }
});

it('runs the SQL of every filter field, order field and money total against the database', async () => {
  const failures: string[] = [];
  for (const { query, filter, orderFields } of lists) {
    const run = async (what: string, args: Record<string, unknown>) => {
      const res = await t.gql(`query($f: ${filter.name}, $o: [${filter.name.replace(/Filter$/, 'OrderBy')}!]) { ${query}(filter: $f, orderBy: $o) { totalCount totals { field sum } nodes { __typename } } }`, args);
      if (res.body.errors?.length) failures.push(`${query} ${what}: ${res.body.errors[0].message}`);
    };
    for (const [name, field] of Object.entries(filter.getFields())) {
      if (LOGICAL.includes(name)) continue;
      const type = getNamedType(field.type);
      // A column's conditions: isNull for one value, isEmpty for a list of codes; a condition of its own gets a sample value.
      const condition = isInputObjectType(type) ? ('isNull' in type.getFields() ? { isNull: false } : { isEmpty: false }) : sampleValue(field.type);
      await run(`filter.${name}`, { f: { [name]: condition } });
    }
    if ('search' in filter.getFields()) await run('search', { f: { search: 'a' } });
    for (const field of orderFields) await run(`orderBy ${field}`, { o: [{ field, direction: 'DESC' }] });
  }
  expect(failures).toEqual([]);
});
