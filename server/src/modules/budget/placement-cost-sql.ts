/** Σ weekly amount × nights (SQL) as money: ÷ 7, rounded half-up to the penny. The one rounding of placement cost. */
export const roundedWeeklySql = (numerator: string) => `div(${numerator} * 2 + 7, 14)`;

export interface CostOfWindowsOptions {
  /**
   * `win` also has `once_lo, once_hi`: the dates [once_lo, once_hi) a one-off service counts
   * in, when they are not the nights — as in `costBetween`, whose nights stop at the
   * placement's end while a one-off dated in [from, to) counts even after it.
   */
  oneOffDates?: boolean;
  /**
   * SQL giving extra fee periods `(placement_id, amount, s, e)` for placements that exist only
   * in a projection (a forecast's new starts, a what-if's replacement placements): their ids
   * are in `win` but not in "placement", so they are costed by this same rule from these rows.
   */
  hypotheticalFees?: string;
}

/**
 * The cost arithmetic of placements in SQL, for reports over many placements at once. It
 * expects a CTE `win(id, category, bucket, lo, hi)`: a placement, its budget line, a
 * reporting bucket and the nights [lo, hi) to cost, already cut to the placement's own dates.
 * It adds `cost(id, category, bucket, cost, numerator, one_off, min_fee, max_fee)`, worked exactly
 * as `costBetween` does: the numerator Σ weekly fee × nights for each fee period and weekly
 * service, divided by 7 and rounded half-up once per placement and bucket, plus one-off
 * services dated in the window; `min_fee` and `max_fee` are the lowest and highest core weekly
 * fee in force on those nights.
 */
export function costOfWindows({ oneOffDates = false, hypotheticalFees }: CostOfWindowsOptions = {}): string {
  const [onceLo, onceHi] = oneOffDates ? ['live.once_lo', 'live.once_hi'] : ['live.lo', 'live.hi'];
  return `
  live AS (SELECT * FROM win WHERE lo < hi${oneOffDates ? ' OR once_lo < once_hi' : ''}),
  seg AS (
    SELECT "f"."placement_id", TRUE AS fee, "f"."weekly_fee" AS amount, "f"."effective_from" AS s,
           lead("f"."effective_from") OVER (PARTITION BY "f"."placement_id" ORDER BY "f"."effective_from") AS e
    FROM "placement_fee" "f" WHERE "f"."placement_id" IN (SELECT id FROM live)
    UNION ALL
    SELECT "a"."placement_id", FALSE, "a"."amount", "a"."start_date", "a"."end_date"
    FROM "additional_service" "a" WHERE "a"."charge" = 'WEEKLY' AND "a"."placement_id" IN (SELECT id FROM live)${
      hypotheticalFees ? `
    UNION ALL
    SELECT h.placement_id, TRUE, h.amount, h.s, h.e FROM (${hypotheticalFees}) h WHERE h.placement_id IN (SELECT id FROM live)` : ''
    }),
  weekly AS (
    SELECT live.id, live.bucket,
           sum(seg.amount * greatest(0, least(live.hi, coalesce(seg.e, live.hi)) - greatest(live.lo, seg.s))) AS numerator,
           min(seg.amount) FILTER (WHERE seg.fee AND least(live.hi, coalesce(seg.e, live.hi)) > greatest(live.lo, seg.s)) AS min_fee,
           max(seg.amount) FILTER (WHERE seg.fee AND least(live.hi, coalesce(seg.e, live.hi)) > greatest(live.lo, seg.s)) AS max_fee
    FROM live JOIN seg ON seg.placement_id = live.id GROUP BY live.id, live.bucket),
  oneoff AS (
    SELECT live.id, live.bucket, sum("a"."amount") AS amount FROM live
    JOIN "additional_service" "a" ON "a"."placement_id" = live.id AND "a"."charge" = 'ONE_OFF' AND "a"."start_date" >= ${onceLo} AND "a"."start_date" < ${onceHi}
    GROUP BY live.id, live.bucket),
  cost AS (
    SELECT live.id, live.category, live.bucket, ${roundedWeeklySql('coalesce(weekly.numerator, 0)')} + coalesce(oneoff.amount, 0) AS cost,
           coalesce(weekly.numerator, 0) AS numerator, coalesce(oneoff.amount, 0) AS one_off, weekly.min_fee, weekly.max_fee
    FROM live
    -- coalesce(…) = coalesce(…), not IS NOT DISTINCT FROM, so the join hashes: a placement with many buckets stays linear
    LEFT JOIN weekly ON weekly.id = live.id AND coalesce(weekly.bucket, '') = coalesce(live.bucket, '')
    LEFT JOIN oneoff ON oneoff.id = live.id AND coalesce(oneoff.bucket, '') = coalesce(live.bucket, '')
    WHERE weekly.id IS NOT NULL OR oneoff.id IS NOT NULL)`;
}

/** `costOfWindows()` for windows whose one-offs count over the same dates as their nights. */
export const COST_OF_WINDOWS = costOfWindows();

/**
 * Committed spend of placement "p" from the night `from` (the date the position is taken on)
 * within a financial year [yearFrom, yearTo): the nights [lo, hi) still to come, to its end,
 * planned end or the end of the year. `where` keeps the placements still open on `from`.
 */
export const committedWindow = (from: string, yearFrom: string, yearTo: string) => ({
  lo: `greatest(${from}, ${yearFrom}, "p"."start_date")`,
  hi: `least(${yearTo}, coalesce("p"."end_date", "p"."planned_end_date", ${yearTo}))`,
  where: `("p"."end_date" IS NULL OR "p"."end_date" > ${from})`,
});
