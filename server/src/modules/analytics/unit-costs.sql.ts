import { APPLICABLE_RATE, ageOnSql } from '../agreement/rate-lookup-sql';
import { runningOn, WEEKLY_COST, WEEKLY_FEE, weeklyCostJoins } from '../budget/weekly-cost-sql';
import { ContractKind } from '../contract/contract-codes';
import { penceDistribution, penceMedian, percentOf } from './percentile-sql';

/**
 * The SQL of the unit costs: one statement for all the sections a request asks for. It takes $1
 * the date, $2 whether the authority's own provision (PR1) counts, $3 the placement types (text[],
 * null for all), and starts from `cur`, worked out once: the placements running that night with a
 * fee in force, their weekly cost (fee + weekly services, weekly-cost-sql.ts), need level and kind
 * from their contract, and their setting's Ofsted rating. Each section is a CTE of rows with an
 * `ord`, returned as a JSON array (money as text, exact).
 */
const CURRENT = `cur AS (
    SELECT "p"."id", "p"."provider_id", "p"."child_id", "p"."placement_type", "c"."need_level", "c"."kind" AS contract_kind,
           "s"."ofsted_rating", ${WEEKLY_FEE} AS weekly_fee, ${WEEKLY_COST} AS weekly_cost
    FROM "placement" "p"
    ${weeklyCostJoins('$1::date')}
    -- OFFSET 0 keeps this a lookup by key for the ~2,000 running placements: flattened, PostgreSQL hashes every contract (twice the time)
    LEFT JOIN LATERAL (SELECT "k"."need_level", "k"."kind" FROM "contract" "k" WHERE "k"."id" = "p"."contract_id" OFFSET 0) "c" ON TRUE
    LEFT JOIN "setting" "s" ON "s"."id" = "p"."setting_id"
    WHERE ${runningOn('$1::date')} AND ($2::boolean OR "p"."provider_code" <> 'PR1')
      AND ($3::text[] IS NULL OR "p"."placement_type"::text = ANY ($3::text[])))`;

/** The card rate of each current placement in `rows` with a need level: its provider's rate for its type, need level and the child's age that night. */
const CARD_RATES = (rows: string) => `wanted AS (
    SELECT cur.id AS key, cur.provider_id, NULL::uuid AS agreement_id, cur.placement_type, cur.need_level,
           ${ageOnSql('"ch"."date_of_birth"', '$1::date')} AS age, $1::date AS on_date
    FROM ${rows} cur JOIN "child" "ch" ON "ch"."id" = cur.child_id WHERE cur.need_level IS NOT NULL),
  ${APPLICABLE_RATE}`;

const SPOT = `contract_kind = '${ContractKind.SPOT}'`;
const FRAMEWORK = `contract_kind = '${ContractKind.CALL_OFF}'`;

export type UnitCostSection = { kind: 'groups' } | { kind: 'ofsted' } | { kind: 'premium' } | { kind: 'providers' } | { kind: 'highCost'; atLeast: bigint };

/** The CTEs of one section, the last named `name`, whose rows carry `ord`; `atLeast` is the SQL of a highCost threshold. */
function sectionCtes(section: UnitCostSection, name: string, atLeast: string): string {
  switch (section.kind) {
    case 'groups':
      return `${name} AS (
    SELECT placement_type::text, need_level::text, ${penceDistribution('weekly_cost')}, row_number() OVER (ORDER BY placement_type, need_level NULLS LAST) AS ord
    FROM cur GROUP BY placement_type, need_level)`;
    case 'ofsted':
      return `${name} AS (
    SELECT ofsted_rating::text, ${penceDistribution('weekly_cost')}, row_number() OVER (ORDER BY ofsted_rating NULLS LAST) AS ord
    FROM cur GROUP BY ofsted_rating)`;
    case 'premium':
      return `${name}_medians AS (
    SELECT placement_type, need_level,
           count(*) FILTER (WHERE ${SPOT})::int AS spot, ${penceMedian('weekly_cost', SPOT)} AS spot_median,
           count(*) FILTER (WHERE ${FRAMEWORK})::int AS framework, ${penceMedian('weekly_cost', FRAMEWORK)} AS framework_median
    FROM cur WHERE ${SPOT} OR ${FRAMEWORK} GROUP BY placement_type, need_level),
  ${name} AS (
    SELECT placement_type::text, need_level::text, spot, spot_median::text, framework, framework_median::text,
           (spot_median - framework_median)::text AS premium, ${percentOf('spot_median - framework_median', 'framework_median')}::text AS premium_percent,
           row_number() OVER (ORDER BY placement_type, need_level NULLS LAST) AS ord
    FROM ${name}_medians)`;
    case 'providers':
      // Averages rounded half-up once; differences are of the rounded figures, so every row reconciles as shown.
      return `${name}_market AS (SELECT placement_type, need_level, ${penceMedian('weekly_cost')} AS median FROM cur GROUP BY placement_type, need_level),
  ${name}_per AS (
    SELECT cur.provider_id, cur.placement_type, cur.need_level, count(*)::int AS placements,
           round(avg(cur.weekly_cost))::bigint AS average_cost, min(m.median) AS median,
           count(rate.key)::int AS with_card, round(avg(cur.weekly_fee) FILTER (WHERE rate.key IS NOT NULL))::bigint AS average_fee,
           round(avg(rate.weekly_fee))::bigint AS average_card
    FROM cur
    JOIN ${name}_market m ON m.placement_type = cur.placement_type AND m.need_level IS NOT DISTINCT FROM cur.need_level
    LEFT JOIN rate ON rate.key = cur.id
    GROUP BY cur.provider_id, cur.placement_type, cur.need_level),
  ${name} AS (
    SELECT pp.provider_id, pp.placement_type::text, pp.need_level::text, pp.placements, pp.with_card,
           pp.average_cost::text, pp.median::text, (pp.average_cost - pp.median)::text AS vs_median,
           ${percentOf('pp.average_cost - pp.median', 'pp.median')}::text AS vs_median_percent,
           pp.average_fee::text, pp.average_card::text, (pp.average_fee - pp.average_card)::text AS vs_card,
           ${percentOf('pp.average_fee - pp.average_card', 'pp.average_card')}::text AS vs_card_percent,
           row_number() OVER (ORDER BY "pr"."legal_name", "pr"."id", pp.placement_type, pp.need_level NULLS LAST) AS ord
    FROM ${name}_per pp JOIN "provider" "pr" ON "pr"."id" = pp.provider_id)`;
    case 'highCost':
      return `${name} AS (
    SELECT cur.id, cur.need_level::text, cur.contract_kind::text, cur.weekly_fee::text, cur.weekly_cost::text,
           rate.weekly_fee::text AS card_fee, (cur.weekly_fee - rate.weekly_fee)::text AS above_card,
           row_number() OVER (ORDER BY cur.weekly_cost DESC, cur.id) AS ord
    FROM cur LEFT JOIN rate ON rate.key = cur.id WHERE cur.weekly_cost >= ${atLeast})`;
  }
}

/**
 * One statement for the sections asked: column `s<i>` is the JSON array of section i's rows in order.
 * Card rates are looked up once for the sections that need them: every current placement for the
 * providers, or only those at the lowest threshold asked for the highest-cost lists. Returns the
 * statement and its parameters after $1–$3.
 */
export function unitCostsStatement(sections: UnitCostSection[]): { sql: string; params: string[] } {
  const params: string[] = [];
  const thresholds = sections.map((s) => (s.kind === 'highCost' ? `$${4 + params.push(s.atLeast.toString()) - 1}::bigint` : ''));
  const ctes = [CURRENT];
  const lowest = sections.filter((s) => s.kind === 'highCost').map((s) => (s as { atLeast: bigint }).atLeast);
  if (sections.some((s) => s.kind === 'providers')) ctes.push(CARD_RATES('cur'));
  else if (lowest.length) ctes.push(CARD_RATES(`(SELECT * FROM cur WHERE weekly_cost >= ${lowest.reduce((a, b) => (a < b ? a : b)).toString()})`));
  sections.forEach((s, i) => ctes.push(sectionCtes(s, `s${i}`, thresholds[i])));
  const columns = sections.map((_, i) => `(SELECT coalesce(json_agg(s${i} ORDER BY s${i}.ord), '[]'::json) FROM s${i}) AS s${i}`);
  return { sql: `WITH RECURSIVE ${ctes.join(',\n  ')}\n  SELECT ${columns.join(',\n         ')}`, params };
}
