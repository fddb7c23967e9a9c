import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
  // 120 providers with 3 settings each, written straight into the database.
  await t.api.db.query(`
    INSERT INTO provider (id, version, legal_name, provider_code)
    SELECT ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 1, 'Provider ' || lpad(i::text, 3, '0'), 'PR4'
    FROM generate_series(1, 120) AS i`);
  await t.api.db.query(`
    INSERT INTO setting (version, provider_id, name, kind)
    SELECT 1, p.id, p.legal_name || ' home ' || s, 'CHILDRENS_HOME' FROM provider p, generate_series(1, 3) AS s`);
  // The signed-in user is looked up once and cached for a few seconds; counts below are per query.
  await t.ok('{ me { id } }');
});
afterAll(() => t.stop());

const QUERY = (first: number) => `{ providers(first: ${first}) { nodes { id legalName settings { id name provider { id legalName } } } } }`;

describe('no N+1: nested data loads in batches', () => {
  it.each([1, 10, 50, 120])('providers(first: %i) with settings and their provider takes 3 statements', async (first) => {
    let data: any;
    const statements = await t.countStatements(async () => {
      data = await t.ok(QUERY(first));
    });
    expect(data.providers.nodes).toHaveLength(first);
    expect(data.providers.nodes[0].settings).toHaveLength(3);
    expect(data.providers.nodes[0].settings[0].provider.legalName).toBe('Provider 001');
    // one page query, one settings query for the whole page, one provider query for all settings
    expect(statements).toBe(3);
  });

  it('providers(first: 50) { nodes { settings } } takes at most 3 statements, with the count', async () => {
    const statements = await t.countStatements(() => t.ok('{ providers(first: 50) { totalCount nodes { settings { id ofstedRating } } } }'));
    expect(statements).toBe(3);
  });

  it('a filter on settings runs in SQL: one statement whatever the data', async () => {
    const statements = await t.countStatements(() => t.ok('{ providers(first: 500, filter: { hasInadequateSetting: false, search: "Provider 1" }) { nodes { id } } }'));
    expect(statements).toBe(1);
  });
});
