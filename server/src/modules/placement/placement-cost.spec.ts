import { committedCost, costBetween, costToDate, endOfFinancialYearExclusive, feeOn, weeklyCostOn } from './placement-cost';
import { ServiceCharge } from './placement.entity';

const fee = (effectiveFrom: string, pounds: string) => ({ effectiveFrom, weeklyFee: BigInt(pounds.replace('.', '')) });

describe('placement cost, worked by hand', () => {
  it('crosses 1 April with an uplift', () => {
    // £850.00 a week until 31 March, £884.00 from 1 April (4% uplift). Nights 25 March to 8 April:
    // 25–31 March = 7 nights × 85000 = 595000; 1–7 April = 7 nights × 88400 = 618800.
    // (595000 + 618800) / 7 = 173400p exactly = £1,734.00.
    const p = { startDate: '2025-06-01', endDate: null };
    expect(costBetween(p, [fee('2025-06-01', '850.00'), fee('2026-04-01', '884.00')], [], '2026-03-25', '2026-04-08')).toBe(173400n);
  });

  it('changes fee mid-month and rounds once for the month', () => {
    // April 2026 (30 nights): £815.55 for 1–14 April (14 nights), £900.10 from 15 April (16 nights).
    // 81555 × 14 = 1141770; 90010 × 16 = 1440160; sum 2581930 / 7 = 368847.14… → 368847p = £3,688.47.
    const p = { startDate: '2026-01-10', endDate: null };
    expect(costBetween(p, [fee('2026-01-10', '815.55'), fee('2026-04-15', '900.10')], [], '2026-04-01', '2026-05-01')).toBe(368847n);
  });

  it('adds a one-off service on its date and weekly services by the night', () => {
    // Core £700 a week, 1:1 support £210 a week from 10 May, a £350.00 one-off on 20 May. May 2026 (31 nights):
    // 70000 × 31 = 2170000; 21000 × 22 (10–31 May) = 462000; (2170000 + 462000) / 7 = 376000; + 35000 = 411000p.
    const p = { startDate: '2026-01-01', endDate: null };
    const services = [
      { charge: ServiceCharge.WEEKLY, amount: 21000n, startDate: '2026-05-10', endDate: null },
      { charge: ServiceCharge.ONE_OFF, amount: 35000n, startDate: '2026-05-20', endDate: null },
    ];
    expect(costBetween(p, [fee('2026-01-01', '700.00')], services, '2026-05-01', '2026-06-01')).toBe(411000n);
    // The one-off is outside June, and the weekly service runs on: 21000 + 70000 = 91000 × 30 / 7 = 390000p.
    expect(costBetween(p, [fee('2026-01-01', '700.00')], services, '2026-06-01', '2026-07-01')).toBe(390000n);
  });

  it('costs a placement of one night', () => {
    // One night at £815.00: 81500 / 7 = 11642.857… → 11643p.
    const p = { startDate: '2026-03-10', endDate: '2026-03-11' };
    expect(costBetween(p, [fee('2026-03-10', '815.00')], [], '2026-03-01', '2026-04-01')).toBe(11643n);
  });

  it('counts 29 February in a leap year', () => {
    // February 2028 has 29 nights: 70000 × 29 / 7 = 290000p.
    const p = { startDate: '2027-12-01', endDate: null };
    expect(costBetween(p, [fee('2027-12-01', '700.00')], [], '2028-02-01', '2028-03-01')).toBe(290000n);
    expect(costBetween(p, [fee('2027-12-01', '700.00')], [], '2027-02-01', '2027-03-01')).toBe(0n);
  });

  it('does not charge the end date or nights outside the placement', () => {
    // Placed 5 April, left 9 April: nights 5, 6, 7, 8 = 4 × 70000 / 7 = 40000p, whatever the range asked.
    const p = { startDate: '2026-04-05', endDate: '2026-04-09' };
    expect(costBetween(p, [fee('2026-04-05', '700.00')], [], '2026-04-01', '2026-05-01')).toBe(40000n);
    expect(costBetween(p, [fee('2026-04-05', '700.00')], [], '2026-04-09', '2026-05-01')).toBe(0n);
  });

  it('works out cost to date, committed cost and the weekly cost of an open placement', () => {
    // Open placement from 1 March 2026 at £900, no planned end; today 11 March 2026.
    // To date: 10 nights × 90000 / 7 = 128571.43 → 128571p.
    // Committed: 11 March to 31 March (end of 2025-26) = 21 nights × 90000 / 7 = 270000p.
    const p = { startDate: '2026-03-01', endDate: null, plannedEndDate: null };
    const fees = [fee('2026-03-01', '900.00')];
    expect(costToDate(p, fees, [], '2026-03-11')).toBe(128571n);
    expect(committedCost(p, fees, [], '2026-03-11')).toBe(270000n);
    expect(committedCost({ ...p, plannedEndDate: '2026-03-18' }, fees, [], '2026-03-11')).toBe(90000n);
    expect(weeklyCostOn(p, fees, [{ charge: ServiceCharge.WEEKLY, amount: 5000n, startDate: '2026-03-05', endDate: null }], '2026-03-11')).toBe(95000n);
    expect(feeOn(p, fees, '2026-02-28')).toBeNull();
    expect(endOfFinancialYearExclusive('2026-03-31')).toBe('2026-04-01');
    expect(endOfFinancialYearExclusive('2026-04-01')).toBe('2027-04-01');
  });
});
