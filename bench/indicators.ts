/**
 * How long the DfE indicators take on a seeded data set (warm: each query run twice first).
 *
 *   DATA_DIR=/tmp/large npm run seed -- --shape large --as-of 2026-11-23   # ~95 s, note the admin's password
 *   BENCH_DATA_DIR=/tmp/large BENCH_ADMIN_PASSWORD=… npm run bench:indicators [-- --explain]
 *
 * Prints the median of five runs of each query through GraphQL, and with --explain the plan of the
 * ten-year series (EXPLAIN ANALYZE).
 */
import { createLogger } from '../server/src/common/logger';
import { loadConfig } from '../server/src/config/config';
import { startEmbeddedPostgres } from '../server/src/database/embedded-postgres';
import { careIndicatorsSql } from '../server/src/modules/analytics/indicators.sql';
import { startApi } from '../server/src/server';
import { seconds } from './support';

const QUERIES: Array<[string, string]> = [
  ['careIndicatorSeries, 120 months', '{ careIndicatorSeries(from: "2016-12-01", to: "2026-11-30") { onDate childrenInCare ratePer10000 inHouseFosteringPercent percentOver20Miles threeOrMorePlacementsPercent longTermStabilityPercent byLocality { localityName childrenInCare } } }'],
  ['careIndicators, one date', '{ careIndicators(onDate: "2026-03-31") { childrenInCare percentOver20Miles longTermStabilityPercent byLocality { localityName childrenInCare } } }'],
  ['careFlows, one year', '{ careFlows(from: "2025-04-01", to: "2026-03-31") { childrenStarted childrenCeased placementsStarted childrenDiverted placedPercentOver20Miles byLocality { localityName childrenStarted } } }'],
  ['careTrend, 120 months', '{ careTrend(from: "2016-12-01", to: "2026-11-30") { onDate childrenInCare } }'],
];

async function main(): Promise<void> {
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir) throw new Error('set BENCH_DATA_DIR to a seeded DATA_DIR');
  const logger = createLogger('error');
  const pg = await startEmbeddedPostgres(dataDir, null, logger);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DEMO_DATA: 'off', DATA_DIR: dataDir });
  const api = await startApi(config, logger, pg.url);
  try {
    let token = '';
    const gql = async (query: string) => {
      const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { data: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 2000));
      return body.data;
    };
    const email = process.env.BENCH_ADMIN_EMAIL ?? 'admin@placewise.local';
    token = (await gql(`mutation { login(email: ${JSON.stringify(email)}, password: ${JSON.stringify(process.env.BENCH_ADMIN_PASSWORD ?? '')}) { token } }`)).login.token;
    // The seeded sets record no child populations: give each locality one (a scratch data set), so the rates are worked out.
    const { localities } = await gql('{ localities(first: 100) { nodes { id populations { id } } } }');
    for (const l of localities.nodes.filter((x: { populations: unknown[] }) => x.populations.length === 0)) {
      await gql(`mutation { recordLocalityPopulation(input: { localityId: "${l.id}", effectiveFrom: "2015-01-01", children: 56000, source: "bench" }) { id } }`);
    }
    const [{ n }] = await api.db.query('SELECT count(*)::int AS n FROM "placement"');
    console.log(`${n} placements`);
    for (const [name, query] of QUERIES) {
      await gql(query);
      await gql(query);
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = process.hrtime.bigint();
        await gql(query);
        times.push(seconds(start));
      }
      times.sort((a, b) => a - b);
      console.log(`${name.padEnd(36)} median ${(times[2] * 1000).toFixed(0)} ms (min ${(times[0] * 1000).toFixed(0)}, max ${(times[4] * 1000).toFixed(0)})`);
    }
    if (process.argv.includes('--explain')) {
      const plan: Array<{ 'QUERY PLAN': string }> = await api.db.query(`EXPLAIN (ANALYZE, BUFFERS) ${careIndicatorsSql('months')}`, [null, '2016-12-01', '2026-11-30', 120]);
      console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
    }
  } finally {
    await api.stop();
    await pg.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
