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
const spendSummary = load('modules/analytics/spend/spend-summary');

export const costBetween: (placement: PlacementDates, fees: FeeRow[], services: ServiceRow[], from: string, to: string) => bigint = placementCost.costBetween;
export const divideRoundHalfUp: (numerator: bigint, denominator: bigint) => bigint = money.divideRoundHalfUp;
export const formatPence: (pence: bigint) => string = money.formatPence;
export const nightsBetween: (from: string, to: string) => number = dates.nightsBetween;
export const addDays: (date: string, days: number) => string = dates.addDays;
export const haversineMiles: (lat1: number, lon1: number, lat2: number, lon2: number) => number = geo.haversineMiles;

/** A transport price schedule's prices and a journey's facts, as journey-cost.ts takes them. */
export interface SchedulePrices {
  pricingBasis: string;
  rate: bigint;
  escortRate: bigint;
  waitingRatePerHour: bigint;
  freeWaitingMinutes: number;
  cancellation: CancellationTerms;
}
export interface CancellationTerms {
  freeHours: number;
  latePercent: number;
  noShowPercent: number;
}
export interface JourneyFacts {
  status: string;
  leg: string;
  /** Hundredths of a mile. */
  miles: bigint;
  escort: boolean;
  waitingMinutes: number;
}
export interface RouteSchedule {
  days: string[];
  termStart: string;
  termEnd: string;
  termBreaks: Array<{ from: string; to: string }>;
  runsOnBankHolidays: boolean;
}
export interface RatePrices {
  hourlyRate: bigint;
  venueCharge: bigint | null;
  cancellation: CancellationTerms;
}

const journeyCostModule = load('modules/transport/journey-cost');
const routeCalendar = load('modules/transport/route-calendar');
const sessionCost = load('modules/contact/session-cost');
const londonTime = load('common/london-time');

/** A journey's cost as the server's repriceRoutes works it (legsPerDay; for a term price, the journey's rank among the route's, by date then leg). */
export const journeyCost: (prices: SchedulePrices, journey: JourneyFacts, shared: { legsPerDay: number; termJourneys?: number; termRank?: number }) => bigint = journeyCostModule.journeyCost;
/** Every day of the route's term it runs: its days, less breaks and bank holidays. */
export const runningDays: (route: RouteSchedule) => string[] = routeCalendar.runningDays;
export const whyNotRunning: (route: RouteSchedule, date: string) => string | null = routeCalendar.whyNotRunning;
export const sessionCharge: (rate: RatePrices, session: { status: string; plannedHours: bigint; actualHours: bigint | null }) => { chargeable: boolean | null; cost: bigint } = sessionCost.sessionCharge;
/** The instant of a wall-clock time on a date in England. */
export const londonInstant: (date: string, time: string) => Date = londonTime.londonInstant;
/** Whether a cancellation was late under the contract's notice (the server's own rule). */
export const cancellationKind: (terms: CancellationTerms, startsAt: Date, cancelledAt: Date) => 'IN_TIME' | 'LATE' = load('common/cancellation-notice').cancellationKind;

/** Brings the spend cube's summary up to date in the seeding transaction, so a loaded data set answers at once. */
export const refreshSpendSummary: (run: (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>, today: string) => Promise<string> = spendSummary.refreshSpendSummary;
