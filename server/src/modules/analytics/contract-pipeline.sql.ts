import { AgreementStatus } from '../agreement/agreement-codes';
import { COST_OF_WINDOWS } from '../budget/placement-cost-sql';
import { ContractStatus } from '../contract/contract-codes';

/**
 * The contract pipeline in one statement. $1 the date, $2 the last day of the window
 * ($1 + withinDays), $3 the day after the financial year of $1 (committed cost of an open
 * placement with no planned end runs to it).
 *
 * Items: contracts not ended or terminated whose end date falls in [$1, $2] or whose review date
 * is on or before $2 (overdue reviews included), as the contracts list's expiringWithinDays and
 * reviewDueWithinDays; and agreements not expired or terminated ending in [$1, $2].
 * Annual value: a contract's weekly fee × 52 (× places for a block); else its ceiling value
 * spread over its term (× 365 / days, half-up); for an agreement, the cost of the placements under
 * its contracts over the 12 months before $1 (from the same date a year earlier). Spend at stake: the committed cost of the item's
 * placements not ended by $1, from $1 to their end, planned end or the end of the financial year.
 * Both costs are the budget's cost rule (COST_OF_WINDOWS), each placement rounded once.
 */
export const PIPELINE_SQL = (orderBy: string) => `WITH item AS (
    SELECT 'CONTRACT' AS record_type, c.id, c.reference, c.title, c.provider_id, c.kind::text AS contract_kind, c.end_date, c.review_date,
           coalesce(c.end_date BETWEEN $1::date AND $2::date, false) AS ending, coalesce(c.review_date <= $2::date, false) AS review,
           CASE WHEN c.weekly_fee IS NOT NULL THEN c.weekly_fee * coalesce(c.block_places, 1) * 52
                WHEN c.ceiling_value IS NOT NULL AND c.end_date IS NOT NULL
                THEN div(c.ceiling_value * 365 * 2 + (c.end_date - c.start_date + 1), (c.end_date - c.start_date + 1) * 2) END AS own_value,
           CASE WHEN c.weekly_fee IS NOT NULL THEN 'WEEKLY_FEE' WHEN c.ceiling_value IS NOT NULL AND c.end_date IS NOT NULL THEN 'CEILING' END AS basis
    FROM contract c
    WHERE c.status NOT IN ('${ContractStatus.ENDED}', '${ContractStatus.TERMINATED}') AND (c.end_date BETWEEN $1::date AND $2::date OR c.review_date <= $2::date)
    UNION ALL
    SELECT 'AGREEMENT', a.id, a.reference, a.title, a.provider_id, NULL, a.end_date, NULL, true, false, NULL, 'SPEND_LAST_12_MONTHS'
    FROM agreement a
    WHERE a.status NOT IN ('${AgreementStatus.EXPIRED}', '${AgreementStatus.TERMINATED}') AND a.end_date BETWEEN $1::date AND $2::date),
  placed AS (
    SELECT i.id AS item_id, i.record_type, p.id, p.start_date, p.end_date, p.planned_end_date
    FROM item i JOIN placement p ON p.contract_id = i.id WHERE i.record_type = 'CONTRACT'
    UNION ALL
    SELECT i.id, i.record_type, p.id, p.start_date, p.end_date, p.planned_end_date
    FROM item i JOIN contract c ON c.agreement_id = i.id JOIN placement p ON p.contract_id = c.id WHERE i.record_type = 'AGREEMENT'),
  -- a bucket per item and purpose: a placement under a listed call-off and its listed agreement is costed in each
  win AS (
    SELECT id, NULL::text AS category, 'stake:' || item_id AS bucket, greatest($1::date, start_date) AS lo, coalesce(end_date, planned_end_date, $3::date) AS hi
    FROM placed WHERE end_date IS NULL OR end_date > $1::date
    UNION ALL
    SELECT id, NULL::text, 'spent:' || item_id, greatest(($1::date - interval '1 year')::date, start_date), least($1::date, coalesce(end_date, $1::date))
    FROM placed WHERE record_type = 'AGREEMENT'),
  ${COST_OF_WINDOWS},
  costed AS (SELECT bucket, sum(cost) AS amount FROM cost GROUP BY bucket),
  counted AS (SELECT item_id, count(*)::int AS n FROM placed WHERE end_date IS NULL OR end_date > $1::date GROUP BY item_id),
  listed AS (
    SELECT i.record_type, i.id, i.reference, i.title, i.provider_id, pr.legal_name AS provider_name, i.contract_kind, i.end_date, i.review_date,
           CASE WHEN i.ending AND i.review THEN 'ENDING_AND_REVIEW' WHEN i.ending THEN 'ENDING' ELSE 'REVIEW' END AS due_for,
           CASE WHEN i.ending AND i.review THEN least(i.end_date, i.review_date) WHEN i.ending THEN i.end_date ELSE i.review_date END AS due_date,
           CASE WHEN i.record_type = 'AGREEMENT' THEN coalesce(spent.amount, 0) ELSE i.own_value END AS annual_value, i.basis,
           coalesce(counted.n, 0) AS placements, coalesce(stake.amount, 0) AS spend_at_stake
    FROM item i JOIN provider pr ON pr.id = i.provider_id
    LEFT JOIN costed stake ON stake.bucket = 'stake:' || i.id
    LEFT JOIN costed spent ON spent.bucket = 'spent:' || i.id
    LEFT JOIN counted ON counted.item_id = i.id)
  SELECT record_type, id, reference, title, provider_id, contract_kind, to_char(end_date, 'YYYY-MM-DD') AS end_date, to_char(review_date, 'YYYY-MM-DD') AS review_date,
         due_for, to_char(due_date, 'YYYY-MM-DD') AS due_date, (due_date - $1::date) AS days_left, annual_value::text, basis, placements, spend_at_stake::text,
         count(*) OVER (PARTITION BY record_type)::int AS type_items, (sum(annual_value) OVER (PARTITION BY record_type))::text AS type_annual_value,
         (sum(spend_at_stake) OVER (PARTITION BY record_type))::text AS type_spend_at_stake
  FROM listed
  ORDER BY ${orderBy}`;

/** The sortable fields: their columns in PIPELINE_SQL's `listed` (dates and money as such, not the text written out). */
export const PIPELINE_ORDER_SQL: Record<string, string> = {
  dueDate: 'listed.due_date',
  endDate: 'listed.end_date',
  reviewDate: 'listed.review_date',
  reference: 'listed.reference',
  title: 'listed.title',
  provider: 'listed.provider_name',
  recordType: 'listed.record_type',
  annualValue: 'listed.annual_value',
  spendAtStake: 'listed.spend_at_stake',
  placements: 'listed.placements',
};
