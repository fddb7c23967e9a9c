import { PassThrough } from 'node:stream';
import { readSheet } from 'read-excel-file/node';
import { planExport } from '../../server/src/http/export/export-plan';
import { CsvWriter } from '../../server/src/http/export/export-writers';
import { graphqlSchema } from '../../server/src/graphql/schema';
import { createProvider } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

// Three rows a page, so that ten invoice lines take four pages (3 + 3 + 3 + 1); more than an interactive client may ask for (2).
let t: TestApi;
let exportUrl: string;
let invoiceId: string;
beforeAll(async () => {
  t = await startTestApi({ EXPORT_PAGE_SIZE: '3', MAX_PAGE_SIZE: '2' });
  exportUrl = t.url.replace(/\/graphql$/, '/export');
  const provider = await createProvider(t, { legalName: 'Export Homes, Ltd', serviceCategories: ['FOSTERING'] });
  const child = (await t.ok('mutation { createChild(input: { caseReference: "EXP-1", initials: "EX", dateOfBirth: "2015-01-01", gender: FEMALE }) { id } }')).createChild;
  // An IFA placement at £815.00 a week from 5 January 2026, and an in-house one at £450.00 from 1 March 2026.
  const placement = (
    await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id } }', {
      i: { childId: child.id, providerId: provider.id, placementType: 'U4', providerCode: 'PR4', startDate: '2026-01-05', weeklyFee: '815.00' },
    })
  ).createPlacement;
  const own = await createProvider(t, { legalName: 'Council Fostering', providerCode: 'PR1', serviceCategories: ['FOSTERING'] });
  const second = (await t.ok('mutation { createChild(input: { caseReference: "EXP-2", initials: "EY", dateOfBirth: "2014-01-01", gender: MALE }) { id } }')).createChild;
  await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id } }', {
    i: { childId: second.id, providerId: own.id, placementType: 'U4', providerCode: 'PR1', startDate: '2026-03-01', weeklyFee: '450.00' },
  });
  // Line 1: 27 nights, 5 January to 1 February: 27 × 81500 / 7 = 314357.14… → £3,143.57, MATCHED.
  // Lines 2–10: other items (nothing to match: DISPUTED), with text that must be quoted or guarded in a CSV.
  const others = ['Damage to a door', 'Taxi, late "return"', '=HYPERLINK("x")', 'Laundry', 'Passport', 'Birthday', 'Respite', 'School trip', 'Refund of a deposit'];
  const amounts = ['120.00', '35.50', '0.01', '12.34', '88.00', '25.00', '310.99', '45.45', '-150.00'];
  const created = await t.ok('mutation($i: InvoiceCreateInput!) { createInvoice(input: $i) { id } }', {
    i: {
      providerId: provider.id,
      reference: 'EXP-INV-1',
      periodStart: '2026-01-01',
      periodEnd: '2026-01-31',
      receivedDate: '2026-02-03',
      lines: [
        { placementId: placement.id, description: 'Care in January', fromDate: '2026-01-05', toDate: '2026-02-01', amount: '3143.57' },
        ...others.map((description, i) => ({ description, amount: amounts[i] })),
      ],
    },
  });
  invoiceId = created.createInvoice.id;
});
afterAll(() => t.stop());

const LINES = `query($invoice: ID!) {
  invoiceLines(filter: { invoiceId: { eq: $invoice } }, orderBy: [{ field: lineNumber }]) {
    nodes { lineNumber description amount expectedAmount fromDate status invoice { reference provider { legalName } } }
  }
}`;

/** The body as text, after checking it starts with the UTF-8 byte-order mark (fetch's text() would drop it). */
async function csvOf(res: Response): Promise<string> {
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.toString('utf8');
}

function post(body: Record<string, unknown>, token: string | null = t.adminToken) {
  return fetch(exportUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** The same document through /graphql, as a client that accepts application/graphql-response+json sends it. */
async function viaGraphql(query: string, variables: Record<string, unknown>, token: string | null = t.adminToken) {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('export a query’s list as CSV or XLSX', () => {
  it('writes every page of a connection as CSV, columns in selection order, nested objects as dotted names', async () => {
    const res = await post({ query: LINES, variables: { invoice: invoiceId }, format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="invoiceLines-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await csvOf(res);
    // Money as the decimal string, dates ISO, codes as codes; the comma and quotes quoted, the formula guarded with an apostrophe.
    expect(text).toBe(
      '\uFEFF' +
        [
          'lineNumber,description,amount,expectedAmount,fromDate,status,invoice.reference,invoice.provider.legalName',
          '1,Care in January,3143.57,3143.57,2026-01-05,MATCHED,EXP-INV-1,"Export Homes, Ltd"',
          '2,Damage to a door,120.00,,,DISPUTED,EXP-INV-1,"Export Homes, Ltd"',
          '3,"Taxi, late ""return""",35.50,,,DISPUTED,EXP-INV-1,"Export Homes, Ltd"',
          `4,"'=HYPERLINK(""x"")",0.01,,,DISPUTED,EXP-INV-1,"Export Homes, Ltd"`,
          '5,Laundry,12.34,,,DISPUTED,EXP-INV-1,"Export Homes, Ltd"',
          '6,Passport,88.00,,,DISPUTED,EXP-INV-1,"Export Homes, Ltd"',
          '7,Birthday,25.00,,,DISPUTED,EXP-INV-1,"Export Homes, Ltd"',
          '8,Respite,310.99,,,DISPUTED,EXP-INV-1,"Export Homes, Ltd"',
          '9,School trip,45.45,,,DISPUTED,EXP-INV-1,"Export Homes, Ltd"',
          '10,Refund of a deposit,-150.00,,,DISPUTED,EXP-INV-1,"Export Homes, Ltd"',
        ].join('\r\n') +
        '\r\n',
    );
  });

  it('writes the rows /graphql lists, in its order (an invoice’s lines in line order by default), and the client’s first caps them', async () => {
    const invoiceLines = { nodes: [] as Array<{ id: string; amount: string }> };
    let after: string | null = null;
    do {
      const { invoiceLines: page }: any = await t.ok('query($after: String) { invoiceLines(first: 2, after: $after) { nodes { id amount } pageInfo { hasNextPage endCursor } } }', { after });
      invoiceLines.nodes.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(invoiceLines.nodes).toHaveLength(10);
    const all = await csvOf(await post({ query: '{ invoiceLines { nodes { id amount } } }', format: 'csv' }));
    expect(all.replace('\uFEFF', '').trimEnd().split('\r\n')).toEqual(['id,amount', ...invoiceLines.nodes.map((n: any) => `${n.id},${n.amount}`)]);
    // first: 4 → 4 rows (a full page of 3, then 1), though 10 match.
    const four = await csvOf(await post({ query: 'query($n: Int) { invoiceLines(first: $n) { nodes { id } } }', variables: { n: 4 }, format: 'csv' }));
    expect(four.replace('\uFEFF', '').trimEnd().split('\r\n')).toEqual(['id', ...invoiceLines.nodes.slice(0, 4).map((n: any) => n.id)]);
  });

  it('writes pages after the first (compiled by graphql-jit) byte for byte as graphql-js executes the same document', async () => {
    // Aliases, a named and an inline fragment, @include/@skip, __typename, nested and null objects, field resolvers with and without arguments, every scalar kind.
    const query = (paging: string) => `query($invoice: ID!, $withPlacement: Boolean!, $noId: Boolean!${paging ? ', $after: String' : ''}) {
      lines: invoiceLines(filter: { invoiceId: { eq: $invoice } }${paging}) { nodes {
        __typename no: lineNumber ...Money description fromDate toDate nights status id @skip(if: $noId) version createdAt
        ... on InvoiceLine { invoice { reference status periodStart provider { legalName providerCode } } }
        placement @include(if: $withPlacement) { placementType startDate within20Miles week: costBetween(from: "2026-01-05", to: "2026-01-12") child { initials } }
      } ${paging ? 'pageInfo { hasNextPage endCursor }' : ''} } }
      fragment Money on InvoiceLine { amount expectedAmount difference }`;
    const variables = { invoice: invoiceId, withPlacement: true, noId: false };
    const exported = Buffer.from(await (await post({ query: query(''), variables, format: 'csv' })).arrayBuffer());
    // The same rows through /graphql, two a page (its cap here), written by the export's own CSV writer.
    const nodes: unknown[] = [];
    let after: string | null = null;
    do {
      const { lines }: any = await t.ok(query(', first: 2, after: $after'), { ...variables, after });
      nodes.push(...lines.nodes);
      after = lines.pageInfo.hasNextPage ? lines.pageInfo.endCursor : null;
    } while (after);
    expect(nodes).toHaveLength(10);
    const plan = planExport(await graphqlSchema(), query(''), null, null, variables)!;
    expect(plan.columns.map((c) => c.header).join(',')).toBe(
      '__typename,no,amount,expectedAmount,difference,description,fromDate,toDate,nights,status,id,version,createdAt,invoice.reference,invoice.status,invoice.periodStart,invoice.provider.legalName,invoice.provider.providerCode,placement.placementType,placement.startDate,placement.within20Miles,placement.week,placement.child.initials',
    );
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new CsvWriter(out, plan.columns);
    writer.start();
    writer.write(nodes);
    await writer.end();
    expect(exported.toString('utf8')).toBe(Buffer.concat(chunks).toString('utf8'));
    // The first row in full (its id and creation time aside), and one without a placement.
    const [, first, second] = exported.toString('utf8').split('\r\n');
    expect(first).toMatch(/^InvoiceLine,1,3143\.57,3143\.57,0\.00,Care in January,2026-01-05,2026-02-01,27,MATCHED,[0-9a-f-]{36},1,\d{4}-\d\d-\d\dT[\d:.]+Z,EXP-INV-1,DISPUTED,2026-01-01,"Export Homes, Ltd",PR4,U4,2026-01-05,,815\.00,EX$/);
    expect(second).toMatch(/^InvoiceLine,2,120\.00,,,Damage to a door,,,,DISPUTED,[0-9a-f-]{36},1,[\dT:.Z-]+,EXP-INV-1,DISPUTED,2026-01-01,"Export Homes, Ltd",PR4,,,,,$/);
  });

  it('loads the columns a field’s resolver reads though the client did not ask for them', async () => {
    // difference = amount − expectedAmount, invoice by invoiceId, placement by placementId: none of those asked for.
    const { invoiceLines } = await t.ok('query($i: ID!) { invoiceLines(filter: { invoiceId: { eq: $i } }, first: 2) { nodes { difference invoice { reference } placement { placementType } } } }', { i: invoiceId });
    expect(invoiceLines.nodes).toEqual([
      { difference: '0.00', invoice: { reference: 'EXP-INV-1' }, placement: { placementType: 'U4' } },
      { difference: null, invoice: { reference: 'EXP-INV-1' }, placement: null },
    ]);
  });

  it('writes the same connection as XLSX: money as numbers in pounds to the penny, dates as dates', async () => {
    const res = await post({ query: LINES, variables: { invoice: invoiceId }, format: 'xlsx' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/filename="invoiceLines-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const [header, ...rows] = await readSheet(Buffer.from(await res.arrayBuffer()));
    expect(header).toEqual(['lineNumber', 'description', 'amount', 'expectedAmount', 'fromDate', 'status', 'invoice.reference', 'invoice.provider.legalName']);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual([1, 'Care in January', 3143.57, 3143.57, new Date(Date.UTC(2026, 0, 5)), 'MATCHED', 'EXP-INV-1', 'Export Homes, Ltd']);
    expect(rows[2]).toEqual([3, 'Taxi, late "return"', 35.5, null, null, 'DISPUTED', 'EXP-INV-1', 'Export Homes, Ltd']);
    // In a cell the text is text: no apostrophe needed.
    expect(rows[3].slice(1, 3)).toEqual(['=HYPERLINK("x")', 0.01]);
    // Every amount back to the exact pence: 314357 + 12000 + 3550 + 1 + 1234 + 8800 + 2500 + 31099 + 4545 − 15000 = 363086p.
    const pence = rows.map((r) => Math.round((r[2] as number) * 100));
    expect(pence).toEqual([314357, 12000, 3550, 1, 1234, 8800, 2500, 31099, 4545, -15000]);
    expect(pence.reduce((a, b) => a + b, 0)).toBe(363086);
  });

  it('writes an analytics query’s plain list as it is, by path or as the first list', async () => {
    // On 15 March 2026: the IFA placement at £815.00 and the in-house one at £450.00, highest first.
    const query = '{ careSnapshot(onDate: "2026-03-15") { childrenInCare } highestCostPlacements(onDate: "2026-03-15", first: 5) { weeklyCost placement { placementType providerCode startDate } } }';
    const csv = await csvOf(await post({ query, format: 'csv' }));
    expect(csv).toBe('\uFEFFweeklyCost,placement.placementType,placement.providerCode,placement.startDate\r\n815.00,U4,PR4,2026-01-05\r\n450.00,U4,PR1,2026-03-01\r\n');
    const res = await post({ query, format: 'xlsx', path: 'highestCostPlacements' });
    expect(res.headers.get('content-disposition')).toMatch(/filename="highestCostPlacements-/);
    const [header, ...rows] = await readSheet(Buffer.from(await res.arrayBuffer()));
    expect(header).toEqual(['weeklyCost', 'placement.placementType', 'placement.providerCode', 'placement.startDate']);
    expect(rows).toEqual([
      [815, 'U4', 'PR4', new Date(Date.UTC(2026, 0, 5))],
      [450, 'U4', 'PR1', new Date(Date.UTC(2026, 2, 1))],
    ]);
  });

  it('takes GET with query parameters too', async () => {
    const params = new URLSearchParams({ query: LINES, variables: JSON.stringify({ invoice: invoiceId }), format: 'CSV' });
    const res = await fetch(`${exportUrl}?${params}`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(res.status).toBe(200);
    expect((await csvOf(res)).split('\r\n')).toHaveLength(12); // heading, 10 lines, and the empty string after the last line end
  });

  it('refuses a request without a token, or with a bad one, with 401 and /graphql’s error', async () => {
    for (const token of [null, 'not-a-token']) {
      const res = await post({ query: LINES, variables: { invoice: invoiceId }, format: 'csv' }, token);
      const graphql = await viaGraphql(LINES, { invoice: invoiceId }, token);
      expect(graphql.status).toBe(401);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(graphql.body);
    }
    // Signing in comes first: a request that would be refused for its offset is refused for its missing token.
    const unsigned = await post({ query: '{ invoiceLines(offset: 3) { nodes { id } } }', format: 'csv' }, null);
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a key that cannot read the list with FORBIDDEN, as /graphql does', async () => {
    const { createApiKey } = await t.ok('mutation { createApiKey(name: "Export ledger", scopes: [PROVIDERS_READ]) { secret } }');
    const res = await post({ query: LINES, variables: { invoice: invoiceId }, format: 'csv' }, createApiKey.secret);
    const graphql = await viaGraphql(LINES, { invoice: invoiceId }, createApiKey.secret);
    expect(graphql.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual(graphql.body);
  });

  it('aborts the connection when a later page fails, so the client cannot take a short file for the whole', async () => {
    // Lines 10 to 2 have no placement; line 1's placement has a child, which an analyst may not read:
    // newest line first, the fourth page (line 1) fails after three pages have been sent.
    const analyst = await t.userWithRole('ANALYST');
    const query = `query($invoice: ID!) { invoiceLines(filter: { invoiceId: { eq: $invoice } }, orderBy: [{ field: lineNumber, direction: DESC }]) {
      nodes { lineNumber placement { child { initials } } } } }`;
    const lineOne = await viaGraphql('query($invoice: ID!) { invoiceLines(filter: { invoiceId: { eq: $invoice } }, first: 1) { nodes { lineNumber placement { child { initials } } } } }', { invoice: invoiceId }, analyst.token);
    expect(lineOne.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const res = await post({ query, variables: { invoice: invoiceId }, format: 'csv' }, analyst.token);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('answers a bad document with 400 and the GraphQL error', async () => {
    for (const query of ['{ invoiceLines { nodes { nope } } }', '{ invoiceLines { nodes { id }']) {
      const res = await post({ query, format: 'csv' });
      const graphql = await viaGraphql(query, {});
      expect(graphql.status).toBe(400);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(graphql.body);
    }
  });

  it('names the field of a bad request: format, path, a mutation, offset', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ query: LINES, format: 'pdf' }, 'format', 'must be csv or xlsx'],
      [{ format: 'csv' }, 'query', 'is required: the GraphQL document to export'],
      [{ query: LINES, variables: { invoice: invoiceId }, format: 'csv', path: 'invoiceLines.nodes.invoice' }, 'path', 'invoiceLines.nodes is a list: the path must lead to one list'],
      [{ query: '{ careSnapshot { childrenInCare } }', format: 'csv' }, 'path', 'the query selects no list of records to export'],
      [{ query: 'mutation { login(email: "a@b.uk", password: "not-sent") { token } }', format: 'csv' }, 'query', 'must be a query: an export runs it again for every page'],
      [{ query: '{ invoiceLines(offset: 3) { nodes { id } } }', format: 'csv' }, 'offset', 'cannot be used on the exported list: it pages by cursor; use after'],
    ];
    for (const [body, field, message] of cases) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ errors: [{ message: `${field}: ${message}`, extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] } }] });
    }
  });
});
