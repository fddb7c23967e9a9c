/**
 * The cost arithmetic of placements in SQL, for reports over many placements at once. It
 * expects a CTE `win(id, category, bucket, lo, hi)`: a placement, its budget line, a
 * reporting bucket and the nights [lo, hi) to cost. It adds `cost(id, category, bucket, cost)`,
 * worked exactly as `costBetween` does: Σ weekly fee × nights for each fee period and weekly
 * service, divided by 7 and rounded half-up once per placement and bucket, plus one-off
 * services dated in the window.
 */
export const COST_OF_WINDOWS = `
  live AS (SELECT * FROM win WHERE lo < hi),
  seg AS (
    SELECT "f"."placement_id", "f"."weekly_fee" AS amount, "f"."effective_from" AS s,
           lead("f"."effective_from") OVER (PARTITION BY "f"."placement_id" ORDER BY "f"."effective_from") AS e
    FROM "placement_fee" "f" WHERE "f"."placement_id" IN (SELECT id FROM live)
    UNION ALL
    SELECT "a"."placement_id", "a"."amount", "a"."start_date", "a"."end_date"
    FROM "additional_service" "a" WHERE "a"."charge" = 'WEEKLY' AND "a"."placement_id" IN (SELECT id FROM live)),
  weekly AS (
    SELECT live.id, live.category, live.bucket,
           sum(seg.amount * greatest(0, least(live.hi, coalesce(seg.e, live.hi)) - greatest(live.lo, seg.s))) AS numerator
    FROM live JOIN seg ON seg.placement_id = live.id GROUP BY live.id, live.category, live.bucket),
  oneoff AS (
    SELECT live.id, live.bucket, sum("a"."amount") AS amount FROM live
    JOIN "additional_service" "a" ON "a"."placement_id" = live.id AND "a"."charge" = 'ONE_OFF' AND "a"."start_date" >= live.lo AND "a"."start_date" < live.hi
    GROUP BY live.id, live.bucket),
  cost AS (
    SELECT weekly.id, weekly.category, weekly.bucket, div(weekly.numerator * 2 + 7, 14) + coalesce(oneoff.amount, 0) AS cost
    FROM weekly LEFT JOIN oneoff ON oneoff.id = weekly.id AND oneoff.bucket IS NOT DISTINCT FROM weekly.bucket)`;
