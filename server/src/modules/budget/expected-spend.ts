import type { EntityManager } from 'typeorm';
import { PLACEMENT_CATEGORY_SQL, type Section251Category } from '../../common/codes/section251.code';
import { financialYearRange } from '../../common/financial-year';
import type { Pence } from '../../common/money';
import { COST_OF_WINDOWS } from './placement-cost-sql';

/** One window per placement and month of the year: the nights of the placement in that month. */
const MONTHLY_WINDOWS = `
  month AS (
    SELECT m::date AS lo, (m + interval '1 month')::date AS hi FROM generate_series($1::date, ($2::date - interval '1 month'), interval '1 month') m),
  win AS (
    SELECT "p"."id", ${PLACEMENT_CATEGORY_SQL} AS category, to_char(month.lo, 'YYYY-MM') AS bucket,
           greatest(month.lo, "p"."start_date") AS lo, least(month.hi, coalesce("p"."end_date", month.hi)) AS hi
    FROM "placement" "p" JOIN "child" "c" ON "c"."id" = "p"."child_id"
    JOIN month ON "p"."start_date" < month.hi AND ("p"."end_date" IS NULL OR "p"."end_date" > month.lo)
    WHERE ($3::uuid IS NULL OR "c"."locality_id" = $3))`;

export interface MonthlyCost {
  placementId: string;
  category: Section251Category;
  month: string;
  cost: Pence;
}

/**
 * What each placement costs in each month of a financial year by its fee history: one line
 * per placement and month, rounded once. One statement.
 */
export async function monthlyPlacementCosts(manager: EntityManager, startYear: number, localityId: string | null): Promise<MonthlyCost[]> {
  const { from, to } = financialYearRange(startYear);
  const rows: Array<{ id: string; category: Section251Category; bucket: string; cost: string }> = await manager.query(
    `WITH ${MONTHLY_WINDOWS}, ${COST_OF_WINDOWS} SELECT id, category, bucket, cost::text AS cost FROM cost ORDER BY bucket, id`,
    [from, to, localityId],
  );
  return rows.map((r) => ({ placementId: r.id, category: r.category, month: r.bucket, cost: BigInt(r.cost) }));
}

export interface MonthlySpendRow {
  month: string;
  category: Section251Category;
  amount: Pence;
  placements: number;
}

/**
 * The same lines summed in SQL by month and category, with the year's total (GROUPING SETS),
 * so the months, the categories and the total are sums of the very same placement lines.
 */
export async function monthlySpend(manager: EntityManager, startYear: number, localityId: string | null): Promise<{ months: MonthlySpendRow[]; total: Pence }> {
  const { from, to } = financialYearRange(startYear);
  const rows: Array<{ bucket: string | null; category: Section251Category | null; amount: string; placements: number }> = await manager.query(
    `WITH ${MONTHLY_WINDOWS}, ${COST_OF_WINDOWS}
     SELECT bucket, category, coalesce(sum(cost), 0)::text AS amount, count(*)::int AS placements
     FROM cost GROUP BY GROUPING SETS ((bucket, category), ()) ORDER BY bucket NULLS LAST, category`,
    [from, to, localityId],
  );
  const total = rows.find((r) => r.bucket === null);
  return {
    months: rows.filter((r) => r.bucket !== null).map((r) => ({ month: r.bucket!, category: r.category!, amount: BigInt(r.amount), placements: r.placements })),
    total: BigInt(total?.amount ?? '0'),
  };
}
