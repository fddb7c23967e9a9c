/** Calendar dates are 'YYYY-MM-DD' strings: no time zone can shift them. */
export type IsoDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
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
