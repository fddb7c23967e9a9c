import { createProvider } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
let providerId = '';
let otherId = '';

beforeAll(async () => {
  t = await startTestApi();
  const provider = await createProvider(t, { legalName: 'Spend Fostering Ltd', providerCode: 'PR4' });
  const other = await createProvider(t, { legalName: 'Other Spend Ltd', providerCode: 'PR4' });
  providerId = provider.id;
  otherId = other.id;
  let n = 0;
  const place = async (p: string, i: Record<string, unknown>) => {
    const { createChild: child } = await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', {
      i: { caseReference: `PS-${++n}`, initials: 'PS', dateOfBirth: '2014-01-01', gender: 'FEMALE' },
    });
    return (await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id version } }', { i: { childId: child.id, providerId: p, placementType: 'U4', providerCode: 'PR4', ...i } }))
      .createPlacement;
  };
  // A: from before the year at £700.00, £770.00 from 1 October 2025, still open, no planned end.
  const a = await place(providerId, { startDate: '2025-03-01', weeklyFee: '700.00' });
  await t.ok('mutation($id: ID!, $v: Int!) { changePlacementFee(id: $id, version: $v, input: { effectiveFrom: "2025-10-01", weeklyFee: "770.00" }) { id } }', { id: a.id, v: a.version });
  // B: 15 June to 15 September 2025 at £1,000.00.
  const b = await place(providerId, { startDate: '2025-06-15', weeklyFee: '1000.00' });
  await t.ok('mutation($id: ID!, $v: Int!) { endPlacement(id: $id, version: $v, endDate: "2025-09-15", endReason: E4A) { id } }', { id: b.id, v: b.version });
  // C: from 1 December 2025, planned to end on 1 February 2026, £350.00 plus £70.00 a week of 1:1 support.
  const c = await place(providerId, { startDate: '2025-12-01', plannedEndDate: '2026-02-01', weeklyFee: '350.00' });
  await t.ok('mutation($id: ID!, $v: Int!) { addAdditionalService(placementId: $id, version: $v, input: { description: "1:1 support", charge: WEEKLY, amount: "70.00", startDate: "2025-12-01" }) { id } }', {
    id: c.id,
    v: c.version,
  });
  // Another provider's placement: not counted.
  await place(otherId, { startDate: '2025-04-01', weeklyFee: '5000.00' });

  const invoice = async (reference: string, periodStart: string, periodEnd: string, lines: Array<Record<string, unknown>>) =>
    (
      await t.ok('mutation($i: InvoiceCreateInput!) { createInvoice(input: $i) { id version status } }', {
        i: { providerId, reference, receivedDate: '2025-12-15', periodStart, periodEnd, lines },
      })
    ).createInvoice;
  // April for A: 30 nights at £700.00 = £3,000.00, matched, approved and paid.
  const april = await invoice('SF-04', '2025-04-01', '2025-04-30', [{ description: 'A April', amount: '3000.00', placementId: a.id, fromDate: '2025-04-01', toDate: '2025-05-01', nights: 30 }]);
  expect(april.status).toBe('MATCHED');
  const approved = (await t.ok('mutation($id: ID!, $v: Int!) { approveInvoice(id: $id, version: $v) { version } }', { id: april.id, v: april.version })).approveInvoice;
  await t.ok('mutation($id: ID!, $v: Int!) { payInvoice(id: $id, version: $v, paidDate: "2025-12-20") { id } }', { id: april.id, v: approved.version });
  // B's first 30 nights invoiced at £4,300.00 (the fees give £4,285.71) and a £120.00 damage line: both disputed.
  const june = await invoice('SF-06', '2025-06-15', '2025-07-14', [
    { description: 'B June', amount: '4300.00', placementId: b.id, fromDate: '2025-06-15', toDate: '2025-07-15', nights: 30 },
    { description: 'Damage to a carpet', amount: '120.00' },
  ]);
  expect(june.status).toBe('DISPUTED');
  // March 2025, before the year: not counted.
  await invoice('SF-03', '2025-03-01', '2025-03-31', [{ description: 'A March', amount: '3100.00', placementId: a.id, fromDate: '2025-03-01', toDate: '2025-04-01', nights: 31 }]);
});
afterAll(() => t.stop());

const QUERY = `query($p: ID!, $y: String!, $on: Date) {
  providerSpend(providerId: $p, financialYear: $y, asOf: $on) { providerId financialYear asOf livePlacements costToDate committed forecast invoices invoiced approved paid disputed }
}`;

describe('providerSpend', () => {
  it('gives the placements’ cost to date, committed and forecast, and the invoices of the year, to the penny', async () => {
    const { providerSpend } = await t.ok(QUERY, { p: providerId, y: '2025-26', on: '2026-01-01' });
    // A to date: 183 nights at £700.00 + 92 at £770.00 = (12,810,000 + 7,084,000) / 7 pence = £28,420.00.
    // B: 92 nights at £1,000.00 = 9,200,000 / 7 = 1,314,285.71… → £13,142.86.  C: 31 nights at £420.00 = £1,860.00.
    // Committed from 1 January: A 90 nights at £770.00 = £9,900.00; C to its planned end, 31 nights = £1,860.00.
    // Invoices: April £3,000.00 (paid) and June £4,300.00 + £120.00 (disputed); March is before the year.
    expect(providerSpend).toEqual({
      providerId,
      financialYear: '2025-26',
      asOf: '2026-01-01',
      livePlacements: 2,
      costToDate: '43422.86',
      committed: '11760.00',
      forecast: '55182.86',
      invoices: 2,
      invoiced: '7420.00',
      approved: '3000.00',
      paid: '3000.00',
      disputed: '4420.00',
    });
  });

  it('counts the whole year as cost to date once the year is over', async () => {
    const { providerSpend } = await t.ok(QUERY, { p: providerId, y: '2025-26', on: '2026-06-30' });
    // A all year: 183 nights at £700.00 + 182 at £770.00 = (12,810,000 + 14,014,000) / 7 = £38,320.00; B £13,142.86;
    // C was never ended (its planned end passed), so it runs to the end of the year: 121 nights at £420.00 = £7,260.00.
    expect(providerSpend).toMatchObject({ livePlacements: 2, costToDate: '58722.86', committed: '0.00', forecast: '58722.86' });
  });

  it('gives zeros for a provider with nothing in the year', async () => {
    const { providerSpend } = await t.ok(QUERY, { p: providerId, y: '2023-24', on: '2026-01-01' });
    expect(providerSpend).toMatchObject({ costToDate: '0.00', committed: '0.00', forecast: '0.00', invoices: 0, invoiced: '0.00', approved: '0.00', paid: '0.00', disputed: '0.00' });
  });

  it('refuses a year not written like 2025-26, naming the field', async () => {
    const res = await t.gql(QUERY, { p: providerId, y: '2025' });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'financialYear', message: 'must be a financial year written like 2025-26' }] });
  });
});
