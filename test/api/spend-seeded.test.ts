/**
 * The spend cube over the generated demo data set (fee histories, services, ended and open
 * placements, transport, contact, invoices in every status): for every dimension and basis the
 * total is the sum of the groups to the penny, a filter on a group's value gives that group, and
 * the figures equal the API's other definitions of the same spend (the placement's cost worked
 * out in JavaScript, expectedSpend, budgetPosition).
 */
import { DIMENSION_FIELDS, SpendBasis, SpendDimension } from '../../server/src/modules/analytics/spend/spend-codes';
import { seedDatabase } from '../../seeds/index';
import { startTestApi, type TestApi } from '../support/test-api';

const DIMENSIONS = Object.values(SpendDimension);
const BASES = Object.values(SpendBasis);
const KEY_OF = (dimension: SpendDimension) => DIMENSION_FIELDS[dimension].key;
const FILTER_OF = (dimension: SpendDimension) => DIMENSION_FIELDS[dimension].filter;
const FROM = '2024-04-01';
const TO = '2026-03-31';
const FIGURES = 'amount nights units placements children';

interface Figures { amount: string; nights: number; units: number; placements: number; children: number }
interface Cube { groups: Array<Figures & { key: Record<string, string | null> }>; total: Figures }

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
  // A fixed day for the data set, so the fixed periods below always hold the same records whatever day the suite runs.
  await seedDatabase((t.api.db.options as { url: string }).url, { shape: 'demo', seed: 1, asOf: '2026-11-23' });
}, 120000);
afterAll(() => t.stop());

const pence = (money: string) => BigInt(money.replace('.', ''));
const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

async function spend(groupBy: string[], basis: string, filter: Record<string, unknown> | null = null, from = FROM, to = TO): Promise<Cube> {
  return (
    await t.ok(
      `query($g: [SpendDimension!]!, $b: SpendBasis!, $f: SpendFilter, $from: Date!, $to: Date!) {
         spend(groupBy: $g, basis: $b, filter: $f, from: $from, to: $to) { groups { key { ${DIMENSIONS.map(KEY_OF).join(' ')} } ${FIGURES} } total { ${FIGURES} } } }`,
      { g: groupBy, b: basis, f: filter, from, to },
    )
  ).spend;
}

describe('the spend cube on generated data', () => {
  it.each(BASES)('adds every dimension’s groups up to the total on the %s basis, and a filter on a group gives that group', async (basis) => {
    const whole = await spend([], basis);
    expect(pence(whole.total.amount)).toBeGreaterThan(0n);
    for (const dimension of DIMENSIONS) {
      const cube = await spend([dimension], basis);
      expect({ dimension, amount: sum(cube.groups.map((g) => pence(g.amount))), nights: cube.groups.reduce((n, g) => n + g.nights, 0), units: cube.groups.reduce((n, g) => n + g.units, 0) }).toEqual({
        dimension,
        amount: pence(cube.total.amount),
        nights: cube.total.nights,
        units: cube.total.units,
      });
      // Rounding is once per placement and group of nights: grouping by time or age band may move pennies, nothing else may.
      if (!['FINANCIAL_YEAR', 'MONTH', 'WEEK', 'AGE_BAND'].includes(dimension) || basis !== 'EXPECTED') expect({ dimension, total: cube.total }).toEqual({ dimension, total: whole.total });
      // Counts never move: the total counts each placement and child once, however the groups count them.
      expect({ dimension, placements: cube.total.placements, children: cube.total.children }).toEqual({ dimension, placements: whole.total.placements, children: whole.total.children });
      const largest = [...cube.groups].filter((g) => g.key[KEY_OF(dimension)] !== null).sort((a, b) => (pence(b.amount) > pence(a.amount) ? 1 : -1))[0];
      if (largest) {
        const filtered = await spend([], basis, { [FILTER_OF(dimension)]: [largest.key[KEY_OF(dimension)]] });
        const { key: _key, ...figures } = largest;
        expect({ dimension, figures: filtered.total }).toEqual({ dimension, figures });
      }
    }
  }, 120000);

  it('costs placements exactly as each placement’s own cost worked out in JavaScript', async () => {
    let after: string | null = null;
    const costs: bigint[] = [];
    do {
      const page: any = (
        await t.ok(`query($after: String) { placements(first: 500, after: $after) { nodes { costBetween(from: "${FROM}", to: "2026-04-01") } pageInfo { hasNextPage endCursor } } }`, { after })
      ).placements;
      costs.push(...page.nodes.map((n: { costBetween: string }) => pence(n.costBetween)));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const cube = await spend([], 'EXPECTED', { sources: ['PLACEMENTS'] });
    expect(pence(cube.total.amount)).toBe(sum(costs));
  }, 60000);

  it('gives the months of expectedSpend and the actuals of budgetPosition', async () => {
    const data = await t.ok(`{ expectedSpend(financialYear: "2025-26") { months { month category amount placements } total }
      budgetPosition(financialYear: "2025-26") { lines { category actual } } }`);
    const byMonth = await spend(['MONTH', 'CATEGORY'], 'EXPECTED', { sources: ['PLACEMENTS'] }, '2025-04-01', '2026-03-31');
    expect(byMonth.groups.map((g) => ({ month: g.key.month, category: g.key.category, amount: g.amount, placements: g.placements }))).toEqual(data.expectedSpend.months);
    expect(byMonth.total.amount).toBe(data.expectedSpend.total);
    const actual = await spend(['CATEGORY'], 'APPROVED', null, '2025-04-01', '2026-03-31');
    const lines = data.budgetPosition.lines.filter((l: { actual: string }) => l.actual !== '0.00');
    expect([...actual.groups.map((g) => ({ category: g.key.category, actual: g.amount })), { category: null, actual: actual.total.amount }].sort((a, b) => String(a.category).localeCompare(String(b.category)))).toEqual(
      lines.sort((a: { category: string | null }, b: { category: string | null }) => String(a.category).localeCompare(String(b.category))),
    );
  });

  it('counts transport and contact under other looked-after services, by source', async () => {
    const cube = await spend(['CATEGORY', 'SOURCE'], 'EXPECTED', { sources: ['TRANSPORT', 'CONTACT'] }, '2025-04-01', '2027-03-31');
    expect(cube.groups.map((g) => [g.key.category, g.key.source])).toEqual([
      ['OTHER_LOOKED_AFTER', 'CONTACT'],
      ['OTHER_LOOKED_AFTER', 'TRANSPORT'],
    ]);
    for (const g of cube.groups) {
      expect(g.units).toBeGreaterThan(0);
      expect(g.nights).toBe(0);
      expect(g.placements).toBe(0);
    }
  });
});
