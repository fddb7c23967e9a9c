import { registerCodeEnum } from '../../common/codes/register-code-enum';
import type { EntityManager } from 'typeorm';
import { PLACEMENT_CATEGORY_SQL, Section251Category } from '../../common/codes/section251.code';
import { financialYearRange } from '../../common/financial-year';
import { divideRoundHalfUp, type Pence } from '../../common/money';
import { COST_OF_WINDOWS, committedWindow } from './placement-cost-sql';
import { lineStatusIn, serviceCharges } from './service-spend-sql';

/** Where spend comes from: placements, or the transport and contact around them. */
export enum SpendSource {
  PLACEMENTS = 'PLACEMENTS',
  TRANSPORT = 'TRANSPORT',
  CONTACT = 'CONTACT',
}
registerCodeEnum(SpendSource, 'SpendSource', 'Where spend comes from.', {
  PLACEMENTS: 'Placements: their fee histories and additional services.',
  TRANSPORT: 'Transport journeys (a shared journey split between its children).',
  CONTACT: 'Supervised contact sessions.',
});
export const SPEND_SOURCES = Object.values(SpendSource);

/** Transport and contact fall on this Section 251 line ("other looked-after services"). */
export const SERVICE_CATEGORY = Section251Category.OTHER_LOOKED_AFTER;

export interface SourceSpend {
  source: SpendSource;
  actual: Pence;
  committed: Pence;
}

export interface PositionLine {
  category: Section251Category | null;
  /** Actual and committed by source; they add up to the line's. */
  bySource: SourceSpend[];
  budget: Pence;
  actual: Pence;
  committed: Pence;
  forecast: Pence;
  variance: Pence;
  /** Hundredths of a percent of the budget; null without a budget. */
  variancePercent: bigint | null;
}

type Sums = Map<string, bigint>;

/**
 * The budget lines in force for a financial year (revised where there is one, else original),
 * of one locality or, when the locality parameter is null, all of them (authority-wide lines
 * included): a subquery over "budget_line" with its columns.
 */
export const budgetInForce = (yearParam: string, localityParam: string) => `(
  SELECT * FROM "budget_line" "b"
  WHERE "financial_year" = ${yearParam} AND (${localityParam}::uuid IS NULL OR "locality_id" = ${localityParam})
    AND ("stage" = 'REVISED' OR NOT EXISTS (
      SELECT 1 FROM "budget_line" "r" WHERE "r"."financial_year" = "b"."financial_year" AND "r"."category" = "b"."category"
        AND "r"."locality_id" IS NOT DISTINCT FROM "b"."locality_id" AND "r"."stage" = 'REVISED')))`;

async function sums(manager: EntityManager, sql: string, params: unknown[]): Promise<Sums> {
  const rows: Array<{ category: string; total: string }> = await manager.query(sql, params);
  return new Map(rows.map((r) => [r.category, BigInt(r.total)]));
}

/**
 * Budget against spend for a financial year, per Section 251 line, all in SQL:
 * budget (revised where there is one, else original); actual (invoice lines approved or paid
 * whose first night is in the year); committed (open placements from tonight, or the start
 * of the year, to their end, planned end or the end of the year, each placement rounded
 * once as the rules of arithmetic say); forecast = actual + committed; variance = forecast − budget.
 * Transport and contact add to "other looked-after services": actual from their approved or
 * paid invoice lines by the day of the journey or session, committed from the cost of the
 * year's journeys and sessions not yet on an approved or paid line (planned ones included);
 * a shared journey counts in each child's locality for that child's share.
 */
export async function budgetPosition(manager: EntityManager, startYear: number, localityId: string | null, today: string): Promise<PositionLine[]> {
  const { from, to } = financialYearRange(startYear);
  const budget = await sums(
    manager,
    `SELECT "category"::text AS category, sum("amount")::text AS total FROM ${budgetInForce('$1', '$2')} "b" GROUP BY "category"`,
    [startYear, localityId],
  );
  const remaining = committedWindow('$1::date', '$2::date', '$3::date');
  const actual = await sums(
    manager,
    `SELECT ${PLACEMENT_CATEGORY_SQL} AS category, sum("il"."amount")::text AS total
     FROM "invoice_line" "il" JOIN "placement" "p" ON "p"."id" = "il"."placement_id" JOIN "child" "c" ON "c"."id" = "p"."child_id"
     WHERE ${lineStatusIn('approved')} AND "il"."from_date" >= $1 AND "il"."from_date" < $2 AND ($3::uuid IS NULL OR "c"."locality_id" = $3)
     GROUP BY 1`,
    [from, to, localityId],
  );
  const committed = await sums(
    manager,
    `WITH win AS (
       SELECT "p"."id", ${PLACEMENT_CATEGORY_SQL} AS category, NULL::text AS bucket, ${remaining.lo} AS lo, ${remaining.hi} AS hi
       FROM "placement" "p" JOIN "child" "c" ON "c"."id" = "p"."child_id"
       WHERE ${remaining.where} AND ($4::uuid IS NULL OR "c"."locality_id" = $4)),
     ${COST_OF_WINDOWS}
     SELECT category, sum(cost)::text AS total FROM cost GROUP BY category`,
    [today, from, to, localityId],
  );
  const serviceActual = await sums(
    manager,
    `SELECT source AS category, sum(amount)::text AS total FROM ${serviceCharges('approved', '"day" >= $1 AND "day" < $2')} x
     WHERE ($3::uuid IS NULL OR x.locality_id = $3) GROUP BY source`,
    [from, to, localityId],
  );
  const serviceCommitted = await sums(
    manager,
    `SELECT source AS category, sum(amount)::text AS total FROM ${serviceCharges('uninvoiced', '"day" >= $1 AND "day" < $2')} x
     WHERE ($3::uuid IS NULL OR x.locality_id = $3) GROUP BY source`,
    [from, to, localityId],
  );
  const sourcesOf = (category: Section251Category): SourceSpend[] =>
    SPEND_SOURCES.map((source) =>
      source === SpendSource.PLACEMENTS
        ? { source, actual: actual.get(category) ?? 0n, committed: committed.get(category) ?? 0n }
        : category === SERVICE_CATEGORY
          ? { source, actual: serviceActual.get(source) ?? 0n, committed: serviceCommitted.get(source) ?? 0n }
          : { source, actual: 0n, committed: 0n },
    );
  const hasServices = serviceActual.size > 0 || serviceCommitted.size > 0;
  const categories = Object.values(Section251Category).filter((c) => budget.has(c) || actual.has(c) || committed.has(c) || (c === SERVICE_CATEGORY && hasServices));
  const line = (category: Section251Category | null, b: Pence, bySource: SourceSpend[]): PositionLine => {
    const a = bySource.reduce((s, x) => s + x.actual, 0n);
    const c = bySource.reduce((s, x) => s + x.committed, 0n);
    const forecast = a + c;
    const variance = forecast - b;
    return { category, bySource, budget: b, actual: a, committed: c, forecast, variance, variancePercent: b === 0n ? null : divideRoundHalfUp(variance * 10000n, b) };
  };
  const lines = categories.map((c) => line(c, budget.get(c) ?? 0n, sourcesOf(c)));
  const totalBySource = SPEND_SOURCES.map((source) => {
    const parts = lines.map((l) => l.bySource.find((x) => x.source === source)!);
    return { source, actual: parts.reduce((s, x) => s + x.actual, 0n), committed: parts.reduce((s, x) => s + x.committed, 0n) };
  });
  return [...lines, line(null, lines.reduce((s, l) => s + l.budget, 0n), totalBySource)];
}
