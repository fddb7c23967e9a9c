/**
 * The analytics queries' speed on the `large` data set (not a timed test): each query warmed
 * twice, then run BENCH_RUNS times (20) one after another through GraphQL over HTTP; prints the
 * median, p95 and extremes against the target, and writes bench/analytics-results.json.
 *
 *   npm run bench:analytics                        seeds `large` into a scratch PostgreSQL first (~2 min)
 *   BENCH_DATA_DIR=/tmp/large npm run bench:analytics   a DATA_DIR already seeded with `npm run seed -- --shape large`
 *                                                  (BENCH_ADMIN_EMAIL / BENCH_ADMIN_PASSWORD sign in there)
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDatabase } from '../seeds';
import { createLogger } from '../server/src/common/logger';
import { loadConfig } from '../server/src/config/config';
import { startEmbeddedPostgres } from '../server/src/database/embedded-postgres';
import { startApi } from '../server/src/server';
import { seconds } from './support';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const AS_OF = '2026-11-23';

/** Each scenario: its name, the target (ms, median), and the GraphQL document. */
const SCENARIOS: Array<[string, number, string]> = [
  ['spend by month × placement type, one year', 150, '{ spend(groupBy: [MONTH, PLACEMENT_TYPE], from: "2025-04-01", to: "2026-03-31", basis: EXPECTED) { groups { key { month placementType } amount nights placements } total { amount } } }'],
  ['spend by month × placement type, ten years', 400, '{ spend(groupBy: [MONTH, PLACEMENT_TYPE], from: "2016-04-01", to: "2026-03-31", basis: EXPECTED) { groups { key { month placementType } amount nights placements } total { amount } } }'],
  ['spend approved by month × category, one year', 0, '{ spend(groupBy: [MONTH, CATEGORY], from: "2025-04-01", to: "2026-03-31", basis: APPROVED) { groups { key { month category } amount } total { amount } } }'],
  ['indicator series, ten years by month', 1000, '{ careIndicatorSeries(from: "2016-12-01", to: "2026-11-30") { onDate childrenInCare ratePer10000 inHouseFosteringPercent percentOver20Miles threeOrMorePlacementsPercent longTermStabilityPercent byLocality { localityName childrenInCare } } }'],
  ['indicators on a date', 0, '{ careIndicators(onDate: "2026-03-31") { childrenInCare percentOver20Miles longTermStabilityPercent byLocality { localityName childrenInCare } } }'],
  ['care flows, one year', 0, '{ careFlows(from: "2025-04-01", to: "2026-03-31") { childrenStarted childrenCeased placementsStarted childrenDiverted placedPercentOver20Miles } }'],
  ['unit costs', 200, `{ unitCosts(onDate: "${AS_OF}") { byPlacementTypeAndNeed { placementType needLevel placements lowerQuartile median upperQuartile } byOfstedRating { placements median } byProvider { averageWeeklyCost groupMedian percentFromMedian averageCardRate percentFromCard } frameworkPremium { placementType premium } highCostPlacements { weeklyCost cardWeeklyFee } } }`],
];

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

async function main(): Promise<void> {
  const logger = createLogger('error');
  const scratch = process.env.BENCH_DATA_DIR ? null : mkdtempSync(path.join(os.tmpdir(), 'placewise-bench-'));
  if (scratch) chmodSync(scratch, 0o755);
  const dataDir = process.env.BENCH_DATA_DIR ?? scratch!;
  const pg = await startEmbeddedPostgres(dataDir, null, logger);
  const email = scratch ? 'bench@placewise.local' : (process.env.BENCH_ADMIN_EMAIL ?? 'admin@placewise.local');
  const password = scratch ? 'bench-password-123' : (process.env.BENCH_ADMIN_PASSWORD ?? '');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DEMO_DATA: 'off', DATA_DIR: dataDir, ...(scratch ? { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } : {}) });
  const api = await startApi(config, logger, pg.url);
  try {
    if (scratch) {
      const start = process.hrtime.bigint();
      const seeded = await seedDatabase(pg.url, { shape: 'large', seed: 1, asOf: AS_OF });
      console.log(`seeded large: ${Object.values(seeded.rows).reduce((a, b) => a + b, 0)} rows in ${seconds(start).toFixed(1)} s`);
    }
    let token = '';
    const gql = async (query: string) => {
      const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { data: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 2000));
      return body.data;
    };
    token = (await gql(`mutation { login(email: ${JSON.stringify(email)}, password: ${JSON.stringify(password)}) { token } }`)).login.token;
    const [{ placements, lines }] = await api.db.query('SELECT (SELECT count(*)::int FROM "placement") AS placements, (SELECT count(*)::int FROM "invoice_line") AS lines');
    console.log(`${placements} placements, ${lines} invoice lines; ${RUNS} sequential runs each, warm`);
    const results = [];
    for (const [name, target, query] of SCENARIOS) {
      await gql(query);
      await gql(query);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = process.hrtime.bigint();
        await gql(query);
        times.push(seconds(start) * 1000);
      }
      times.sort((a, b) => a - b);
      const [median, p95] = [quantile(times, 0.5), quantile(times, 0.95)];
      results.push({ name, target: target || null, median: Math.round(median), p95: Math.round(p95), min: Math.round(times[0]), max: Math.round(times[times.length - 1]) });
      const verdict = target ? (median <= target ? `meets ${target} ms` : `MISSES ${target} ms`) : '';
      console.log(`${name.padEnd(48)} median ${median.toFixed(0).padStart(5)} ms  p95 ${p95.toFixed(0).padStart(5)} ms  (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)})  ${verdict}`);
    }
    writeFileSync(path.join(__dirname, 'analytics-results.json'), JSON.stringify({ placements, invoiceLines: lines, runs: RUNS, results }, null, 2) + '\n');
  } finally {
    await api.stop();
    await pg.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
