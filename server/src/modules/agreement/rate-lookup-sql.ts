import { AgreementStatus, UpliftRule } from './agreement-codes';

/**
 * The rate that applies, in SQL, for any number of lookups at once: the one rule behind
 * `findApplicableRate` and the unit costs' "against its rate card".
 *
 * It expects a CTE `wanted(key, provider_id, agreement_id, placement_type, need_level, age, on_date)`:
 * one lookup a row; `agreement_id` null means any of the provider's agreements. From the
 * ACTIVE agreements in force on the date, the card version in force (the latest effective date
 * on or before it), the line for the placement type, need level and age; where several
 * agreements apply the best tier wins, then the lower card fee, then the reference. A
 * FIXED_PERCENT uplift is added for each 1 April after the card version took effect, up to and
 * including the date, compounded and rounded half-up to the penny once each year.
 *
 * It adds `rate(key, rate_line_id, agreement_id, card_weekly_fee, uplifts, weekly_fee)`: a row
 * for each lookup that has a rate. The statement must start `WITH RECURSIVE` (for the uplifts).
 */
export const APPLICABLE_RATE = `
  -- the card version in force of each agreement in force, once per date asked (MATERIALIZED: not again for each lookup)
  rate_card AS MATERIALIZED (
    SELECT d.on_date, a.id AS agreement_id, a.provider_id, a.tier, a.reference, a.uplift_rule, a.uplift_percent, v.effective_from
    FROM (SELECT DISTINCT on_date FROM wanted) d
    JOIN agreement a ON a.status = '${AgreementStatus.ACTIVE}' AND a.start_date <= d.on_date AND a.end_date >= d.on_date
    JOIN LATERAL (SELECT max(x.effective_from) AS effective_from FROM rate_line x WHERE x.agreement_id = a.id AND x.effective_from <= d.on_date) v
      ON v.effective_from IS NOT NULL),
  -- per lookup, the best line by index (LIMIT 1 keeps it a lookup rather than a join of every line with every lookup)
  rate_pick AS (
    SELECT w.key, pick.* FROM wanted w
    CROSS JOIN LATERAL (
      SELECT rl.id AS rate_line_id, card.agreement_id, rl.weekly_fee AS card_weekly_fee,
             CASE WHEN card.uplift_rule = '${UpliftRule.FIXED_PERCENT}' AND coalesce(card.uplift_percent, 0) <> 0
                  -- 1 Aprils in (effective_from, on_date]: a date's count of 1 Aprils so far is the year of the date three months earlier
                  THEN (extract(year FROM w.on_date - interval '3 months') - extract(year FROM card.effective_from - interval '3 months'))::int
                  ELSE 0 END AS uplifts,
             coalesce(card.uplift_percent, 0)::bigint AS uplift_percent
      FROM rate_card card
      JOIN rate_line rl ON rl.agreement_id = card.agreement_id AND rl.placement_type = w.placement_type AND rl.need_level = w.need_level
        AND rl.effective_from = card.effective_from AND rl.min_age <= w.age AND rl.max_age >= w.age
      WHERE card.on_date = w.on_date AND (CASE WHEN w.agreement_id IS NULL THEN card.provider_id = w.provider_id ELSE card.agreement_id = w.agreement_id END)
      ORDER BY card.tier ASC NULLS LAST, rl.weekly_fee ASC, card.reference ASC
      LIMIT 1) pick),
  rate_uplift (key, step, fee) AS (
    SELECT key, 0, card_weekly_fee FROM rate_pick
    UNION ALL
    -- fee × (100% + uplift) rounded half-up to the penny: div(2n + d, 2d) with d = 10000 hundredths of a percent
    SELECT u.key, u.step + 1, div(u.fee * (10000 + p.uplift_percent) * 2 + 10000, 20000)::bigint
    FROM rate_uplift u JOIN rate_pick p ON p.key = u.key WHERE u.step < p.uplifts),
  rate AS (
    SELECT p.key, p.rate_line_id, p.agreement_id, p.card_weekly_fee, p.uplifts, u.fee AS weekly_fee
    FROM rate_pick p JOIN rate_uplift u ON u.key = p.key AND u.step = p.uplifts)`;

/** A child's age in whole years on a date, as `ageOn` in common/dates.ts, in SQL. */
export const ageOnSql = (dateOfBirth: string, on: string) =>
  `(extract(year FROM ${on})::int - extract(year FROM ${dateOfBirth})::int - (to_char(${on}, 'MM-DD') < to_char(${dateOfBirth}, 'MM-DD'))::int)`;
