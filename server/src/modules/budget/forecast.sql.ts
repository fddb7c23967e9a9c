import { PLACEMENT_CATEGORY_SQL } from '../../common/codes/section251.code';
import { penceMedian } from '../analytics/percentile-sql';
import { budgetInForce, SERVICE_CATEGORY } from './budget-position';
import { committedWindow, costOfWindows } from './placement-cost-sql';
import { lineStatusIn, serviceCharges } from './service-spend-sql';
import { feeInForceJoin, WEEKLY_FEE } from './weekly-cost-sql';

/*
 * The budget forecast in SQL. Parameters: $1 first day of the financial year, $2 the day after
 * its last, $3 asOf, $4 locality (null: all), $5 the what-if's moved placements as JSON
 * [{ placement_id, to_type, to_provider, weekly_fee, from_date }] ('[]' for the base).
 *
 * Placements (real, replacement and projected new starts) are costed by the one cost rule
 * (`costOfWindows`) over cumulative windows: each window from its first committed night to
 * the end of each month, so a month's committed spend is the change in the placement's
 * cost to date, rounded once per month end, and the months add up to the year's committed
 * spend of `budgetPosition` to the penny.
 */

const TEMPORARY = `('T0', 'T1', 'T2', 'T3', 'T4')`;
const committed = committedWindow('$3::date', '$1::date', '$2::date');
const inLocality = `($4::uuid IS NULL OR "c"."locality_id" = $4)`;

/** The months of the year and the trend of new starts. */
const TREND_CTES = `
  month AS (
    SELECT m::date AS lo, (m + interval '1 month')::date AS hi, to_char(m, 'YYYY-MM') AS label, row_number() OVER (ORDER BY m)::int AS n
    FROM generate_series($1::date, $2::date - interval '1 month', interval '1 month') m),
  starts AS (
    SELECT "c"."locality_id", ${PLACEMENT_CATEGORY_SQL} AS category, ${WEEKLY_FEE} AS fee
    FROM "placement" "p" JOIN "child" "c" ON "c"."id" = "p"."child_id" ${feeInForceJoin('"p"."start_date"')}
    WHERE "p"."start_date" >= ($3::date - interval '12 months')::date AND "p"."start_date" < $3::date
      AND "p"."placement_type" NOT IN ${TEMPORARY} AND ${inLocality}
      AND NOT EXISTS (SELECT 1 FROM "placement" "q" WHERE "q"."child_id" = "p"."child_id" AND "q"."id" <> "p"."id"
                      AND "q"."start_date" < "p"."start_date" AND ("q"."end_date" IS NULL OR "q"."end_date" >= "p"."start_date"))),
  trend AS (
    SELECT locality_id, category, count(*)::int AS starts, ${penceMedian('fee')} AS fee
    FROM starts GROUP BY locality_id, category),
  trend_month AS (
    SELECT m::date AS lo, row_number() OVER (ORDER BY m)::int AS k
    FROM generate_series(date_trunc('month', $3::date - 1) + interval '1 month', $2::date - interval '1 month', interval '1 month') m),
  cohort AS (
    SELECT md5(concat_ws(':', 'trend', t.locality_id, t.category, tm.lo))::uuid AS id, t.locality_id, t.category, tm.lo AS start_date, t.fee,
           div(2 * t.starts * tm.k + 12, 24) - div(2 * t.starts * (tm.k - 1) + 12, 24) AS placements
    FROM trend t CROSS JOIN trend_month tm)`;

const FORECAST_CTES = `${TREND_CTES},
  mv AS (SELECT * FROM jsonb_to_recordset($5::jsonb) AS x(placement_id uuid, to_type text, to_provider text, weekly_fee bigint, from_date date)),
  placed AS (
    SELECT "p"."id", "p"."child_id", "p"."placement_type"::text AS placement_type, "p"."provider_code"::text AS provider_code, "c"."uasc",
           "c"."locality_id", ${PLACEMENT_CATEGORY_SQL} AS category, "p"."start_date", "p"."end_date", "p"."planned_end_date",
           "p"."placement_type" NOT IN ${TEMPORARY} AS main, ${committed.where} AS open, mv.from_date AS moved_on,
           ${committed.lo} AS lo, CASE WHEN mv.from_date IS NULL THEN ${committed.hi} ELSE least(${committed.hi}, mv.from_date) END AS hi,
           ${committed.hi} AS planned_hi
    FROM "placement" "p" JOIN "child" "c" ON "c"."id" = "p"."child_id" LEFT JOIN mv ON mv.placement_id = "p"."id"
    WHERE "p"."start_date" < $2::date AND ("p"."end_date" IS NULL OR "p"."end_date" > $1::date) AND ${inLocality}),
  replaced AS (
    SELECT md5('move:' || pl.id)::uuid AS id, pl.child_id, pl.locality_id, ${PLACEMENT_CATEGORY_SQL} AS category,
           mv.from_date AS lo, pl.planned_hi AS hi, mv.weekly_fee AS fee, coalesce(pl.end_date, pl.planned_end_date, 'infinity'::date) AS care_end
    FROM mv JOIN placed pl ON pl.id = mv.placement_id
    CROSS JOIN LATERAL (SELECT mv.to_type AS placement_type, coalesce(mv.to_provider, pl.provider_code) AS provider_code) "p"
    CROSS JOIN LATERAL (SELECT pl.uasc) "c"),
  cw AS (
    SELECT id, locality_id, category, lo, hi, 1 AS placements, 'committed' AS kind FROM placed WHERE open
    UNION ALL SELECT id, locality_id, category, lo, hi, 1, 'committed' FROM replaced
    UNION ALL SELECT id, locality_id, category, greatest(start_date, $1::date), $2::date, placements, 'trend' FROM cohort WHERE placements > 0),
  hypothetical_fee AS (
    SELECT id AS placement_id, fee AS amount, lo AS s, NULL::date AS e FROM replaced
    UNION ALL SELECT id, fee, start_date, NULL FROM cohort),
  win AS (
    SELECT cw.id, cw.category, month.label AS bucket, cw.lo, least(cw.hi, month.hi) AS hi
    FROM cw JOIN month ON month.lo < cw.hi AND month.hi > cw.lo),
  ${costOfWindows({ hypotheticalFees: 'SELECT * FROM hypothetical_fee' })},
  costed AS (
    SELECT cw.locality_id, cw.category, cost.bucket AS month, cw.kind,
           (cost.cost - coalesce(lag(cost.cost) OVER (PARTITION BY cost.id ORDER BY cost.bucket), 0)) * cw.placements AS amount
    FROM cost JOIN cw ON cw.id = cost.id),
  census AS (
    SELECT pl.locality_id, pl.category, month.label AS month, pl.child_id::text AS child
    FROM placed pl JOIN month ON pl.main AND pl.start_date <= month.hi - 1
      AND month.hi - 1 < CASE WHEN month.hi - 1 < $3::date THEN coalesce(pl.end_date, 'infinity'::date)
                              ELSE coalesce(pl.end_date, pl.planned_end_date, 'infinity'::date) END
      AND (pl.moved_on IS NULL OR month.hi - 1 < pl.moved_on)
    UNION ALL
    SELECT r.locality_id, r.category, month.label, r.child_id::text FROM replaced r JOIN month ON r.lo <= month.hi - 1 AND month.hi - 1 < r.care_end),
  facts_core (locality_id, category, month, actual, committed, new_starts, child, weight, starts) AS (
    SELECT "c"."locality_id", ${PLACEMENT_CATEGORY_SQL}, to_char("il"."from_date", 'YYYY-MM'), "il"."amount"::numeric, 0::numeric, 0::numeric, NULL::text, 0, 0
    FROM "invoice_line" "il" JOIN "placement" "p" ON "p"."id" = "il"."placement_id" JOIN "child" "c" ON "c"."id" = "p"."child_id"
    WHERE ${lineStatusIn('approved')} AND "il"."from_date" >= $1::date AND "il"."from_date" < $2::date AND ${inLocality}
    UNION ALL
    SELECT x.locality_id, '${SERVICE_CATEGORY}', to_char(x.day, 'YYYY-MM'), x.amount, 0, 0, NULL, 0, 0
    FROM ${serviceCharges('approved', '"day" >= $1::date AND "day" < $2::date')} x WHERE ($4::uuid IS NULL OR x.locality_id = $4)
    UNION ALL
    SELECT x.locality_id, '${SERVICE_CATEGORY}', to_char(x.day, 'YYYY-MM'), 0, x.amount, 0, NULL, 0, 0
    FROM ${serviceCharges('uninvoiced', '"day" >= $1::date AND "day" < $2::date')} x WHERE ($4::uuid IS NULL OR x.locality_id = $4)
    UNION ALL
    SELECT locality_id, category, month, 0, CASE WHEN kind = 'committed' THEN amount ELSE 0 END, CASE WHEN kind = 'trend' THEN amount ELSE 0 END, NULL, 0, 0 FROM costed
    UNION ALL
    SELECT locality_id, category, month, 0, 0, 0, child, 0, 0 FROM census
    UNION ALL
    SELECT co.locality_id, co.category, month.label, 0, 0, 0, NULL, co.placements,
           CASE WHEN to_char(co.start_date, 'YYYY-MM') = month.label THEN co.placements ELSE 0 END
    FROM cohort co JOIN month ON co.start_date < month.hi WHERE co.placements > 0
    UNION ALL
    SELECT b.locality_id, b.category::text, month.label, 0, 0, 0, NULL, 0, 0 FROM ${budgetInForce('extract(year FROM $1::date)::int', '$4')} b CROSS JOIN month),
  -- the money summed per locality, line and month first (fewer rows to group), the census rows as they are, and
  -- every month for every category with a figure, and for the total, so no month is missing (filler rows: real = 0)
  facts AS (
    SELECT locality_id, category, month, sum(actual) AS actual, sum(committed) AS committed, sum(new_starts) AS new_starts,
           NULL::text AS child, sum(weight) AS weight, sum(starts) AS starts, 1 AS real
    FROM facts_core WHERE child IS NULL GROUP BY locality_id, category, month
    UNION ALL SELECT *, 1 FROM facts_core WHERE child IS NOT NULL
    UNION ALL SELECT NULL, cat.category, month.label, 0, 0, 0, NULL, 0, 0, 0 FROM (SELECT DISTINCT category FROM facts_core) cat CROSS JOIN month
    UNION ALL SELECT NULL, NULL, month.label, 0, 0, 0, NULL, 0, 0, 0 FROM month),
  agg AS (
    SELECT GROUPING(month, category, locality_id) AS g, month, category, locality_id,
           sum(actual) AS actual, sum(committed) AS committed, sum(new_starts) AS new_starts, sum(starts) AS starts,
           count(DISTINCT child) + sum(weight) AS children,
           count(DISTINCT child) FILTER (WHERE month = to_char($2::date - 1, 'YYYY-MM')) + coalesce(sum(weight) FILTER (WHERE month = to_char($2::date - 1, 'YYYY-MM')), 0) AS year_end_children
    FROM facts GROUP BY GROUPING SETS ((month, category), (month), (category), (locality_id, category), (locality_id), ())
    HAVING NOT (GROUPING(month, category, locality_id) IN (1, 4, 5) AND category IS NULL)
       AND NOT (GROUPING(month, category, locality_id) IN (4, 6) AND sum(real) = 0)),
  budget AS (
    SELECT GROUPING(category, locality_id) AS g, category::text AS category, locality_id, sum(amount) AS amount
    FROM ${budgetInForce('extract(year FROM $1::date)::int', '$4')} b GROUP BY GROUPING SETS ((category), (locality_id), ()))`;

/**
 * One row per grouping: g = 1 (month, category), 3 (month, all categories), 4 (locality and
 * category, the whole year: with the trend of new starts behind it, trend_starts and trend_fee),
 * 5 (category, the whole year), 6 (locality, the whole year), 7 (the whole year). Every figure is worked here: forecast, cumulative
 * forecast, budget, budget to date (the budget spread evenly over the months, rounded
 * half-up), variance and the children in care at the month's or the year's end.
 */
export const FORECAST_SQL = `WITH ${FORECAST_CTES}
  SELECT agg.g, agg.month, agg.category, agg.locality_id,
         agg.actual::text AS actual, agg.committed::text AS committed, agg.new_starts::text AS new_starts,
         (agg.actual + agg.committed + agg.new_starts)::text AS forecast,
         sum(agg.actual + agg.committed + agg.new_starts) OVER (PARTITION BY agg.g, agg.category, agg.locality_id ORDER BY agg.month)::text AS cumulative,
         coalesce(b.amount, 0)::text AS budget,
         div(2 * coalesce(b.amount, 0) * coalesce(month.n, 12) + 12, 24)::text AS budget_to_date,
         (sum(agg.actual + agg.committed + agg.new_starts) OVER (PARTITION BY agg.g, agg.category, agg.locality_id ORDER BY agg.month) - coalesce(b.amount, 0))::text AS variance,
         agg.starts::int AS starts, agg.children::int AS children, agg.year_end_children::int AS year_end_children,
         tr.starts AS trend_starts, tr.fee::text AS trend_fee
  FROM agg
  LEFT JOIN trend tr ON agg.g = 4 AND tr.locality_id IS NOT DISTINCT FROM agg.locality_id AND tr.category = agg.category
  LEFT JOIN month ON month.label = agg.month
  LEFT JOIN budget b ON (agg.g IN (1, 5) AND b.g = 1 AND b.category = agg.category) OR (agg.g = 6 AND b.g = 2 AND b.locality_id IS NOT DISTINCT FROM agg.locality_id)
                     OR (agg.g IN (3, 7) AND b.g = 3)
  ORDER BY agg.g, agg.category, agg.locality_id, agg.month`;
