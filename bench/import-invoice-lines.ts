/**
 * How long an import of 10,000 invoice lines takes, end to end over HTTP: parse, check,
 * match against the fee history and write, in one transaction. Target: under 10 seconds.
 *   npm run bench:import
 */
import { benchServer, seconds } from './support';

const PLACEMENTS = 250;
const LINES = 10_000;

async function main(): Promise<void> {
  const server = await benchServer();
  const db = server.api.db;
  // 250 children, each in one residential placement at £4,200.00 a week from 1 April 2024.
  await db.query(`INSERT INTO provider (version, legal_name, provider_code, company_number) VALUES (1, 'Bench Homes Ltd', 'PR4', '09999999')`);
  await db.query(`INSERT INTO child (version, case_reference, initials, date_of_birth, gender) SELECT 1, 'B-' || g, 'BH', '2012-01-01', 'MALE' FROM generate_series(1, ${PLACEMENTS}) g`);
  await db.query(`INSERT INTO placement (version, reference, child_id, provider_id, placement_type, provider_code, start_date)
    SELECT 1, 'BP-' || substr(c.case_reference, 3), c.id, p.id, 'K2', 'PR4', '2024-04-01' FROM child c, provider p`);
  await db.query(`INSERT INTO placement_fee (placement_id, weekly_fee, effective_from) SELECT id, 420000, '2024-04-01' FROM placement`);

  // 40 lines per placement: one a week for 40 weeks, 7 nights at £4,200.00 (every 25th line a penny out).
  const rows = ['supplier,invoice_number,invoice_date,placement_reference,from_date,to_date,nights,amount,description'];
  const day = (n: number) => new Date(Date.UTC(2024, 3, 1) + n * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < LINES; i++) {
    const placement = (i % PLACEMENTS) + 1;
    const week = Math.floor(i / PLACEMENTS);
    const amount = i % 25 === 0 ? '4200.01' : '4200.00';
    rows.push(`09999999,BENCH-${String(week).padStart(3, '0')},${day(week * 7 + 7)},BP-${placement},${day(week * 7)},${day(week * 7 + 7)},7,${amount},Week ${week + 1}`);
  }
  const csv = rows.join('\n');

  const started = process.hrtime.bigint();
  const { importInvoiceLines: result } = await server.gql<{ importInvoiceLines: Record<string, number> }>(
    'mutation($csv: String!) { importInvoiceLines(csv: $csv) { invoices lines matched disputed } }',
    { csv },
  );
  const took = seconds(started);
  console.log(`imported ${result.lines} invoice lines in ${result.invoices} invoices (${result.matched} matched, ${result.disputed} disputed)`);
  console.log(`file ${(csv.length / 1024 / 1024).toFixed(2)} MiB; time ${took.toFixed(2)} s; ${Math.round(result.lines / took)} lines/s (target: 10,000 lines under 10 s)`);
  await server.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
