import { addDays, type IsoDate } from './dates';

/**
 * Bank holidays in England and Wales, by the rules of the Banking and Financial Dealings Act
 * 1971 and the yearly proclamations: New Year's Day, Good Friday, Easter Monday, the early May,
 * spring and summer bank holidays, Christmas Day and Boxing Day, each moved to the next
 * weekday when it falls at a weekend; plus the one-off changes proclaimed since 2012.
 */
const PROCLAIMED: Record<number, { add?: Record<IsoDate, string>; moved?: Record<IsoDate, IsoDate> }> = {
  2012: { add: { '2012-06-05': 'Queen’s Diamond Jubilee' }, moved: { '2012-05-28': '2012-06-04' } },
  2020: { moved: { '2020-05-04': '2020-05-08' } },
  2022: { add: { '2022-06-03': 'Queen’s Platinum Jubilee', '2022-09-19': 'State Funeral of Queen Elizabeth II' }, moved: { '2022-05-30': '2022-06-02' } },
  2023: { add: { '2023-05-08': 'Coronation of King Charles III' } },
};

function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Easter Sunday (Gregorian; the anonymous algorithm in Meeus). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function firstMonday(year: number, month: number): IsoDate {
  let date = `${year}-${String(month).padStart(2, '0')}-01`;
  while (weekday(date) !== 1) date = addDays(date, 1);
  return date;
}

function lastMonday(year: number, month: number): IsoDate {
  let date = addDays(`${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-01`, -1);
  while (weekday(date) !== 1) date = addDays(date, -1);
  return date;
}

function nextWeekday(date: IsoDate, taken: Set<IsoDate>): IsoDate {
  let day = date;
  while (weekday(day) === 0 || weekday(day) === 6 || taken.has(day)) day = addDays(day, 1);
  return day;
}

const cache = new Map<number, Map<IsoDate, string>>();

/** The bank holidays of one calendar year: date → name. */
export function bankHolidaysOf(year: number): Map<IsoDate, string> {
  const known = cache.get(year);
  if (known) return known;
  const days = new Map<IsoDate, string>();
  const put = (date: IsoDate, name: string) => days.set(date, name);
  put(nextWeekday(`${year}-01-01`, new Set()), 'New Year’s Day');
  const easter = easterSunday(year);
  put(addDays(easter, -2), 'Good Friday');
  put(addDays(easter, 1), 'Easter Monday');
  put(firstMonday(year, 5), 'Early May bank holiday');
  put(lastMonday(year, 5), 'Spring bank holiday');
  put(lastMonday(year, 8), 'Summer bank holiday');
  const christmas = nextWeekday(`${year}-12-25`, new Set());
  put(christmas, 'Christmas Day');
  put(nextWeekday(`${year}-12-26`, new Set([christmas])), 'Boxing Day');
  const proclaimed = PROCLAIMED[year];
  for (const [from, to] of Object.entries(proclaimed?.moved ?? {})) {
    const name = days.get(from)!;
    days.delete(from);
    days.set(to, name);
  }
  for (const [date, name] of Object.entries(proclaimed?.add ?? {})) days.set(date, name);
  cache.set(year, days);
  return days;
}

/** The bank holiday's name, or null on an ordinary day. */
export function bankHoliday(date: IsoDate): string | null {
  return bankHolidaysOf(Number(date.slice(0, 4))).get(date) ?? null;
}
