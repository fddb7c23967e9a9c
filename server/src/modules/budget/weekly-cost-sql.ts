/**
 * A placement's weekly cost on one night, in SQL: the core fee in force (its latest fee from
 * on or before the night) plus the weekly additional services running that night — as
 * `weeklyCostOn` in placement/placement-cost.ts. The one definition of "current weekly cost"
 * for reports: the highest-cost placements, the placements list's totals and unit costs.
 */

/** Placement "p" runs on the night `night` (an SQL date expression): its start counts, its end does not. */
export const runningOn = (night: string) => `"p"."start_date" <= ${night} AND ("p"."end_date" IS NULL OR "p"."end_date" > ${night})`;

/** Joins `"fee"."weekly_fee"`, the fee of placement "p" in force on `night`; placements with no fee by then drop out. */
export const feeInForceJoin = (night: string) => `JOIN LATERAL (
      SELECT "f"."weekly_fee" FROM "placement_fee" "f"
      WHERE "f"."placement_id" = "p"."id" AND "f"."effective_from" <= ${night} ORDER BY "f"."effective_from" DESC LIMIT 1) "fee" ON TRUE`;

/** Joins `"extra"."amount"`, the sum of the weekly services of placement "p" running on `night` (null when none). */
export const weeklyServicesJoin = (night: string) => `LEFT JOIN LATERAL (
      SELECT sum("a"."amount") AS amount FROM "additional_service" "a"
      WHERE "a"."placement_id" = "p"."id" AND "a"."charge" = 'WEEKLY' AND "a"."start_date" <= ${night}
        AND ("a"."end_date" IS NULL OR "a"."end_date" > ${night})) "extra" ON TRUE`;

/** Both joins: after them, `WEEKLY_FEE` and `WEEKLY_COST` are the night's figures of placement "p". */
export const weeklyCostJoins = (night: string) => `${feeInForceJoin(night)}
    ${weeklyServicesJoin(night)}`;

/** The core weekly fee in force (after `feeInForceJoin`). */
export const WEEKLY_FEE = `"fee"."weekly_fee"`;

/** The core weekly fee plus the weekly services (after `weeklyCostJoins`), in pence. */
export const WEEKLY_COST = `("fee"."weekly_fee" + coalesce("extra"."amount", 0))`;
