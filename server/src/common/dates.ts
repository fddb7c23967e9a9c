/** Calendar dates are 'YYYY-MM-DD' strings: no time zone can shift them. */
export type IsoDate = string;

/** The digit at `i` of `text`, or NaN. */
function digit(text: string, i: number): number {
  const code = text.charCodeAt(i) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 'YYYY-MM-DD' naming a day of the Gregorian calendar. Read digit by digit: every date the API writes passes here (a million-row export twice a row). */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const m = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  // Years before 100 stay refused, as when Date.UTC (which reads them as 1900–1999) checked dates. NaN fails every test.
  if (!(y >= 100 && m >= 1 && m <= 12 && d >= 1)) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}

export function todayIso(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

function utc(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** Nights from `from` to `to`: the first day counts, the last does not. */
export function nightsBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(utc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole years of age on a date (a birthday on 29 February counts from 1 March in other years). */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  let age = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  if (on.slice(5) < dateOfBirth.slice(5)) age -= 1;
  return age;
}

/** How many 1 Aprils fall after `from` and on or before `to`. */
export function aprilFirstsBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const april = `${year}-04-01`;
    if (april > from && april <= to) count++;
  }
  return count;
}
