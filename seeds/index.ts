/**
 * The seed-data generator: `seedDatabase(url, { shape, seed, asOf, scale })` generates a
 * shape and writes it with COPY in ONE transaction on an empty database, then checks its
 * invariants in SQL on what was written before committing (and rolls back, loudly, when one
 * fails). The demo is also held whole in memory and checked in JavaScript before writing;
 * the large shape streams its invoices a few months at a time. Used by the CLI
 * (`npm run seed`) and by the server on first start (DEMO_DATA=on).
 */
import { Client } from 'pg';
import { materialise, type GeneratedDemo } from './demo';
import { headline, headlineOf, type Headline } from './figures';
import { STREAMED, TABLES, generateShape, type Finished, type Row } from './generator';
import { checkInvariants } from './invariants';
import { DEMO, largeShape, type ShapeParams } from './shapes';
import { refreshSpendSummary } from './server-lib';
import { checkStoredInvariants } from './verify-sql';
import { CopyWriter, type TableStats } from './write';

export { generateDemo } from './demo';
export { checkInvariants, InvariantFailed } from './invariants';
export { headline } from './figures';
export { checkStoredInvariants } from './verify-sql';
export { DEMO, largeShape } from './shapes';

export const SHAPES = ['demo', 'large'] as const;
export type Shape = (typeof SHAPES)[number];

export interface SeedProgress {
  /** Invoice months written so far, of `months`; other tables are reported as they finish. */
  month: number;
  months: number;
  table: string;
  rows: number;
  elapsedMs: number;
}

export interface SeedOptions {
  shape?: Shape;
  seed?: number;
  /** "Today" for the data set; defaults to the current UTC date. Part of the input: same seed and asOf → same bytes. */
  asOf?: string;
  /** For `large` only: the share of its children, providers and officers to generate (0 < scale ≤ 1; default 1). */
  scale?: number;
  log?: (message: string) => void;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedResult {
  shape: Shape;
  seed: number;
  asOf: string;
  scale: number;
  rows: Record<string, number>;
  /** Rows and COPY time per table. */
  tables: Record<string, TableStats>;
  headline: Headline;
  generateMs: number;
  writeMs: number;
  checkMs: number;
  totalMs: number;
}

export class DatabaseNotEmpty extends Error {}

export function shapeParams(shape: Shape, scale?: number): ShapeParams {
  if (shape === 'demo') {
    if (scale !== undefined && scale !== 1) throw new Error('--scale applies to the large shape only');
    return DEMO;
  }
  if (shape === 'large') return largeShape(scale ?? 1);
  throw new Error(`unknown shape "${shape as string}": known shapes are ${SHAPES.join(', ')}`);
}

/** The demo (or any shape) generated whole in memory and checked in JavaScript. */
export function generate(options: SeedOptions = {}): GeneratedDemo {
  const demo = materialise(shapeParams(options.shape ?? 'demo', options.scale), { seed: options.seed ?? 1, asOf: options.asOf ?? today() });
  checkInvariants(demo);
  return demo;
}

const today = () => new Date().toISOString().slice(0, 10);
/** Invoice lines buffered before they are written: a few months of the large shape. */
const FLUSH_LINES = 60_000;

export async function seedDatabase(databaseUrl: string, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const shape = options.shape ?? 'demo';
  const params = shapeParams(shape, options.scale);
  const genOptions = { seed: options.seed ?? 1, asOf: options.asOf ?? today() };
  const t0 = Date.now();
  // the demo is small: held whole and checked in JavaScript first; the large shape streams its invoices
  const whole = shape === 'demo' ? generate({ ...options, shape }) : null;
  const g = whole ? null : generateShape(params, genOptions);
  const core = whole ? whole.rows : g!.rows;
  let generateMs = Date.now() - t0;
  log(`generated ${core.placement.length} placements for ${core.child.length} children in ${generateMs} ms`);

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let checkMs = 0;
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT 1 FROM "provider" LIMIT 1) p');
    if (rows[0].n > 0) throw new DatabaseNotEmpty('the database already has providers: seed an empty database (a new DATA_DIR or database)');
    const writer = new CopyWriter(client);
    const tw = Date.now();
    const progress = (table: string, month: number, months: number) =>
      options.onProgress?.({ table, month, months, rows: writer.stats[table]?.rows ?? 0, elapsedMs: Date.now() - tw });
    for (const table of TABLES) {
      if (STREAMED.includes(table)) continue;
      await writer.copy(table, core[table]);
      progress(table, 0, params.invoiceMonths);
    }

    let invoiceTotals: Map<string, bigint>;
    let tail: { budget_line: Row[]; audit_event: Row[] };
    let finished: Finished | null = null;
    if (whole) {
      await writer.copy('transport_journey', whole.rows.transport_journey);
      await writer.copy('contact_session', whole.rows.contact_session);
      await writer.copy('invoice', whole.rows.invoice);
      await writer.copy('invoice_line', whole.rows.invoice_line);
      progress('invoice_line', params.invoiceMonths, params.invoiceMonths);
      invoiceTotals = whole.invoiceTotals;
      tail = { budget_line: whole.rows.budget_line, audit_event: whole.rows.audit_event };
    } else {
      invoiceTotals = new Map();
      let invoices: Row[] = [];
      let lines: Row[] = [];
      let genMs = 0;
      // journeys a term at a time and sessions a few hundred arrangements at a time, written in batches like the invoice lines
      for (const [table, batches] of [['transport_journey', g!.journeyBatches], ['contact_session', g!.sessionBatches]] as const) {
        let buffer: Row[] = [];
        const it = batches();
        for (;;) {
          const t = Date.now();
          const next = it.next();
          genMs += Date.now() - t;
          if (next.done) break;
          for (const r of next.value) buffer.push(r);
          if (buffer.length >= FLUSH_LINES) {
            await writer.copy(table, buffer);
            buffer = [];
            progress(table, 0, params.invoiceMonths);
          }
        }
        await writer.copy(table, buffer);
        progress(table, 0, params.invoiceMonths);
      }
      const flush = async (month: number, months: number) => {
        await writer.copy('invoice', invoices);
        await writer.copy('invoice_line', lines);
        invoices = [];
        lines = [];
        progress('invoice_line', month, months);
      };
      let month = { month: 0, months: params.invoiceMonths };
      const it = g!.invoiceMonths();
      for (;;) {
        const t = Date.now();
        const next = it.next();
        genMs += Date.now() - t;
        if (next.done) break;
        const batch = next.value;
        month = batch;
        for (const r of batch.invoices) invoices.push(r);
        for (const l of batch.lines) lines.push(l);
        for (const [k, v] of batch.totals) invoiceTotals.set(k, v);
        if (lines.length >= FLUSH_LINES) await flush(month.month, month.months);
      }
      await flush(month.month, month.months);
      const counts = Object.fromEntries(TABLES.filter((t) => t !== 'audit_event' && t !== 'budget_line').map((t) => [t, writer.stats[t]?.rows ?? 0]));
      const t = Date.now();
      finished = g!.finish(counts);
      genMs += Date.now() - t;
      generateMs += genMs;
      tail = finished;
    }
    await writer.copy('budget_line', tail.budget_line);
    await writer.copy('audit_event', tail.audit_event);
    progress('audit_event', params.invoiceMonths, params.invoiceMonths);

    const tc = Date.now();
    const stored = await checkStoredInvariants(client, { invoiceTotals, maxDisputedShare: 0.06, asOf: genOptions.asOf });
    await refreshSpendSummary(async (sql, values) => (await client.query(sql, values)).rows, today());
    if (!whole) await client.query('ANALYZE');
    checkMs = Date.now() - tc;
    await client.query('COMMIT');
    const totalMs = Date.now() - t0;

    const counts = Object.fromEntries(TABLES.map((t) => [t, writer.stats[t]?.rows ?? 0]));
    const head = whole
      ? headline(whole)
      : headlineOf({
          asOf: genOptions.asOf, placements: g!.placements, providers: core.provider.length, settings: core.setting.length,
          budgetLines: tail.budget_line, spend: finished!.spend, forecastThisYear: finished!.forecastThisYear,
          invoices: invoiceTotals.size, invoiceLines: stored.invoiceLines, disputedLines: stored.disputedLines, invoicedTotal: stored.invoicedTotal,
        });
    return {
      shape, seed: genOptions.seed, asOf: genOptions.asOf, scale: params.scale, rows: counts, tables: writer.stats, headline: head,
      generateMs, writeMs: Math.max(0, totalMs - generateMs - checkMs), checkMs, totalMs,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
