import { startTestApi, type TestApi } from '../support/test-api';

/**
 * /metrics (Prometheus text): operations by name and type, their duration, errors by code,
 * the pool and SQL latency; who may read it; and the rule that analysts name their operations.
 */

async function scrape(t: TestApi, token?: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${t.api.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** The value of one sample, e.g. value(text, 'placewise_graphql_operations_total{operation="A",type="query"}'). */
function value(text: string, sample: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

describe('/metrics', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t.stop());

  it('counts operations by name and type, times them, and counts errors by code', async () => {
    await t.ok('query ProviderNames { providers(first: 5) { nodes { legalName } } }');
    await t.ok('query ProviderNames { providers(first: 5) { nodes { legalName } } }');
    await t.ok('{ me { id } }');
    const missing = await t.gql('mutation ArchiveMissing { updateProvider(id: "00000000-0000-4000-8000-000000000000", version: 1, input: { notes: "x" }) { id } }');
    expect(missing.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const { status, type, text } = await scrape(t);

    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(value(text, 'placewise_graphql_operations_total{operation="ProviderNames",type="query"}')).toBe(2);
    expect(value(text, 'placewise_graphql_operations_total{operation="(anonymous)",type="query"}')).toBe(1);
    expect(value(text, 'placewise_graphql_operations_total{operation="ArchiveMissing",type="mutation"}')).toBe(1);
    expect(value(text, 'placewise_graphql_operation_duration_seconds_count{operation="ProviderNames",type="query"}')).toBe(2);
    expect(value(text, 'placewise_graphql_errors_total{code="NOT_FOUND",operation="ArchiveMissing"}')).toBe(1);
    expect(text).not.toContain('placewise_graphql_errors_total{code="NOT_FOUND",operation="ProviderNames"}');
  });

  it('reports the database pool and the time each SQL statement took', async () => {
    const { text } = await scrape(t);
    expect(value(text, 'placewise_db_pool_connections{state="max"}')).toBe(10);
    const total = value(text, 'placewise_db_pool_connections{state="total"}')!;
    expect(total).toBeGreaterThanOrEqual(1);
    expect(value(text, 'placewise_db_pool_connections{state="idle"}')! + value(text, 'placewise_db_pool_connections{state="in_use"}')!).toBe(total);
    expect(value(text, 'placewise_db_pool_connections{state="waiting"}')).toBe(0);

    const before = value(text, 'placewise_db_query_duration_seconds_count{outcome="ok"}')!;
    const statements = await t.countStatements(() => t.ok('query Three { providers(first: 1) { totalCount nodes { id } } }'));
    const after = value((await scrape(t)).text, 'placewise_db_query_duration_seconds_count{outcome="ok"}')!;
    expect(statements).toBeGreaterThan(0);
    expect(after - before).toBe(statements);
    expect(value(text, 'placewise_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('labels an over-long operation name as invalid rather than storing it', async () => {
    const long = `Q${'x'.repeat(70)}`;
    await t.ok(`query ${long} { me { id } }`);
    const { text } = await scrape(t);
    expect(value(text, 'placewise_graphql_operations_total{operation="(invalid)",type="query"}')).toBe(1);
    expect(text).not.toContain(long);
  });
});

describe('/metrics with METRICS_TOKEN, and OPERATION_NAME_REQUIRED', () => {
  let t: TestApi;
  const token = 'scraper-token-0123456789';
  beforeAll(async () => {
    t = await startTestApi({ METRICS_TOKEN: token, OPERATION_NAME_REQUIRED: 'on' });
  });
  afterAll(() => t.stop());

  it('answers only a scraper that sends the token', async () => {
    expect((await scrape(t)).status).toBe(403);
    expect((await scrape(t, 'scraper-token-wrong-value')).status).toBe(403);
    const allowed = await scrape(t, token);
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain('placewise_graphql_operations_total');
  });

  it("refuses an analyst's unnamed operation, naming operationName, and accepts it named", async () => {
    const analyst = await t.userWithRole('ANALYST');
    const unnamed = await t.gql('{ providers(first: 1) { totalCount } }', {}, analyst.token);
    expect(unnamed.body).toEqual({
      errors: [
        {
          message: "operationName: name the operation (e.g. query MonthlySpend { ... }): analysts' operations are attributed by name",
          extensions: {
            code: 'BAD_USER_INPUT',
            fieldErrors: [{ field: 'operationName', message: "name the operation (e.g. query MonthlySpend { ... }): analysts' operations are attributed by name" }],
          },
        },
      ],
    });
    const named = await t.gql('query ProviderCount { providers(first: 1) { totalCount } }', {}, analyst.token);
    expect(named.body).toEqual({ data: { providers: { totalCount: 0 } } });
    // Other roles are not held to it.
    expect((await t.gql('{ providers(first: 1) { totalCount } }')).body).toEqual({ data: { providers: { totalCount: 0 } } });
  });
});
