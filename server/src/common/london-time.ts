import type { IsoDate } from './dates';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** Minutes that London is ahead of UTC at an instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: Date): number {
  const p = Object.fromEntries(PARTS.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant of a wall-clock time ('HH:MM') on a date in England. */
export function londonInstant(date: IsoDate, time: string): Date {
  const naive = new Date(`${date}T${time}:00Z`);
  const first = new Date(naive.getTime() - londonOffsetMinutes(naive) * 60000);
  return new Date(naive.getTime() - londonOffsetMinutes(first) * 60000);
}

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** An instant as the wall-clock time England shows, in a Date whose UTC fields hold it (a spreadsheet has no time zones). */
export function londonWallClock(instant: Date): Date {
  return new Date(instant.getTime() + londonOffsetMinutes(instant) * 60000);
}
