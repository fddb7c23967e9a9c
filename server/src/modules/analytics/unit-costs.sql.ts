import { APPLICABLE_RATE, ageOnSql } from '../agreement/rate-lookup-sql';
import { runningOn, WEEKLY_COST, WEEKLY_FEE, weeklyCostJoins } from '../budget/weekly-cost-sql';
import { ContractKind } from '../contract/contract-codes';
import { penceDistribution, penceMedian, percentOf } from './percentile-sql';

/**
 * The SQL of the unit costs. Every statement takes $1 the date, $2 whether the authority's own
 * provision (PR1) counts, $3 the placement types (text[], null for all), and starts from `cur`:
 * the placements running that night with a fee in force, their weekly cost (fee + weekly
 * services, weekly-cost-sql.ts), need level and kind from their contract, and their setting's
 * Ofsted rating.
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

export const DISTRIBUTION_SQL = `WITH ${CURRENT}
  SELECT placement_type::text, need_level::text, ${penceDistribution('weekly_cost')}
  FROM cur GROUP BY placement_type, need_level ORDER BY cur.placement_type, cur.need_level NULLS LAST`;

export const OFSTED_SQL = `WITH ${CURRENT}
  SELECT ofsted_rating::text, ${penceDistribution('weekly_cost')}
  FROM cur GROUP BY ofsted_rating ORDER BY cur.ofsted_rating NULLS LAST`;

/** Averages rounded half-up once; differences are of the rounded figures, so every row reconciles as shown. */
export const PROVIDER_SQL = `WITH RECURSIVE ${CURRENT},
  market AS (SELECT placement_type, need_level, ${penceMedian('weekly_cost')} AS median FROM cur GROUP BY placement_type, need_level),
  ${CARD_RATES('cur')},
  per_provider AS (
    SELECT cur.provider_id, cur.placement_type, cur.need_level, count(*)::int AS placements,
           round(avg(cur.weekly_cost))::bigint AS average_cost, min(market.median) AS median,
           count(rate.key)::int AS with_card, round(avg(cur.weekly_fee) FILTER (WHERE rate.key IS NOT NULL))::bigint AS average_fee,
           round(avg(rate.weekly_fee))::bigint AS average_card
    FROM cur
    JOIN market ON market.placement_type = cur.placement_type AND market.need_level IS NOT DISTINCT FROM cur.need_level
    LEFT JOIN rate ON rate.key = cur.id
    GROUP BY cur.provider_id, cur.placement_type, cur.need_level)
  SELECT pp.provider_id, pp.placement_type::text, pp.need_level::text, pp.placements, pp.with_card,
         pp.average_cost::text, pp.median::text, (pp.average_cost - pp.median)::text AS vs_median,
         ${percentOf('pp.average_cost - pp.median', 'pp.median')}::text AS vs_median_percent,
         pp.average_fee::text, pp.average_card::text, (pp.average_fee - pp.average_card)::text AS vs_card,
         ${percentOf('pp.average_fee - pp.average_card', 'pp.average_card')}::text AS vs_card_percent
  FROM per_provider pp JOIN "provider" "pr" ON "pr"."id" = pp.provider_id
  ORDER BY "pr"."legal_name", "pr"."id", pp.placement_type, pp.need_level NULLS LAST`;

const SPOT = `contract_kind = '${ContractKind.SPOT}'`;
const FRAMEWORK = `contract_kind = '${ContractKind.CALL_OFF}'`;

export const PREMIUM_SQL = `WITH ${CURRENT},
  medians AS (
    SELECT placement_type, need_level,
           count(*) FILTER (WHERE ${SPOT})::int AS spot, ${penceMedian('weekly_cost', SPOT)} AS spot_median,
           count(*) FILTER (WHERE ${FRAMEWORK})::int AS framework, ${penceMedian('weekly_cost', FRAMEWORK)} AS framework_median
    FROM cur WHERE ${SPOT} OR ${FRAMEWORK} GROUP BY placement_type, need_level)
  SELECT placement_type::text, need_level::text, spot, spot_median::text, framework, framework_median::text,
         (spot_median - framework_median)::text AS premium, ${percentOf('spot_median - framework_median', 'framework_median')}::text AS premium_percent
  FROM medians ORDER BY medians.placement_type, medians.need_level NULLS LAST`;

/** $4: the lowest weekly cost listed. */
export const HIGH_COST_SQL = `WITH RECURSIVE ${CURRENT},
  costly AS (SELECT * FROM cur WHERE weekly_cost >= $4::bigint),
  ${CARD_RATES('costly')}
  SELECT costly.id, costly.need_level::text, costly.contract_kind::text, costly.weekly_fee::text, costly.weekly_cost::text,
         rate.weekly_fee::text AS card_fee, (costly.weekly_fee - rate.weekly_fee)::text AS above_card
  FROM costly LEFT JOIN rate ON rate.key = costly.id
  ORDER BY costly.weekly_cost DESC, costly.id`;
