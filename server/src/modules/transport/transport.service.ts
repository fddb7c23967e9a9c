import { In, type EntityManager } from 'typeorm';
import { cancellationDisagreement } from '../../common/cancellation-notice';
import { cancellationTerms } from '../../common/cancellation-terms';
import { explainConstraint } from '../../common/constraints';
import { effectiveOn } from '../../common/effective-period';
import { throwIfAny, type FieldError } from '../../common/errors';
import { entityReads } from '../../common/entity-reads';
import { londonInstant } from '../../common/london-time';
import { inTransaction } from '../../common/transaction';
import { missingCoordinate, normalisePostcode } from '../../common/validation';
import { definedOnly } from '../../common/objects';
import { applyUpdate, insertAudited, insertAuditedRows, isUuid, lockForUpdate, touch, updateRows } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { AuditAction } from '../audit/audit-event.entity';
import type { AuditWriter } from '../audit/audit.service';
import { Child } from '../child/child.entity';
import { ContractKind } from '../contract/contract-codes';
import { checkPricePeriod, contractOfKind } from '../contract/contract-prices';
import { TransportJourney } from './journey.entity';
import { journeyList, routeList } from './transport.list';
import { TransportPriceSchedule } from './price-schedule.entity';
import { runningDays, scheduleMisfit, whyNotRunning } from './route-calendar';
import { TransportRoute, TransportRouteChild } from './route.entity';
import { JourneyLeg, JourneyStatus } from './transport-codes';
import type { TransportJourneyInput, TransportJourneyRowUpdate, TransportPriceScheduleInput, TransportRouteInput, TransportRouteUpdateInput } from './transport.inputs';
import { repriceRoutes, routesOfContract } from './transport-pricing';

explainConstraint('uq_transport_route_reference', 'reference', 'another route has this reference');
explainConstraint('uq_transport_journey', 'date', 'the route already has this journey (the same day and leg)');
explainConstraint('ex_transport_price_schedule_overlap', 'effectiveFrom', 'overlaps another price schedule of this contract for the same vehicle type');
explainConstraint('fk_transport_route_contract_id', 'contractId', 'no contract has this id');

const MAX_MILES = 100_000n; // 1,000 miles, in hundredths
const CANCELLED = new Set([JourneyStatus.CANCELLED_IN_TIME, JourneyStatus.CANCELLED_LATE]);

function checkTransportContract(tx: EntityManager, contractId: string, at: (field: string, message: string) => void) {
  return contractOfKind(tx, contractId, ContractKind.TRANSPORT, at);
}

/** The rules a route keeps, on the route as it will be saved. */
async function checkRoute(tx: EntityManager, route: TransportRoute, childIds: string[] | undefined): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const at = (field: string, message: string) => errors.push({ field, message });
  if (route.termEnd < route.termStart) at('termEnd', 'must not be before termStart');
  else if (runningDaysCountBound(route)) at('termEnd', 'a term is at most 366 days; make one route per term');
  route.termBreaks.forEach((b, i) => {
    if (b.to < b.from) at(`termBreaks.${i}.to`, 'must not be before from');
    else if (b.from < route.termStart || b.to > route.termEnd) at(`termBreaks.${i}.from`, `must be inside the term (${route.termStart} to ${route.termEnd})`);
  });
  if (route.miles < 0n) at('miles', 'must not be negative');
  else if (route.miles > MAX_MILES) at('miles', 'must be at most 1000');
  for (const e of [missingCoordinate(route.fromLatitude, route.fromLongitude, 'fromLatitude', 'fromLongitude'), missingCoordinate(route.toLatitude, route.toLongitude, 'toLatitude', 'toLongitude')]) {
    if (e) errors.push(e);
  }
  if (route.contractId) await checkTransportContract(tx, route.contractId, at);
  if (childIds) {
    const bad = childIds.findIndex((id) => !isUuid(id));
    if (bad >= 0) at(`childIds.${bad}`, 'is not a valid id (a UUID)');
    else {
      const found = new Set((await tx.findBy(Child, { id: In(childIds) })).map((c) => c.id));
      const missing = childIds.findIndex((id) => !found.has(id));
      if (missing >= 0) at(`childIds.${missing}`, 'no child has this id');
    }
  }
  return errors;
}

function runningDaysCountBound(route: TransportRoute): boolean {
  return new Date(`${route.termEnd}T00:00:00Z`).getTime() - new Date(`${route.termStart}T00:00:00Z`).getTime() > 365 * 86_400_000;
}

/** Sets the route's children; true when they changed. */
async function setRouteChildren(tx: EntityManager, audit: AuditWriter, routeId: string, childIds: string[]): Promise<boolean> {
  const before = (await tx.findBy(TransportRouteChild, { routeId })).map((c) => c.childId).sort();
  const after = [...new Set(childIds)].sort();
  if (JSON.stringify(before) === JSON.stringify(after)) return false;
  await tx.delete(TransportRouteChild, { routeId });
  await tx.insert(TransportRouteChild, after.map((childId) => ({ routeId, childId })));
  await audit.record({ entityType: 'TransportRoute', entityId: routeId, action: AuditAction.UPDATE, before: { childIds: before }, after: { childIds: after } });
  return true;
}

export interface JourneyContext {
  route: TransportRoute;
  schedules: TransportPriceSchedule[];
}

/** The price schedules that apply to each route's journeys, for many routes in one query. */
export async function journeyContexts(tx: EntityManager, routes: TransportRoute[]): Promise<Map<string, JourneyContext>> {
  const contractIds = [...new Set(routes.map((r) => r.contractId).filter((id): id is string => Boolean(id)))];
  const schedules = contractIds.length ? await tx.findBy(TransportPriceSchedule, { contractId: In(contractIds) }) : [];
  return new Map(routes.map((route) => [route.id, { route, schedules: schedules.filter((s) => s.contractId === route.contractId && s.vehicleType === route.vehicleType) }]));
}

/**
 * The rules of one journey as it will be saved: on a day the route runs, a leg the route has,
 * miles not negative, a cancellation with its time and a status that agrees with the notice
 * the contract asks for. Errors are named `prefix` + field.
 */
export function checkJourney(ctx: JourneyContext, j: Pick<TransportJourney, 'date' | 'leg' | 'miles' | 'status' | 'cancelledAt'>, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  const at = (field: string, message: string) => errors.push({ field: `${prefix}${field}`, message });
  const why = whyNotRunning(ctx.route, j.date);
  if (why) at('date', why);
  if (j.leg === JourneyLeg.RETURN && !ctx.route.returnPickupTime) at('leg', 'the route is one-way: it has no return journey');
  if (j.miles < 0n) at('miles', 'must not be negative');
  else if (j.miles > MAX_MILES) at('miles', 'must be at most 1000');
  if (CANCELLED.has(j.status)) {
    if (!j.cancelledAt) at('cancelledAt', `is required when the journey is ${j.status}`);
    else {
      const schedule = effectiveOn(ctx.schedules, j.date);
      const time = j.leg === JourneyLeg.RETURN ? ctx.route.returnPickupTime : ctx.route.pickupTime;
      const claimed = j.status === JourneyStatus.CANCELLED_LATE ? 'LATE' : 'IN_TIME';
      const disagreement = schedule && time && !why ? cancellationDisagreement(claimed, schedule.cancellation, londonInstant(j.date, time), j.cancelledAt) : null;
      if (disagreement) at('status', disagreement);
    }
  } else if (j.cancelledAt) at('cancelledAt', `only a cancelled journey has a cancellation time; the journey is ${j.status}`);
  return errors;
}

export const transportService = {
  routes: entityReads(routeList.spec),
  journeys: entityReads(journeyList.spec),

  createSchedule(ctx: GraphQLContext, input: TransportPriceScheduleInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const values = {
        contractId: input.contractId,
        vehicleType: input.vehicleType,
        pricingBasis: input.pricingBasis,
        rate: input.rate,
        escortRate: input.escortRate ?? 0n,
        waitingRatePerHour: input.waitingRatePerHour ?? 0n,
        freeWaitingMinutes: input.freeWaitingMinutes ?? 0,
        cancellation: cancellationTerms(input.cancellation),
        effectiveFrom: input.effectiveFrom,
        effectiveTo: input.effectiveTo ?? null,
      };
      await checkSchedule(tx, values);
      const schedule = await insertAudited(tx, audit, 'TransportPriceSchedule', TransportPriceSchedule, values);
      await repriceRoutes(tx, await routesOfContract(tx, schedule.contractId, schedule.vehicleType));
      return schedule;
    });
  },

  updateSchedule(ctx: GraphQLContext, id: string, version: number, input: Partial<TransportPriceScheduleInput>) {
    return inTransaction(ctx, async (tx, audit) => {
      const schedule = await lockForUpdate(tx, TransportPriceSchedule, 'TransportPriceSchedule', id, version);
      const patch: Partial<TransportPriceSchedule> = {
        pricingBasis: input.pricingBasis,
        rate: input.rate,
        escortRate: input.escortRate,
        waitingRatePerHour: input.waitingRatePerHour,
        freeWaitingMinutes: input.freeWaitingMinutes,
        cancellation: input.cancellation ? { ...schedule.cancellation, ...definedOnly(input.cancellation) } : undefined,
        effectiveFrom: input.effectiveFrom,
        effectiveTo: input.effectiveTo,
      };
      await checkSchedule(tx, { ...schedule, ...definedOnly(patch) }, schedule.id);
      const saved = await applyUpdate(tx, audit, 'TransportPriceSchedule', schedule, patch);
      await repriceRoutes(tx, await routesOfContract(tx, saved.contractId, saved.vehicleType));
      return saved;
    });
  },

  createRoute(ctx: GraphQLContext, input: TransportRouteInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const route = tx.create(TransportRoute, {
        reference: input.reference.trim(),
        purpose: input.purpose,
        vehicleType: input.vehicleType,
        contractId: input.contractId ?? null,
        fromPostcode: normalisePostcode(input.fromPostcode),
        fromLatitude: input.fromLatitude ?? null,
        fromLongitude: input.fromLongitude ?? null,
        toPostcode: normalisePostcode(input.toPostcode),
        toLatitude: input.toLatitude ?? null,
        toLongitude: input.toLongitude ?? null,
        miles: input.miles,
        days: [...new Set(input.days)],
        pickupTime: input.pickupTime,
        returnPickupTime: input.returnPickupTime ?? null,
        termStart: input.termStart,
        termEnd: input.termEnd,
        termBreaks: (input.termBreaks ?? []).map((b) => ({ from: b.from, to: b.to })),
        runsOnBankHolidays: input.runsOnBankHolidays ?? false,
        notes: input.notes ?? null,
      });
      throwIfAny(await checkRoute(tx, route, input.childIds));
      const saved = await insertAudited(tx, audit, 'TransportRoute', TransportRoute, route);
      await setRouteChildren(tx, audit, saved.id, input.childIds);
      return saved;
    });
  },

  updateRoute(ctx: GraphQLContext, id: string, version: number, input: TransportRouteUpdateInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const route = await lockForUpdate(tx, TransportRoute, 'TransportRoute', id, version);
      const patch = definedOnly({
        contractId: input.contractId,
        miles: input.miles,
        days: input.days ? [...new Set(input.days)] : undefined,
        pickupTime: input.pickupTime,
        returnPickupTime: input.returnPickupTime,
        termStart: input.termStart,
        termEnd: input.termEnd,
        termBreaks: input.termBreaks?.map((b) => ({ from: b.from, to: b.to })),
        runsOnBankHolidays: input.runsOnBankHolidays,
        notes: input.notes,
      }) as Partial<TransportRoute>;
      const next = Object.assign(tx.create(TransportRoute, { ...route }), patch);
      const errors = await checkRoute(tx, next, input.childIds);
      if (!errors.length) {
        const journeys = await tx.find(TransportJourney, { where: { routeId: id }, order: { date: 'ASC' } });
        const misfits = journeys.map((j) => ({ j, misfit: scheduleMisfit(next, j.date) })).filter((m) => m.misfit);
        if (misfits.length) {
          const { j, misfit } = misfits[0];
          errors.push({ field: misfit!.field, message: `${misfits.length} journey(s) would no longer fit the route: the first, on ${j.date}, ${misfit!.message}. Remove or move them first` });
        }
        if (next.returnPickupTime === null && journeys.some((j) => j.leg === JourneyLeg.RETURN)) errors.push({ field: 'returnPickupTime', message: 'the route has return journeys; it cannot become one-way' });
      }
      throwIfAny(errors);
      const saved = await applyUpdate(tx, audit, 'TransportRoute', route, patch);
      if (input.childIds && (await setRouteChildren(tx, audit, id, input.childIds)) && saved.version === version) await touch(tx, saved);
      await repriceRoutes(tx, [id]);
      return tx.findOneByOrFail(TransportRoute, { id });
    });
  },

  /** Adds journeys to a route, all or nothing; errors name `journeys.N.field`. */
  addJourneys(ctx: GraphQLContext, routeId: string, version: number, inputs: TransportJourneyInput[]) {
    return inTransaction(ctx, async (tx, audit) => {
      const route = await lockForUpdate(tx, TransportRoute, 'TransportRoute', routeId, version);
      const context = (await journeyContexts(tx, [route])).get(route.id)!;
      const existing = new Set((await tx.findBy(TransportJourney, { routeId })).map((j) => `${j.date}/${j.leg}`));
      const errors: FieldError[] = [];
      const rows = inputs.map((input, i) => {
        const row = {
          routeId,
          date: input.date,
          leg: input.leg ?? JourneyLeg.OUTBOUND,
          miles: input.miles ?? route.miles,
          escort: input.escort ?? false,
          waitingMinutes: input.waitingMinutes ?? 0,
          status: input.status ?? JourneyStatus.PLANNED,
          cancelledAt: input.cancelledAt ?? null,
          cost: null,
        };
        errors.push(...checkJourney(context, row, `journeys.${i}.`));
        const key = `${row.date}/${row.leg}`;
        if (existing.has(key)) errors.push({ field: `journeys.${i}.date`, message: `the route already has the ${row.leg} journey of ${row.date}` });
        existing.add(key);
        return row;
      });
      throwIfAny(errors);
      await insertAuditedRows(tx, audit, 'TransportJourney', TransportJourney, rows);
      await repriceRoutes(tx, [routeId]);
      await touch(tx, route);
      return tx.findOneByOrFail(TransportRoute, { id: routeId });
    });
  },

  /** Creates the journeys of every day the route runs in its term that has none yet. */
  generateTermJourneys(ctx: GraphQLContext, routeId: string, version: number) {
    return inTransaction(ctx, async (tx, audit) => {
      const route = await lockForUpdate(tx, TransportRoute, 'TransportRoute', routeId, version);
      const existing = new Set((await tx.findBy(TransportJourney, { routeId })).map((j) => `${j.date}/${j.leg}`));
      const legs = route.returnPickupTime ? [JourneyLeg.OUTBOUND, JourneyLeg.RETURN] : [JourneyLeg.OUTBOUND];
      const rows = runningDays(route)
        .flatMap((date) => legs.map((leg) => ({ date, leg })))
        .filter(({ date, leg }) => !existing.has(`${date}/${leg}`))
        .map(({ date, leg }) => ({ routeId, date, leg, miles: route.miles, escort: false, waitingMinutes: 0, status: JourneyStatus.PLANNED, cancelledAt: null, cost: null }));
      await insertAuditedRows(tx, audit, 'TransportJourney', TransportJourney, rows);
      await repriceRoutes(tx, [routeId]);
      if (rows.length) await touch(tx, route);
      return { route: await tx.findOneByOrFail(TransportRoute, { id: routeId }), created: rows.length, alreadyThere: existing.size };
    });
  },

  /** Changes many journeys at once, all or nothing; an error names the item (`index`) and its field. */
  updateJourneys(ctx: GraphQLContext, items: TransportJourneyRowUpdate[]) {
    return inTransaction(ctx, async (tx, audit) => {
      const ids = items.map((item) => item.id).filter(isUuid);
      const journeys = new Map((await tx.findBy(TransportJourney, { id: In(ids) })).map((j) => [j.id, j]));
      const routes = await tx.findBy(TransportRoute, { id: In([...new Set([...journeys.values()].map((j) => j.routeId))]) });
      const contexts = await journeyContexts(tx, routes);
      const errors: FieldError[] = [];
      const changes = items.map(({ id, version, input }, index) => {
        const item = { id, version, ...input };
        const journey = journeys.get(item.id);
        const status = item.status ?? journey?.status ?? JourneyStatus.PLANNED;
        const patch = definedOnly({
          miles: item.miles,
          escort: item.escort,
          waitingMinutes: item.waitingMinutes,
          status: item.status,
          // A journey that is no longer cancelled loses its cancellation time unless one is sent.
          cancelledAt: item.cancelledAt !== undefined ? item.cancelledAt : CANCELLED.has(status) ? undefined : null,
        }) as Partial<TransportJourney>;
        if (journey && journey.version === item.version) {
          errors.push(...checkJourney(contexts.get(journey.routeId)!, { ...journey, ...patch }, '').map((e) => ({ ...e, index })));
        }
        return { id: item.id, version: item.version, patch };
      });
      throwIfAny(errors);
      const saved = await updateRows(tx, audit, 'TransportJourney', TransportJourney, changes);
      await repriceRoutes(tx, routes.map((r) => r.id));
      const fresh = new Map((await tx.findBy(TransportJourney, { id: In(saved.map((j) => j.id)) })).map((j) => [j.id, j]));
      return saved.map((j) => fresh.get(j.id)!);
    });
  },
};


async function checkSchedule(tx: EntityManager, s: Omit<TransportPriceSchedule, 'id' | 'version' | 'createdAt' | 'updatedAt'>, exceptId?: string): Promise<void> {
  const errors: FieldError[] = [];
  const at = (field: string, message: string) => errors.push({ field, message });
  const contract = await checkTransportContract(tx, s.contractId, at);
  if (s.rate <= 0n) at('rate', 'must be more than zero');
  if (s.escortRate < 0n) at('escortRate', 'must not be negative');
  if (s.waitingRatePerHour < 0n) at('waitingRatePerHour', 'must not be negative');
  if (contract) {
    const others = await tx.findBy(TransportPriceSchedule, { contractId: s.contractId, vehicleType: s.vehicleType });
    checkPricePeriod(s, contract, others, (o) => `the ${o.vehicleType} schedule of this contract`, at, exceptId);
  }
  throwIfAny(errors);
}
