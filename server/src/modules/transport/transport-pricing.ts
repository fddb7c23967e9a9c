import { In, type EntityManager } from 'typeorm';
import { effectiveOn } from '../../common/effective-period';
import { TransportJourney } from './journey.entity';
import { journeyCost } from './journey-cost';
import { TransportPriceSchedule } from './price-schedule.entity';
import { TransportRoute } from './route.entity';
import { JourneyLeg } from './transport-codes';

const LEG_ORDER = { [JourneyLeg.OUTBOUND]: 0, [JourneyLeg.RETURN]: 1 };

/**
 * Works out again the cost of every journey of these routes from their contracts' price
 * schedules, and writes the ones that changed in one statement. Whole routes at a time,
 * because a term price is shared between all of a route's journeys. Three queries and one
 * update, whatever the number of routes.
 */
export async function repriceRoutes(tx: EntityManager, routeIds: string[]): Promise<void> {
  if (!routeIds.length) return;
  const routes = await tx.findBy(TransportRoute, { id: In(routeIds) });
  const contractIds = [...new Set(routes.map((r) => r.contractId).filter((id): id is string => Boolean(id)))];
  const schedules = contractIds.length ? await tx.find(TransportPriceSchedule, { where: { contractId: In(contractIds) }, order: { effectiveFrom: 'ASC' } }) : [];
  const journeys = await tx.find(TransportJourney, { where: { routeId: In(routeIds) } });
  const byRoute = new Map<string, TransportJourney[]>(routes.map((r) => [r.id, []]));
  for (const j of journeys) byRoute.get(j.routeId)?.push(j);
  const ids: string[] = [];
  const costs: Array<string | null> = [];
  for (const route of routes) {
    const own = schedules.filter((s) => s.contractId === route.contractId && s.vehicleType === route.vehicleType);
    const list = byRoute.get(route.id)!.sort((a, b) => a.date.localeCompare(b.date) || LEG_ORDER[a.leg] - LEG_ORDER[b.leg]);
    const legsPerDay = route.returnPickupTime ? 2 : 1;
    list.forEach((journey, i) => {
      const schedule = effectiveOn(own, journey.date);
      const cost = schedule ? journeyCost(schedule, journey, { legsPerDay, termJourneys: list.length, termRank: i + 1 }) : null;
      if (cost !== journey.cost) {
        ids.push(journey.id);
        costs.push(cost === null ? null : cost.toString());
      }
    });
  }
  if (!ids.length) return;
  await tx.query(
    `UPDATE "transport_journey" AS j SET "cost" = v.cost
     FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::bigint[]) AS cost) AS v WHERE j."id" = v.id`,
    [ids, costs],
  );
}

/** Routes priced by a contract's schedules for a vehicle type. */
export async function routesOfContract(tx: EntityManager, contractId: string, vehicleType?: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await tx.query(
    `SELECT "id" FROM "transport_route" WHERE "contract_id" = $1 AND ($2::text IS NULL OR "vehicle_type"::text = $2)`,
    [contractId, vehicleType ?? null],
  );
  return rows.map((r) => r.id);
}
