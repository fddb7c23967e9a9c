import type { EntityManager } from 'typeorm';
import { PLACEMENT_CATEGORY_SQL, Section251Category } from '../../common/codes/section251.code';
import { financialYearRange } from '../../common/financial-year';
import { divideRoundHalfUp, type Pence } from '../../common/money';
import { COST_OF_WINDOWS } from './placement-cost-sql';

export interface PositionLine {
  category: Section251Category | null;
  budget: Pence;
  actual: Pence;
  committed: Pence;
  forecast: Pence;
  variance: Pence;
  /** Hundredths of a percent of the budget; null without a budget. */
  variancePercent: bigint | null;
}

type Sums = Map<string, bigint>;

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
 */
export async function budgetPosition(manager: EntityManager, startYear: number, localityId: string | null, today: string): Promise<PositionLine[]> {
  const { from, to } = financialYearRange(startYear);
  const budget = await sums(
    manager,
    `SELECT "category"::text AS category, sum("amount")::text AS total FROM "budget_line" "b"
     WHERE "financial_year" = $1 AND ($2::uuid IS NULL OR "locality_id" = $2)
       AND ("stage" = 'REVISED' OR NOT EXISTS (
         SELECT 1 FROM "budget_line" "r" WHERE "r"."financial_year" = "b"."financial_year" AND "r"."category" = "b"."category"
           AND "r"."locality_id" IS NOT DISTINCT FROM "b"."locality_id" AND "r"."stage" = 'REVISED'))
     GROUP BY "category"`,
    [startYear, localityId],
  );
  const actual = await sums(
    manager,
    `SELECT ${PLACEMENT_CATEGORY_SQL} AS category, sum("il"."amount")::text AS total
     FROM "invoice_line" "il" JOIN "placement" "p" ON "p"."id" = "il"."placement_id" JOIN "child" "c" ON "c"."id" = "p"."child_id"
     WHERE "il"."status" IN ('APPROVED', 'PAID') AND "il"."from_date" >= $1 AND "il"."from_date" < $2 AND ($3::uuid IS NULL OR "c"."locality_id" = $3)
     GROUP BY 1`,
    [from, to, localityId],
  );
  const committed = await sums(
    manager,
    `WITH win AS (
       SELECT "p"."id", ${PLACEMENT_CATEGORY_SQL} AS category, NULL::text AS bucket,
              greatest($1::date, $2::date, "p"."start_date") AS lo,
              least($3::date, coalesce("p"."end_date", "p"."planned_end_date", $3::date)) AS hi
       FROM "placement" "p" JOIN "child" "c" ON "c"."id" = "p"."child_id"
       WHERE ("p"."end_date" IS NULL OR "p"."end_date" > $1::date) AND ($4::uuid IS NULL OR "c"."locality_id" = $4)),
     ${COST_OF_WINDOWS}
     SELECT category, sum(cost)::text AS total FROM cost GROUP BY category`,
    [today, from, to, localityId],
  );
  const categories = Object.values(Section251Category).filter((c) => budget.has(c) || actual.has(c) || committed.has(c));
  const line = (category: Section251Category | null, b: Pence, a: Pence, c: Pence): PositionLine => {
    const forecast = a + c;
    const variance = forecast - b;
    return { category, budget: b, actual: a, committed: c, forecast, variance, variancePercent: b === 0n ? null : divideRoundHalfUp(variance * 10000n, b) };
  };
  const lines = categories.map((c) => line(c, budget.get(c) ?? 0n, actual.get(c) ?? 0n, committed.get(c) ?? 0n));
  const total = (pick: (l: PositionLine) => Pence) => lines.reduce((s, l) => s + pick(l), 0n);
  return [...lines, line(null, total((l) => l.budget), total((l) => l.actual), total((l) => l.committed))];
}
