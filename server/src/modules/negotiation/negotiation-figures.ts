import { nightsBetween } from '../../common/dates';
import { divideRoundHalfUp, type Pence } from '../../common/money';
import { OfferParty } from './negotiation-codes';

export interface NegotiationFigures {
  firstAsk: Pence | null;
  agreed: Pence | null;
  savingPerWeek: Pence | null;
  savingVsCardRate: Pence | null;
  /** Nights in the term (both the first and the last day of the contract count). */
  nights: number | null;
  /** Weeks in the term in hundredths: nights × 100 / 7, rounded half-up. */
  weeksHundredths: bigint | null;
  projectedSaving: Pence | null;
}

/**
 * The value of a negotiation, exactly: saving per week = first ask − agreed; saving against
 * the card = card rate − agreed; projected saving = saving per week × nights / 7 over the
 * contract's term, rounded half-up to the penny once.
 */
export function negotiationFigures(
  offers: Array<{ party: OfferParty; amount: Pence; sequence: number }>,
  agreed: Pence | null,
  cardRate: Pence | null,
  term: { startDate: string; endDate: string | null } | null,
): NegotiationFigures {
  const firstAsk = [...offers].sort((a, b) => a.sequence - b.sequence).find((o) => o.party === OfferParty.PROVIDER)?.amount ?? null;
  const savingPerWeek = firstAsk !== null && agreed !== null ? firstAsk - agreed : null;
  const nights = term?.endDate ? nightsBetween(term.startDate, term.endDate) + 1 : null;
  return {
    firstAsk,
    agreed,
    savingPerWeek,
    savingVsCardRate: cardRate !== null && agreed !== null ? cardRate - agreed : null,
    nights,
    weeksHundredths: nights !== null ? divideRoundHalfUp(BigInt(nights) * 100n, 7n) : null,
    projectedSaving: savingPerWeek !== null && nights !== null ? divideRoundHalfUp(savingPerWeek * BigInt(nights), 7n) : null,
  };
}
