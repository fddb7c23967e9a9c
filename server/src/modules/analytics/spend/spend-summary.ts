import type { BeforeCommit } from '../../../common/before-commit';
import { today } from '../../../common/clock';
import { costOfWindows, roundedWeeklySql } from '../../budget/placement-cost-sql';
import { serviceCharges } from '../../budget/service-spend-sql';
import { ageBandOnSql, ageBandSpansSql } from '../../child/age-band';

/** Runs one SQL statement and gives its rows: a TypeORM manager's or a pg client's, so the seeds can use it too. */
export type RunSql = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** The advisory lock that lets one transaction at a time bring the summary up to date. */
const SUMMARY_LOCK = 7_310_021;

/**
 * The first day after the months the summary holds: 1 April two years after the start of
 * today's financial year, so this year and next are summed, open placements up to then.
 */
export function summaryHorizon(today: string): string {
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '04-01' ? 1 : 0);
  return `${year + 2}-04-01`;
}

/**
 * Each placement's nights per month up to the horizon ($2), costed by the one cost rule per
 * month and age band, for the placements $1: one row a month, and the months a birthday
 * splits between bands also per band.
 */
const PLACEMENT_MONTHS = `
  WITH target AS (
    SELECT "p"."id", "p"."start_date", least(coalesce("p"."end_date", $2::date), $2::date) AS stop, "c"."date_of_birth"
    FROM "placement" "p" JOIN "child" "c" ON "c"."id" = "p"."child_id" WHERE "p"."id" = ANY($1::uuid[])),
  win AS (
    SELECT t.id, NULL::text AS category, concat_ws('|', m.lo, band.name) AS bucket, m.lo AS month, band.name AS age_band,
           greatest(m.lo, t.start_date, band.lo) AS lo, least(m.hi, t.stop, band.hi) AS hi
    FROM target t
    CROSS JOIN LATERAL (SELECT g::date AS lo, (g + interval '1 month')::date AS hi
                        FROM generate_series(date_trunc('month', t.start_date::timestamp), t.stop::timestamp - interval '1 day', interval '1 month') g) m
    CROSS JOIN LATERAL (${ageBandSpansSql('t.date_of_birth')}) band(name, lo, hi)),
  ${costOfWindows()},
  costed AS (
    SELECT win.id, win.month, win.age_band, cost.cost, cost.numerator, cost.one_off, win.hi - win.lo AS nights, cost.min_fee, cost.max_fee, count(*) OVER (PARTITION BY win.id, win.month) AS bands
    FROM cost JOIN win ON win.id = cost.id AND win.bucket = cost.bucket),
  split AS (
    INSERT INTO "placement_cost_month_band" ("placement_id", "month", "age_band", "cost", "numerator", "one_off", "nights", "min_fee", "max_fee")
    SELECT id, month, age_band, cost, numerator, one_off, nights, min_fee, max_fee FROM costed WHERE bands > 1)
  INSERT INTO "placement_cost_month" ("placement_id", "month", "age_band", "cost", "numerator", "one_off", "nights", "min_fee", "max_fee")
  SELECT id, month, CASE WHEN count(*) = 1 THEN min(age_band) END, ${roundedWeeklySql('sum(numerator)')} + sum(one_off), sum(numerator), sum(one_off), sum(nights), min(min_fee), max(max_fee)
  FROM costed GROUP BY id, month`;

/** Each child's share of the journeys of the routes $1 and the sessions of the arrangements $2, at their cost, per month and age band. */
const SERVICE_MONTHS = `
  INSERT INTO "service_cost_month" ("source", "origin_id", "child_id", "month", "age_band", "contract_id", "amount", "units")
  SELECT "x"."source", "x"."origin_id", "x"."child_id", date_trunc('month', "x"."day")::date, ${ageBandOnSql('"c"."date_of_birth"', '"x"."day"')},
         "x"."contract_id", sum("x"."amount"), count(*)
  FROM ${serviceCharges('cost', 'TRUE', { routes: '"j"."route_id" = ANY($1::uuid[])', arrangements: '"s"."arrangement_id" = ANY($2::uuid[])' })} "x"
  JOIN "child" "c" ON "c"."id" = "x"."child_id"
  GROUP BY 1, 2, 3, 4, 5, 6`;

/**
 * Brings the spend summary up to date within the caller's transaction: the placements, routes
 * and arrangements that triggers marked as changed are summed again from their records, and
 * when the horizon has moved on, every placement still open at the old one. Returns the
 * horizon. Every user action calls it before it commits (`spendSummaryBeforeCommit`), so the
 * summary changes in the same transaction as the records; a reader calls it too, for writes
 * made outside a user action. Readers with nothing to refresh share an advisory lock; a
 * refresh holds it alone until its transaction ends, so two refreshes never sum the same rows
 * side by side and each starts from the other's committed records.
 */
export async function refreshSpendSummary(run: RunSql, today: string): Promise<string> {
  const horizon = summaryHorizon(today);
  if (await summaryIsStale(run, horizon)) {
    await sumAgain(run, horizon);
  } else {
    await run('SELECT pg_advisory_xact_lock_shared($1)', [SUMMARY_LOCK]);
  }
  return horizon;
}

/** Sums again what is marked as changed, and what a move of the horizon adds, holding the lock alone. */
async function sumAgain(run: RunSql, horizon: string): Promise<void> {
  await run('SELECT pg_advisory_xact_lock($1)', [SUMMARY_LOCK]);
  const [state] = (await run(`SELECT "horizon"::text AS horizon FROM "spend_summary_state" WHERE "id" = 1`)) as Array<{ horizon: string }>;
  // A SELECT around the DELETE, so every driver hands back its rows (TypeORM gives [rows, count] for a bare DELETE … RETURNING).
  const dirty = (await run(`WITH taken AS (DELETE FROM "spend_dirty" RETURNING "kind", "id") SELECT "kind", "id" FROM taken`)) as Array<{ kind: string; id: string }>;
  const ids = (kind: string) => dirty.filter((d) => d.kind === kind).map((d) => d.id);
  const placements = new Set(ids('PLACEMENT'));
  if (!state || state.horizon < horizon) {
    // Not through spend_dirty: a writer may hold an uncommitted mark on the same row while it waits for this lock.
    const open = (await run(`SELECT "id" FROM "placement" WHERE "end_date" IS NULL OR "end_date" > $1`, [state?.horizon ?? '0001-01-01'])) as Array<{ id: string }>;
    for (const { id } of open) placements.add(id);
    await run(`INSERT INTO "spend_summary_state" ("id", "horizon") VALUES (1, $1) ON CONFLICT ("id") DO UPDATE SET "horizon" = EXCLUDED."horizon"`, [horizon]);
  }
  if (placements.size > 0) {
    for (const table of ['placement_cost_month', 'placement_cost_month_band']) await run(`DELETE FROM "${table}" WHERE "placement_id" = ANY($1::uuid[])`, [[...placements]]);
    await run(PLACEMENT_MONTHS, [[...placements], horizon]);
  }
  const [routes, arrangements] = [ids('ROUTE'), ids('ARRANGEMENT')];
  if (routes.length + arrangements.length > 0) {
    await run(`DELETE FROM "service_cost_month" WHERE ("source" = 'TRANSPORT' AND "origin_id" = ANY($1::uuid[])) OR ("source" = 'CONTACT' AND "origin_id" = ANY($2::uuid[]))`, [routes, arrangements]);
    await run(SERVICE_MONTHS, [routes, arrangements]);
  }
}

/** Whether anything is marked as changed, or the horizon has moved on since the last refresh. */
async function summaryIsStale(run: RunSql, horizon: string): Promise<boolean> {
  const [pending] = (await run(
    `SELECT EXISTS (SELECT 1 FROM "spend_dirty") AS dirty, (SELECT "horizon"::text FROM "spend_summary_state" WHERE "id" = 1) AS horizon`,
  )) as Array<{ dirty: boolean; horizon: string | null }>;
  return pending.dirty || pending.horizon === null || pending.horizon < horizon;
}

/**
 * The summary's part of every user action, run just before it commits: when the action marked
 * spend records as changed, they are summed again in its own transaction. An action that
 * changed no spend record pays one look at `spend_dirty`.
 */
export const spendSummaryBeforeCommit: BeforeCommit = async (tx) => {
  const run: RunSql = (sql, params) => tx.query(sql, params);
  const [pending] = (await run(`SELECT EXISTS (SELECT 1 FROM "spend_dirty") AS dirty`)) as Array<{ dirty: boolean }>;
  if (pending.dirty) await sumAgain(run, summaryHorizon(today()));
};
