/** The headline figures of a generated data set, as a commissioning manager would read them. */
import { FOSTER, TEMPORARY, financialYearOf, type PlacementModel, type Row } from './generator';
import type { GeneratedDemo } from './demo';
import { divideRoundHalfUp, formatPence } from './server-lib';

export interface Headline {
  asOf: string;
  providers: number;
  settings: number;
  childrenInCareToday: number;
  fosterShare: number;
  inHouseShareOfFostering: number;
  averageWeeklyFee: Record<'inHouseFostering' | 'ifa' | 'residential' | 'supported', string>;
  residentialOver10k: number;
  over20MilesByStartYear: Record<string, number>;
  over20MilesToday: number;
  invoices: number;
  invoiceLines: number;
  disputedLines: number;
  invoicedTotal: string;
  residentialOverspendThisYear: string;
}

const feeToday = (p: PlacementModel, asOf: string) => [...p.fees].filter((f) => f.effectiveFrom <= asOf).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0]?.weeklyFee ?? 0n;
const avg = (xs: bigint[]) => (xs.length ? formatPence(divideRoundHalfUp(xs.reduce((s, x) => s + x, 0n), BigInt(xs.length))) : '0.00');
const pct = (n: number, d: number) => Math.round((1000 * n) / Math.max(d, 1)) / 10;

/** What the headline is worked from: a materialised shape, or a streamed one's placements and counters. */
export interface HeadlineInput {
  asOf: string;
  placements: PlacementModel[];
  providers: number;
  settings: number;
  budgetLines: Row[];
  spend: Map<string, bigint>;
  forecastThisYear: Map<string, bigint>;
  invoices: number;
  invoiceLines: number;
  disputedLines: number;
  invoicedTotal: bigint;
}

export function headline(demo: GeneratedDemo): Headline {
  return headlineOf({
    asOf: demo.options.asOf, placements: demo.placements, providers: demo.rows.provider.length, settings: demo.rows.setting.length,
    budgetLines: demo.rows.budget_line, spend: demo.spend, forecastThisYear: demo.forecastThisYear, invoices: demo.rows.invoice.length,
    invoiceLines: demo.invoiceLines.length, disputedLines: demo.invoiceLines.filter((l) => l.status === 'DISPUTED').length,
    invoicedTotal: demo.invoiceLines.reduce((s, l) => s + l.amount, 0n),
  });
}

export function headlineOf(demo: HeadlineInput): Headline {
  const { asOf } = demo;
  // temporary moves sit inside a main placement: a child in respite tonight is still counted once, by the main one
  const open = demo.placements.filter((p) => !TEMPORARY.has(p.placementType) && p.startDate <= asOf && (p.endDate === null || p.endDate > asOf));
  const children = new Set(open.map((p) => p.childId));
  const foster = open.filter((p) => FOSTER.has(p.placementType));
  const ifa = foster.filter((p) => p.providerCode !== 'PR1');
  const res = open.filter((p) => p.placementType === 'K2');
  const over20: Record<string, number> = {};
  const main = demo.placements.filter((p) => !TEMPORARY.has(p.placementType));
  const years = [...new Set(main.map((p) => financialYearOf(p.startDate)))].sort();
  for (const fy of years) {
    const started = main.filter((p) => financialYearOf(p.startDate) === fy && p.distance !== null);
    over20[`${fy}-${String((fy + 1) % 100).padStart(2, '0')}`] = pct(started.filter((p) => p.distance! > 20).length, started.length);
  }
  const fy = financialYearOf(asOf);
  const budget = (stage: string) => demo.budgetLines.filter((b) => b.financial_year === fy && b.category === 'RESIDENTIAL_CARE' && b.stage === stage).reduce((s, b) => s + (b.amount as bigint), 0n);
  const revised = budget('REVISED');
  const original = budget('ORIGINAL');
  const forecast = demo.forecastThisYear.get('RESIDENTIAL_CARE') ?? 0n;
  const fullYear = demo.spend.get(`${fy}|RESIDENTIAL_CARE`) ?? 0n;
  return {
    asOf,
    providers: demo.providers,
    settings: demo.settings,
    childrenInCareToday: children.size,
    fosterShare: pct(foster.length, open.length),
    inHouseShareOfFostering: pct(foster.length - ifa.length, foster.length),
    averageWeeklyFee: {
      inHouseFostering: avg(foster.filter((p) => p.providerCode === 'PR1').map((p) => feeToday(p, asOf))),
      ifa: avg(ifa.map((p) => feeToday(p, asOf))),
      residential: avg(res.map((p) => feeToday(p, asOf))),
      supported: avg(open.filter((p) => p.placementType === 'H5' || p.placementType === 'K3').map((p) => feeToday(p, asOf))),
    },
    residentialOver10k: res.filter((p) => feeToday(p, asOf) > 1_000_000n).length,
    over20MilesByStartYear: over20,
    over20MilesToday: pct(open.filter((p) => p.distance !== null && p.distance > 20).length, open.length),
    invoices: demo.invoices,
    invoiceLines: demo.invoiceLines,
    disputedLines: demo.disputedLines,
    invoicedTotal: formatPence(demo.invoicedTotal),
    residentialOverspendThisYear: `full-year cost by fee history ${formatPence(fullYear)}; budget position forecast (approved/paid invoices + committed) ${formatPence(forecast)} against revised budget ${formatPence(revised)} (original ${formatPence(original)}): overspend ${formatPence(forecast - revised)}, ${pct(Number((forecast - revised) / 100n), Number(revised / 100n))}%`,
  };
}
