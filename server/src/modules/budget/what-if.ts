import type { EntityManager } from 'typeorm';
import type { PlacementProviderCode } from '../../common/codes/placement-provider.code';
import type { PlacementType } from '../../common/codes/placement-type.code';
import { throwIfAny, type FieldError } from '../../common/errors';
import { financialYearRange, formatFinancialYear } from '../../common/financial-year';
import type { Pence } from '../../common/money';
import { budgetForecast, type BudgetForecastFigures, type MovedPlacement } from './forecast';
import { runningOn, WEEKLY_COST, weeklyCostJoins } from './weekly-cost-sql';

export const MAX_MOVES = 20;
const TEMPORARY = ['T0', 'T1', 'T2', 'T3', 'T4'];

export interface WhatIfMove {
  from: PlacementType;
  to: PlacementType;
  toProviderCode?: PlacementProviderCode | null;
  count: number;
  weeklyFee: Pence;
  fromDate: string;
}

export interface MoveOutcome {
  index: number;
  placementIds: string[];
  weeklyCostBefore: Pence;
  weeklyCostAfter: Pence;
}

export interface WhatIfFigures {
  base: BudgetForecastFigures;
  scenario: BudgetForecastFigures;
  outturnDifference: Pence;
  childrenInCareDifference: number;
  moves: MoveOutcome[];
}

/** The moves' own checks, before any SQL: every error at once, each naming `moves.<i>.<field>`. */
function checkMoves(moves: WhatIfMove[], startYear: number, asOf: string): void {
  if (moves.length > MAX_MOVES) throwIfAny([{ field: 'moves', message: `at most ${MAX_MOVES} moves` }]);
  const { from, to } = financialYearRange(startYear);
  const errors: FieldError[] = [];
  moves.forEach((m, i) => {
    if (TEMPORARY.includes(m.from)) errors.push({ field: `moves.${i}.from`, message: 'must not be a temporary move (T0–T4)' });
    if (TEMPORARY.includes(m.to)) errors.push({ field: `moves.${i}.to`, message: 'must not be a temporary move (T0–T4)' });
    if (!Number.isInteger(m.count) || m.count < 1) errors.push({ field: `moves.${i}.count`, message: 'must be at least 1' });
    if (m.weeklyFee < 0n) errors.push({ field: `moves.${i}.weeklyFee`, message: 'must not be negative' });
    if (m.fromDate < from || m.fromDate >= to) errors.push({ field: `moves.${i}.fromDate`, message: `must be within ${formatFinancialYear(startYear)} (${from} to ${startYear + 1}-03-31)` });
    else if (m.fromDate < asOf) errors.push({ field: `moves.${i}.fromDate`, message: `must not be before asOf (${asOf}): the forecast changes from asOf on` });
  });
  throwIfAny(errors);
}

/**
 * Picks the placements each move ends, in one statement: move by move in the order given,
 * the open placements of its `from` type on its fromDate (started by then, not ended, any
 * planned end after it; in the locality when one is given) with the highest weekly cost that
 * night (fee plus weekly services), ties by id, none picked twice.
 */
async function pickPlacements(manager: EntityManager, moves: WhatIfMove[], localityId: string | null) {
  const json = JSON.stringify(moves.map((m, i) => ({ ord: i + 1, from_type: m.from, count: m.count, from_date: m.fromDate, weekly_fee: m.weeklyFee.toString() })));
  const rows: Array<{ ord: number; id: string; picked: number; weekly_total: string; weekly_after: string }> = await manager.query(
    `WITH RECURSIVE mv AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(ord int, from_type text, count int, from_date date, weekly_fee bigint)),
     pick(ord, taken, chosen) AS (
       SELECT 0, ARRAY[]::uuid[], ARRAY[]::uuid[]
       UNION ALL
       SELECT mv.ord, pick.taken || sel.ids, sel.ids FROM pick JOIN mv ON mv.ord = pick.ord + 1
       CROSS JOIN LATERAL (SELECT ARRAY(
         SELECT "p"."id" FROM "placement" "p" JOIN "child" "c" ON "c"."id" = "p"."child_id" ${weeklyCostJoins('mv.from_date')}
         WHERE "p"."placement_type"::text = mv.from_type AND ${runningOn('mv.from_date')}
           AND ("p"."planned_end_date" IS NULL OR "p"."planned_end_date" > mv.from_date)
           AND ($2::uuid IS NULL OR "c"."locality_id" = $2) AND "p"."id" <> ALL (pick.taken)
         ORDER BY ${WEEKLY_COST} DESC, "p"."id" LIMIT mv.count) AS ids) sel)
     SELECT pick.ord, "p"."id", count(*) OVER (PARTITION BY pick.ord)::int AS picked,
            sum(${WEEKLY_COST}) OVER (PARTITION BY pick.ord)::text AS weekly_total, (mv.weekly_fee * cardinality(pick.chosen))::text AS weekly_after
     FROM pick JOIN mv ON mv.ord = pick.ord CROSS JOIN unnest(pick.chosen) WITH ORDINALITY AS u(id, n)
     JOIN "placement" "p" ON "p"."id" = u.id ${weeklyCostJoins('mv.from_date')}
     ORDER BY pick.ord, u.n`,
    [json, localityId],
  );
  return moves.map((_m, i) => {
    const mine = rows.filter((r) => r.ord === i + 1);
    return { placementIds: mine.map((r) => r.id), picked: mine[0]?.picked ?? 0, weeklyTotal: BigInt(mine[0]?.weekly_total ?? '0'), weeklyAfter: BigInt(mine[0]?.weekly_after ?? '0') };
  });
}

/**
 * The forecast with the moves applied beside the base: each picked placement ends on the
 * move's fromDate and a placement of the `to` type at the move's weekly fee takes its place
 * from that night to the old one's end, planned end or the year end (same child, locality and
 * budget line rules; no additional services carried over).
 */
export async function whatIf(manager: EntityManager, startYear: number, localityId: string | null, asOf: string, moves: WhatIfMove[]): Promise<WhatIfFigures> {
  checkMoves(moves, startYear, asOf);
  const picks = await pickPlacements(manager, moves, localityId);
  throwIfAny(
    moves.flatMap((m, i) =>
      picks[i].picked < m.count
        ? [{ field: `moves.${i}.count`, message: `only ${picks[i].picked} open ${m.from} placement(s) on ${m.fromDate} are left to move${i > 0 ? ' after the moves before it' : ''}` }]
        : [],
    ),
  );
  const moved: MovedPlacement[] = moves.flatMap((m, i) =>
    picks[i].placementIds.map((placementId) => ({ placementId, toType: m.to, toProviderCode: m.toProviderCode ?? null, weeklyFee: m.weeklyFee, fromDate: m.fromDate })),
  );
  const base = await budgetForecast(manager, startYear, localityId, asOf);
  const scenario = await budgetForecast(manager, startYear, localityId, asOf, moved);
  return {
    base,
    scenario,
    outturnDifference: scenario.outturn - base.outturn,
    childrenInCareDifference: scenario.childrenInCareAtYearEnd - base.childrenInCareAtYearEnd,
    moves: moves.map((_m, i) => ({ index: i, placementIds: picks[i].placementIds, weeklyCostBefore: picks[i].weeklyTotal, weeklyCostAfter: picks[i].weeklyAfter })),
  };
}
