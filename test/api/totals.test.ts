import { createProvider } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
let harbour: string;
let cove: string;

const create = (i: Record<string, unknown>) =>
  t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id } }', { i: { kind: 'SPOT', title: 'Spot', startDate: '2025-04-01', ...i } });

beforeAll(async () => {
  t = await startTestApi();
  harbour = (await createProvider(t, { legalName: 'Harbour Homes Ltd', serviceCategories: ['RESIDENTIAL'] })).id;
  cove = (await createProvider(t, { legalName: 'Cove Care Ltd', serviceCategories: ['RESIDENTIAL'] })).id;
  await create({ providerId: harbour, reference: 'T-1', weeklyFee: '1045.50', ceilingValue: '100000.01' });
  await create({ providerId: harbour, reference: 'T-2', weeklyFee: '0.01', ceilingValue: null });
  await create({ providerId: harbour, reference: 'T-3', weeklyFee: null, ceilingValue: '0.99' });
  await create({ providerId: cove, reference: 'T-4', weeklyFee: '3999.49', ceilingValue: '250.00' });
  // Ten ceilings of almost ten trillion pounds: their sum in pence is past 2^53, where a float would lose pennies.
  for (let i = 1; i <= 10; i++) await create({ providerId: cove, reference: `BIG-${i}`, weeklyFee: null, ceilingValue: '9999999999999.99' });
});
afterAll(() => t.stop());

interface Totals {
  totalCount: number;
  nodes: Array<{ reference: string }>;
  totals: Array<{ field: string; sum: string }>;
}

async function contracts(filter: Record<string, unknown>, first = 2): Promise<Totals> {
  const data = await t.ok<{ contracts: Totals }>(
    'query($f: ContractFilter, $first: Int) { contracts(filter: $f, first: $first) { totalCount nodes { reference } totals { field sum } } }',
    { f: filter, first },
  );
  return data.contracts;
}

test('totals sum each money field over every record the filter matches, not only the page, to the penny', async () => {
  const harbourOnly = await contracts({ providerId: { eq: harbour } });
  expect(harbourOnly.nodes).toHaveLength(2);
  expect(harbourOnly.totalCount).toBe(3);
  expect(harbourOnly.totals).toEqual([
    { field: 'weeklyFee', sum: '1045.51' },
    { field: 'ceilingValue', sum: '100001.00' },
    { field: 'cardWeeklyFee', sum: '0.00' },
  ]);

  // The same filter language as the list: operators, and/or.
  const cheap = await contracts({ or: [{ weeklyFee: { lt: '1000.00' } }, { reference: { eq: 'T-1' } }], reference: { startsWith: 'T-' } });
  expect(cheap.totalCount).toBe(2);
  expect(cheap.totals).toEqual([
    { field: 'weeklyFee', sum: '1045.51' },
    { field: 'ceilingValue', sum: '100000.01' },
    { field: 'cardWeeklyFee', sum: '0.00' },
  ]);

  // Sums past 2^53 pence stay exact.
  const big = await contracts({ reference: { startsWith: 'BIG-' } }, 1);
  expect(big.totals).toEqual([
    { field: 'weeklyFee', sum: '0.00' },
    { field: 'ceilingValue', sum: '99999999999999.90' },
    { field: 'cardWeeklyFee', sum: '0.00' },
  ]);
  const all = await contracts({}, 0);
  expect(all.totals).toEqual([
    { field: 'weeklyFee', sum: '5045.00' },
    { field: 'ceilingValue', sum: '100000000100250.90' },
    { field: 'cardWeeklyFee', sum: '0.00' },
  ]);
});

test('a filter that matches nothing totals zero; a type without money fields has no totals', async () => {
  expect((await contracts({ reference: { eq: 'NONE' } })).totals).toEqual([
    { field: 'weeklyFee', sum: '0.00' },
    { field: 'ceilingValue', sum: '0.00' },
    { field: 'cardWeeklyFee', sum: '0.00' },
  ]);
  const data = await t.ok<{ providers: { totals: unknown[]; totalCount: number } }>('{ providers { totalCount totals { field sum } } }');
  expect(data.providers).toEqual({ totalCount: 2, totals: [] });
});

test('an invoice list totals its computed `total` (the sum of each invoice’s lines) as the rows show it', async () => {
  const invoice = (providerId: string, reference: string, amounts: string[]) =>
    t.ok('mutation($i: InvoiceCreateInput!) { createInvoice(input: $i) { id } }', {
      i: { providerId, reference, periodStart: '2026-01-01', periodEnd: '2026-01-31', receivedDate: '2026-02-03', lines: amounts.map((amount, i) => ({ description: `Item ${i + 1}`, amount })) },
    });
  await invoice(harbour, 'INV-1', ['100.01', '0.99']);
  await invoice(harbour, 'INV-2', ['2500.50']);
  await invoice(cove, 'INV-3', ['333.33', '333.33', '333.34']);
  const invoices = async (filter: Record<string, unknown>) =>
    (await t.ok<{ invoices: { nodes: Array<{ total: string }>; totals: unknown[] } }>('query($f: InvoiceFilter) { invoices(filter: $f, first: 1) { nodes { total } totals { field sum } } }', { f: filter })).invoices;
  expect((await invoices({})).totals).toEqual([{ field: 'total', sum: '3601.50' }]);
  const harbourOnly = await invoices({ providerId: { eq: harbour } });
  expect(harbourOnly.nodes).toHaveLength(1);
  expect(harbourOnly.totals).toEqual([{ field: 'total', sum: '2601.50' }]);
  expect((await invoices({ reference: { eq: 'INV-3' } })).nodes).toEqual([{ total: '1000.00' }]);
  expect((await invoices({ reference: { eq: 'INV-3' } })).totals).toEqual([{ field: 'total', sum: '1000.00' }]);
  expect((await invoices({ reference: { eq: 'NONE' } })).totals).toEqual([{ field: 'total', sum: '0.00' }]);
});
