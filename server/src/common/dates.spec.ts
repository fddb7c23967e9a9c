import { addDays, ageOn, aprilFirstsBetween, isIsoDate, nightsBetween } from './dates';

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

  it('takes exactly the calendar dates written YYYY-MM-DD', () => {
    // Every day from 1899 to 2101 passes, and day 0, 30 or 31 past a month's end, or month 0 or 13, does not: 29 February in leap years only (2000 but not 1900 or 2100).
    const day = new Date(Date.UTC(1899, 0, 1));
    let days = 0;
    while (day.getUTCFullYear() < 2102) {
      const y = day.getUTCFullYear();
      const m = String(day.getUTCMonth() + 1).padStart(2, '0');
      expect(isIsoDate(day.toISOString().slice(0, 10))).toBe(true);
      if (day.getUTCDate() === 1) for (const bad of ['00', '30', '31', '32']) expect(isIsoDate(`${y}-${m}-${bad}`)).toBe(new Date(`${y}-${m}-${bad}T00:00:00Z`).getUTCDate() === Number(bad));
      day.setUTCDate(day.getUTCDate() + 1);
      days++;
    }
    expect(days).toBe(74_144);
    expect(['2000-02-29', '2024-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(['1900-02-29', '2100-02-29', '2026-02-29', '2026-00-10', '2026-13-01', '0099-12-31'].map(isIsoDate)).toEqual([false, false, false, false, false, false]);
    expect(['2026-3-31', '2026-03-31 ', ' 2026-03-31', '2026/03/31', '2026-03-3a', '20260-3-31', '２０２６-03-31', '', '2026-03-31T00:00'].map(isIsoDate).some(Boolean)).toBe(false);
  });
});
