import { OfferParty } from './negotiation-codes';
import { negotiationFigures } from './negotiation-figures';

const offer = (sequence: number, party: OfferParty, pounds: string) => ({ sequence, party, amount: BigInt(pounds.replace('.', '')) });

describe('negotiation figures', () => {
  it('works out the savings exactly', () => {
    // Provider asks £950.00, authority offers £850.00, they agree £880.00; card rate £900.00.
    // Term 2026-04-01 to 2026-09-30 inclusive = 183 nights.
    // Saving per week 95000 − 88000 = 7000p; against card 90000 − 88000 = 2000p.
    // Projected 7000 × 183 / 7 = 183000p exactly (£1,830.00); weeks 183 / 7 = 26.142… → 26.14.
    const f = negotiationFigures(
      [offer(2, OfferParty.AUTHORITY, '850.00'), offer(1, OfferParty.PROVIDER, '950.00'), offer(3, OfferParty.PROVIDER, '880.00')],
      88000n,
      90000n,
      { startDate: '2026-04-01', endDate: '2026-09-30' },
    );
    expect(f).toEqual({
      firstAsk: 95000n,
      agreed: 88000n,
      savingPerWeek: 7000n,
      savingVsCardRate: 2000n,
      nights: 183,
      weeksHundredths: 2614n,
      projectedSaving: 183000n,
    });
  });

  it('rounds the projected saving half-up once', () => {
    // Saving £12.34 a week (1234p) over 10 nights: 1234 × 10 / 7 = 1762.857… → 1763p.
    const f = negotiationFigures([offer(1, OfferParty.PROVIDER, '112.34')], 10000n, null, { startDate: '2026-01-01', endDate: '2026-01-10' });
    expect(f.projectedSaving).toBe(1763n);
    expect(f.savingVsCardRate).toBeNull();
  });

  it('leaves what cannot be known empty', () => {
    const f = negotiationFigures([offer(1, OfferParty.AUTHORITY, '500.00')], null, 60000n, null);
    expect(f).toMatchObject({ firstAsk: null, agreed: null, savingPerWeek: null, nights: null, weeksHundredths: null, projectedSaving: null });
  });
});
