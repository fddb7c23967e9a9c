import { formatNumber } from '../i18n/formats';

/** A distance from home in miles to one decimal place, or "Not known" when either location is missing (never shown as zero or a dash). */
export function formatMiles(miles: number | null | undefined, notKnown: string): string {
  if (miles === null || miles === undefined) return notKnown;
  return `${formatNumber(Math.round(miles * 10) / 10)} mi`;
}
