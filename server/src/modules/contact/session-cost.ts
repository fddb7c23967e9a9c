import { divideRoundHalfUp, type Pence } from '../../common/money';
import type { CancellationTerms } from '../../common/cancellation-terms';
import { SessionStatus } from './contact-codes';

export interface RatePrices {
  hourlyRate: Pence;
  venueCharge: Pence | null;
  cancellation: CancellationTerms;
}

export interface SessionCharge {
  /** Null while planned. */
  chargeable: boolean | null;
  /** Hundredths of an hour the charge is worked on. */
  chargeableHours: bigint;
  percent: number;
  cost: Pence;
}

/**
 * What a session costs: chargeable hours × hourly rate, plus the venue charge where the
 * contract has one, at the contract's percentage; rounded half-up to the penny once.
 *
 *   PLANNED                  planned hours, 100% (what it will cost; not yet chargeable)
 *   ATTENDED                 actual hours (planned when not recorded), 100%
 *   CANCELLED_BY_FAMILY_LATE planned hours, late %
 *   NO_SHOW                  planned hours, no-show %
 *   CANCELLED_IN_TIME, PROVIDER_CANCELLED   not chargeable: nothing
 */
export function sessionCharge(rate: RatePrices, session: { status: SessionStatus; plannedHours: bigint; actualHours: bigint | null }): SessionCharge {
  const terms = rate.cancellation;
  const [chargeable, hours, percent] = ((): [boolean | null, bigint, number] => {
    switch (session.status) {
      case SessionStatus.PLANNED: return [null, session.plannedHours, 100];
      case SessionStatus.ATTENDED: return [true, session.actualHours ?? session.plannedHours, 100];
      case SessionStatus.CANCELLED_BY_FAMILY_LATE: return [terms.latePercent > 0, session.plannedHours, terms.latePercent];
      case SessionStatus.NO_SHOW: return [terms.noShowPercent > 0, session.plannedHours, terms.noShowPercent];
      case SessionStatus.CANCELLED_IN_TIME:
      case SessionStatus.PROVIDER_CANCELLED: return [false, 0n, 0];
    }
  })();
  // Over 100 (hundredths of an hour) × 100 (percent).
  const numerator = (rate.hourlyRate * hours + (rate.venueCharge ?? 0n) * 100n) * BigInt(percent);
  return { chargeable, chargeableHours: chargeable === false ? 0n : hours, percent, cost: divideRoundHalfUp(numerator, 10000n) };
}
