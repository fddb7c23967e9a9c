import { PLACEMENT_CATEGORY_SQL } from '../../../common/codes/section251.code';
import { SERVICE_CATEGORY } from '../../budget/budget-position';
import { SpendDimension } from './spend-codes';

/**
 * Where a row of spend comes from, and the SQL names it is read through:
 * - `placement`: placement "p", its child "c" and contract "k" (expected cost windows and
 *   invoice lines for a placement);
 * - `service`: a transport or contact charge "x" (from `serviceCharges`), child "c", contract "k";
 * - `other`: an invoice line "il" for no placement, journey or session, on invoice "i".
 * `date` is the SQL date the row falls on (the first of the row's stretch of nights), `ageBand`
 * the child's age band on it.
 */
export interface RowSource {
  kind: 'placement' | 'service' | 'other';
  date: string;
  ageBand: string;
  /** Set when `date` is always the first of a month (the summary's rows): its month is itself. */
  monthly?: boolean;
}

type Expression = string | ((source: RowSource) => string);

interface DimensionColumn {
  /** The column of the spend rows. */
  column: string;
  placement: Expression;
  service: Expression;
  other: Expression;
  /**
   * For the time dimensions: the rows carry a value cheap to work out and group by, of this
   * SQL type, and `label` writes it as the key (2025-26, 2025-04) once per group, not per row.
   */
  grouped?: { type: 'date' | 'integer'; label: (value: string) => string };
}

const same = (expression: Expression): Pick<DimensionColumn, 'placement' | 'service' | 'other'> => ({ placement: expression, service: expression, other: expression });
const placementOnly = (expression: string): Pick<DimensionColumn, 'placement' | 'service' | 'other'> => ({ placement: expression, service: 'NULL', other: 'NULL' });

/** 2025 for a date from 1 April 2025 to 31 March 2026. */
export const financialYearStartSql = (date: string) => `extract(year from ${date} - interval '3 months')::int`;
/** "2025-26" for the financial year starting in `year`. */
const financialYearLabel = (year: string) => `(${year}::text || '-' || lpad(((${year} + 1) % 100)::text, 2, '0'))`;
const firstOf = (unit: 'month' | 'week') => (s: RowSource) => (unit === 'month' && s.monthly ? s.date : `date_trunc('${unit}', ${s.date}::timestamp)::date`);

/** Over 20 miles, within, or not known (never counted as near), for placement "p". */
export const DISTANCE_BAND_SQL = `(CASE WHEN "p"."distance_miles" IS NULL THEN 'NOT_KNOWN' WHEN "p"."distance_miles" > 20 THEN 'OVER_20_MILES' ELSE 'WITHIN_20_MILES' END)`;

/** Every dimension of the spend cube: its column and how each kind of row gives it. One line a dimension. */
export const SPEND_DIMENSIONS: Record<SpendDimension, DimensionColumn> = {
  [SpendDimension.FINANCIAL_YEAR]: { column: 'financial_year', ...same((s) => financialYearStartSql(s.date)), grouped: { type: 'integer', label: financialYearLabel } },
  [SpendDimension.MONTH]: { column: 'month', ...same(firstOf('month')), grouped: { type: 'date', label: (v) => `to_char(${v}, 'YYYY-MM')` } },
  [SpendDimension.WEEK]: { column: 'week', ...same(firstOf('week')), grouped: { type: 'date', label: (v) => `to_char(${v}, 'YYYY-MM-DD')` } },
  [SpendDimension.LOCALITY]: { column: 'locality_id', placement: '"c"."locality_id"::text', service: '"x"."locality_id"::text', other: 'NULL' },
  [SpendDimension.PLACEMENT_TYPE]: { column: 'placement_type', ...placementOnly('"p"."placement_type"::text') },
  [SpendDimension.PROVIDER_CODE]: { column: 'provider_code', ...placementOnly('"p"."provider_code"::text') },
  [SpendDimension.PROVIDER]: { column: 'provider_id', placement: '"p"."provider_id"::text', service: '"k"."provider_id"::text', other: '"i"."provider_id"::text' },
  [SpendDimension.SETTING]: { column: 'setting_id', ...placementOnly('"p"."setting_id"::text') },
  [SpendDimension.CONTRACT_KIND]: { column: 'contract_kind', placement: '"k"."kind"::text', service: '"k"."kind"::text', other: 'NULL' },
  [SpendDimension.CATEGORY]: { column: 'category', placement: PLACEMENT_CATEGORY_SQL, service: `'${SERVICE_CATEGORY}'`, other: 'NULL' },
  [SpendDimension.NEED_LEVEL]: { column: 'need_level', ...placementOnly('"k"."need_level"::text') },
  [SpendDimension.AGE_BAND]: { column: 'age_band', placement: (s) => s.ageBand, service: (s) => s.ageBand, other: 'NULL' },
  [SpendDimension.LEGAL_STATUS]: { column: 'legal_status', placement: '"c"."legal_status"::text', service: '"c"."legal_status"::text', other: 'NULL' },
  [SpendDimension.DISTANCE]: { column: 'distance', ...placementOnly(DISTANCE_BAND_SQL) },
  [SpendDimension.SOURCE]: { column: 'source', placement: `'PLACEMENTS'`, service: '"x"."source"', other: 'NULL' },
};

export const ALL_DIMENSIONS = Object.values(SpendDimension);

/** A dimension's SQL for one kind of row, as the rows carry it. */
export function dimensionSql(dimension: SpendDimension, source: RowSource): string {
  const expression = SPEND_DIMENSIONS[dimension][source.kind];
  return typeof expression === 'function' ? expression(source) : expression;
}

/** A dimension's value for one kind of row written as its key, as filters name it. */
export function dimensionKeySql(dimension: SpendDimension, source: RowSource): string {
  const sql = dimensionSql(dimension, source);
  const grouped = SPEND_DIMENSIONS[dimension].grouped;
  return grouped && sql !== 'NULL' ? grouped.label(sql) : sql;
}

/** The SQL type a dimension's column has in the rows of spend. */
export const columnTypeOf = (dimension: SpendDimension) => SPEND_DIMENSIONS[dimension].grouped?.type ?? 'text';

/** A grouped row's column as its key: the time dimensions' labels, the others as they are. */
export function keyColumnSql(dimension: SpendDimension): string {
  const { column, grouped } = SPEND_DIMENSIONS[dimension];
  return grouped ? `${grouped.label(column)} AS ${column}` : column;
}

/** The dimensions `used`, in the one order every kind of row lists them. */
export function usedDimensions(used: ReadonlySet<SpendDimension>): SpendDimension[] {
  return ALL_DIMENSIONS.filter((d) => used.has(d));
}

/**
 * The start of a SELECT list: the dimensions `used` for one kind of row, each followed by a
 * comma, of one type for every kind so the kinds UNION. The others are left out, so a query
 * carries and pays for only the dimensions it groups or filters by.
 */
export function dimensionColumns(source: RowSource, used: ReadonlySet<SpendDimension>): string {
  return usedDimensions(used)
    .map((d) => `(${dimensionSql(d, source)})::${columnTypeOf(d)} AS ${SPEND_DIMENSIONS[d].column}, `)
    .join('');
}
