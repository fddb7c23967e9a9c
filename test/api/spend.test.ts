/**
 * The spend cube on a hand-built council: each figure worked out in the comments, the age band
 * cut at a 16th birthday, every basis, and bad input named by field.
 */
import { createProvider, createSetting, tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
let north: string;
let home: string;
let agency: string;
let resident: string;
let invoice: { id: string; version: number };

const FIGURES = 'amount nights units placements children averageWeeklyCost lowestWeeklyFee highestWeeklyFee';
const spend = async (groupBy: string[], basis: string, filter: Record<string, unknown> | null = null, from = '2026-03-01', to = '2026-03-31') =>
  (
    await t.ok(
      `query($g: [SpendDimension!]!, $b: SpendBasis!, $f: SpendFilter, $from: Date!, $to: Date!) {
         spend(groupBy: $g, basis: $b, filter: $f, from: $from, to: $to) {
           from to basis groupBy
           groups { key { financialYear month week localityId locality { name } placementType providerCode providerId provider { legalName } settingId contractKind category needLevel ageBand legalStatus distance source } ${FIGURES} }
           total { ${FIGURES} } } }`,
      { g: groupBy, b: basis, f: filter, from, to },
    )
  ).spend;

beforeAll(async () => {
  t = await startTestApi();
  const { createAuthority: a } = await t.ok('mutation { createAuthority(input: { name: "Spend Council", onsCode: "E06000099" }) { id } }');
  north = (await t.ok('mutation($i: LocalityCreateInput!) { createLocality(input: $i) { id } }', { i: { authorityId: a.id, name: 'North' } })).createLocality.id;
  home = (await createProvider(t, { legalName: 'Cube Homes Ltd' })).id;
  agency = (await createProvider(t, { legalName: 'Cube Fostering' })).id;
  const setting = await createSetting(t, { providerId: home, name: 'Hilltop', latitude: 50.72, longitude: -1.88 });
  const child = async (caseReference: string, dateOfBirth: string, located: boolean) =>
    (
      await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', {
        i: { caseReference, initials: 'SP', dateOfBirth, gender: 'FEMALE', legalStatus: 'C2', localityId: north, ...(located ? { homeLatitude: 50.72, homeLongitude: -1.88 } : {}) },
      })
    ).createChild.id;
  // A child's home 0 miles from Hilltop, who turns 16 on 10 March 2026.
  resident = await child('SP-1', '2010-03-10', true);
  const k2 = (
    await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id version } }', {
      i: { childId: resident, providerId: home, settingId: setting.id, placementType: 'K2', providerCode: 'PR4', startDate: '2026-03-01', weeklyFee: '3500.00' },
    })
  ).createPlacement;
  // £3,640 a week from 20 March; a weekly £100 of 1:1 support from 15 March; a one-off £250 on 5 March.
  await t.ok('mutation($id: ID!) { changePlacementFee(id: $id, version: 1, input: { weeklyFee: "3640.00", effectiveFrom: "2026-03-20", reason: "Uplift" }) { version } }', { id: k2.id });
  await t.ok('mutation($id: ID!) { addAdditionalService(placementId: $id, version: 2, input: { description: "1:1 support", charge: WEEKLY, amount: "100.00", startDate: "2026-03-15" }) { id } }', { id: k2.id });
  await t.ok('mutation($id: ID!) { addAdditionalService(placementId: $id, version: 3, input: { description: "Bedroom furniture", charge: ONE_OFF, amount: "250.00", startDate: "2026-03-05" }) { id } }', { id: k2.id });
  // An IFA placement of a child with no known home, at £850 a week from 11 March (21 nights in March).
  await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id } }', {
    i: { childId: await child('SP-2', '2019-06-01', false), providerId: agency, placementType: 'U6', providerCode: 'PR4', startDate: '2026-03-11', weeklyFee: '850.00' },
  });
  // The home's March invoice: a line for the K2 placement's 31 nights and a line for damage to a door.
  invoice = (
    await t.ok('mutation($i: InvoiceCreateInput!) { createInvoice(input: $i) { id version } }', {
      i: {
        providerId: home,
        reference: 'CUBE-MAR',
        periodStart: '2026-03-01',
        periodEnd: '2026-03-31',
        receivedDate: '2026-04-03',
        lines: [
          { placementId: k2.id, description: 'March', fromDate: '2026-03-01', toDate: '2026-04-01', amount: '16000.00' },
          { description: 'Damage to a door', amount: '120.00' },
        ],
      },
    })
  ).createInvoice;
});
afterAll(() => t.stop());

describe('the spend cube', () => {
  it('costs the nights of March by the fee history, cut at the 16th birthday', async () => {
    const cube = await spend(['AGE_BAND', 'PLACEMENT_TYPE'], 'EXPECTED');
    expect(cube).toMatchObject({ from: '2026-03-01', to: '2026-03-31', basis: 'EXPECTED', groupBy: ['AGE_BAND', 'PLACEMENT_TYPE'] });
    expect(cube.groups.map((g: any) => [g.key.ageBand, g.key.placementType, g.amount, g.nights, g.placements, g.children, g.averageWeeklyCost, g.lowestWeeklyFee, g.highestWeeklyFee])).toEqual([
      // 1–9 March aged 15: 9 × 3500.00 = 31,500.00 ÷ 7 = 4,500.00, plus the one-off 250.00 on 5 March = 4,750.00; 4,750 × 7 ÷ 9 = 3,694.44.
      ['AGE_10_TO_15', 'K2', '4750.00', 9, 1, 1, '3694.44', '3500.00', '3500.00'],
      // 10–19 March at 3,500 (10 nights) and 20–31 March at 3,640 (12 nights), 1:1 support 15–31 March (17 nights × 100):
      // (35,000 + 43,680 + 1,700) ÷ 7 = 11,482.857… → 11,482.86; × 7 ÷ 22 = 3,653.636… → 3,653.64.
      ['AGE_16_PLUS', 'K2', '11482.86', 22, 1, 1, '3653.64', '3500.00', '3640.00'],
      // The IFA child (aged 6): 21 nights × 850 ÷ 7 = 2,550.00.
      ['AGE_5_TO_9', 'U6', '2550.00', 21, 1, 1, '850.00', '850.00', '850.00'],
    ]);
    // The total is the sum of the groups: 4,750.00 + 11,482.86 + 2,550.00.
    expect(cube.total).toEqual({ amount: '18782.86', nights: 52, units: 0, placements: 2, children: 2, averageWeeklyCost: '2528.46', lowestWeeklyFee: '850.00', highestWeeklyFee: '3640.00' });
  });

  it('rounds once per placement and group: without the age band the K2 month is one line', async () => {
    // (31,500 + 80,380) ÷ 7 = 15,982.857… → 15,982.86, plus 250.00 = 16,232.86; the IFA 2,550.00.
    const cube = await spend(['PROVIDER', 'DISTANCE', 'LOCALITY', 'CATEGORY', 'LEGAL_STATUS'], 'EXPECTED');
    // Groups come in the order of their keys (here the provider's id), so sort by name to compare.
    const rows = cube.groups.map((g: any) => [g.key.provider.legalName, g.key.distance, g.key.locality.name, g.key.category, g.key.legalStatus, g.amount]).sort();
    expect(rows).toEqual([
      ['Cube Fostering', 'NOT_KNOWN', 'North', 'FOSTERING_SERVICES', 'C2', '2550.00'],
      ['Cube Homes Ltd', 'WITHIN_20_MILES', 'North', 'RESIDENTIAL_CARE', 'C2', '16232.86'],
    ]);
    expect(cube.total.amount).toBe('18782.86');
  });

  it('groups by week (ISO weeks by their Monday) and financial year', async () => {
    const cube = await spend(['FINANCIAL_YEAR', 'WEEK'], 'EXPECTED', { placementTypes: ['U6'] });
    // The IFA placement from Wednesday 11 March: 5 nights in the week of 9 March (607.142… → 607.14), 7 in each of the weeks
    // of 16 and 23 March (850.00), 2 in the week of 30 March (30 and 31 March: 242.857… → 242.86).
    expect(cube.groups.map((g: any) => [g.key.financialYear, g.key.week, g.amount, g.nights])).toEqual([
      ['2025-26', '2026-03-09', '607.14', 5],
      ['2025-26', '2026-03-16', '850.00', 7],
      ['2025-26', '2026-03-23', '850.00', 7],
      ['2025-26', '2026-03-30', '242.86', 2],
    ]);
    expect(cube.total).toMatchObject({ amount: '2550.00', nights: 21 });
  });

  it('counts invoice lines on each basis as the invoice moves from received to paid', async () => {
    // Received: the 31 nights at 16,000.00 (disputed: the fee history gives 16,232.86) and the damage line of 120.00 (no source).
    const received = await spend(['SOURCE'], 'INVOICED');
    expect(received.groups.map((g: any) => [g.key.source, g.amount, g.nights, g.placements])).toEqual([
      ['PLACEMENTS', '16000.00', 31, 1],
      [null, '120.00', 0, 0],
    ]);
    expect(received.total.amount).toBe('16120.00');
    expect((await spend([], 'APPROVED')).total.amount).toBe('0.00');
    const approved = (
      await t.ok('mutation($id: ID!, $v: Int!) { approveInvoice(id: $id, version: $v, reason: "Fee change agreed by phone") { version } }', { id: invoice.id, v: invoice.version })
    ).approveInvoice;
    expect((await spend([], 'APPROVED')).total.amount).toBe('16120.00');
    expect((await spend([], 'PAID')).total.amount).toBe('0.00');
    await t.ok('mutation($id: ID!, $v: Int!) { payInvoice(id: $id, version: $v, paidDate: "2026-04-20") { version } }', { id: invoice.id, v: approved.version });
    const paid = await spend(['PROVIDER', 'AGE_BAND'], 'PAID');
    // A placement line counts on its first night (1 March, aged 15) with the fee range of its nights.
    expect(paid.groups.map((g: any) => [g.key.provider.legalName, g.key.ageBand, g.amount, g.lowestWeeklyFee, g.highestWeeklyFee])).toEqual([
      ['Cube Homes Ltd', 'AGE_10_TO_15', '16000.00', '3500.00', '3640.00'],
      ['Cube Homes Ltd', null, '120.00', null, null],
    ]);
    // A filter on a dimension the damage line has no value for leaves it out.
    expect((await spend([], 'PAID', { placementTypes: ['K2'] })).total.amount).toBe('16000.00');
  });

  it('filters by every kind of value, and an empty list keeps nothing', async () => {
    expect((await spend([], 'EXPECTED', { localityIds: [north], distances: ['NOT_KNOWN'] })).total.amount).toBe('2550.00');
    expect((await spend([], 'EXPECTED', { ageBands: ['AGE_16_PLUS'], months: ['2026-03'], financialYears: ['2025-26'] })).total.amount).toBe('11482.86');
    expect((await spend([], 'EXPECTED', { providerIds: [agency], sources: ['PLACEMENTS'], categories: ['FOSTERING_SERVICES'] })).total.amount).toBe('2550.00');
    expect((await spend(['MONTH'], 'EXPECTED', { placementTypes: [] })).groups).toEqual([]);
    expect((await spend([], 'EXPECTED', { sources: ['TRANSPORT', 'CONTACT'] })).total).toMatchObject({ amount: '0.00', nights: 0, units: 0, averageWeeklyCost: null, lowestWeeklyFee: null });
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const before = await tableCounts(t);
    const bad = async (variables: Record<string, unknown>) => {
      const res = await t.gql(
        'query($g: [SpendDimension!]!, $f: SpendFilter, $from: Date!, $to: Date!) { spend(groupBy: $g, basis: EXPECTED, filter: $f, from: $from, to: $to) { total { amount } } }',
        { g: ['MONTH'], f: null, from: '2026-03-01', to: '2026-03-31', ...variables },
      );
      expect(res.status).toBe(200);
      const error = res.body.errors?.[0] as { message: string; extensions: { code: string; fieldErrors?: Array<{ field: string; message: string }> } };
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      return error.extensions.fieldErrors?.[0] ?? { message: error.message };
    };
    expect(await bad({ to: '2026-02-28' })).toEqual({ field: 'to', message: 'must not be before from' });
    expect(await bad({ from: '2006-01-01', to: '2026-01-01' })).toEqual({ field: 'to', message: 'must be less than 20 years after from' });
    expect(await bad({ g: ['MONTH', 'MONTH'] })).toEqual({ field: 'groupBy', message: 'names a dimension more than once' });
    expect(await bad({ f: { financialYears: ['2025-27'] } })).toEqual({ field: 'filter.financialYears.0', message: 'must be a financial year written like 2025-26' });
    expect(await bad({ f: { months: ['2026-13'] } })).toEqual({ field: 'filter.months.0', message: 'must be a month written like 2025-04' });
    expect(await bad({ f: { providerIds: [home, 'not-an-id'] } })).toEqual({ field: 'filter.providerIds.1', message: 'is not a valid id (a UUID)' });
    expect((await bad({ g: ['FORTNIGHT'] })).message).toMatch(/FORTNIGHT/);
    expect(await tableCounts(t)).toEqual(before);
  });
});
