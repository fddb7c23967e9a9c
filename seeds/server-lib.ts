/**
 * The server's own arithmetic, loaded at run time so that the seeds use exactly the code the
 * app uses (costBetween, half-up rounding, nights, haversine). From TypeScript (jest) it is
 * the server's sources; compiled (seeds/dist) it is the server's compiled output, so the
 * seeds' tsc never pulls the server in. The types below mirror the server's signatures.
 */
import path from 'node:path';

const compiled = !__filename.endsWith('.ts');
const root = compiled ? path.resolve(__dirname, '../../server/dist') : path.resolve(__dirname, '../server/src');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (rel: string): any => require(path.join(root, rel));

export interface FeeRow {
  effectiveFrom: string;
  weeklyFee: bigint;
}
/** A placement's additional service (1:1 support, education, therapy): weekly, or one-off on its start date. */
export interface ServiceRow {
  charge: 'WEEKLY' | 'ONE_OFF';
  amount: bigint;
  startDate: string;
  endDate: string | null;
}
export interface PlacementDates {
  startDate: string;
  endDate: string | null;
}

const placementCost = load('modules/placement/placement-cost');
const money = load('common/money');
const dates = load('common/dates');
const geo = load('common/geo');

export const costBetween: (placement: PlacementDates, fees: FeeRow[], services: ServiceRow[], from: string, to: string) => bigint = placementCost.costBetween;
export const divideRoundHalfUp: (numerator: bigint, denominator: bigint) => bigint = money.divideRoundHalfUp;
export const formatPence: (pence: bigint) => string = money.formatPence;
export const nightsBetween: (from: string, to: string) => number = dates.nightsBetween;
export const addDays: (date: string, days: number) => string = dates.addDays;
export const haversineMiles: (lat1: number, lon1: number, lat2: number, lon2: number) => number = geo.haversineMiles;
