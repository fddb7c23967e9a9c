import type { EntityManager } from 'typeorm';
import type { Pence } from '../../common/money';
import { SpendSource } from '../budget/budget-position';
import { COST_OF_WINDOWS } from '../budget/placement-cost-sql';
import { serviceCharges } from '../budget/service-spend-sql';

export interface CareCostLine {
  source: SpendSource;
  /** The placement, route or arrangement. */
  id: string;
  reference: string | null;
  amount: Pence;
}

export interface CareCosts {
  placements: Pence;
  transport: Pence;
  contact: Pence;
  total: Pence;
  lines: CareCostLine[];
}

/**
 * The whole cost of a child's care over [from, to): each placement's nights by its fee
 * history and services (rounded once per placement), the child's shares of transport
 * journeys and the child's contact sessions, by their cost under the contracts. Two queries.
 */
export async function careCosts(manager: EntityManager, childId: string, from: string, to: string): Promise<CareCosts> {
  const placementRows: Array<{ id: string; reference: string | null; cost: string }> = await manager.query(
    `WITH win AS (
       SELECT "p"."id", NULL::text AS category, NULL::text AS bucket, greatest($2::date, "p"."start_date") AS lo, least($3::date, coalesce("p"."end_date", $3::date)) AS hi
       FROM "placement" "p" WHERE "p"."child_id" = $1 AND "p"."start_date" < $3 AND ("p"."end_date" IS NULL OR "p"."end_date" > $2)),
     ${COST_OF_WINDOWS}
     SELECT cost.id, "p"."reference", cost.cost::text AS cost FROM cost JOIN "placement" "p" ON "p"."id" = cost.id ORDER BY "p"."start_date", "p"."id"`,
    [childId, from, to],
  );
  const serviceRows: Array<{ source: SpendSource; id: string; reference: string; amount: string }> = await manager.query(
    `SELECT x.source, x.origin_id AS id, coalesce("r"."reference", "a"."reference") AS reference, sum(x.amount)::text AS amount
     FROM ${serviceCharges('cost', `"day" >= $2 AND "day" < $3`)} x
     LEFT JOIN "transport_route" "r" ON x.source = 'TRANSPORT' AND "r"."id" = x.origin_id
     LEFT JOIN "contact_arrangement" "a" ON x.source = 'CONTACT' AND "a"."id" = x.origin_id
     WHERE x.child_id = $1
     GROUP BY x.source, x.origin_id, "r"."reference", "a"."reference" ORDER BY x.source DESC, 3`,
    [childId, from, to],
  );
  const lines: CareCostLine[] = [
    ...placementRows.map((r) => ({ source: SpendSource.PLACEMENTS, id: r.id, reference: r.reference, amount: BigInt(r.cost) })),
    ...serviceRows.map((r) => ({ source: r.source, id: r.id, reference: r.reference, amount: BigInt(r.amount) })),
  ];
  const sum = (source: SpendSource) => lines.filter((l) => l.source === source).reduce((s, l) => s + l.amount, 0n);
  const placements = sum(SpendSource.PLACEMENTS);
  const transport = sum(SpendSource.TRANSPORT);
  const contact = sum(SpendSource.CONTACT);
  return { placements, transport, contact, total: placements + transport + contact, lines };
}
