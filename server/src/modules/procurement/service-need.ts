import type { EntityManager } from 'typeorm';
import { cancellationTerms } from '../../common/cancellation-terms';
import { formatPence } from '../../common/money';
import { isUuid, applyUpdate, insertAudited } from '../../common/versioned-update';

import type { AuditWriter } from '../audit/audit.service';
import { ContactArrangement, ContactRate } from '../contact/contact.entity';
import { repriceArrangements } from '../contact/contact-pricing';
import type { Contract } from '../contract/contract.entity';
import { TransportPriceSchedule } from '../transport/price-schedule.entity';
import { TransportRoute } from '../transport/route.entity';
import { repriceRoutes } from '../transport/transport-pricing';
import { PricingBasis } from '../transport/transport-codes';
import { RoundCategory } from './procurement-codes';
import type { Bid, ProcurementRound } from './procurement.entity';
import type { AwardContractInput, ProcurementRoundCreateInput } from './procurement.inputs';

type At = (field: string, message: string) => void;
const hours = (h: bigint) => formatPence(h).replace(/\.00$/, '');

/**
 * Fills a transport or contact round's need from its route or arrangement: the dates, the
 * place and, unless given, the need in words. The route or arrangement must not be under a
 * contract already.
 */
export async function needOfService(tx: EntityManager, input: ProcurementRoundCreateInput, at: At): Promise<Partial<ProcurementRound>> {
  const routeId = input.transportRouteId ?? null;
  const arrangementId = input.contactArrangementId ?? null;
  if (routeId && input.category !== RoundCategory.TRANSPORT) at('transportRouteId', 'only a TRANSPORT round buys a route');
  if (arrangementId && input.category !== RoundCategory.SUPERVISED_CONTACT) at('contactArrangementId', 'only a SUPERVISED_CONTACT round buys an arrangement');
  if (routeId && input.category === RoundCategory.TRANSPORT) {
    const route = isUuid(routeId) ? await tx.findOneBy(TransportRoute, { id: routeId }) : null;
    if (!route) return at('transportRouteId', isUuid(routeId) ? 'no route has this id' : 'is not a valid id (a UUID)'), {};
    if (route.contractId) return at('transportRouteId', 'the route is already under a contract'), {};
    return {
      transportRouteId: route.id,
      startDate: input.startDate ?? route.termStart,
      endDate: input.endDate ?? route.termEnd,
      postcode: input.postcode ? undefined : route.fromPostcode,
      latitude: input.latitude ?? route.fromLatitude,
      longitude: input.longitude ?? route.fromLongitude,
      needDescription:
        input.needDescription ??
        `Route ${route.reference}: ${route.purpose}, ${route.vehicleType}, ${route.fromPostcode} to ${route.toPostcode}, ${hours(route.miles)} miles each way, ` +
          `${route.days.join(' ')} at ${route.pickupTime}${route.returnPickupTime ? ` and ${route.returnPickupTime}` : ''}, ${route.termStart} to ${route.termEnd}. Price per journey.`,
    };
  }
  if (arrangementId && input.category === RoundCategory.SUPERVISED_CONTACT) {
    const arrangement = isUuid(arrangementId) ? await tx.findOneBy(ContactArrangement, { id: arrangementId }) : null;
    if (!arrangement) return at('contactArrangementId', isUuid(arrangementId) ? 'no arrangement has this id' : 'is not a valid id (a UUID)'), {};
    if (arrangement.contractId) return at('contactArrangementId', 'the arrangement is already under a contract'), {};
    return {
      contactArrangementId: arrangement.id,
      startDate: input.startDate ?? arrangement.startDate,
      endDate: input.endDate ?? arrangement.endDate,
      needDescription:
        input.needDescription ??
        `Arrangement ${arrangement.reference}: ${arrangement.supervisionLevel} contact with ${arrangement.contactWith.join(', ')}, ${arrangement.frequency}, ` +
          `${hours(arrangement.sessionHours)} hours a session at ${arrangement.venue}, from ${arrangement.startDate}${arrangement.endDate ? ` to ${arrangement.endDate}` : ''}. Price per hour.`,
    };
  }
  return {};
}

/**
 * What an award adds for a transport or contact round with a route or arrangement: the price
 * (a per-journey schedule for the route's vehicle, or an hourly rate for the arrangement's
 * supervision level, at the bid's amount, for the contract's term) and the route or
 * arrangement put under the new contract, its journeys or sessions priced.
 */
export async function putServiceUnderContract(tx: EntityManager, audit: AuditWriter, round: ProcurementRound, bid: Bid, contract: Contract, input: AwardContractInput): Promise<void> {
  const period = { effectiveFrom: contract.startDate, effectiveTo: contract.endDate };
  const cancellation = cancellationTerms(input.cancellation);
  if (round.transportRouteId) {
    const route = await tx.findOneByOrFail(TransportRoute, { id: round.transportRouteId });
    await insertAudited(tx, audit, 'TransportPriceSchedule', TransportPriceSchedule, {
      contractId: contract.id, vehicleType: route.vehicleType, pricingBasis: PricingBasis.PER_JOURNEY, rate: bid.amount,
      escortRate: input.escortRate ?? 0n, waitingRatePerHour: input.waitingRatePerHour ?? 0n, freeWaitingMinutes: 0, cancellation, ...period,
    });
    await applyUpdate(tx, audit, 'TransportRoute', route, { contractId: contract.id });
    await repriceRoutes(tx, [route.id]);
  }
  if (round.contactArrangementId) {
    const arrangement = await tx.findOneByOrFail(ContactArrangement, { id: round.contactArrangementId });
    await insertAudited(tx, audit, 'ContactRate', ContactRate, {
      contractId: contract.id, supervisionLevel: arrangement.supervisionLevel, hourlyRate: bid.amount, venueCharge: input.venueCharge ?? null, cancellation, ...period,
    });
    await applyUpdate(tx, audit, 'ContactArrangement', arrangement, { contractId: contract.id, providerId: contract.providerId });
    await repriceArrangements(tx, [arrangement.id]);
  }
}


