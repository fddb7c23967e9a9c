import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { seedDatabase } from '../../seeds/index';
import { databaseFingerprint } from '../support/database-fingerprint';
import { tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

/** Strings that would change a query's meaning if any of them reached SQL as text. */
const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE provider; --",
  "%' OR 1=1 --",
  "x') UNION SELECT email, password_hash FROM user_account --",
  '\\\'; UPDATE provider SET legal_name = $1 WHERE TRUE; --',
  ':p0 OR TRUE',
  '"; SELECT pg_sleep(5); --',
];
/** Operators whose match of a string no row holds must come back empty, whatever the rows. */
const MATCHING = new Set(['eq', 'in', 'inIgnoringCase', 'contains', 'startsWith', 'search', 'includes', 'includesAny', 'includesAll']);
/** Required arguments of filtered lists that are not connections. */
const REQUIRED: Record<string, string> = { spend: 'groupBy: [MONTH], from: "2025-04-01", to: "2026-03-31", basis: EXPECTED' };

let t: TestApi;
let schema: GraphQLSchema;
let before: string;
beforeAll(async () => {
  t = await startTestApi();
  await seedDatabase((t.api.db.options as { url: string }).url, { shape: 'demo', seed: 1, asOf: '2026-11-23' });
  schema = buildClientSchema(await t.ok<IntrospectionQuery>(getIntrospectionQuery()));
  before = await databaseFingerprint(t);
}, 120_000);
afterAll(() => t.stop());

interface Probe {
  list: string;
  /** Dotted path of the value inside `filter`, e.g. `legalName.contains`. */
  path: string;
  filter: Record<string, unknown>;
  /** The leaf's GraphQL type is String (so the injection is a valid value, and must be taken literally). */
  text: boolean;
  /** An ID: checked by the server, not by GraphQL. */
  reachesSql: boolean;
  /** A literal match of the injection: no row holds it, so the page must be empty. */
  matchesNothing: boolean;
}

function leafValue(field: GraphQLInputField, injection: string): unknown {
  return isListType(getNullableType(field.type)) ? [injection] : injection;
}

/** Every operator of every field of a list's filter (and the `and`, `or`, `not` around one of them), carrying one injection. */
function probes(list: string, type: GraphQLInputObjectType, injection: string, withTyped: boolean): Probe[] {
  const out: Probe[] = [];
  for (const field of Object.values(type.getFields())) {
    if (['and', 'or', 'not'].includes(field.name)) continue;
    const named = getNamedType(field.type);
    if (isInputObjectType(named)) {
      for (const op of Object.values(named.getFields())) {
        const text = getNamedType(op.type).name === 'String';
        out.push({ list, path: `${field.name}.${op.name}`, filter: { [field.name]: { [op.name]: leafValue(op, injection) } }, text, reachesSql: getNamedType(op.type).name === 'ID', matchesNothing: text && MATCHING.has(op.name) });
      }
    } else {
      const text = named.name === 'String';
      out.push({ list, path: field.name, filter: { [field.name]: leafValue(field, injection) }, text, reachesSql: named.name === 'ID', matchesNothing: text && MATCHING.has(field.name) });
    }
  }
  // Dates, numbers, money and codes are refused by GraphQL itself before any SQL: once is enough for them.
  const kept = withTyped ? out : out.filter((p) => p.text || p.reachesSql);
  const first = kept.find((p) => p.text && p.path.endsWith('.eq'));
  if (first) {
    kept.push({ ...first, path: `and.0.${first.path}`, filter: { and: [first.filter] } });
    kept.push({ ...first, path: `or.0.${first.path}`, filter: { or: [first.filter] } });
    kept.push({ ...first, path: `not.${first.path}`, filter: { not: first.filter }, matchesNothing: false });
  }
  return kept;
}

function filteredLists(): Array<{ field: GraphQLField<unknown, unknown>; filter: GraphQLInputObjectType }> {
  return Object.values(schema.getQueryType()!.getFields()).flatMap((field) => {
    const arg = field.args.find((a) => a.name === 'filter');
    return arg ? [{ field, filter: getNamedType(arg.type) as GraphQLInputObjectType }] : [];
  });
}

function queryFor(list: GraphQLField<unknown, unknown>): string {
  const required = list.args.filter((a) => isNonNullType(a.type)).map((a) => a.name);
  const extra = required.length ? `${REQUIRED[list.name]}, ` : '';
  const selection = getNamedType(list.type).name.endsWith('Connection') ? 'nodes { id } totalCount' : 'total { amount }';
  return `query($f: ${getNamedType(list.args.find((a) => a.name === 'filter')!.type).name}) { result: ${list.name}(${extra}filter: $f) { ${selection} } }`;
}

describe('SQL injection strings in every filter operator of every list', () => {
  it('walks 17 filtered lists, each holding records (so an empty answer means something)', async () => {
    const lists = filteredLists();
    expect(lists).toHaveLength(17);
    const empty: string[] = [];
    for (const { field } of lists) {
      const { result } = await t.ok(queryFor(field), { f: null });
      if ('nodes' in result ? result.totalCount === 0 : result.total.amount === '0.00') empty.push(field.name);
    }
    expect(empty).toEqual([]);
  });

  // Three strings through every operator (typed ones, refused by GraphQL before any SQL, with the first only); all seven through the text fields below.
  it.each(INJECTIONS.slice(0, 3))('%s: taken literally, or refused as BAD_USER_INPUT naming the field; nothing changes', async (injection) => {
    const outcomes: string[] = [];
    const all = filteredLists().flatMap(({ field, filter }) => probes(field.name, filter, injection, injection === INJECTIONS[0]).map((probe) => ({ query: queryFor(field), probe })));
    // Four at a time: the answers are independent reads.
    for (let i = 0; i < all.length; i += 4) {
      await Promise.all(all.slice(i, i + 4).map(async ({ query, probe }) => {
        const res = await t.gql(query, { f: probe.filter });
        const where = `${probe.list} ${probe.path}`;
        if (res.status !== 200) outcomes.push(`${where}: HTTP ${res.status}`);
        const errors = res.body.errors ?? [];
        if (probe.text && errors.length === 0) {
          const result = res.body.data!.result;
          if (probe.matchesNothing && 'nodes' in result && result.nodes.length) outcomes.push(`${where}: matched ${result.nodes.length} rows`);
          return;
        }
        if (errors.length === 0) {
          outcomes.push(`${where}: a non-text value was accepted`);
          return;
        }
        const [error] = errors;
        const named = (error.extensions?.fieldErrors ?? []).map((e: { field: string }) => e.field);
        // Named as the API names it: `filter.startDate.in.0` or `startDate.in.0` for the probe `startDate.in`.
        if (error.extensions?.code !== 'BAD_USER_INPUT' || !named.some((f: string) => f.replace(/^filter\./, '').replace(/\.0$/, '') === probe.path)) {
          outcomes.push(`${where}: ${error.extensions?.code} ${JSON.stringify(named)} ${error.message}`);
        }
      }));
    }
    const tried = all.length;
    expect(outcomes).toEqual([]);
    expect(tried).toBeGreaterThan(injection === INJECTIONS[0] ? 600 : 250);
    expect(await databaseFingerprint(t)).toBe(before);
  }, 180_000);
});

describe('SQL injection strings in text fields', () => {
  it('stores and returns them exactly as written, and matches them only literally', async () => {
    const countsBefore = await tableCounts(t);
    const created: string[] = [];
    for (const [i, injection] of INJECTIONS.entries()) {
      const data = await t.ok('mutation($i: ProviderCreateInput!) { createProvider(input: $i) { id legalName notes } }', {
        i: { legalName: `${injection} ${i}`, providerCode: 'PR4', serviceCategories: ['RESIDENTIAL'], notes: injection },
      });
      expect(data.createProvider).toMatchObject({ legalName: `${injection} ${i}`, notes: injection });
      created.push(data.createProvider.id);
    }
    for (const [i, injection] of INJECTIONS.entries()) {
      const found = await t.ok('query($f: ProviderFilter) { providers(filter: $f) { nodes { id } } }', { f: { legalName: { eq: `${injection} ${i}` } } });
      expect(found.providers.nodes).toEqual([{ id: created[i] }]);
    }
    // Seven providers with their seven audit events and change-feed events were added; nothing else anywhere changed.
    const after = await tableCounts(t);
    expect(Object.fromEntries(Object.entries(after).filter(([table, n]) => n !== countsBefore[table]))).toEqual({
      audit_event: countsBefore.audit_event + 7,
      change_event: countsBefore.change_event + 7,
      provider: countsBefore.provider + 7,
    });
  });
});
