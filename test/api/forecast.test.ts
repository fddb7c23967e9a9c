import { createProvider } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

/*
 * The fixture (financial year 2025-26, forecast taken on asOf = 15 October 2025), one provider:
 *
 * North                                                     South
 *  R0 K2 £3,800 child N3 1 Nov 2024 – 1 May 2025 (ended)     F0 U6 £700 child S3 1 Aug – 1 Oct 2025 (ended)
 *  R1 K2 £4,200 child N1 from 1 Jun 2025, open               F3 U4 £850 child S3 from 1 Oct 2025, open (a move, not a start)
 *  R2 K2 £3,500 child N2 1 Dec 2025, planned end 1 Mar 2026  F1 U4 £815 child S1 from 1 Feb 2025, planned end 15 Feb 2026
 *                                                            F2 U4 £900 child S2 10 – 30 Sep 2025 (ended)
 * Actual: R0's April line, 30 nights × 380000 / 7 = 1628571.43 → 1628571p (approved);
 *         F2's line 10–30 September, 20 nights × 90000 / 7 = 257142.86 → 257143p (approved).
 * Budgets: North residential £200,000 (20000000p), South fostering services £40,000 (4000000p),
 *          authority-wide other looked-after services £5,000 (500000p).
 *
 * Committed from 15 October, each placement rounded at each month end (cumulative) and differenced:
 *  R1 £600 a night exactly: Oct 17 nights 1020000, Nov 1800000, Dec 1860000, Jan 1860000, Feb 1680000, Mar 1860000 = 10080000.
 *  R2 £500 a night: Dec 1550000, Jan 1550000, Feb 1400000 = 4500000 (to its planned end).
 *  F1 to its planned end: to 1 Nov 17 × 81500 / 7 = 197928.57 → 197929; to 1 Dec 47 nights → 547214; to 1 Jan 78 → 908143;
 *     to 1 Feb 109 → 1269071; to 15 Feb 123 → 1432071: Oct 197929, Nov 349285, Dec 360929, Jan 360928, Feb 163000.
 *  F3: 17 → 206429, 47 → 570714, 78 → 947143, 109 → 1323571, 137 → 1663571, 168 → 2040000:
 *     Oct 206429, Nov 364285, Dec 376429, Jan 376428, Feb 340000, Mar 376429.
 *
 * Trend of new starts, 15 October 2024 to 14 October 2025 (children with no placement the night before):
 *  North residential: R0 (£3,800) and R1 (£4,200): 2 starts; median (percentile_cont: the mean of the middle two) £4,000.
 *  South fostering services: F0 £700, F2 £900, F1 £815 (F3 follows F0: a move): 3 starts; median £815.
 *  Projected in the months from November (k = 1) to March (k = 5), round-half-up(n × k / 12) in all:
 *   2 starts: 0.17 → 0, 0.33 → 0, 0.50 → 1 (January), 0.67 → 1, 0.83 → 1: one start on 1 January.
 *   3 starts: 0.25 → 0, 0.50 → 1 (December), 0.75 → 1, 1.00 → 1, 1.25 → 1: one start on 1 December.
 *  North's new start, £4,000 from 1 January: 31 nights × 400000 / 7 = 1771428.57 → 1771429; 59 → 3371428.57 → 3371429;
 *     90 → 5142857.14 → 5142857: Jan 1771429, Feb 1600000, Mar 1771428 = 5142857.
 *  South's, £815 from 1 December: 31 → 360929; 62 → 721857; 90 → 1047857; 121 → 1408786:
 *     Dec 360929, Jan 360928, Feb 326000, Mar 360929 = 1408786.
 */

let t: TestApi;
let north: string;
let south: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApi();
  const { createAuthority: a } = await t.ok('mutation { createAuthority(input: { name: "Forecast Council", onsCode: "E06000058" }) { id } }');
  const locality = async (name: string) => (await t.ok('mutation($i: LocalityCreateInput!) { createLocality(input: $i) { id } }', { i: { authorityId: a.id, name } })).createLocality.id as string;
  north = await locality('North');
  south = await locality('South');
  const provider = await createProvider(t, { legalName: 'Harbour Care Ltd', serviceCategories: ['FOSTERING', 'RESIDENTIAL'] });
  const children: Record<string, string> = {};
  const child = async (ref: string, localityId: string) =>
    (children[ref] ??= (await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', { i: { caseReference: `FC-${ref}`, initials: 'AB', dateOfBirth: '2012-01-01', gender: 'FEMALE', localityId } })).createChild.id);
  const place = async (name: string, ref: string, localityId: string, placementType: string, startDate: string, weeklyFee: string, extra: Record<string, unknown> = {}, end?: string) => {
    const p = (await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id version } }', {
      i: { childId: await child(ref, localityId), providerId: provider.id, placementType, providerCode: 'PR4', startDate, weeklyFee, ...extra },
    })).createPlacement;
    if (end) await t.ok('mutation($id: ID!, $v: Int!, $d: Date!) { endPlacement(id: $id, version: $v, endDate: $d, endReason: E8) { id } }', { id: p.id, v: p.version, d: end });
    ids[name] = p.id;
  };
  await place('R0', 'N3', north, 'K2', '2024-11-01', '3800.00', {}, '2025-05-01');
  await place('R1', 'N1', north, 'K2', '2025-06-01', '4200.00');
  await place('R2', 'N2', north, 'K2', '2025-12-01', '3500.00', { plannedEndDate: '2026-03-01' });
  await place('F0', 'S3', south, 'U6', '2025-08-01', '700.00', {}, '2025-10-01');
  await place('F3', 'S3', south, 'U4', '2025-10-01', '850.00');
  await place('F1', 'S1', south, 'U4', '2025-02-01', '815.00', { plannedEndDate: '2026-02-15' });
  await place('F2', 'S2', south, 'U4', '2025-09-10', '900.00', {}, '2025-09-30');
  const invoice = async (reference: string, placement: string, fromDate: string, toDate: string, amount: string) => {
    const inv = (await t.ok('mutation($i: InvoiceCreateInput!) { createInvoice(input: $i) { id version status } }', {
      i: { providerId: provider.id, reference, periodStart: fromDate, periodEnd: toDate, receivedDate: '2025-10-05', lines: [{ placementId: ids[placement], description: 'Care', fromDate, toDate, amount }] },
    })).createInvoice;
    expect(inv.status).toBe('MATCHED');
    await t.ok('mutation($id: ID!, $v: Int!) { approveInvoice(id: $id, version: $v) { status } }', { id: inv.id, v: inv.version });
  };
  await invoice('R0-APR', 'R0', '2025-04-01', '2025-05-01', '16285.71');
  await invoice('F2-SEP', 'F2', '2025-09-10', '2025-09-30', '2571.43');
  const budget = (category: string, amount: string, localityId: string | null) =>
    t.ok('mutation($c: Section251Category!, $a: Money!, $l: ID) { createBudgetLine(financialYear: "2025-26", category: $c, stage: ORIGINAL, amount: $a, localityId: $l) { id } }', { c: category, a: amount, l: localityId });
  await budget('RESIDENTIAL_CARE', '200000.00', north);
  await budget('FOSTERING_SERVICES', '40000.00', south);
  await budget('OTHER_LOOKED_AFTER', '5000.00', null);
});
afterAll(() => t.stop());

const YEAR = 'actual committed newStarts outturn budget variance projectedStarts childrenInCareAtYearEnd';
const MONTH = 'month actual committed newStarts forecast cumulativeForecast budget budgetToDate projectedStarts childrenInCare';
const FORECAST = `financialYear localityId asOf ${YEAR} months { ${MONTH} } categories { category ${YEAR} months { ${MONTH} } }
  byLocality { localityId ${YEAR} } trend { localityId category startsLast12Months medianWeeklyFee projectedStarts cost }`;
const forecast = async (localityId: string | null = null) =>
  (await t.ok(`query($l: ID) { budgetForecast(financialYear: "2025-26", localityId: $l, asOf: "2025-10-15") { ${FORECAST} } }`, { l: localityId })).budgetForecast;

const pence = (p: number) => (p / 100).toFixed(2); // fixture figures are small integers: exact as doubles
/** The months' column of one figure, April to March, in pence. */
const column = (months: any[], key: string) => months.map((m) => Math.round(Number(m[key]) * 100));

describe('budgetForecast', () => {
  it('gives the year per month: actual, committed to planned ends, the trend of new starts, cumulative, budget and children in care', async () => {
    const f = await forecast();
    expect(f).toMatchObject({ financialYear: '2025-26', localityId: null, asOf: '2025-10-15' });
    expect(f.months.map((m: any) => m.month)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    //                                       Apr      May Jun Jul Aug Sep     Oct      Nov      Dec      Jan      Feb      Mar
    expect(column(f.months, 'actual')).toEqual([1628571, 0, 0, 0, 0, 257143, 0, 0, 0, 0, 0, 0]);
    // Oct 1020000 + 197929 + 206429; Nov 1800000 + 349285 + 364285; Dec 1860000 + 1550000 + 360929 + 376429; …
    expect(column(f.months, 'committed')).toEqual([0, 0, 0, 0, 0, 0, 1424358, 2513570, 4147358, 4147356, 3583000, 2236429]);
    // December South's start; January North's and South's; …
    expect(column(f.months, 'newStarts')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 360929, 2132357, 1926000, 2132357]);
    expect(column(f.months, 'cumulativeForecast')).toEqual([1628571, 1628571, 1628571, 1628571, 1628571, 1885714, 3310072, 5823642, 10331929, 16611642, 22120642, 26489428]);
    expect(f.months.map((m: any) => m.projectedStarts)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
    // Month ends: Apr R0 F1; May F1; Jun–Jul R1 F1; Aug–Sep + F0; Oct–Nov R1 F1 F3; Dec + R2 + South's start;
    // Jan + North's start; Feb F1 gone (planned end 15 Feb); Mar R2 gone (planned end 1 Mar): R1 F3 and the two starts.
    expect(f.months.map((m: any) => m.childrenInCare)).toEqual([2, 1, 2, 2, 3, 3, 3, 3, 5, 6, 5, 4]);
    // Budget £245,000 a year; to date 24500000 × k / 12 half-up: 2041666.67 → 2041667 (April), 12250000 (September), 24500000 (March).
    expect(f.months.every((m: any) => m.budget === '245000.00')).toBe(true);
    expect([f.months[0].budgetToDate, f.months[5].budgetToDate, f.months[11].budgetToDate]).toEqual(['20416.67', '122500.00', '245000.00']);
    // Year: actual 1885714, committed 10080000 + 4500000 + 1432071 + 2040000 = 18052071, new starts 5142857 + 1408786 = 6551643.
    expect(f).toMatchObject({ actual: pence(1885714), committed: pence(18052071), newStarts: pence(6551643), outturn: pence(26489428), budget: '245000.00', variance: pence(1989428), projectedStarts: 2, childrenInCareAtYearEnd: 4 });
  });

  it('gives each Section 251 line and each locality, and the trend behind the new starts', async () => {
    const f = await forecast();
    const line = (category: string) => f.categories.find((c: any) => c.category === category);
    expect(f.categories.map((c: any) => c.category).sort()).toEqual(['FOSTERING_SERVICES', 'OTHER_LOOKED_AFTER', 'RESIDENTIAL_CARE']);
    // Residential: 1628571 + 14580000 + 5142857 = 21351428 against 20000000.
    expect(line('RESIDENTIAL_CARE')).toMatchObject({ actual: pence(1628571), committed: pence(14580000), newStarts: pence(5142857), outturn: pence(21351428), variance: pence(1351428), childrenInCareAtYearEnd: 2 });
    expect(column(line('RESIDENTIAL_CARE').months, 'committed')).toEqual([0, 0, 0, 0, 0, 0, 1020000, 1800000, 3410000, 3410000, 3080000, 1860000]);
    expect(column(line('RESIDENTIAL_CARE').months, 'newStarts')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1771429, 1600000, 1771428]);
    // Fostering services: 257143 + 3472071 + 1408786 = 5138000 against 4000000.
    expect(line('FOSTERING_SERVICES')).toMatchObject({ actual: pence(257143), committed: pence(3472071), newStarts: pence(1408786), outturn: pence(5138000), variance: pence(1138000), childrenInCareAtYearEnd: 2 });
    expect(column(line('FOSTERING_SERVICES').months, 'committed')).toEqual([0, 0, 0, 0, 0, 0, 404358, 713570, 737358, 737356, 503000, 376429]);
    expect(line('OTHER_LOOKED_AFTER')).toMatchObject({ outturn: '0.00', budget: '5000.00', variance: '-5000.00', childrenInCareAtYearEnd: 0 });
    expect(line('OTHER_LOOKED_AFTER').months).toHaveLength(12);

    const byLocality = Object.fromEntries(f.byLocality.map((l: any) => [l.localityId ?? 'none', l]));
    expect(byLocality[north]).toMatchObject({ outturn: pence(21351428), budget: '200000.00', variance: pence(1351428), projectedStarts: 1, childrenInCareAtYearEnd: 2 });
    expect(byLocality[south]).toMatchObject({ outturn: pence(5138000), budget: '40000.00', variance: pence(1138000), projectedStarts: 1, childrenInCareAtYearEnd: 2 });
    expect(byLocality.none).toEqual({ localityId: null, actual: '0.00', committed: '0.00', newStarts: '0.00', outturn: '0.00', budget: '5000.00', variance: '-5000.00', projectedStarts: 0, childrenInCareAtYearEnd: 0 });

    expect(f.trend).toEqual([
      { localityId: south, category: 'FOSTERING_SERVICES', startsLast12Months: 3, medianWeeklyFee: '815.00', projectedStarts: 1, cost: pence(1408786) },
      { localityId: north, category: 'RESIDENTIAL_CARE', startsLast12Months: 2, medianWeeklyFee: '4000.00', projectedStarts: 1, cost: pence(5142857) },
    ]);
  });

  it('agrees with budgetPosition: without the new starts each line’s outturn is its forecast', async () => {
    const f = await forecast();
    const position = (await t.ok('{ budgetPosition(financialYear: "2025-26", asOf: "2025-10-15") { lines { category actual committed } } }')).budgetPosition;
    for (const l of position.lines.filter((x: any) => x.category)) {
      expect(f.categories.find((c: any) => c.category === l.category)).toMatchObject({ actual: l.actual, committed: l.committed });
    }
  });

  it('forecasts one locality: its placements, starts and budget only', async () => {
    const f = await forecast(south);
    expect(f).toMatchObject({ localityId: south, outturn: pence(5138000), budget: '40000.00', variance: pence(1138000), childrenInCareAtYearEnd: 2 });
    expect(f.categories.map((c: any) => c.category)).toEqual(['FOSTERING_SERVICES']);
    expect(f.byLocality.map((l: any) => l.localityId)).toEqual([south]);
    expect(f.months.map((m: any) => m.childrenInCare)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 2, 2]);
  });

  it('is one SQL statement, the what-if three (the pick, then base and scenario), however many placements and months', async () => {
    expect(await t.countStatements(() => forecast())).toBe(1);
    expect(await t.countStatements(() => t.ok(WHAT_IF, { moves: [move(), move({ fromDate: '2026-02-01' })] }))).toBe(3);
  });

  it('refuses a bad year and a bad locality, naming them', async () => {
    const year = await t.gql('{ budgetForecast(financialYear: "2025") { outturn } }');
    expect(year.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'financialYear', message: 'must be a financial year written like 2025-26' }]);
    const locality = await t.gql('{ budgetForecast(financialYear: "2025-26", localityId: "nope") { outturn } }');
    expect(locality.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(locality.body.errors![0].extensions!.fieldErrors[0].field).toBe('localityId');
  });
});

const WHAT_IF = `query($moves: [WhatIfMoveInput!]!, $l: ID) { whatIf(financialYear: "2025-26", localityId: $l, asOf: "2025-10-15", moves: $moves) {
  base { outturn childrenInCareAtYearEnd months { cumulativeForecast } }
  scenario { outturn committed childrenInCareAtYearEnd months { committed cumulativeForecast childrenInCare } categories { category committed outturn childrenInCareAtYearEnd } }
  outturnDifference childrenInCareDifference moves { index placementIds weeklyCostBefore weeklyCostAfter } } }`;
const move = (over: Record<string, unknown> = {}) => ({ from: 'K2', to: 'U4', toProviderCode: 'PR1', count: 1, weeklyFee: '450.00', fromDate: '2026-01-01', ...over });

describe('whatIf', () => {
  it('moves the highest-cost children’s home placement to in-house fostering from 1 January, beside the base', async () => {
    const w = (await t.ok(WHAT_IF, { moves: [move()] })).whatIf;
    // Open K2 placements on 1 January: R1 (£4,200) and R2 (£3,500): R1 moves. Its January to March (1860000 + 1680000 + 1860000
    // = 5400000) goes; in-house fostering at £450 from 1 January: 31 × 45000 / 7 = 199285.71 → 199286; 59 → 379286; 90 → 578571:
    // Jan 199286, Feb 180000, Mar 199285. Outturn 26489428 − 5400000 + 578571 = 21667999: a difference of −4821429.
    expect(w.moves).toEqual([{ index: 0, placementIds: [ids.R1], weeklyCostBefore: '4200.00', weeklyCostAfter: '450.00' }]);
    expect(w.base).toMatchObject({ outturn: pence(26489428), childrenInCareAtYearEnd: 4 });
    expect(w.scenario).toMatchObject({ outturn: pence(21667999), committed: pence(18052071 - 5400000 + 578571), childrenInCareAtYearEnd: 4 });
    expect(column(w.scenario.months, 'committed')).toEqual([0, 0, 0, 0, 0, 0, 1424358, 2513570, 4147358, 4147356 - 1860000 + 199286, 3583000 - 1680000 + 180000, 2236429 - 1860000 + 199285]);
    expect(column(w.scenario.months, 'cumulativeForecast').slice(8)).toEqual([10331929, 16611642 - 1860000 + 199286, 22120642 - 3540000 + 379286, 21667999]);
    expect(w.scenario.months.map((m: any) => m.childrenInCare)).toEqual([2, 1, 2, 2, 3, 3, 3, 3, 5, 6, 5, 4]);
    const line = (category: string) => w.scenario.categories.find((c: any) => c.category === category);
    expect(line('FOSTERING_OWN_CARERS')).toEqual({ category: 'FOSTERING_OWN_CARERS', committed: pence(578571), outturn: pence(578571), childrenInCareAtYearEnd: 1 });
    expect(line('RESIDENTIAL_CARE')).toMatchObject({ committed: pence(14580000 - 5400000), outturn: pence(21351428 - 5400000), childrenInCareAtYearEnd: 1 });
    expect(w).toMatchObject({ outturnDifference: pence(-4821429), childrenInCareDifference: 0 });
  });

  it('takes moves in order, never picking a placement twice, and keeps the old planned end', async () => {
    // The second K2 move, from 1 February at £900 (provider code kept: PR4, fostering services), takes R2: its February
    // (1400000) goes and 28 × 90000 / 7 = 360000 comes, to R2's planned end on 1 March. 21667999 − 1400000 + 360000 = 20627999.
    const w = (await t.ok(WHAT_IF, { moves: [move(), move({ toProviderCode: null, weeklyFee: '900.00', fromDate: '2026-02-01' })] })).whatIf;
    expect(w.moves.map((m: any) => m.placementIds)).toEqual([[ids.R1], [ids.R2]]);
    expect(w).toMatchObject({ scenario: { outturn: pence(20627999) }, outturnDifference: pence(-5861429), childrenInCareDifference: 0 });
    expect(w.scenario.months.map((m: any) => m.childrenInCare)).toEqual([2, 1, 2, 2, 3, 3, 3, 3, 5, 6, 5, 4]);
  });

  it('moves only the locality’s placements when one is given', async () => {
    const none = await t.gql(WHAT_IF, { moves: [move()], l: south });
    expect(none.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'moves.0.count', message: 'only 0 open K2 placement(s) on 2026-01-01 are left to move' }]);
  });

  it.each([
    ['a count below 1', [move({ count: 0 })], [{ field: 'moves.0.count', message: 'must be at least 1' }]],
    ['more than the open placements', [move({ count: 3 })], [{ field: 'moves.0.count', message: 'only 2 open K2 placement(s) on 2026-01-01 are left to move' }]],
    ['more than those left after the moves before', [move(), move({ count: 2 })], [{ field: 'moves.1.count', message: 'only 1 open K2 placement(s) on 2026-01-01 are left to move after the moves before it' }]],
    ['a date after the year', [move({ fromDate: '2026-04-01' })], [{ field: 'moves.0.fromDate', message: 'must be within 2025-26 (2025-04-01 to 2026-03-31)' }]],
    ['a date before asOf', [move({ fromDate: '2025-09-01' })], [{ field: 'moves.0.fromDate', message: 'must not be before asOf (2025-10-15): the forecast changes from asOf on' }]],
    ['a negative fee, and a temporary type', [move({ weeklyFee: '-1.00', to: 'T0' })], [{ field: 'moves.0.to', message: 'must not be a temporary move (T0–T4)' }, { field: 'moves.0.weeklyFee', message: 'must not be negative' }]],
    ['more than 20 moves', Array.from({ length: 21 }, () => move()), [{ field: 'moves', message: 'at most 20 moves' }]],
  ])('refuses %s, naming the field', async (_label, moves, fieldErrors) => {
    const res = await t.gql(WHAT_IF, { moves });
    expect(res.status).toBe(200);
    expect(res.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual(fieldErrors);
  });

  it('is for readers only', async () => {
    const { token } = await t.userWithRole('ANALYST');
    expect((await t.gql(WHAT_IF, { moves: [] }, token)).body.errors).toBeUndefined();
    expect((await t.gql(WHAT_IF, { moves: [] }, null)).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});
