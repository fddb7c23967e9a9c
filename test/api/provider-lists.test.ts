import { createProvider, createSetting } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
const id: Record<string, string> = {};
let localities: { north: string; south: string };

const LIST = `query($f: ProviderFilter, $o: [ProviderOrderBy!], $first: Int, $offset: Int, $after: String) {
  providers(filter: $f, orderBy: $o, first: $first, offset: $offset, after: $after) {
    totalCount nodes { legalName } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

async function names(filter?: object, orderBy?: object[]): Promise<string[]> {
  const data = await t.ok(LIST, { f: filter, o: orderBy, first: 500 });
  return data.providers.nodes.map((n: any) => n.legalName);
}

beforeAll(async () => {
  t = await startTestApi();
  const authority = (await t.ok('mutation { createAuthority(input: { name: "Test Council", onsCode: "E06000058" }) { id } }')).createAuthority;
  const loc = async (name: string) =>
    (await t.ok('mutation($i: LocalityCreateInput!) { createLocality(input: $i) { id } }', { i: { authorityId: authority.id, name } })).createLocality.id;
  localities = { north: await loc('North'), south: await loc('South') };
  const rows: Array<[string, Record<string, unknown>]> = [
    ['alpha', { legalName: 'Alpha Care Ltd', tradingName: 'Alpha', providerCode: 'PR4', serviceCategories: ['RESIDENTIAL'], companyNumber: '01234567' }],
    ['beta', { legalName: 'beta fostering', providerCode: 'PR5', serviceCategories: ['FOSTERING'], charityNumber: '1123456' }],
    ['gamma', { legalName: 'Gamma Homes', tradingName: 'G Homes', providerCode: 'PR4', serviceCategories: ['RESIDENTIAL', 'EDUCATION'], status: 'SUSPENDED' }],
    ['delta', { legalName: 'Delta 100% Support_Services', providerCode: 'PR4', serviceCategories: ['SUPPORTED_ACCOMMODATION'] }],
    ['epsilon', { legalName: 'Epsilon Transport', tradingName: 'EpsT', providerCode: 'PR4', serviceCategories: ['TRANSPORT'], status: 'EXITED' }],
    ['council', { legalName: 'Council In-house Fostering', providerCode: 'PR1', serviceCategories: ['FOSTERING'] }],
    ['zeta', { legalName: 'Zeta Nothing Yet', providerCode: 'PR3' }],
  ];
  for (const [key, input] of rows) id[key] = (await createProvider(t, input)).id;
  await createSetting(t, { providerId: id.gamma, name: 'Gamma House', ofstedRating: 'INADEQUATE', localityId: localities.north });
  await createSetting(t, { providerId: id.gamma, name: 'Gamma Lodge', ofstedRating: 'GOOD', localityId: localities.south });
  await createSetting(t, { providerId: id.alpha, name: 'Alpha View', ofstedRating: 'GOOD', localityId: localities.south });
  await createSetting(t, { providerId: id.beta, name: 'Beta Office', kind: 'FOSTERING_AGENCY_OFFICE', ofstedRating: 'OUTSTANDING', localityId: localities.north });
});
afterAll(() => t.stop());

const ALL_BY_NAME = ['Alpha Care Ltd', 'beta fostering', 'Council In-house Fostering', 'Delta 100% Support_Services', 'Epsilon Transport', 'Gamma Homes', 'Zeta Nothing Yet'];

describe('text operators', () => {
  it.each([
    [{ legalName: { eq: 'Gamma Homes' } }, ['Gamma Homes']],
    [{ tradingName: { ne: 'Alpha' } }, ['beta fostering', 'Council In-house Fostering', 'Delta 100% Support_Services', 'Epsilon Transport', 'Gamma Homes', 'Zeta Nothing Yet']],
    [{ legalName: { in: ['Gamma Homes', 'Alpha Care Ltd', 'Nobody'] } }, ['Alpha Care Ltd', 'Gamma Homes']],
    [{ legalName: { notIn: ['Gamma Homes', 'Alpha Care Ltd'] } }, ['beta fostering', 'Council In-house Fostering', 'Delta 100% Support_Services', 'Epsilon Transport', 'Zeta Nothing Yet']],
    [{ legalName: { in: [] } }, []],
    [{ legalName: { inIgnoringCase: ['gamma homes', 'ALPHA CARE LTD', 'Beta Fostering', 'Nobody'] } }, ['Alpha Care Ltd', 'beta fostering', 'Gamma Homes']],
    [{ legalName: { inIgnoringCase: [] } }, []],
    [{ legalName: { lt: 'C' } }, ['Alpha Care Ltd', 'beta fostering']],
    [{ legalName: { lte: 'Council In-house Fostering' } }, ['Alpha Care Ltd', 'beta fostering', 'Council In-house Fostering']],
    [{ legalName: { gt: 'Epsilon Transport' } }, ['Gamma Homes', 'Zeta Nothing Yet']],
    [{ legalName: { gte: 'Epsilon Transport' } }, ['Epsilon Transport', 'Gamma Homes', 'Zeta Nothing Yet']],
    [{ legalName: { contains: 'FOSTER' } }, ['beta fostering', 'Council In-house Fostering']],
    [{ legalName: { contains: '100%' } }, ['Delta 100% Support_Services']],
    [{ legalName: { contains: '_' } }, ['Delta 100% Support_Services']],
    [{ legalName: { startsWith: 'g' } }, ['Gamma Homes']],
    [{ tradingName: { isNull: false } }, ['Alpha Care Ltd', 'Epsilon Transport', 'Gamma Homes']],
    [{ companyNumber: { isNull: false }, charityNumber: { isNull: true } }, ['Alpha Care Ltd']],
  ])('%j', async (filter, expected) => {
    expect(await names(filter)).toEqual(expected);
  });
});

describe('codes, categories and custom filters', () => {
  it.each([
    [{ providerCode: { in: ['PR1', 'PR5'] } }, ['beta fostering', 'Council In-house Fostering']],
    [{ providerCode: { eq: 'PR3' } }, ['Zeta Nothing Yet']],
    [{ status: { ne: 'ACTIVE' } }, ['Epsilon Transport', 'Gamma Homes']],
    [{ status: { notIn: ['ACTIVE', 'SUSPENDED'] } }, ['Epsilon Transport']],
    [{ serviceCategories: { includes: 'FOSTERING' } }, ['beta fostering', 'Council In-house Fostering']],
    [{ serviceCategories: { includesAll: ['RESIDENTIAL', 'EDUCATION'] } }, ['Gamma Homes']],
    [{ serviceCategories: { includesAny: ['TRANSPORT', 'EDUCATION'] } }, ['Epsilon Transport', 'Gamma Homes']],
    [{ serviceCategories: { isEmpty: true } }, ['Zeta Nothing Yet']],
    [{ hasInadequateSetting: true }, ['Gamma Homes']],
    [{ hasInadequateSetting: false, serviceCategories: { isEmpty: false } }, ['Alpha Care Ltd', 'beta fostering', 'Council In-house Fostering', 'Delta 100% Support_Services', 'Epsilon Transport']],
    [{ settingRatingIn: ['OUTSTANDING', 'GOOD'] }, ['Alpha Care Ltd', 'beta fostering', 'Gamma Homes']],
    [{ search: 'fost' }, ['beta fostering', 'Council In-house Fostering']],
    [{ search: '01234567' }, ['Alpha Care Ltd']],
    [{ search: 'g homes' }, ['Gamma Homes']],
  ])('%j', async (filter, expected) => {
    expect(await names(filter)).toEqual(expected);
  });

  it('filters by locality of a setting', async () => {
    expect(await names({ localityId: localities.north })).toEqual(['beta fostering', 'Gamma Homes']);
    expect(await names({ localityId: localities.south })).toEqual(['Alpha Care Ltd', 'Gamma Homes']);
  });

  it('combines with and, or and not', async () => {
    expect(await names({ or: [{ providerCode: { eq: 'PR1' } }, { status: { eq: 'EXITED' } }] })).toEqual(['Council In-house Fostering', 'Epsilon Transport']);
    expect(await names({ and: [{ providerCode: { eq: 'PR4' } }, { not: { status: { eq: 'ACTIVE' } } }] })).toEqual(['Epsilon Transport', 'Gamma Homes']);
    expect(await names({ not: { or: [{ providerCode: { eq: 'PR4' } }, { serviceCategories: { isEmpty: true } }] } })).toEqual([
      'beta fostering',
      'Council In-house Fostering',
    ]);
  });

  it('filters on timestamps', async () => {
    expect(await names({ createdAt: { gt: '2000-01-01T00:00:00Z' } })).toEqual(ALL_BY_NAME);
    expect(await names({ createdAt: { lt: '2000-01-01T00:00:00Z' } })).toEqual([]);
  });
});

describe('ordering', () => {

  it('sorts by legal name by default', async () => {
    expect(await names()).toEqual(ALL_BY_NAME);
  });

  it('sorts by several fields in turn', async () => {
    expect(await names(undefined, [{ field: 'status', direction: 'DESC' }, { field: 'legalName', direction: 'DESC' }])).toEqual([
      'Epsilon Transport',
      'Gamma Homes',
      'Zeta Nothing Yet',
      'Delta 100% Support_Services',
      'Council In-house Fostering',
      'beta fostering',
      'Alpha Care Ltd',
    ]);
  });

  it('puts empty values last in both directions', async () => {
    const asc = await names({ providerCode: { eq: 'PR4' } }, [{ field: 'tradingName' }]);
    expect(asc).toEqual(['Alpha Care Ltd', 'Epsilon Transport', 'Gamma Homes', 'Delta 100% Support_Services']);
    const desc = await names({ providerCode: { eq: 'PR4' } }, [{ field: 'tradingName', direction: 'DESC' }]);
    expect(desc).toEqual(['Gamma Homes', 'Epsilon Transport', 'Alpha Care Ltd', 'Delta 100% Support_Services']);
  });
});

describe('paging', () => {
  it('pages by offset with a total count', async () => {
    const data = await t.ok(LIST, { first: 2, offset: 2 });
    expect(data.providers.totalCount).toBe(7);
    expect(data.providers.nodes.map((n: any) => n.legalName)).toEqual(['Council In-house Fostering', 'Delta 100% Support_Services']);
    expect(data.providers.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const last = await t.ok(LIST, { first: 2, offset: 6 });
    expect(last.providers.nodes.map((n: any) => n.legalName)).toEqual(['Zeta Nothing Yet']);
    expect(last.providers.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    [undefined],
    [[{ field: 'tradingName', direction: 'DESC' }]],
    [[{ field: 'status' }, { field: 'tradingName' }]],
    [[{ field: 'createdAt', direction: 'DESC' }]],
  ])('pages by cursor through the whole list in the same order (orderBy %j)', async (orderBy) => {
    const expected = await names(undefined, orderBy);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const data = await t.ok(LIST, { o: orderBy, first: 2, after });
      seen.push(...data.providers.nodes.map((n: any) => n.legalName));
      if (!data.providers.pageInfo.hasNextPage) break;
      after = data.providers.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('keeps its place when a record is added before the cursor', async () => {
    const first = await t.ok(LIST, { first: 3 });
    await createProvider(t, { legalName: 'AAA Newcomer' });
    const next = await t.ok(LIST, { first: 2, after: first.providers.pageInfo.endCursor });
    expect(next.providers.nodes.map((n: any) => n.legalName)).toEqual(['Delta 100% Support_Services', 'Epsilon Transport']);
  });

  it('does not count unless totalCount is asked for', async () => {
    const withCount = await t.countStatements(() => t.ok('{ providers(first: 5) { totalCount nodes { id } } }'));
    const without = await t.countStatements(() => t.ok('{ providers(first: 5) { nodes { id } } }'));
    expect(withCount - without).toBe(1);
  });
});

describe('bad list arguments', () => {
  it.each([
    [{ first: 501 }, 'LIMIT_EXCEEDED', 'first'],
    [{ first: -1 }, 'BAD_USER_INPUT', 'first'],
    [{ offset: -5 }, 'BAD_USER_INPUT', 'offset'],
    [{ offset: 2, after: 'abc' }, 'BAD_USER_INPUT', 'after'],
    [{ after: 'not-a-cursor' }, 'BAD_USER_INPUT', 'after'],
    [{ f: { localityId: 'nope' } }, 'BAD_USER_INPUT', 'filter.localityId'],
    [{ f: { search: 'x'.repeat(201) } }, 'BAD_USER_INPUT', 'filter.search'],
  ])('%j → %s on %s', async (variables, code, field) => {
    const res = await t.gql(LIST, variables);
    expect(res.status).toBe(200);
    expect(res.body.errors![0].extensions!.code).toBe(code);
    expect(res.body.errors![0].extensions!.fieldErrors[0].field).toBe(field);
  });

  it('refuses a cursor made for another sort order', async () => {
    const data = await t.ok(LIST, { first: 1 });
    const res = await t.gql(LIST, { first: 1, after: data.providers.pageInfo.endCursor, o: [{ field: 'status' }] });
    expect(res.body.errors![0].message).toBe('after: was made for a different sort order; ask for the first page again');
  });
});

// Last: it adds records the lists above do not expect.
describe('natural order of names', () => {
  it('sorts names naturally: case-insensitive, numbers by value', async () => {
    await createProvider(t, { legalName: 'Item 10 Homes', providerCode: 'PR2' });
    await createProvider(t, { legalName: 'item 9 homes', providerCode: 'PR2' });
    expect(await names({ providerCode: { eq: 'PR2' } })).toEqual(['item 9 homes', 'Item 10 Homes']);
  });
});
