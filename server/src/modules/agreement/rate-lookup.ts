import type { EntityManager } from 'typeorm';
import type { Pence } from '../../common/money';
import type { NeedLevel } from '../../common/codes/need-level.code';
import type { PlacementType } from '../../common/codes/placement-type.code';
import { Agreement } from './agreement.entity';
import { RateLine } from './rate-line.entity';
import { APPLICABLE_RATE } from './rate-lookup-sql';

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

/**
 * The rate that applies on a date: the rule of `APPLICABLE_RATE` (rate-lookup-sql.ts) for one
 * provider, or one agreement — the same SQL the unit costs run for many placements at once.
 */
export async function findApplicableRate(manager: EntityManager, query: RateQuery): Promise<Rate | null> {
  const rows: Array<{ rate_line_id: string; weekly_fee: string; uplifts: number }> = await manager.query(
    `WITH RECURSIVE wanted AS (
       SELECT 1 AS key, $1::uuid AS provider_id, $2::uuid AS agreement_id, $3::placement_type AS placement_type,
              $4::need_level AS need_level, $5::int AS age, $6::date AS on_date),
     ${APPLICABLE_RATE}
     SELECT rate_line_id, weekly_fee::text AS weekly_fee, uplifts FROM rate`,
    [query.agreementId ? null : query.providerId, query.agreementId ?? null, query.placementType, query.needLevel, query.age, query.onDate],
  );
  if (!rows.length) return null;
  const rateLine = await manager.findOneByOrFail(RateLine, { id: rows[0].rate_line_id });
  const agreement = await manager.findOneByOrFail(Agreement, { id: rateLine.agreementId });
  return { cardWeeklyFee: rateLine.weeklyFee, weeklyFee: BigInt(rows[0].weekly_fee), upliftsApplied: rows[0].uplifts, agreement, rateLine };
}
