import { birthdaySql } from '../child/age-band';
import { POPULATION_IN_FORCE } from '../authority/locality-population.sql';
import { MAIN_PLACEMENT_ON, PLACEMENT_GROUP_SQL, PlacementGroup, TEMPORARY_MOVE_TYPES_SQL } from './placement-group';

/**
 * The DfE children-looked-after indicators as SQL: one definition each, used by careIndicators,
 * careIndicatorSeries and careFlows, and by careSnapshot and careTrend, which are views of them.
 * Percentages and rates come out as whole hundredths (the Decimal scalar), rounded half-up.
 */

/** n as a percentage of `of`, in hundredths rounded half-up; NULL when `of` is 0. */
export const PERCENT_SQL = (n: string, of: string) => `CASE WHEN (${of}) = 0 THEN NULL ELSE ((${n})::bigint * 20000 + (${of})) / ((${of})::bigint * 2) END`;

/** Children in care per 10,000 children of the population, in hundredths rounded half-up; NULL without a population. */
export const RATE_PER_10000_SQL = (n: string, population: string) =>
  `CASE WHEN (${population}) IS NULL OR (${population}) = 0 THEN NULL ELSE ((${n})::bigint * 2000000 + (${population})) / ((${population})::bigint * 2) END`;

/** Placement types of a child placed for adoption (A3–A6). */
const PLACED_FOR_ADOPTION_SQL = `('A3', 'A4', 'A5', 'A6')`;

/**
 * Every placement with its child's locality, birth date and legal status, and its period of care:
 * a period runs on while each placement (temporary moves included) starts on or before the last
 * end so far (the same day counts: a move, not a new period); `period_start` is its first night.
 * `stable_from` is when the current placement began for long-term stability: for a placement for
 * adoption, the start of the main placement it followed straight on from (DfE: "the adoptive
 * placement together with the previous placement"). `second_previous_end` is the end of the main
 * placement two before this one: main placements never overlap, so a child has had three or more
 * placements in a year exactly when that one ended inside it. Columns keep the placement's names,
 * so the CTE can stand as "p" in MAIN_PLACEMENT_ON and PLACEMENT_GROUP_SQL.
 * `locality` ($n or NULL) keeps to the children of one locality.
 */
export const CARE_HISTORY_CTE = (locality: string) => `history AS (
  SELECT h.*, ${birthdaySql('h.date_of_birth', 16)} AS sixteenth_birthday, (h.stable_from + interval '2 years')::date AS two_years_placed,
         (max(h.start_date) FILTER (WHERE h.starts_period) OVER periods + interval '2 years 6 months')::date AS long_term_from,
         max(h.start_date) FILTER (WHERE h.starts_period) OVER periods AS period_start
  FROM (
    SELECT "p"."id", "p"."child_id", "p"."placement_type", "p"."provider_code", "p"."start_date", "p"."end_date", "p"."end_reason", "p"."change_reason",
           "p"."distance_miles", "c"."locality_id", "c"."date_of_birth", "c"."legal_status"::text AS legal_status,
           "p"."placement_type" IN ${TEMPORARY_MOVE_TYPES_SQL} AS temporary, ${PLACEMENT_GROUP_SQL} AS grp,
           "p"."start_date" > coalesce(max(coalesce("p"."end_date", 'infinity'::date)) OVER earlier, '-infinity'::date) AS starts_period,
           CASE WHEN "p"."placement_type" IN ${PLACED_FOR_ADOPTION_SQL} AND lag("p"."end_date") OVER same_kind = "p"."start_date"
                THEN lag("p"."start_date") OVER same_kind ELSE "p"."start_date" END AS stable_from,
           lag("p"."end_date", 2) OVER same_kind AS second_previous_end
    FROM "placement" "p" JOIN "child" "c" ON "c"."id" = "p"."child_id"
    WHERE ${locality}::uuid IS NULL OR "c"."locality_id" = ${locality}::uuid
    WINDOW earlier AS (PARTITION BY "p"."child_id" ORDER BY "p"."start_date", "p"."id" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
           same_kind AS (PARTITION BY "p"."child_id", "p"."placement_type" IN ${TEMPORARY_MOVE_TYPES_SQL} ORDER BY "p"."start_date", "p"."id")
  ) h
  WINDOW periods AS (PARTITION BY h.child_id ORDER BY h.start_date, h.id))`;

/** Placement "p" (a history row open on day.d) is the third or later main placement with a night in the 12 months to day.d: (d − 1 year, d]. */
const THIRD_PLACEMENT_IN_YEAR_SQL = `"p"."second_previous_end" > (day.d - interval '1 year')::date + 1`;

/**
 * The pairs (day, placement "p" open on it): for one day a join on MAIN_PLACEMENT_ON; for the
 * first of each month, each placement's own months generated from its dates (no day × placement
 * product), then MAIN_PLACEMENT_ON all the same, so both rest on the one definition.
 */
const OPEN_ON_DAY = {
  oneDay: `day JOIN history "p" ON ${MAIN_PLACEMENT_ON('day.d')}`,
  months: `history "p"
  CROSS JOIN LATERAL (
    SELECT x::date AS d FROM generate_series(greatest(date_trunc('month', ("p"."start_date" - 1)::timestamp) + interval '1 month', (SELECT min(d) FROM day)::timestamp),
                                             least(coalesce("p"."end_date" - 1, 'infinity'::date), (SELECT max(d) FROM day))::timestamp, interval '1 month') x
    WHERE ${MAIN_PLACEMENT_ON('x::date')}) day`,
};

/** The days of a snapshot: one date, $2. */
const ONE_DAY_SQL = 'SELECT $2::date AS d';
/** The days of a series: the first of each month from the month of $2 to $3, at most $4 of them. */
const FIRST_OF_MONTHS_SQL = `SELECT m::date AS d FROM generate_series(date_trunc('month', $2::date::timestamp), $3::date::timestamp, interval '1 month') m LIMIT $4`;

const GROUPS = Object.values(PlacementGroup);
const groupColumn = (g: PlacementGroup) => `g_${g.toLowerCase()}`;

/** The counts behind every snapshot figure, as aggregates over "m" (one row per child in care on m.d). */
const COUNTS = [
  'count(*) AS children',
  ...GROUPS.map((g) => `count(*) FILTER (WHERE m.grp = '${g}') AS ${groupColumn(g)}`),
  'count(*) FILTER (WHERE m.miles > 20) AS over20',
  'count(*) FILTER (WHERE m.miles <= 20) AS within20',
  'count(*) FILTER (WHERE m.miles IS NULL) AS not_known',
  'count(*) FILTER (WHERE m.third_in_year) AS three_plus',
  'count(*) FILTER (WHERE m.long_term) AS long_term',
  'count(*) FILTER (WHERE m.long_term AND m.d >= m.two_years_placed) AS long_term_stable',
];
const COUNT_NAMES = ['children', ...GROUPS.map(groupColumn), 'over20', 'within20', 'not_known', 'three_plus', 'long_term', 'long_term_stable'];

/**
 * The snapshot indicators, overall and by the child's locality, in one statement, on one day
 * ($2) or on the first of each month from the month of $2 to $3 (at most $4 months).
 * $1: the locality to keep to, or NULL for all.
 * Rows: one overall row per day (overall = true), then one per locality with children in care
 * or a population in force that day, by name, children with no locality last.
 */
export const careIndicatorsSql = (days: keyof typeof OPEN_ON_DAY) => `WITH day AS (${days === 'oneDay' ? ONE_DAY_SQL : FIRST_OF_MONTHS_SQL}),
${CARE_HISTORY_CTE('$1')},
population AS (
  SELECT day.d, "l"."id" AS locality_id, ${POPULATION_IN_FORCE('"l"."id"', 'day.d')} AS children
  FROM day CROSS JOIN "locality" "l" WHERE $1::uuid IS NULL OR "l"."id" = $1::uuid),
m AS (
  SELECT day.d, "p"."locality_id", "p"."grp", "p"."distance_miles" AS miles, "p"."two_years_placed",
         coalesce(${THIRD_PLACEMENT_IN_YEAR_SQL}, FALSE) AS third_in_year,
         day.d < "p"."sixteenth_birthday" AND day.d >= "p"."long_term_from" AS long_term
  FROM ${OPEN_ON_DAY[days]}),
counted AS (
  SELECT m.d, m.locality_id, ${COUNTS.join(', ')} FROM m GROUP BY m.d, m.locality_id),
overall AS (
  -- the overall population is not known as soon as one child in care has no locality or a locality without one
  SELECT c.d, ${COUNT_NAMES.map((n) => `sum(c.${n})::bigint AS ${n}`).join(', ')}, bool_or(pop.children IS NULL) AS without_population
  FROM counted c LEFT JOIN population pop ON pop.d = c.d AND pop.locality_id = c.locality_id GROUP BY c.d),
figures AS (
  SELECT day.d, TRUE AS overall, NULL::uuid AS locality_id,
         CASE WHEN o.without_population THEN NULL ELSE (SELECT sum(pop.children)::bigint FROM population pop WHERE pop.d = day.d) END AS population,
         ${COUNT_NAMES.map((n) => `coalesce(o.${n}, 0) AS ${n}`).join(', ')}
  FROM day LEFT JOIN overall o ON o.d = day.d
  UNION ALL
  SELECT coalesce(c.d, pop.d), FALSE, coalesce(c.locality_id, pop.locality_id), pop.children,
         ${COUNT_NAMES.map((n) => `coalesce(c.${n}, 0)`).join(', ')}
  FROM counted c
  FULL JOIN (SELECT * FROM population WHERE children IS NOT NULL) pop ON pop.d = c.d AND pop.locality_id = c.locality_id)
SELECT to_char(f.d, 'YYYY-MM-DD') AS on_date, f.overall, f.locality_id, "l"."name" AS locality_name, f.population::int,
       ${COUNT_NAMES.map((n) => `f.${n}::int`).join(', ')},
       (${RATE_PER_10000_SQL('f.children', 'f.population')})::text AS rate,
       (${PERCENT_SQL(`f.${groupColumn(PlacementGroup.IN_HOUSE_FOSTERING)}`, `f.${groupColumn(PlacementGroup.IN_HOUSE_FOSTERING)} + f.${groupColumn(PlacementGroup.IFA_FOSTERING)}`)})::text AS in_house_percent,
       (${PERCENT_SQL('f.over20', 'f.over20 + f.within20')})::text AS over20_percent,
       (${PERCENT_SQL('f.three_plus', 'f.children')})::text AS three_plus_percent,
       (${PERCENT_SQL('f.long_term_stable', 'f.long_term')})::text AS long_term_percent,
       (SELECT coalesce(json_agg(json_build_object('group', g.grp, 'children', g.n, 'percent', (${PERCENT_SQL('g.n', 'f.children')})::text) ORDER BY g.n DESC, g.grp COLLATE "C"), '[]')
        FROM (VALUES ${GROUPS.map((g) => `('${g}', f.${groupColumn(g)})`).join(', ')}) g(grp, n) WHERE g.n > 0) AS by_group
FROM figures f LEFT JOIN "locality" "l" ON "l"."id" = f.locality_id
ORDER BY f.d, f.overall DESC, f.locality_id IS NULL, "l"."name", f.locality_id`;


/** A main placement ending no more than 12 weeks (84 nights) after its first night: the "diverted" test, 84 included. */
export const DIVERSION_NIGHTS = 84;

const FLOW_KINDS = ['STARTED', 'CEASED', 'PLACEMENT_STARTED', 'PLACEMENT_ENDED', 'DIVERTED', 'PLACED'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/**
 * What happened from $1 to $2 (both days included), overall and by the child's locality, in one
 * statement; $3: the locality to keep to, or NULL for all. Each event is one row of `events`:
 * STARTED (a child's first start of a period of care in the range, coded by legal status),
 * CEASED (a child's last end of a period of care, coded by the REC of the placement that ended it),
 * PLACEMENT_STARTED / _ENDED (main placements, coded by reason for change / REC), DIVERTED (a child
 * with a main placement that ended in the range within 12 weeks of its start) and PLACED (a child who
 * started a main placement in the range, by the distance of the latest: OVER, WITHIN or NOT_KNOWN).
 * Rows: per (overall, locality): each kind's total and its codes as JSON, most frequent first.
 */
export const CARE_FLOWS_SQL = `WITH ${CARE_HISTORY_CTE('$3')},
scope AS (SELECT * FROM history),
periods AS (
  SELECT child_id, locality_id, legal_status, period_start,
         CASE WHEN bool_or(end_date IS NULL) THEN NULL ELSE max(end_date) END AS period_end,
         (array_agg(end_reason::text ORDER BY end_date DESC NULLS FIRST, temporary, start_date DESC))[1] AS end_reason
  FROM scope GROUP BY child_id, locality_id, legal_status, period_start),
events AS (
  (SELECT DISTINCT ON (child_id) 'STARTED' AS kind, locality_id, legal_status AS code FROM periods
   WHERE period_start BETWEEN $1::date AND $2::date ORDER BY child_id, period_start)
  UNION ALL
  (SELECT DISTINCT ON (child_id) 'CEASED', locality_id, end_reason FROM periods
   WHERE period_end BETWEEN $1::date AND $2::date ORDER BY child_id, period_end DESC)
  UNION ALL
  SELECT 'PLACEMENT_STARTED', locality_id, change_reason::text FROM scope WHERE NOT temporary AND start_date BETWEEN $1::date AND $2::date
  UNION ALL
  SELECT 'PLACEMENT_ENDED', locality_id, end_reason::text FROM scope WHERE NOT temporary AND end_date BETWEEN $1::date AND $2::date
  UNION ALL
  (SELECT DISTINCT ON (child_id) 'DIVERTED', locality_id, NULL FROM scope
   WHERE NOT temporary AND end_date BETWEEN $1::date AND $2::date AND end_date <= start_date + ${DIVERSION_NIGHTS} ORDER BY child_id)
  UNION ALL
  (SELECT DISTINCT ON (child_id) 'PLACED', locality_id, CASE WHEN distance_miles IS NULL THEN 'NOT_KNOWN' WHEN distance_miles > 20 THEN 'OVER' ELSE 'WITHIN' END FROM scope
   WHERE NOT temporary AND start_date BETWEEN $1::date AND $2::date ORDER BY child_id, start_date DESC, id)),
counted AS (
  SELECT GROUPING(locality_id) = 1 AS overall, locality_id, kind, code, count(*)::int AS n
  FROM events GROUP BY GROUPING SETS ((locality_id, kind, code), (kind, code))),
per AS (
  SELECT overall, locality_id,
         ${FLOW_KINDS.map((k) => `coalesce(sum(n) FILTER (WHERE kind = '${k}'), 0)::int AS ${k.toLowerCase()},
         coalesce(json_agg(json_build_object('code', code, 'count', n) ORDER BY n DESC, code COLLATE "C") FILTER (WHERE kind = '${k}'), '[]') AS ${k.toLowerCase()}_codes`).join(',\n         ')},
         coalesce(sum(n) FILTER (WHERE kind = 'PLACED' AND code = 'OVER'), 0)::int AS placed_over20,
         coalesce(sum(n) FILTER (WHERE kind = 'PLACED' AND code = 'WITHIN'), 0)::int AS placed_within20,
         coalesce(sum(n) FILTER (WHERE kind = 'PLACED' AND code = 'NOT_KNOWN'), 0)::int AS placed_not_known
  FROM counted GROUP BY overall, locality_id)
SELECT per.*, "l"."name" AS locality_name, (${PERCENT_SQL('per.placed_over20', 'per.placed_over20 + per.placed_within20')})::text AS placed_over20_percent
FROM per LEFT JOIN "locality" "l" ON "l"."id" = per.locality_id
ORDER BY per.overall DESC, per.locality_id IS NULL, "l"."name", per.locality_id`;
