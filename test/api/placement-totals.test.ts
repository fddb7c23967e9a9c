/**
 * The placements list's totals of its computed money fields (costToDate, committedCost,
 * currentWeeklyCost): summed in SQL, they equal to the penny the sum of the values the API
 * gives row by row, whatever the filter and page.
 */
import { addDays } from '../../server/src/common/dates';
import { formatPence, parsePence } from '../../server/src/common/money';
import { createProvider, createSetting } from '../support/fixtures';
import { startTestApi, TEST_TODAY, type TestApi } from '../support/test-api';

const COSTS = ['costToDate', 'committedCost', 'currentWeeklyCost'] as const;
const today = TEST_TODAY;
const d = (days: number) => addDays(today, days);

let t: TestApi;
let harbour: string;
let cove: string;
const children: string[] = [];

async function place(providerId: string, settingId: string, input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const child = await t.ok<{ createChild: { id: string } }>('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', {
    i: { caseReference: `TOT-${children.length + 1}`, initials: 'TT', dateOfBirth: '2012-05-01', gender: 'FEMALE', legalStatus: 'C2' },
  });
  children.push(child.createChild.id);
  const created = await t.ok<{ createPlacement: { id: string; version: number } }>('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id version } }', {
    i: { childId: child.createChild.id, providerId, settingId, placementType: 'K2', providerCode: 'PR4', ...input },
  });
  return created.createPlacement;
}

async function changeFee(p: { id: string; version: number }, weeklyFee: string, effectiveFrom: string) {
  await t.ok('mutation($id: ID!, $v: Int!, $i: PlacementFeeInput!) { changePlacementFee(id: $id, version: $v, input: $i) { id } }', { id: p.id, v: p.version++, i: { weeklyFee, effectiveFrom } });
}

async function addService(p: { id: string; version: number }, input: Record<string, unknown>) {
  await t.ok('mutation($id: ID!, $v: Int!, $i: AdditionalServiceInput!) { addAdditionalService(placementId: $id, version: $v, input: $i) { id } }', {
    id: p.id,
    v: p.version++,
    i: { description: 'Extra support', ...input },
  });
}

beforeAll(async () => {
  t = await startTestApi({ AS_OF: TEST_TODAY });
  harbour = (await createProvider(t, { legalName: 'Harbour Homes Ltd', serviceCategories: ['RESIDENTIAL'] })).id;
  cove = (await createProvider(t, { legalName: 'Cove Care Ltd', serviceCategories: ['RESIDENTIAL'] })).id;
  const harbourHome = (await createSetting(t, { providerId: harbour, name: 'Harbour House' })).id;
  const coveHome = (await createSetting(t, { providerId: cove, name: 'Cove House' })).id;

  // Open, planned end ahead: fee changed mid-period and again in the future, a weekly service
  // that ends ahead, one-offs before and after today.
  const p1 = await place(harbour, harbourHome, { startDate: d(-100), weeklyFee: '1000.01', plannedEndDate: d(60) });
  await changeFee(p1, '1234.57', d(-40));
  await changeFee(p1, '1500.00', d(15));
  await addService(p1, { charge: 'WEEKLY', amount: '150.33', startDate: d(-30), endDate: d(20) });
  await addService(p1, { charge: 'ONE_OFF', amount: '99.99', startDate: d(-10) });
  await addService(p1, { charge: 'ONE_OFF', amount: '45.00', startDate: d(5) });

  // Ended 90 days ago, after a fee change, with an open-ended weekly service and a one-off
  // dated after the end (it was recorded before the placement was ended earlier).
  const p2 = await place(harbour, harbourHome, { startDate: d(-200), weeklyFee: '2100.00' });
  await changeFee(p2, '2222.22', d(-120));
  await addService(p2, { charge: 'WEEKLY', amount: '70.07', startDate: d(-150) });
  await addService(p2, { charge: 'ONE_OFF', amount: '310.10', startDate: d(-60) });
  await t.ok('mutation($id: ID!, $v: Int!, $e: Date!) { endPlacement(id: $id, version: $v, endDate: $e, endReason: E4A) { id } }', { id: p2.id, v: p2.version, e: d(-90) });

  // Starts in ten days with no planned end: committed to the end of the financial year.
  const p3 = await place(cove, coveHome, { startDate: d(10), weeklyFee: '3000.00' });
  await addService(p3, { charge: 'ONE_OFF', amount: '12.34', startDate: d(12) });

  // A week so far at £700 a week, two weeks to its planned end.
  await place(cove, coveHome, { startDate: d(-7), weeklyFee: '700.00', plannedEndDate: d(14) });

  // Still open past its planned end: nothing committed.
  await place(harbour, harbourHome, { startDate: d(-30), weeklyFee: '999.99', plannedEndDate: d(-5) });

  // Two years in, an open-ended weekly service from before its start.
  const p6 = await place(cove, coveHome, { startDate: d(-730), weeklyFee: '4321.09' });
  await addService(p6, { charge: 'WEEKLY', amount: '12.34', startDate: d(-700) });

  // Ended today: last night counted, nothing running tonight.
  const p7 = await place(cove, coveHome, { startDate: d(-20), weeklyFee: '1111.11' });
  await t.ok('mutation($id: ID!, $v: Int!, $e: Date!) { endPlacement(id: $id, version: $v, endDate: $e, endReason: E4A) { id } }', { id: p7.id, v: p7.version, e: today });
});
afterAll(() => t.stop());

interface Page {
  totalCount: number;
  nodes: Array<Record<(typeof COSTS)[number], string | null>>;
  totals: Array<{ field: string; sum: string }>;
}

async function placements(filter: Record<string, unknown>, first = 500): Promise<Page> {
  const data = await t.ok<{ placements: Page }>(
    `query($f: PlacementFilter, $first: Int) { placements(filter: $f, first: $first) { totalCount nodes { ${COSTS.join(' ')} } totals { field sum } } }`,
    { f: filter, first },
  );
  return data.placements;
}

/** The sums of the values the API gives row by row, as `totals` lists them. */
function rowSums(nodes: Page['nodes']): Array<{ field: string; sum: string }> {
  return COSTS.map((field) => ({ field, sum: formatPence(nodes.reduce((sum, n) => sum + (n[field] === null ? 0n : parsePence(n[field])!), 0n)) }));
}

describe('totals of the computed costs', () => {
  it.each([
    ['no filter', {}, 7],
    ['one provider', () => ({ providerId: { eq: harbour } }), 3],
    ['the other provider', () => ({ providerId: { eq: cove } }), 4],
    ['open tonight', { openOn: today }, 4],
    ['started before a date, or ended', { or: [{ startDate: { lt: d(-50) } }, { endDate: { lte: today } }] }, 4],
  ])('equal the sum of the rows to the penny: %s', async (_name, filter, count) => {
    const all = await placements(typeof filter === 'function' ? filter() : filter);
    expect(all.totalCount).toBe(count);
    expect(all.nodes).toHaveLength(count);
    expect(all.totals).toEqual(rowSums(all.nodes));
    expect(all.totals.every((x) => x.sum !== '0.00')).toBe(true);
    // every matching row counts, not only the page
    const onePage = await placements(typeof filter === 'function' ? filter() : filter, 1);
    expect(onePage.nodes).toHaveLength(1);
    expect(onePage.totals).toEqual(all.totals);
  });

  it('work out each placement by the fee rules: nights × weekly fee / 7, rounded once', async () => {
    // £700 a week: 7 nights so far, 14 to the planned end
    expect((await placements({ childId: { eq: children[3] } })).totals).toEqual([
      { field: 'costToDate', sum: '700.00' },
      { field: 'committedCost', sum: '1400.00' },
      { field: 'currentWeeklyCost', sum: '700.00' },
    ]);
    // 80 nights at £2,100.00, 30 at £2,222.22, 60 of the £70.07 service (it stops at the end):
    // 23,887,080 / 7 = 3,412,440 pence; the £310.10 one-off dated after the end but before today counts
    const ended = await placements({ childId: { eq: children[1] } });
    expect(ended.nodes).toEqual([{ costToDate: '34434.50', committedCost: '0.00', currentWeeklyCost: null }]);
    expect(ended.totals).toEqual([
      { field: 'costToDate', sum: '34434.50' },
      { field: 'committedCost', sum: '0.00' },
      { field: 'currentWeeklyCost', sum: '0.00' },
    ]);
    // starts in ten days: nothing so far, nothing tonight, £12.34 and the nights to 1 April committed
    const future = await placements({ childId: { eq: children[2] } });
    expect(future.nodes[0]).toMatchObject({ costToDate: '0.00', currentWeeklyCost: null });
    expect(future.totals).toEqual([
      { field: 'costToDate', sum: '0.00' },
      { field: 'committedCost', sum: future.nodes[0].committedCost },
      { field: 'currentWeeklyCost', sum: '0.00' },
    ]);
    // a filter that matches nothing totals zero
    expect((await placements({ reference: { eq: 'NONE' } })).totals).toEqual(COSTS.map((field) => ({ field, sum: '0.00' })));
  });

  it('equal the sum of the rows for odd histories written straight into the database (fees before the start or none, services past the end)', async () => {
    // A seeded generator, so a failure can be replayed.
    let state = 20261123;
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    const odd = (await createProvider(t, { legalName: 'Odd Histories Ltd', serviceCategories: ['RESIDENTIAL'] })).id;
    const sql = (text: string, values: unknown[]) => t.api.db.query(text, values);
    for (let i = 0; i < 120; i++) {
      const start = between(-900, 60);
      const [{ id }] = await sql(
        `INSERT INTO placement (version, child_id, provider_id, placement_type, provider_code, start_date, planned_end_date, end_date)
         VALUES (1, $1, $2, 'T1', 'PR4', $3, $4, $5) RETURNING id`,
        [children[0], odd, d(start), random() < 0.5 ? d(start + between(1, 600)) : null, random() < 0.4 ? d(start + between(1, 500)) : null],
      );
      let from = start + between(-30, 10);
      for (let f = random() < 0.05 ? 0 : between(1, 4); f > 0; f--, from += between(1, 200)) {
        await sql('INSERT INTO placement_fee (placement_id, weekly_fee, effective_from) VALUES ($1, $2, $3)', [id, between(10_000, 900_000), d(from)]);
      }
      for (let n = between(0, 3); n > 0; n--) {
        const weekly = random() < 0.6;
        const begins = start + between(-50, weekly ? 400 : 600);
        await sql(
          `INSERT INTO additional_service (version, placement_id, description, charge, amount, start_date, end_date) VALUES (1, $1, 'Odd', $2, $3, $4, $5)`,
          [id, weekly ? 'WEEKLY' : 'ONE_OFF', between(1, 50_000), d(begins), weekly && random() < 0.5 ? d(begins + between(1, 300)) : null],
        );
      }
    }
    for (const filter of [{ providerId: { eq: odd } }, { providerId: { eq: odd }, openOn: today }, { providerId: { eq: odd }, endDate: { lte: today } }]) {
      const all = await placements(filter);
      expect(all.nodes.length).toBeGreaterThan(filter.openOn || filter.endDate ? 10 : 119);
      expect(all.totals).toEqual(rowSums(all.nodes));
      expect(all.totals.every((x) => x.sum !== '0.00') || Boolean(filter.endDate)).toBe(true);
    }
  });

  it.each([1, 3, 7])('take one statement more than the page, whatever its size (first: %i)', async (first) => {
    const query = (totals: string) => `{ placements(first: ${first}) { nodes { id costToDate committedCost currentWeeklyCost } ${totals} } }`;
    const without = await t.countStatements(() => t.ok(query('')));
    const withTotals = await t.countStatements(() => t.ok(query('totals { field sum }')));
    expect(withTotals).toBe(without + 1);
  });
});
