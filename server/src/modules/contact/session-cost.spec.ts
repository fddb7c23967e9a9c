import { sessionCharge, type RatePrices } from './session-cost';
import { SessionStatus } from './contact-codes';

const rate: RatePrices = { hourlyRate: 3275n, venueCharge: 1500n, cancellation: { freeHours: 48, latePercent: 50, noShowPercent: 100 } };
const session = { status: SessionStatus.ATTENDED, plannedHours: 200n, actualHours: 175n };

describe('session cost, worked by hand', () => {
  it('attended: 1.75 hours × £32.75 + £15 venue = 5731.25 + 1500 = 7231.25p → £72.31', () => {
    expect(sessionCharge(rate, session)).toEqual({ chargeable: true, chargeableHours: 175n, percent: 100, cost: 7231n });
  });

  it('attended without actual hours is charged for the planned 2 hours: 6550 + 1500 = £80.50', () => {
    expect(sessionCharge(rate, { ...session, actualHours: null }).cost).toBe(8050n);
  });

  it('cancelled late by the family at 50%: 50% × (2 × 32.75 + 15) = £40.25', () => {
    expect(sessionCharge(rate, { ...session, status: SessionStatus.CANCELLED_BY_FAMILY_LATE })).toEqual({ chargeable: true, chargeableHours: 200n, percent: 50, cost: 4025n });
  });

  it('late at 50% of 1.25 hours with no venue: 50% × 1.25 × 33.33 = 2083.125p → £20.83', () => {
    expect(sessionCharge({ ...rate, hourlyRate: 3333n, venueCharge: null }, { ...session, plannedHours: 125n, status: SessionStatus.CANCELLED_BY_FAMILY_LATE }).cost).toBe(2083n);
  });

  it('a no-show at 100%: £80.50; cancelled in time or by the provider: not chargeable, nothing', () => {
    expect(sessionCharge(rate, { ...session, status: SessionStatus.NO_SHOW }).cost).toBe(8050n);
    expect(sessionCharge(rate, { ...session, status: SessionStatus.CANCELLED_IN_TIME })).toEqual({ chargeable: false, chargeableHours: 0n, percent: 0, cost: 0n });
    expect(sessionCharge(rate, { ...session, status: SessionStatus.PROVIDER_CANCELLED })).toEqual({ chargeable: false, chargeableHours: 0n, percent: 0, cost: 0n });
  });

  it('planned: what it will cost, not yet chargeable', () => {
    expect(sessionCharge(rate, { ...session, status: SessionStatus.PLANNED })).toEqual({ chargeable: null, chargeableHours: 200n, percent: 100, cost: 8050n });
  });
});
