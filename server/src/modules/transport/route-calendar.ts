import { bankHoliday } from '../../common/bank-holidays';
import { addDays, type IsoDate } from '../../common/dates';
import { WEEKDAY_OF_JS_DAY, type Weekday } from './transport-codes';

export interface RouteSchedule {
  days: Weekday[];
  termStart: IsoDate;
  termEnd: IsoDate;
  termBreaks: Array<{ from: IsoDate; to: IsoDate }>;
  runsOnBankHolidays: boolean;
}

const DAY_NAMES: Record<string, string> = { MON: 'Monday', TUE: 'Tuesday', WED: 'Wednesday', THU: 'Thursday', FRI: 'Friday', SAT: 'Saturday', SUN: 'Sunday' };

export function weekdayOf(date: IsoDate): Weekday {
  return WEEKDAY_OF_JS_DAY[new Date(`${date}T00:00:00Z`).getUTCDay()];
}

/** The part of a route's schedule that keeps it from running on a date. */
export type ScheduleField = 'termStart' | 'termEnd' | 'days' | 'termBreaks' | 'runsOnBankHolidays';

/** Why the route does not run on a date, with the schedule field that says so, or null when it does. */
export function scheduleMisfit(route: RouteSchedule, date: IsoDate): { field: ScheduleField; message: string } | null {
  const term = `is outside the route’s term (${route.termStart} to ${route.termEnd})`;
  if (date < route.termStart) return { field: 'termStart', message: term };
  if (date > route.termEnd) return { field: 'termEnd', message: term };
  const day = weekdayOf(date);
  if (!route.days.includes(day)) return { field: 'days', message: `is a ${DAY_NAMES[day]}; the route runs on ${route.days.map((d) => DAY_NAMES[d]).join(', ')}` };
  const inBreak = route.termBreaks.find((b) => date >= b.from && date <= b.to);
  if (inBreak) return { field: 'termBreaks', message: `falls in a break of the term (${inBreak.from} to ${inBreak.to})` };
  const holiday = route.runsOnBankHolidays ? null : bankHoliday(date);
  if (holiday) return { field: 'runsOnBankHolidays', message: `is a bank holiday (${holiday}); the route does not run on bank holidays` };
  return null;
}

/** Why the route does not run on a date, or null when it does. */
export function whyNotRunning(route: RouteSchedule, date: IsoDate): string | null {
  return scheduleMisfit(route, date)?.message ?? null;
}

/** Every day of the term the route runs, in order. */
export function runningDays(route: RouteSchedule): IsoDate[] {
  const days: IsoDate[] = [];
  for (let date = route.termStart; date <= route.termEnd; date = addDays(date, 1)) {
    if (whyNotRunning(route, date) === null) days.push(date);
  }
  return days;
}
