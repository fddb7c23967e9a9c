/**
 * The placements list's cost totals over the demo data set (its fee histories, services,
 * ended and planned placements): the SQL totals equal the sums of the values the API works
 * out in JavaScript row by row, over every page.
 */
import { formatPence, parsePence } from '../../server/src/common/money';
import { seedDatabase } from '../../seeds/index';
import { startTestApi, TEST_TODAY, type TestApi } from '../support/test-api';

const COSTS = ['costToDate', 'committedCost', 'currentWeeklyCost'] as const;

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ AS_OF: TEST_TODAY });
  await seedDatabase((t.api.db.options as { url: string }).url, { shape: 'demo', seed: 1, asOf: TEST_TODAY });
});
afterAll(() => t.stop());

interface Page {
  totalCount: number;
  nodes: Array<Record<(typeof COSTS)[number], string | null>>;
  totals: Array<{ field: string; sum: string }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every placement the filter matches, page by page, and the totals the API gives with the first page. */
async function everyPlacement(filter: Record<string, unknown>): Promise<{ nodes: Page['nodes']; totals: Page['totals']; totalCount: number }> {
  const nodes: Page['nodes'] = [];
  let after: string | null = null;
  let first: Page | null = null;
  do {
    const data: { placements: Page } = await t.ok(
      `query($f: PlacementFilter, $after: String) { placements(filter: $f, first: 200, after: $after) {
         totalCount nodes { ${COSTS.join(' ')} } totals { field sum } pageInfo { hasNextPage endCursor } } }`,
      { f: filter, after },
    );
    first ??= data.placements;
    nodes.push(...data.placements.nodes);
    after = data.placements.pageInfo.hasNextPage ? data.placements.pageInfo.endCursor : null;
  } while (after);
  return { nodes, totals: first!.totals, totalCount: first!.totalCount };
}

const sumOf = (nodes: Page['nodes'], field: (typeof COSTS)[number]) => nodes.reduce((sum, n) => sum + (n[field] === null ? 0n : parsePence(n[field])!), 0n);

it.each([
  ['every placement', {}],
  ['residential placements (K2)', { placementType: { eq: 'K2' } }],
  ['started since April 2024', { startDate: { gte: '2024-04-01' } }],
])('the cost totals equal the sum of the rows to the penny: %s', async (_name, filter) => {
  const { nodes, totals, totalCount } = await everyPlacement(filter);
  expect(nodes).toHaveLength(totalCount);
  expect(totalCount).toBeGreaterThan(20);
  expect(nodes.some((n) => n.currentWeeklyCost === null)).toBe(true); // ended placements are in the set
  expect(totals).toEqual(COSTS.map((field) => ({ field, sum: formatPence(sumOf(nodes, field)) })));
  for (const { sum } of totals) expect(parsePence(sum)! > 0n).toBe(true);
});
