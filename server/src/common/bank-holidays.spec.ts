import { bankHoliday, bankHolidaysOf, easterSunday } from './bank-holidays';

describe('bank holidays in England and Wales', () => {
  it('finds Easter Sunday', () => {
    expect([2024, 2025, 2026, 2027].map(easterSunday)).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28']);
  });

  it('gives the eight holidays of 2026, with Boxing Day moved to Monday 28 December', () => {
    expect([...bankHolidaysOf(2026).keys()].sort()).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
    ]);
  });

  it('moves Christmas and Boxing Day off a weekend (2027: Monday 27 and Tuesday 28)', () => {
    expect(bankHoliday('2027-12-27')).toBe('Christmas Day');
    expect(bankHoliday('2027-12-28')).toBe('Boxing Day');
    expect(bankHoliday('2027-12-25')).toBeNull();
  });

  it('keeps the proclaimed changes of 2022', () => {
    expect(bankHoliday('2022-06-02')).toBe('Spring bank holiday');
    expect(bankHoliday('2022-05-30')).toBeNull();
    expect(bankHoliday('2022-09-19')).toBe('State Funeral of Queen Elizabeth II');
  });
});
