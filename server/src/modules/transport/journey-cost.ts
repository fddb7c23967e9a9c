import { divideRoundHalfUp, type Pence } from '../../common/money';
import type { CancellationTerms } from '../../common/cancellation-terms';
import { JourneyLeg, JourneyStatus, PricingBasis } from './transport-codes';

export interface SchedulePrices {
  pricingBasis: PricingBasis;
  rate: Pence;
  escortRate: Pence;
  waitingRatePerHour: Pence;
  freeWaitingMinutes: number;
  cancellation: CancellationTerms;
}

export interface JourneyFacts {
  status: JourneyStatus;
  leg: JourneyLeg;
  /** Hundredths of a mile. */
  miles: bigint;
  escort: boolean;
  waitingMinutes: number;
}

/** What a per-day or per-term price needs to know about the other journeys it is shared with. */
export interface SharedPrice {
  /** Legs the route runs each day (1, or 2 with a return). */
  legsPerDay: number;
  /** For a term price: the route's journeys in the term, and this one's place among them (from 1, by date then leg). */
  termJourneys?: number;
  termRank?: number;
}

/** The part of a shared price that falls on the `rank`-th (from 1) of `parts`: equal shares, odd pence to the first. */
function shareOf(amount: Pence, parts: number, rank: number): Pence {
  const n = BigInt(parts);
  return amount / n + (BigInt(rank) <= amount % n ? 1n : 0n);
}

/**
 * The cost of one journey, exact and rounded half-up to the penny once:
 *
 *   price    = rate × miles (per mile) | rate (per journey) | the leg's share of the day rate
 *              | the journey's share of the term price
 *   extras   = escort rate (with an escort) + waiting rate × (minutes − free minutes) / 60
 *   PLANNED, COMPLETED   price + extras
 *   CANCELLED_IN_TIME    nothing (a term price is still due: it does not depend on use)
 *   CANCELLED_LATE       late % × (price + escort)
 *   NO_SHOW              no-show % × (price + escort) + waiting
 *
 * All parts are put over one denominator (100 for miles × 60 for minutes × 100 for percent)
 * so the only rounding is the last one.
 */
export function journeyCost(prices: SchedulePrices, journey: JourneyFacts, shared: SharedPrice): Pence {
  const D = 100n * 60n * 100n;
  let price: bigint; // over D
  switch (prices.pricingBasis) {
    case PricingBasis.PER_MILE:
      price = prices.rate * journey.miles * 60n * 100n;
      break;
    case PricingBasis.PER_JOURNEY:
      price = prices.rate * D;
      break;
    case PricingBasis.PER_DAY:
      price = shareOf(prices.rate, shared.legsPerDay, journey.leg === JourneyLeg.OUTBOUND ? 1 : 2) * D;
      break;
    case PricingBasis.PER_ROUTE_TERM:
      price = shareOf(prices.rate, Math.max(1, shared.termJourneys ?? 1), shared.termRank ?? 1) * D;
      break;
  }
  const escort = journey.escort ? prices.escortRate * D : 0n;
  const waitMinutes = BigInt(Math.max(0, journey.waitingMinutes - prices.freeWaitingMinutes));
  const waiting = prices.waitingRatePerHour * waitMinutes * 100n * 100n;
  const percent = (p: number) => BigInt(p);
  let numerator: bigint; // over D × 100
  switch (journey.status) {
    case JourneyStatus.PLANNED:
    case JourneyStatus.COMPLETED:
      numerator = (price + escort + waiting) * 100n;
      break;
    case JourneyStatus.CANCELLED_IN_TIME:
      numerator = prices.pricingBasis === PricingBasis.PER_ROUTE_TERM ? price * 100n : 0n;
      break;
    case JourneyStatus.CANCELLED_LATE:
      numerator = prices.pricingBasis === PricingBasis.PER_ROUTE_TERM ? price * 100n : (price + escort) * percent(prices.cancellation.latePercent);
      break;
    case JourneyStatus.NO_SHOW:
      numerator = (prices.pricingBasis === PricingBasis.PER_ROUTE_TERM ? price * 100n : (price + escort) * percent(prices.cancellation.noShowPercent)) + waiting * 100n;
      break;
  }
  return divideRoundHalfUp(numerator, D * 100n);
}
