import type { EntityManager } from 'typeorm';
import type { Section251Category } from '../../common/codes/section251.code';
import { financialYearRange, formatFinancialYear } from '../../common/financial-year';
import type { Pence } from '../../common/money';
import { FORECAST_SQL } from './forecast.sql';

export interface ForecastMonthFigures {
  month: string;
  actual: Pence;
  committed: Pence;
  newStarts: Pence;
  forecast: Pence;
  cumulativeForecast: Pence;
  budget: Pence;
  budgetToDate: Pence;
  projectedStarts: number;
  childrenInCare: number;
}

export interface YearFigures {
  actual: Pence;
  committed: Pence;
  newStarts: Pence;
  outturn: Pence;
  budget: Pence;
  variance: Pence;
  projectedStarts: number;
  childrenInCareAtYearEnd: number;
}

export interface ForecastCategoryFigures extends YearFigures {
  category: Section251Category;
  months: ForecastMonthFigures[];
}

export interface ForecastLocalityFigures extends YearFigures {
  localityId: string | null;
}

export interface NewStartsTrend {
  localityId: string | null;
  category: Section251Category;
  startsLast12Months: number;
  medianWeeklyFee: Pence;
  projectedStarts: number;
  cost: Pence;
}

export interface BudgetForecastFigures extends YearFigures {
  financialYear: string;
  localityId: string | null;
  asOf: string;
  months: ForecastMonthFigures[];
  categories: ForecastCategoryFigures[];
  byLocality: ForecastLocalityFigures[];
  trend: NewStartsTrend[];
}

/** A placement the what-if moves, and what replaces it. */
export interface MovedPlacement {
  placementId: string;
  toType: string;
  toProviderCode: string | null;
  weeklyFee: Pence;
  fromDate: string;
}

interface Row {
  g: number;
  month: string | null;
  category: Section251Category | null;
  locality_id: string | null;
  actual: string;
  committed: string;
  new_starts: string;
  forecast: string;
  cumulative: string;
  budget: string;
  budget_to_date: string;
  variance: string;
  starts: number;
  children: number;
  year_end_children: number;
  trend_starts: number | null;
  trend_fee: string | null;
}

const monthOf = (r: Row): ForecastMonthFigures => ({
  month: r.month!,
  actual: BigInt(r.actual),
  committed: BigInt(r.committed),
  newStarts: BigInt(r.new_starts),
  forecast: BigInt(r.forecast),
  cumulativeForecast: BigInt(r.cumulative),
  budget: BigInt(r.budget),
  budgetToDate: BigInt(r.budget_to_date),
  projectedStarts: r.starts,
  childrenInCare: r.children,
});

const yearOf = (r: Row): YearFigures => ({
  actual: BigInt(r.actual),
  committed: BigInt(r.committed),
  newStarts: BigInt(r.new_starts),
  outturn: BigInt(r.forecast),
  budget: BigInt(r.budget),
  variance: BigInt(r.variance),
  projectedStarts: r.starts,
  childrenInCareAtYearEnd: r.year_end_children,
});

/**
 * The forecast outturn of a financial year month by month, every figure worked in one SQL
 * statement (FORECAST_SQL); `moves` are a what-if's moved
 * placements (none for the base forecast).
 */
export async function budgetForecast(
  manager: EntityManager,
  startYear: number,
  localityId: string | null,
  asOf: string,
  moves: MovedPlacement[] = [],
): Promise<BudgetForecastFigures> {
  const { from, to } = financialYearRange(startYear);
  const json = JSON.stringify(
    moves.map((m) => ({ placement_id: m.placementId, to_type: m.toType, to_provider: m.toProviderCode, weekly_fee: m.weeklyFee.toString(), from_date: m.fromDate })),
  );
  const rows: Row[] = await manager.query(FORECAST_SQL, [from, to, asOf, localityId, json]);
  const total = rows.find((r) => r.g === 7)!;
  const byCategory = new Map<Section251Category, Row[]>();
  for (const r of rows.filter((x) => x.g === 1)) byCategory.set(r.category!, [...(byCategory.get(r.category!) ?? []), r]);
  return {
    financialYear: formatFinancialYear(startYear),
    localityId,
    asOf,
    ...yearOf(total),
    months: rows.filter((r) => r.g === 3).map(monthOf),
    categories: rows.filter((r) => r.g === 5).map((r) => ({ category: r.category!, ...yearOf(r), months: (byCategory.get(r.category!) ?? []).map(monthOf) })),
    byLocality: rows.filter((r) => r.g === 6).map((r) => ({ localityId: r.locality_id, ...yearOf(r) })),
    trend: rows
      .filter((r) => r.g === 4 && r.trend_starts !== null)
      .map((r) => ({
        localityId: r.locality_id,
        category: r.category!,
        startsLast12Months: r.trend_starts!,
        medianWeeklyFee: BigInt(r.trend_fee!),
        projectedStarts: r.starts,
        cost: BigInt(r.new_starts),
      })),
  };
}
