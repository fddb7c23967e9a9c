import { createProvider, tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
let provider: { id: string };
let localityId: string;
let ifaPlacement: { id: string };
let ownPlacement: { id: string };
let n = 0;

beforeAll(async () => {
  t = await startTestApi();
  const { createAuthority: a } = await t.ok('mutation { createAuthority(input: { name: "Budget Council", onsCode: "E06000077" }) { id } }');
  localityId = (await t.ok('mutation($i: LocalityCreateInput!) { createLocality(input: $i) { id } }', { i: { authorityId: a.id, name: 'Central' } })).createLocality.id;
  provider = await createProvider(t, { legalName: 'Invoice Fostering Ltd', serviceCategories: ['FOSTERING'] });
  const inHouse = await createProvider(t, { legalName: 'Council Fostering', providerCode: 'PR1', serviceCategories: ['FOSTERING'] });
  const child = async () =>
    (await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', { i: { caseReference: `INV-C${++n}`, initials: 'CD', dateOfBirth: '2015-01-01', gender: 'MALE', localityId } })).createChild;
  const place = async (input: Record<string, unknown>) => (await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id } }', { i: input })).createPlacement;
  // An IFA placement at £815.00 a week, 5 January to 1 April 2026 (86 nights).
  ifaPlacement = await place({ childId: (await child()).id, providerId: provider.id, placementType: 'U4', providerCode: 'PR4', startDate: '2026-01-05', weeklyFee: '815.00' });
  await t.ok('mutation($id: ID!) { endPlacement(id: $id, version: 1, endDate: "2026-04-01", endReason: E4A) { id } }', { id: ifaPlacement.id });
  // An in-house placement at £450.00 a week from 1 March 2026, still open.
  ownPlacement = await place({ childId: (await child()).id, providerId: inHouse.id, placementType: 'U4', providerCode: 'PR1', startDate: '2026-03-01', weeklyFee: '450.00' });
});
afterAll(() => t.stop());

const CREATE = `mutation($i: InvoiceCreateInput!) { createInvoice(input: $i) { id version status lines { lineNumber nights amount expectedAmount difference status } total } }`;
/** Lines name their placement as 'IFA' or 'OWN' (the tables below are built before the placements exist). */
const invoice = (reference: string, lines: Array<Record<string, unknown>>) => {
  const ids: Record<string, string> = { IFA: ifaPlacement.id, OWN: ownPlacement.id };
  const resolved = lines.map((l) => (typeof l.placementId === 'string' && ids[l.placementId] ? { ...l, placementId: ids[l.placementId] } : l));
  return t.gql(CREATE, { i: { providerId: provider.id, reference, periodStart: '2026-01-01', periodEnd: '2026-03-31', receivedDate: '2026-04-05', lines: resolved } });
};
const nights = (fromDate: string, toDate: string, amount: string, over: Record<string, unknown> = {}) => ({
  placementId: 'IFA',
  description: `Care ${fromDate} to ${toDate}`,
  fromDate,
  toDate,
  amount,
  ...over,
});

describe('invoice matching', () => {
  let january: any;
  let february: any;
  let march: any;

  it('matches a line equal to the fee history', async () => {
    // 5 January to 1 February: 27 nights × 81500 / 7 = 314357.14… → 314357p.
    january = (await invoice('INV-JAN', [nights('2026-01-05', '2026-02-01', '3143.57')])).body.data!.createInvoice;
    expect(january).toMatchObject({ status: 'MATCHED', total: '3143.57' });
    expect(january.lines).toEqual([{ lineNumber: 1, nights: 27, amount: '3143.57', expectedAmount: '3143.57', difference: '0.00', status: 'MATCHED' }]);
  });

  it('disputes a one-penny overcharge', async () => {
    // February: 28 nights × 81500 / 7 = 326000p; invoiced £3,260.01.
    february = (await invoice('INV-FEB', [nights('2026-02-01', '2026-03-01', '3260.01')])).body.data!.createInvoice;
    expect(february.status).toBe('DISPUTED');
    expect(february.lines[0]).toMatchObject({ expectedAmount: '3260.00', difference: '0.01', status: 'DISPUTED' });
  });

  it('disputes a missed night', async () => {
    // March: 31 nights × 81500 / 7 = 360928.57… → 360929p; the provider charged 30 nights (349286p): −£116.43.
    march = (await invoice('INV-MAR', [nights('2026-03-01', '2026-04-01', '3492.86'), { description: 'Damage to a door', amount: '120.00' }])).body.data!.createInvoice;
    expect(march.lines).toEqual([
      { lineNumber: 1, nights: 31, amount: '3492.86', expectedAmount: '3609.29', difference: '-116.43', status: 'DISPUTED' },
      { lineNumber: 2, nights: null, amount: '120.00', expectedAmount: null, difference: null, status: 'DISPUTED' },
    ]);
    expect(march.total).toBe('3612.86');
  });

  it.each([
    ['nights outside the placement', [nights('2026-03-20', '2026-04-03', '10.00')], 'lines.0.fromDate', 'nights outside the placement (2026-01-05 to 2026-04-01)'],
    ['negative nights', [nights('2026-02-10', '2026-02-01', '10.00')], 'lines.0.toDate', 'must not be before fromDate'],
    ['stated nights that disagree with the dates', [nights('2026-02-01', '2026-02-08', '815.00', { nights: 8 })], 'lines.0.nights', 'says 8 but 2026-02-01 to 2026-02-08 is 7 nights'],
    ['a placement that does not exist', [nights('2026-02-01', '2026-02-08', '815.00', { placementId: '00000000-0000-4000-8000-000000000000' })], 'lines.0.placementId', 'no placement has this id'],
    ['a placement with another provider', [nights('2026-03-02', '2026-03-09', '450.00', { placementId: 'OWN' })], 'lines.0.placementId', 'is a placement with another provider'],
  ])('refuses %s, naming the line, writing nothing', async (_label, lines, field, message) => {
    const before = await tableCounts(t);
    const res = await invoice(`BAD-${++n}`, lines);
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([{ field, message }]);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('refuses a duplicate invoice reference from the same provider, and amounts with three decimals', async () => {
    const dup = await invoice('INV-JAN', [nights('2026-01-05', '2026-02-01', '3143.57')]);
    expect(dup.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'reference', message: 'this provider already sent an invoice with this reference' }]);
    const decimals = await invoice('INV-DEC', [nights('2026-01-05', '2026-02-01', '3143.575')]);
    expect(decimals.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('approves (a disputed invoice only with a reason) and pays in one transaction', async () => {
    const noReason = await t.gql('mutation($id: ID!, $v: Int!) { approveInvoice(id: $id, version: $v) { status } }', { id: february.id, v: february.version });
    expect(noReason.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'reason', message: '1 line(s) are disputed (1): record why the invoice is approved anyway' }]);
    const approved = (await t.ok('mutation($id: ID!, $v: Int!) { approveInvoice(id: $id, version: $v, reason: "Penny rounding accepted") { status version lines { status } } }', { id: february.id, v: february.version }))
      .approveInvoice;
    expect(approved).toMatchObject({ status: 'APPROVED', lines: [{ status: 'APPROVED' }] });
    const jan = (await t.ok('mutation($id: ID!, $v: Int!) { approveInvoice(id: $id, version: $v) { version } }', { id: january.id, v: january.version })).approveInvoice;
    const paid = (await t.ok('mutation($id: ID!, $v: Int!) { payInvoice(id: $id, version: $v, paidDate: "2026-04-20") { status paidDate lines { status } } }', { id: january.id, v: jan.version })).payInvoice;
    expect(paid).toEqual({ status: 'PAID', paidDate: '2026-04-20', lines: [{ status: 'PAID' }] });
  });

  it('lets exactly one of two concurrent approvals of the same invoice win', async () => {
    const res = await invoice('INV-RACE', [nights('2026-01-05', '2026-01-12', '815.00')]);
    const inv = res.body.data!.createInvoice;
    const results = await Promise.all([1, 2].map(() => t.gql('mutation($id: ID!, $v: Int!) { approveInvoice(id: $id, version: $v) { status } }', { id: inv.id, v: inv.version })));
    expect(results.filter((r) => !r.body.errors)).toHaveLength(1);
    expect(results.filter((r) => r.body.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(1);
  });

  it('gives the spend of a placement: expected, invoiced, paid, approved, disputed and the variance', async () => {
    // Expected over the whole placement: 86 nights × 81500 / 7 = 1001285.71… → 1001286p.
    // Invoiced: 314357 (paid) + 326001 (approved) + 349286 (disputed) + 81500 (race, approved) = 1071144p.
    const spend = (await t.ok('query($id: ID!) { placementSpend(placementId: $id, asOf: "2026-06-30") { expected invoiced paid approved disputed variance } }', { id: ifaPlacement.id }))
      .placementSpend;
    expect(spend).toEqual({ expected: '10012.86', invoiced: '10711.44', paid: '3143.57', approved: '4075.01', disputed: '3492.86', variance: '698.58' });
  });
});

describe('budget position', () => {
  it('compares budget with actual, committed and forecast per Section 251 line, exactly', async () => {
    const budget = (category: string, stage: string, amount: string) =>
      t.ok('mutation($c: Section251Category!, $s: BudgetStage!, $a: Money!, $l: ID) { createBudgetLine(financialYear: "2025-26", category: $c, stage: $s, amount: $a, localityId: $l) { id } }', {
        c: category,
        s: stage,
        a: amount,
        l: localityId,
      });
    await budget('FOSTERING_SERVICES', 'ORIGINAL', '50000.00');
    await budget('FOSTERING_SERVICES', 'REVISED', '40000.00');
    const dup = await t.gql('mutation { createBudgetLine(financialYear: "2025-26", category: FOSTERING_SERVICES, stage: ORIGINAL, amount: "1.00") { id } }');
    expect(dup.body.errors).toBeUndefined(); // authority-wide, a different line from the locality's
    const again = await t.gql('mutation { createBudgetLine(financialYear: "2025-26", category: FOSTERING_SERVICES, stage: ORIGINAL, amount: "2.00") { id } }');
    expect(again.body.errors![0].extensions!.fieldErrors[0].field).toBe('stage');

    const position = (await t.ok('query($l: ID) { budgetPosition(financialYear: "2025-26", localityId: $l, asOf: "2026-03-11") { financialYear lines { category budget actual committed forecast variance variancePercent } } }', { l: localityId }))
      .budgetPosition;
    // Fostering services (the IFA): budget £40,000.00 (revised). Actual = approved or paid lines for nights from the year:
    // 314357 + 326001 + 81500 = 721858p. Committed from 11 March to its end on 1 April: 21 nights × 81500 / 7 = 244500p.
    // Forecast 966358p; variance 966358 − 4000000 = −3033642p; −3033642 / 4000000 = −75.8410…% → −75.84.
    // In-house fostering: no budget; committed 11 March to 1 April (year end): 21 × 45000 / 7 = 135000p.
    expect(position).toEqual({
      financialYear: '2025-26',
      lines: [
        { category: 'FOSTERING_OWN_CARERS', budget: '0.00', actual: '0.00', committed: '1350.00', forecast: '1350.00', variance: '1350.00', variancePercent: null },
        { category: 'FOSTERING_SERVICES', budget: '40000.00', actual: '7218.58', committed: '2445.00', forecast: '9663.58', variance: '-30336.42', variancePercent: '-75.84' },
        { category: null, budget: '40000.00', actual: '7218.58', committed: '3795.00', forecast: '11013.58', variance: '-28986.42', variancePercent: '-72.47' },
      ],
    });
    const bad = await t.gql('{ budgetPosition(financialYear: "2025-27") { financialYear } }');
    expect(bad.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'financialYear', message: 'must be a financial year written like 2025-26' }]);
  });

  it('agrees with each placement’s own committed cost', async () => {
    // The SQL of the budget position and the placement's cost arithmetic must give the same pence.
    const position = (await t.ok('{ budgetPosition(financialYear: "2026-27", asOf: "2026-06-15") { lines { category committed } } }')).budgetPosition;
    // 15 June 2026 to 1 April 2027 = 290 nights × 45000 / 7 = 1864285.71… → 1864286p.
    expect(position.lines.find((l: any) => l.category === 'FOSTERING_OWN_CARERS').committed).toBe('18642.86');
  });
});
