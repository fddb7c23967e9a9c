import { addDays, ageOn, aprilFirstsBetween, nightsBetween } from './dates';

describe('dates', () => {
  it('counts nights: the first day counts, the last does not', () => {
    expect(nightsBetween('2026-04-01', '2026-04-02')).toBe(1);
    expect(nightsBetween('2024-02-28', '2024-03-01')).toBe(2); // leap year
    expect(nightsBetween('2025-04-01', '2026-04-01')).toBe(365);
    expect(nightsBetween('2026-03-29', '2026-03-30')).toBe(1); // across the clocks going forward
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('gives whole years of age', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('counts the 1 Aprils passed', () => {
    expect(aprilFirstsBetween('2025-04-01', '2026-03-31')).toBe(0);
    expect(aprilFirstsBetween('2025-04-01', '2026-04-01')).toBe(1);
    expect(aprilFirstsBetween('2025-03-31', '2025-04-01')).toBe(1);
    expect(aprilFirstsBetween('2024-06-01', '2027-05-01')).toBe(3);
  });
});
