import { Client } from 'pg';
import { createProvider } from '../support/fixtures';
import { databaseFingerprint } from '../support/database-fingerprint';
import { startTestApi, type TestApi } from '../support/test-api';

// The shipped defaults, except the request rate (its own API below).
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
  await createProvider(t, { legalName: 'Harbour Fostering Ltd', providerCode: 'PR4', serviceCategories: ['FOSTERING'] });
});
afterAll(() => t.stop());

async function post(body: string | Buffer, token: string | null = t.adminToken) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(t.url, { method: 'POST', headers, body });
  return { status: res.status, json: (await res.json()) as any };
}

/** Sends the request and checks that it changed nothing in the database. */
async function refused(body: string | Buffer, token?: string | null) {
  const before = await databaseFingerprint(t);
  const res = await post(body, token);
  expect(await databaseFingerprint(t)).toBe(before);
  return res;
}

const CREATE = (i: number) => `p${i}: createProvider(input: { legalName: "Alias Homes ${i} Ltd", providerCode: PR4, serviceCategories: [RESIDENTIAL] }) { id }`;

describe('query shape limits', () => {
  it('refuses a query nested deeper than 12 levels', async () => {
    let inner = 'id';
    for (let i = 0; i < 6; i++) inner = `settings { provider { ${inner} } }`;
    const res = await refused(JSON.stringify({ query: `{ providers { nodes { ${inner} } } }` }));
    expect(res.status).toBe(200);
    expect(res.json.errors).toEqual([{ message: 'The query is 15 levels deep; at most 12 are allowed', locations: [{ line: 1, column: 1 }], extensions: { code: 'LIMIT_EXCEEDED' } }]);
    expect(res.json.data).toBeUndefined();
  });

  it('refuses 1,000 aliases, and runs none of the mutations they name', async () => {
    const query = `mutation($i: ProviderCreateInput!) { ${Array.from({ length: 1000 }, (_, i) => `p${i}: createProvider(input: $i) { id }`).join('\n')} }`;
    const res = await refused(JSON.stringify({ query, variables: { i: { legalName: 'Alias Homes Ltd', providerCode: 'PR4', serviceCategories: ['RESIDENTIAL'] } } }));
    expect(res.status).toBe(200);
    expect(res.json.errors.map((e: any) => [e.extensions.code, e.message])).toEqual([['LIMIT_EXCEEDED', 'The query has 1000 aliases; at most 500 are allowed']]);
  });

  it('accepts 500 aliases (the admin reads a page of referenced records by id, one alias each)', async () => {
    const res = await post(JSON.stringify({ query: `{ ${Array.from({ length: 500 }, (_, i) => `m${i}: me { id }`).join(' ')} }` }));
    expect(res.json.errors).toBeUndefined();
    expect(Object.keys(res.json.data)).toHaveLength(500);
  });

  it('refuses a query whose nested lists cost more than 50,000, naming its cost', async () => {
    // providers 500 + nodes 500 + settings 500×10 + provider 5,000 + settings 5,000×10 = 61,000
    const res = await refused(JSON.stringify({ query: '{ providers(first: 500) { nodes { settings { provider { settings { id } } } } } }' }));
    expect(res.status).toBe(200);
    expect(res.json.errors[0].extensions).toEqual({ code: 'LIMIT_EXCEEDED' });
    expect(res.json.errors[0].message).toBe(
      'The query costs 61000; at most 50000 is allowed (a list costs its page size, 10 when it has no paging, and nested lists multiply): ask for smaller pages or fewer nested lists',
    );
  });

  it('reckons the page size from variables too', async () => {
    const query = 'query($n: Int) { providers(first: $n) { nodes { legalName settings { name } } } }';
    const over = await refused(JSON.stringify({ query, variables: { n: 4600 } }));
    // 4,600 + 4,600 + 46,000
    expect(over.json.errors[0].message).toMatch(/^The query costs 55200; at most 50000 is allowed/);
    const within = await post(JSON.stringify({ query, variables: { n: 500 } }));
    expect(within.json.errors).toBeUndefined();
    expect(within.json.data.providers.nodes).toEqual([{ legalName: 'Harbour Fostering Ltd', settings: [] }]);
  });

  it('reckons a fragment once however often it is spread (30 fragments, each spreading the next twice)', async () => {
    const chain = (last: string) =>
      [...Array.from({ length: 29 }, (_, i) => `fragment F${i + 1} on Query { ...F${i + 2} ...F${i + 2} }`), `fragment F30 on Query { ${last} }`].join('\n');
    const fine = await post(JSON.stringify({ query: `{ ...F1 }\n${chain('me { email }')}` }));
    expect(fine.json).toEqual({ data: { me: { email: 'admin@test.placewise' } } });
    const costly = await refused(JSON.stringify({ query: `{ ...F1 }\n${chain('providers(first: 500) { nodes { settings { provider { settings { id } } } } }')}` }));
    expect(costly.json.errors[0].message).toMatch(/^The query costs 61000; at most 50000 is allowed/);
  });

  it('refuses a page over 500 records', async () => {
    const res = await refused(JSON.stringify({ query: '{ providers(first: 501) { nodes { id } } }' }));
    expect(res.json.errors[0]).toMatchObject({
      message: 'A page holds at most 500 records; ask for fewer or page through',
      extensions: { code: 'LIMIT_EXCEEDED', fieldErrors: [{ field: 'first', message: 'A page holds at most 500 records; ask for fewer or page through' }] },
    });
  });
});

describe('request size limits', () => {
  it('refuses a body over 10 MiB with 413 before reading it as GraphQL', async () => {
    const body = JSON.stringify({ query: `mutation { ${CREATE(1)} }`, variables: { pad: 'x'.repeat(10 * 1024 * 1024) } });
    const res = await refused(body);
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ errors: [{ message: 'The request body is larger than the limit of 10485760 bytes', extensions: { code: 'LIMIT_EXCEEDED' } }] });
  });

  it('stops parsing a 10 MB document at 50,000 tokens', async () => {
    const body = JSON.stringify({ query: `mutation { ${CREATE(1)} ${'__typename '.repeat(900_000)} }` });
    expect(body.length).toBeGreaterThan(9_900_000);
    const res = await refused(body);
    expect(res.status).toBe(200);
    expect(res.json.errors.map((e: any) => [e.extensions.code, e.message])).toEqual([['LIMIT_EXCEEDED', 'The query is longer than the limit of 50000 tokens; parsing stopped there']]);
  });

  it('refuses a batch of 1,000 operations and runs none of them', async () => {
    const batch = Array.from({ length: 1000 }, (_, i) => ({ query: `mutation { ${CREATE(i)} }` }));
    const res = await refused(JSON.stringify(batch));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ errors: [{ message: 'A request may carry at most 1 operation (batching is off); this one carries 1000', extensions: { code: 'LIMIT_EXCEEDED' } }] });
  });
});

describe('with a request rate of 5 a minute and a statement timeout of 300 ms', () => {
  let small: TestApi;
  beforeAll(async () => {
    small = await startTestApi({ REQUEST_RATE_PER_MINUTE: '5', STATEMENT_TIMEOUT_MS: '300' });
  });
  afterAll(() => small.stop());

  it('refuses a statement that runs past the timeout inside a transaction, and keeps the record as it was', async () => {
    const provider = await createProvider(small, { legalName: 'Locked Homes Ltd', providerCode: 'PR4', serviceCategories: ['RESIDENTIAL'] });
    const holder = new Client({ connectionString: String((small.api.db.options as { url: string }).url) });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM provider WHERE id = $1 FOR UPDATE', [provider.id]);
      const res = await small.gql('mutation($id: ID!) { updateProvider(id: $id, version: 1, input: { legalName: "Changed Ltd" }) { id } }', { id: provider.id });
      expect(res.body.errors![0].extensions!.code).toBe('LIMIT_EXCEEDED');
      expect(res.body.errors![0].message).toBe('The request took too long and was stopped (a statement may run at most 300 ms); narrow the filter or ask for fewer records');
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    const [row] = await small.api.db.query('SELECT legal_name, version FROM provider WHERE id = $1', [provider.id]);
    expect(row).toEqual({ legal_name: 'Locked Homes Ltd', version: 1 });
  });

  it('refuses a caller over its rate with 429, and no sooner than the rate allows', async () => {
    const user = await small.userWithRole('ANALYST');
    const statuses: number[] = [];
    for (let i = 0; i < 11 && !statuses.includes(429); i++) statuses.push((await small.gql('{ me { email } }', {}, user.token)).status);
    // A sliding minute: the first 5 always pass; the count of the minute before can only bring the refusal sooner.
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses).toContain(429);
    const res = await small.gql('{ me { email } }', {}, user.token);
    expect(res.status).toBe(429);
    expect(res.body.errors).toEqual([{ message: 'Too many requests: at most 5 a minute; slow down and try again shortly', extensions: { code: 'LIMIT_EXCEEDED' } }]);
    // Another caller has its own count.
    expect((await small.gql('{ me { email } }')).status).toBe(200);
  });
});
