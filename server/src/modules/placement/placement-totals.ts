import { today } from '../../common/clock';
import type { ComputedTotals } from '../../common/pagination/find-connection';
import { costOfWindows } from '../budget/placement-cost-sql';
import { runningOn, WEEKLY_COST, weeklyCostJoins } from '../budget/weekly-cost-sql';
import { endOfFinancialYearExclusive } from './placement-cost';

/**
 * The placements list's totals of its computed money fields, in SQL over every placement the
 * filter matches: to the penny what the field resolvers give row by row (placement-cost.ts)
 * for the same "today", each placement's cost rounded once before it is summed.
 * - costToDate: `costBetween(start, today)` — nights up to last night or the end, one-offs
 *   dated before today (even after the end);
 * - committedCost: `costBetween(max(today, start), end ?? planned end ?? end of the financial year)`;
 * - currentWeeklyCost: the fee in force tonight plus tonight's weekly services, over the
 *   placements running tonight that have a fee by then (the others show none).
 */
export const placementCostTotals: ComputedTotals = (param) => {
  const day = today();
  const night = `${param(day)}::date`;
  const until = `coalesce("p"."end_date", "p"."planned_end_date", ${param(endOfFinancialYearExclusive(day))}::date)`;
  return {
    with: `
  win AS (
    SELECT "p"."id", NULL::text AS category, 'to_date' AS bucket, "p"."start_date" AS lo, least(${night}, "p"."end_date") AS hi,
           "p"."start_date" AS once_lo, ${night} AS once_hi
    FROM "list" "p"
    UNION ALL
    SELECT "p"."id", NULL::text, 'committed', greatest(${night}, "p"."start_date"), ${until}, greatest(${night}, "p"."start_date"), ${until}
    FROM "list" "p"),
  ${costOfWindows({ oneOffDates: true })}`,
    sums: {
      costToDate: `SELECT sum(cost) FROM cost WHERE bucket = 'to_date'`,
      committedCost: `SELECT sum(cost) FROM cost WHERE bucket = 'committed'`,
      currentWeeklyCost: `
    SELECT sum(${WEEKLY_COST}) FROM "list" "p"
    ${weeklyCostJoins(night)}
    WHERE ${runningOn(night)}`,
    },
  };
};
