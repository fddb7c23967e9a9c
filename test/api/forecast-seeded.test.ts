/**
 * The budget forecast over the demo data set (fee histories with uplifts, additional services,
 * planned ends, temporary moves, transport and contact, three localities): it agrees with the
 * figures defined elsewhere — budgetPosition's actual, committed and budget per line, the care
 * snapshot's children in care, each placement's own costBetween — and its parts add up.
 */
import { formatPence, parsePence } from '../../server/src/common/money';
import { seedDatabase } from '../../seeds/index';
import { startTestApi, type TestApi } from '../support/test-api';

const AS_OF = '2026-11-20';
const YEAR = '2026-27';

let t: TestApi;
let localities: string[];
beforeAll(async () => {
  t = await startTestApi();
  await seedDatabase((t.api.db.options as { url: string }).url, { shape: 'demo', seed: 1, asOf: AS_OF });
  localities = (await t.ok('{ localities(first: 10) { nodes { id } } }')).localities.nodes.map((l: { id: string }) => l.id);
});
afterAll(() => t.stop());

const FIGURES = 'actual committed newStarts outturn budget variance projectedStarts childrenInCareAtYearEnd';
const FORECAST = `${FIGURES} months { month actual committed newStarts forecast cumulativeForecast childrenInCare projectedStarts }
  categories { category ${FIGURES} } byLocality { localityId ${FIGURES} } trend { projectedStarts cost }`;
const forecastOf = async (localityId: string | null) =>
  (await t.ok(`query($l: ID) { budgetForecast(financialYear: "${YEAR}", localityId: $l, asOf: "${AS_OF}") { ${FORECAST} } }`, { l: localityId })).budgetForecast;
const sum = (values: string[]) => formatPence(values.reduce((s, v) => s + parsePence(v)!, 0n));

describe('budgetForecast on the demo data', () => {
  it.each([[null], [0], [1], [2]])('agrees with budgetPosition line by line, transport and contact included (locality %s)', async (which) => {
    const localityId = which === null ? null : localities[which];
    const f = await forecastOf(localityId);
    const position = (await t.ok(`query($l: ID) { budgetPosition(financialYear: "${YEAR}", localityId: $l, asOf: "${AS_OF}") { lines { category budget actual committed } } }`, { l: localityId }))
      .budgetPosition;
    const lines = position.lines.filter((l: any) => l.category !== null);
    expect(lines.length).toBeGreaterThan(3);
    expect(f.categories.map((c: any) => c.category).sort()).toEqual(lines.map((l: any) => l.category).sort());
    for (const l of lines) expect(f.categories.find((c: any) => c.category === l.category)).toMatchObject({ budget: l.budget, actual: l.actual, committed: l.committed });
    expect(f.categories.find((c: any) => c.category === 'OTHER_LOOKED_AFTER').actual).not.toBe('0.00');
  });

  it('adds up: months to the year, lines and localities to the whole, the trend to the new starts', async () => {
    const f = await forecastOf(null);
    for (const key of ['actual', 'committed', 'newStarts'] as const) expect(sum(f.months.map((m: any) => m[key]))).toBe(f[key]);
    expect(f.months[11].cumulativeForecast).toBe(f.outturn);
    expect(sum(f.categories.map((c: any) => c.outturn))).toBe(f.outturn);
    expect(sum(f.byLocality.map((l: any) => l.outturn))).toBe(f.outturn);
    expect(sum(f.trend.map((x: any) => x.cost))).toBe(f.newStarts);
    expect(f.trend.reduce((s: number, x: any) => s + x.projectedStarts, 0)).toBe(f.projectedStarts);
    expect(f.months.reduce((s: number, m: any) => s + m.projectedStarts, 0)).toBe(f.projectedStarts);
    expect(f.projectedStarts).toBeGreaterThan(0);
    // Each locality's own forecast is its row of the whole (the trend is worked per locality and line).
    for (const id of localities) {
      const own = await forecastOf(id);
      expect(f.byLocality.find((l: any) => l.localityId === id)).toMatchObject({ outturn: own.outturn, newStarts: own.newStarts, childrenInCareAtYearEnd: own.childrenInCareAtYearEnd });
    }
    expect(f.byLocality.reduce((s: number, l: any) => s + l.childrenInCareAtYearEnd, 0)).toBe(f.childrenInCareAtYearEnd);
  });

  it('counts the children in care at each past month end as careSnapshot does', async () => {
    const f = await forecastOf(null);
    // April to October 2026 end before asOf (20 November): as recorded.
    for (const m of f.months.slice(0, 7)) {
      const [y, mo] = m.month.split('-').map(Number);
      const last = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
      const { careSnapshot } = await t.ok('query($d: Date!) { careSnapshot(onDate: $d) { childrenInCare } }', { d: last });
      expect(m.childrenInCare).toBe(careSnapshot.childrenInCare);
    }
  });
});

describe('whatIf on the demo data', () => {
  it('moves the children’s homes with the highest weekly cost, and the difference is their own cost from the move against the new fee', async () => {
    const fromDate = '2027-01-01';
    const { whatIf: w } = await t.ok(
      `query($m: [WhatIfMoveInput!]!) { whatIf(financialYear: "${YEAR}", asOf: "${AS_OF}", moves: $m) { outturnDifference childrenInCareDifference
         base { outturn } scenario { outturn } moves { placementIds weeklyCostBefore weeklyCostAfter } } }`,
      { m: [{ from: 'K2', to: 'U4', toProviderCode: 'PR1', count: 3, weeklyFee: '600.00', fromDate }] },
    );
    // The picked placements are the first three K2s open on the date (any planned end after it) by weekly cost, as highestCostPlacements orders them.
    const { highestCostPlacements } = await t.ok(`{ highestCostPlacements(onDate: "${fromDate}", first: 100) { weeklyCost placement { id placementType plannedEndDate } } }`);
    const k2 = highestCostPlacements.filter((h: any) => h.placement.placementType === 'K2' && (h.placement.plannedEndDate === null || h.placement.plannedEndDate > fromDate)).slice(0, 3);
    expect(w.moves[0].placementIds).toEqual(k2.map((h: any) => h.placement.id));
    expect(w.moves[0]).toMatchObject({ weeklyCostBefore: sum(k2.map((h: any) => h.weeklyCost)), weeklyCostAfter: '1800.00' });
    // Each moved placement loses its cost from the move to its committed end (costBetween from asOf to the end, less to the move:
    // the forecast rounds each placement once over its committed nights) and gains £600 a week over the same nights.
    let expected = 0n;
    for (const id of w.moves[0].placementIds) {
      const { placement: p } = await t.ok('query($id: ID!) { placement(id: $id) { endDate plannedEndDate } }', { id });
      const end = [p.endDate ?? p.plannedEndDate ?? '2027-04-01', '2027-04-01'].sort()[0];
      const cost = async (to: string) => parsePence((await t.ok('query($id: ID!, $f: Date!, $t: Date!) { placement(id: $id) { costBetween(from: $f, to: $t) } }', { id, f: AS_OF, t: to })).placement.costBetween)!;
      const nights = BigInt((Date.parse(end) - Date.parse(fromDate)) / 86_400_000);
      expected += (60000n * nights * 2n + 7n) / 14n - ((await cost(end)) - (await cost(fromDate)));
    }
    expect(w.outturnDifference).toBe(formatPence(expected));
    expect(formatPence(parsePence(w.scenario.outturn)! - parsePence(w.base.outturn)!)).toBe(w.outturnDifference);
    expect(w.childrenInCareDifference).toBe(0);
  });
});
