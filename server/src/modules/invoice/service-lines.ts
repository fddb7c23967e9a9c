import type { EntityManager } from 'typeorm';
import { addDays } from '../../common/dates';
import { isUuid } from '../../common/versioned-update';
import type { Pence } from '../../common/money';

/** A journey or session an invoice line can charge: its day, cost and the provider of its contract. */
export interface ChargeableService {
  id: string;
  date: string;
  cost: Pence | null;
  providerId: string | null;
}

const SOURCES = {
  journey: `SELECT "j"."id", "j"."date", "j"."cost"::text AS cost, "c"."provider_id" AS "providerId"
            FROM "transport_journey" "j" JOIN "transport_route" "r" ON "r"."id" = "j"."route_id" LEFT JOIN "contract" "c" ON "c"."id" = "r"."contract_id"
            WHERE "j"."id" = ANY($1::uuid[])`,
  session: `SELECT "s"."id", "s"."date", "s"."cost"::text AS cost, "a"."provider_id" AS "providerId"
            FROM "contact_session" "s" JOIN "contact_arrangement" "a" ON "a"."id" = "s"."arrangement_id"
            WHERE "s"."id" = ANY($1::uuid[])`,
};

/** Loads the journeys or sessions invoice lines name, in one query. */
export async function loadServices(tx: EntityManager, kind: keyof typeof SOURCES, ids: string[]): Promise<Map<string, ChargeableService>> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (!valid.length) return new Map();
  const rows: Array<{ id: string; date: string; cost: string | null; providerId: string | null }> = await tx.query(SOURCES[kind], [valid]);
  return new Map(rows.map((r) => [r.id, { id: r.id, date: r.date, cost: r.cost === null ? null : BigInt(r.cost), providerId: r.providerId }]));
}

/** The line's day of service as fromDate/toDate: the day itself and the day after. */
export function serviceDay(date: string): { fromDate: string; toDate: string } {
  return { fromDate: date, toDate: addDays(date, 1) };
}
