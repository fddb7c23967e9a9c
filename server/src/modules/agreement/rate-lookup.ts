import type { EntityManager } from 'typeorm';
import { aprilFirstsBetween } from '../../common/dates';
import { divideRoundHalfUp, type Pence } from '../../common/money';
import type { NeedLevel } from '../../common/codes/need-level.code';
import type { PlacementType } from '../../common/codes/placement-type.code';
import { Agreement } from './agreement.entity';
import { AgreementStatus, UpliftRule } from './agreement-codes';
import { RateLine } from './rate-line.entity';

export interface RateQuery {
  providerId?: string;
  agreementId?: string;
  placementType: PlacementType;
  needLevel: NeedLevel;
  age: number;
  onDate: string;
}

export interface Rate {
  weeklyFee: Pence;
  cardWeeklyFee: Pence;
  upliftsApplied: number;
  agreement: Agreement;
  rateLine: RateLine;
}

/** A fixed yearly uplift, compounded and rounded half-up to the penny once each year. */
export function applyUplifts(fee: Pence, percentHundredths: bigint, years: number): Pence {
  let result = fee;
  for (let i = 0; i < years; i++) result = divideRoundHalfUp(result * (10000n + percentHundredths), 10000n);
  return result;
}

/**
 * The rate that applies on a date: from the active agreements in force (of one provider, or
 * one agreement), the card version in force (the latest effective date on or before the
 * date), the line for the placement type, need level and age. Where several agreements
 * apply, the best tier wins, then the lower fee. Fixed uplifts for each 1 April since the
 * card version took effect are added. One SQL statement.
 */
export async function findApplicableRate(manager: EntityManager, query: RateQuery): Promise<Rate | null> {
  const params: unknown[] = [query.onDate, query.placementType, query.needLevel, query.age];
  const owner = query.agreementId ? `a.id = $5` : `a.provider_id = $5`;
  params.push(query.agreementId ?? query.providerId);
  const rows: Array<{ line_id: string }> = await manager.query(
    `WITH card AS (
       SELECT a.id AS agreement_id, max(rl.effective_from) AS effective_from
       FROM agreement a JOIN rate_line rl ON rl.agreement_id = a.id
       WHERE ${owner} AND a.status = '${AgreementStatus.ACTIVE}' AND a.start_date <= $1 AND a.end_date >= $1 AND rl.effective_from <= $1
       GROUP BY a.id)
     SELECT rl.id AS line_id
     FROM card JOIN rate_line rl ON rl.agreement_id = card.agreement_id AND rl.effective_from = card.effective_from
     JOIN agreement a ON a.id = card.agreement_id
     WHERE rl.placement_type = $2 AND rl.need_level = $3 AND rl.min_age <= $4 AND rl.max_age >= $4
     ORDER BY a.tier ASC NULLS LAST, rl.weekly_fee ASC, a.reference ASC
     LIMIT 1`,
    params,
  );
  if (!rows.length) return null;
  const rateLine = await manager.findOneByOrFail(RateLine, { id: rows[0].line_id });
  const agreement = await manager.findOneByOrFail(Agreement, { id: rateLine.agreementId });
  const years = agreement.upliftRule === UpliftRule.FIXED_PERCENT && agreement.upliftPercent ? aprilFirstsBetween(rateLine.effectiveFrom, query.onDate) : 0;
  return {
    cardWeeklyFee: rateLine.weeklyFee,
    weeklyFee: years ? applyUplifts(rateLine.weeklyFee, agreement.upliftPercent!, years) : rateLine.weeklyFee,
    upliftsApplied: years,
    agreement,
    rateLine,
  };
}
