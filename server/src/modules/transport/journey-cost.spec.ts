import { splitEqually } from '../../common/share-split';
import { journeyCost, type SchedulePrices } from './journey-cost';
import { JourneyLeg, JourneyStatus, PricingBasis } from './transport-codes';

const terms = { freeHours: 24, latePercent: 50, noShowPercent: 100 };
const perMile: SchedulePrices = { pricingBasis: PricingBasis.PER_MILE, rate: 45n, escortRate: 1200n, waitingRatePerHour: 1800n, freeWaitingMinutes: 10, cancellation: terms };
const journey = { status: JourneyStatus.COMPLETED, leg: JourneyLeg.OUTBOUND, miles: 1235n, escort: false, waitingMinutes: 0 };
const oneLeg = { legsPerDay: 1 };

describe('journey cost, worked by hand', () => {
  it('per mile: 45p × 12.35 miles = 555.75p → £5.56', () => {
    expect(journeyCost(perMile, journey, oneLeg)).toBe(556n);
  });

  it('per mile with an escort (£12) and 25 minutes’ waiting, 10 free, at £18 an hour: 555.75 + 1200 + 450 = 2205.75p → £22.06', () => {
    expect(journeyCost(perMile, { ...journey, escort: true, waitingMinutes: 25 }, oneLeg)).toBe(2206n);
  });

  it('waiting within the free minutes costs nothing', () => {
    expect(journeyCost(perMile, { ...journey, waitingMinutes: 10 }, oneLeg)).toBe(556n);
  });

  it('cancelled late at 50%: 50% × (555.75 + 1200) = 877.875p → £8.78; waiting is not charged', () => {
    expect(journeyCost(perMile, { ...journey, escort: true, waitingMinutes: 30, status: JourneyStatus.CANCELLED_LATE }, oneLeg)).toBe(878n);
  });

  it('cancelled in time costs nothing', () => {
    expect(journeyCost(perMile, { ...journey, escort: true, status: JourneyStatus.CANCELLED_IN_TIME }, oneLeg)).toBe(0n);
  });

  it('a no-show at 100% with 40 minutes’ waiting: 555.75 + 1200 + 1800 × 30 / 60 = 2655.75p → £26.56', () => {
    expect(journeyCost(perMile, { ...journey, escort: true, waitingMinutes: 40, status: JourneyStatus.NO_SHOW }, oneLeg)).toBe(2656n);
  });

  const perJourney: SchedulePrices = { ...perMile, pricingBasis: PricingBasis.PER_JOURNEY, rate: 3250n, escortRate: 1000n, cancellation: { ...terms, noShowPercent: 75 } };

  it('per journey: £32.50, with an escort £42.50, cancelled late with an escort £21.25, a no-show at 75% £24.38 (2437.5p rounded half-up)', () => {
    expect(journeyCost(perJourney, journey, oneLeg)).toBe(3250n);
    expect(journeyCost(perJourney, { ...journey, escort: true }, oneLeg)).toBe(4250n);
    expect(journeyCost(perJourney, { ...journey, escort: true, status: JourneyStatus.CANCELLED_LATE }, oneLeg)).toBe(2125n);
    expect(journeyCost(perJourney, { ...journey, status: JourneyStatus.NO_SHOW }, oneLeg)).toBe(2438n);
  });

  it('per day: £85.01 shared between two legs, outbound £42.51 and return £42.50; a one-way route pays it all', () => {
    const perDay: SchedulePrices = { ...perMile, pricingBasis: PricingBasis.PER_DAY, rate: 8501n };
    expect(journeyCost(perDay, journey, { legsPerDay: 2 })).toBe(4251n);
    expect(journeyCost(perDay, { ...journey, leg: JourneyLeg.RETURN }, { legsPerDay: 2 })).toBe(4250n);
    expect(journeyCost(perDay, journey, oneLeg)).toBe(8501n);
  });

  it('per route per term: £1,000 over 118 journeys is £8.48 for the first 54 and £8.47 for the other 64, cancelled or not', () => {
    const perTerm: SchedulePrices = { ...perMile, pricingBasis: PricingBasis.PER_ROUTE_TERM, rate: 100000n };
    const costs = Array.from({ length: 118 }, (_, i) =>
      journeyCost(perTerm, { ...journey, status: i % 10 === 0 ? JourneyStatus.CANCELLED_IN_TIME : JourneyStatus.COMPLETED }, { legsPerDay: 2, termJourneys: 118, termRank: i + 1 }),
    );
    expect(costs.filter((c) => c === 848n)).toHaveLength(54);
    expect(costs.filter((c) => c === 847n)).toHaveLength(64);
    expect(costs.reduce((a, b) => a + b, 0n)).toBe(100000n);
  });

  it('a shared journey of £22.06 between three children is £7.36, £7.35 and £7.35: the split adds up to the penny', () => {
    const cost = journeyCost(perMile, { ...journey, escort: true, waitingMinutes: 25 }, oneLeg);
    const shares = splitEqually(cost, 3);
    expect(shares).toEqual([736n, 735n, 735n]);
    expect(shares.reduce((a, b) => a + b, 0n)).toBe(cost);
  });
});
