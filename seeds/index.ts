/**
 * The seed-data generator: `seedDatabase(url, { shape: 'demo', seed })` generates the shape,
 * checks its invariants, and writes it in ONE transaction on an empty database; then checks
 * in SQL that the stored invoice totals reconcile to what was generated. Used by the CLI
 * (`npm run seed`) and by the server on first start (DEMO_DATA=on).
 */
import { Client } from 'pg';
import { generateDemo, type GeneratedDemo } from './demo';
import { headline, type Headline } from './figures';
import { checkInvariants } from './invariants';
import { insertDataset } from './write';

export { generateDemo } from './demo';
export { checkInvariants, InvariantFailed } from './invariants';
export { headline } from './figures';

export const SHAPES = ['demo'] as const;
export type Shape = (typeof SHAPES)[number];

export interface SeedOptions {
  shape?: Shape;
  seed?: number;
  /** "Today" for the data set; defaults to the current UTC date. Part of the input: same seed and asOf → same bytes. */
  asOf?: string;
  log?: (message: string) => void;
}

export interface SeedResult {
  shape: Shape;
  seed: number;
  asOf: string;
  rows: Record<string, number>;
  headline: Headline;
  generateMs: number;
  writeMs: number;
  totalMs: number;
}

export class DatabaseNotEmpty extends Error {}

export function generate(options: SeedOptions = {}): GeneratedDemo {
  const shape = options.shape ?? 'demo';
  if (shape !== 'demo') throw new Error(`unknown shape "${shape}": known shapes are ${SHAPES.join(', ')}`);
  const demo = generateDemo({ seed: options.seed ?? 1, asOf: options.asOf ?? new Date().toISOString().slice(0, 10) });
  checkInvariants(demo);
  return demo;
}

export async function seedDatabase(databaseUrl: string, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const t0 = Date.now();
  const demo = generate(options);
  const t1 = Date.now();
  log(`generated and checked ${demo.rows.invoice_line.length} invoice lines, ${demo.placements.length} placements in ${t1 - t0} ms`);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT 1 FROM "provider" LIMIT 1) p');
    if (rows[0].n > 0) throw new DatabaseNotEmpty('the database already has providers: seed an empty database (a new DATA_DIR or database)');
    const counts = await insertDataset(client, demo.rows, (table, n) => log(`  ${table}: ${n} rows`));
    await verifyStored(client, demo);
    await client.query('COMMIT');
    const t2 = Date.now();
    return { shape: 'demo', seed: demo.options.seed, asOf: demo.options.asOf, rows: counts, headline: headline(demo), generateMs: t1 - t0, writeMs: t2 - t1, totalMs: t2 - t0 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Reads back what was written: every invoice's lines sum to its generated total, to the penny. */
async function verifyStored(client: Client, demo: GeneratedDemo): Promise<void> {
  const ids = [...demo.invoiceTotals.keys()];
  const { rows } = await client.query<{ id: string; total: string; lines: number }>(
    `SELECT i.id, coalesce(sum(l.amount), 0)::text AS total, count(l.id)::int AS lines
     FROM invoice i LEFT JOIN invoice_line l ON l.invoice_id = i.id WHERE i.id = ANY($1::uuid[]) GROUP BY i.id`,
    [ids],
  );
  const wrong = rows.filter((r) => BigInt(r.total) !== demo.invoiceTotals.get(r.id));
  if (rows.length !== ids.length || wrong.length) {
    throw new Error(`seed invariants failed after writing: ${wrong.length} invoice(s) do not reconcile, ${ids.length - rows.length} missing`);
  }
}
