import { nightsBetween } from '../../common/dates';
import { divideRoundHalfUp, type Pence } from '../../common/money';
import { ServiceCharge } from './placement.entity';

export interface FeeRow {
  effectiveFrom: string;
  weeklyFee: Pence;
}

export interface ServiceRow {
  charge: ServiceCharge;
  amount: Pence;
  startDate: string;
  endDate: string | null;
}

export interface PlacementDates {
  startDate: string;
  endDate: string | null;
}

const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

/** Nights of [from, to) that also fall in [start, end), where a null end means "continues". */
function overlapNights(from: string, to: string, start: string, end: string | null): number {
  const lo = max(from, start);
  const hi = end ? min(to, end) : to;
  return lo < hi ? nightsBetween(lo, hi) : 0;
}

/**
 * The cost of a placement for the nights from `from` to `to` (`to` not included), by the
 * rules of arithmetic: each night costs the weekly fee in force that night / 7, plus weekly
 * additional services; the sum of fee × nights is divided by 7 and rounded half-up once for
 * the whole range; one-off services dated in the range are added as they are.
 */
export function costBetween(placement: PlacementDates, fees: FeeRow[], services: ServiceRow[], from: string, to: string): Pence {
  if (to <= from) return 0n;
  const ordered = [...fees].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  let weekly = 0n; // Σ weekly amount × nights
  ordered.forEach((fee, i) => {
    const feeEnd = i + 1 < ordered.length ? ordered[i + 1].effectiveFrom : placement.endDate;
    const segmentEnd = feeEnd && placement.endDate ? min(feeEnd, placement.endDate) : (feeEnd ?? placement.endDate);
    const nights = overlapNights(from, to, max(fee.effectiveFrom, placement.startDate), segmentEnd);
    weekly += fee.weeklyFee * BigInt(nights);
  });
  let oneOff = 0n;
  for (const service of services) {
    if (service.charge === ServiceCharge.WEEKLY) {
      const serviceEnd = service.endDate && placement.endDate ? min(service.endDate, placement.endDate) : (service.endDate ?? placement.endDate);
      weekly += service.amount * BigInt(overlapNights(from, to, max(service.startDate, placement.startDate), serviceEnd));
    } else if (service.startDate >= from && service.startDate < to) {
      oneOff += service.amount;
    }
  }
  return divideRoundHalfUp(weekly, 7n) + oneOff;
}

/** The weekly fee in force on a night, or null when the placement is not running that night. */
export function feeOn(placement: PlacementDates, fees: FeeRow[], night: string): Pence | null {
  if (night < placement.startDate || (placement.endDate && night >= placement.endDate)) return null;
  const inForce = fees.filter((f) => f.effectiveFrom <= night).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  return inForce?.weeklyFee ?? null;
}

/** Core fee plus weekly services on a night; null when the placement is not running. */
export function weeklyCostOn(placement: PlacementDates, fees: FeeRow[], services: ServiceRow[], night: string): Pence | null {
  const fee = feeOn(placement, fees, night);
  if (fee === null) return null;
  const extra = services
    .filter((s) => s.charge === ServiceCharge.WEEKLY && s.startDate <= night && (!s.endDate || night < s.endDate))
    .reduce((sum, s) => sum + s.amount, 0n);
  return fee + extra;
}

/** The first day after the financial year that contains `date`: 1 April. */
export function endOfFinancialYearExclusive(date: string): string {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '04-01' ? `${year + 1}-04-01` : `${year}-04-01`;
}

/** Cost from the start to today (today's night not included). */
export function costToDate(placement: PlacementDates, fees: FeeRow[], services: ServiceRow[], today: string): Pence {
  return costBetween(placement, fees, services, placement.startDate, today);
}

/**
 * Cost still to come: from tonight to the end (if known), else the planned end, else the end
 * of the financial year.
 */
export function committedCost(placement: PlacementDates & { plannedEndDate: string | null }, fees: FeeRow[], services: ServiceRow[], today: string): Pence {
  const until = placement.endDate ?? placement.plannedEndDate ?? endOfFinancialYearExclusive(today);
  return costBetween(placement, fees, services, max(today, placement.startDate), until);
}

