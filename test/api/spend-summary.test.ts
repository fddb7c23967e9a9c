/**
 * The spend summary always equals a recomputation from the records: after each kind of write
 * (fee changes, services, ends, new placements, a child's birthday or case reference moved,
 * journeys and route children changed, sessions added), the cube read through the API (from
 * the summary) equals the same cube worked out from the fee histories, journeys and sessions,
 * and the write itself left nothing for the reader to bring up to date.
 */
import { spendSql } from '../../server/src/modules/analytics/spend/spend-sql';
import { DIMENSION_FIELDS, SpendBasis, SpendDimension } from '../../server/src/modules/analytics/spend/spend-codes';
import { SPEND_DIMENSIONS } from '../../server/src/modules/analytics/spend/spend-dimensions';
import { seedDatabase } from '../../seeds/index';
import { startTestApi, type TestApi } from '../support/test-api';

// By age band the summary reads a month a birthday splits per band; without, each month as one row.
const CUBES = [
  [SpendDimension.MONTH, SpendDimension.SOURCE, SpendDimension.AGE_BAND, SpendDimension.CATEGORY, SpendDimension.LOCALITY],
  [SpendDimension.MONTH, SpendDimension.SOURCE, SpendDimension.CATEGORY, SpendDimension.LOCALITY],
  [SpendDimension.FINANCIAL_YEAR, SpendDimension.AGE_BAND, SpendDimension.PLACEMENT_TYPE],
];
const FROM = '2025-04-01';
const TO = '2027-03-31';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
  // A fixed day for the data set, so the dated changes below always fall inside its records whatever day the suite runs.
  await seedDatabase((t.api.db.options as { url: string }).url, { shape: 'demo', seed: 2, asOf: '2026-11-23' });
}, 120000);
afterAll(() => t.stop());

type Line = Array<string | number | null>;

const money = (pence: string) => {
  const p = BigInt(pence);
  return `${p / 100n}.${String(p % 100n).padStart(2, '0')}`;
};

/** The cube as the API reads it (from the summary, brought up to date first). */
async function fromSummary(groupBy: SpendDimension[]): Promise<Line[]> {
  const keys = groupBy.map((d) => DIMENSION_FIELDS[d].key);
  const { spend } = await t.ok(`{ spend(groupBy: [${groupBy.join(', ')}], from: "${FROM}", to: "${TO}", basis: EXPECTED) {
    groups { key { ${keys.join(' ')} } amount nights units placements children } total { amount nights units placements children } } }`);
  return [
    ...spend.groups.map((g: any) => [...keys.map((k) => g.key[k]), g.amount, String(g.nights), g.units, g.placements, g.children]),
    [...keys.map(() => null), spend.total.amount, String(spend.total.nights), spend.total.units, spend.total.placements, spend.total.children],
  ];
}

/** The same cube worked out from the records, without the summary. */
async function recomputed(groupBy: SpendDimension[]): Promise<Line[]> {
  const { sql, params } = spendSql({ groupBy, filter: new Map(), from: FROM, toExclusive: '2027-04-01', basis: SpendBasis.EXPECTED, summaryHorizon: null, feeRange: false });
  const rows: any[] = await t.api.db.query(sql, params);
  return rows.map((r) => [...groupBy.map((d) => r[SPEND_DIMENSIONS[d].column]), money(r.amount), r.nights, r.units, r.placements, r.children]);
}

/** Nothing left marked as changed: the write brought the summary up to date in its own transaction. */
async function pendingChanges(): Promise<number> {
  const [{ dirty }] = await t.api.db.query(`SELECT count(*)::int AS dirty FROM "spend_dirty"`);
  return dirty;
}

async function expectSummaryToEqualRecomputation(step: string) {
  expect({ step, pending: await pendingChanges() }).toEqual({ step, pending: 0 });
  for (const groupBy of CUBES) {
    const [summary, direct] = [await fromSummary(groupBy), await recomputed(groupBy)];
    expect({ step, groupBy, lines: summary.length > 10, summary }).toEqual({ step, groupBy, lines: true, summary: direct });
  }
}

const first = async (query: string) => (await t.ok(query)) as any;

describe('the spend summary', () => {
  it('equals a recomputation from the records after every kind of write', async () => {
    await expectSummaryToEqualRecomputation('as loaded');
    // The API does read the summary: it holds the loaded months (so a stale row would show as a difference below).
    const [held] = await t.api.db.query(
      `SELECT count(*)::int AS months, (SELECT count(*)::int FROM "placement_cost_month_band") AS split, (SELECT count(*)::int FROM "spend_dirty") AS dirty FROM "placement_cost_month"`,
    );
    expect(held.months).toBeGreaterThan(10000);
    // Some months are split by a birthday, so reading them per band is tried too.
    expect(held.split).toBeGreaterThan(10);
    expect(held.dirty).toBe(0);

    const open = (await first('{ placements(first: 3, filter: { endDate: { isNull: true } }, orderBy: [{ field: startDate, direction: ASC }]) { nodes { id version childId } } }')).placements.nodes;
    const [a, b, c] = open;
    let v = (await t.ok(`mutation { changePlacementFee(id: "${a.id}", version: ${a.version}, input: { weeklyFee: "1234.56", effectiveFrom: "2026-05-17", reason: "Step-up" }) { version } }`)).changePlacementFee.version;
    await expectSummaryToEqualRecomputation('a fee change mid-month');

    await t.ok(`mutation { addAdditionalService(placementId: "${a.id}", version: ${v}, input: { description: "1:1", charge: WEEKLY, amount: "333.33", startDate: "2026-06-03", endDate: "2026-09-09" }) { id } }`);
    v = (await first(`{ placement(id: "${a.id}") { version } }`)).placement.version;
    await t.ok(`mutation { addAdditionalService(placementId: "${a.id}", version: ${v}, input: { description: "Laptop", charge: ONE_OFF, amount: "499.99", startDate: "2026-07-21" }) { id } }`);
    await expectSummaryToEqualRecomputation('weekly and one-off services');

    await t.ok(`mutation { endPlacement(id: "${b.id}", version: ${b.version}, endDate: "2026-08-13", endReason: E4A) { id } }`);
    await expectSummaryToEqualRecomputation('an end');

    const child = (await first(`{ child(id: "${c.childId}") { id version dateOfBirth } }`)).child;
    await t.ok(`mutation { updateChild(id: "${child.id}", version: ${child.version}, input: { dateOfBirth: "2010-11-20" }) { id } }`);
    await expectSummaryToEqualRecomputation('a date of birth that moves an age band');

    const provider = (await first('{ providers(first: 1) { nodes { id } } }')).providers.nodes[0];
    await t.ok(`mutation { createPlacement(input: { childId: "${b.childId}", providerId: "${provider.id}", placementType: K2, providerCode: PR4, startDate: "2026-08-13", weeklyFee: "4321.09" }) { id } }`);
    await expectSummaryToEqualRecomputation('a new placement');

    const route = (await first('{ transportRoutes(first: 1, filter: { contractId: { isNull: false } }) { nodes { id version childIds } } }')).transportRoutes.nodes[0];
    const journey = (await first(`{ transportJourneys(first: 1, filter: { routeId: { eq: "${route.id}" } }) { nodes { id version } } }`)).transportJourneys.nodes[0];
    await t.ok(`mutation { updateTransportJourney(id: "${journey.id}", version: ${journey.version}, input: { miles: "17.30", escort: true }) { id } }`);
    await expectSummaryToEqualRecomputation('a journey changed');

    await t.ok(`mutation { updateTransportRoute(id: "${route.id}", version: ${route.version}, input: { childIds: ["${c.childId}", ${route.childIds.map((id: string) => `"${id}"`).join(', ')}] }) { id } }`);
    await expectSummaryToEqualRecomputation('a child added to a route');

    const sharing = (await first(`{ child(id: "${c.childId}") { id version } }`)).child;
    await t.ok(`mutation { updateChild(id: "${sharing.id}", version: ${sharing.version}, input: { caseReference: "AAA-0001" }) { id } }`);
    await expectSummaryToEqualRecomputation('a case reference that moves the odd pence of shared journeys');

    const arrangement = (await first('{ contactArrangements(first: 1, filter: { contractId: { isNull: false } }) { nodes { id version startDate } } }')).contactArrangements.nodes[0];
    await t.ok(`mutation { addContactSessions(arrangementId: "${arrangement.id}", version: ${arrangement.version}, sessions: [{ date: "2026-10-07", startTime: "10:00", plannedHours: "2.00" }]) { id } }`);
    await expectSummaryToEqualRecomputation('a contact session added');
  }, 120000);

  it('stays exact when officers change fees side by side, on the same and on different placements', async () => {
    const open = (await first('{ placements(first: 6, filter: { endDate: { isNull: true } }, orderBy: [{ field: startDate, direction: ASC }]) { nodes { id version } } }')).placements.nodes;
    const change = (p: { id: string; version: number }, fee: string, from: string) =>
      t.gql(`mutation { changePlacementFee(id: "${p.id}", version: ${p.version}, input: { weeklyFee: "${fee}", effectiveFrom: "${from}", reason: "Uplift" }) { version } }`);
    // Six placements at once, and the first twice with the same version: one of those two is a CONFLICT, nothing else fails.
    const answers = await Promise.all([
      ...open.map((p: { id: string; version: number }, i: number) => change(p, `${1500 + i}.25`, '2026-09-14')),
      change(open[0], '2222.22', '2026-10-05'),
      t.ok('{ spend(groupBy: [MONTH], from: "2026-04-01", to: "2027-03-31", basis: EXPECTED) { total { amount } } }'),
    ]);
    const codes = answers.slice(0, 7).map((a: any) => a.body.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(6);
    expect(codes.filter((c) => c !== 'OK')).toEqual(['CONFLICT']);
    await expectSummaryToEqualRecomputation('six fee changes side by side');
  }, 120000);
});
