import { PLACEMENT_CATEGORY_SQL } from '../../../common/codes/section251.code';
import { SERVICE_CATEGORY } from '../../budget/budget-position';
import { SpendDimension } from './spend-codes';

/**
 * Where a row of spend comes from, and the SQL names it is read through:
 * - `placement`: placement "p", its child "c" and contract "k" (expected cost windows and
 *   invoice lines for a placement);
 * - `service`: a transport or contact charge "x" (from `serviceCharges`), child "c", contract "k";
 * - `other`: an invoice line "il" for no placement, journey or session, on invoice "i".
 * `date` is the SQL date the row falls on, `ageBand` the child's age band on it.
 */
export interface RowSource {
  kind: 'placement' | 'service' | 'other';
  date: string;
  ageBand: string;
}

type Expression = string | ((source: RowSource) => string);

interface DimensionColumn {
  /** The column of the spend rows. */
  column: string;
  placement: Expression;
  service: Expression;
  other: Expression;
}

const same = (expression: Expression): Pick<DimensionColumn, 'placement' | 'service' | 'other'> => ({ placement: expression, service: expression, other: expression });
const placementOnly = (expression: string): Pick<DimensionColumn, 'placement' | 'service' | 'other'> => ({ placement: expression, service: 'NULL', other: 'NULL' });

/** "2025-26" for a date from 1 April 2025 to 31 March 2026. */
export const financialYearOfSql = (date: string) => `(to_char(${date} - interval '3 months', 'YYYY') || '-' || to_char(${date} + interval '9 months', 'YY'))`;

/** Over 20 miles, within, or not known (never counted as near), for placement "p". */
export const DISTANCE_BAND_SQL = `(CASE WHEN "p"."distance_miles" IS NULL THEN 'NOT_KNOWN' WHEN "p"."distance_miles" > 20 THEN 'OVER_20_MILES' ELSE 'WITHIN_20_MILES' END)`;

/** Every dimension of the spend cube: its column and how each kind of row gives it. One line a dimension. */
export const SPEND_DIMENSIONS: Record<SpendDimension, DimensionColumn> = {
  [SpendDimension.FINANCIAL_YEAR]: { column: 'financial_year', ...same((s) => financialYearOfSql(s.date)) },
  [SpendDimension.MONTH]: { column: 'month', ...same((s) => `to_char(${s.date}, 'YYYY-MM')`) },
  [SpendDimension.WEEK]: { column: 'week', ...same((s) => `to_char(date_trunc('week', ${s.date}::timestamp), 'YYYY-MM-DD')`) },
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

/** A dimension's SQL for one kind of row. */
export function dimensionSql(dimension: SpendDimension, source: RowSource): string {
  const expression = SPEND_DIMENSIONS[dimension][source.kind];
  return typeof expression === 'function' ? expression(source) : expression;
}

/**
 * The SELECT list of every dimension for one kind of row, as text columns so the kinds UNION;
 * those not `used` are NULL, so a query pays only for the dimensions it groups or filters by.
 */
export function dimensionColumns(source: RowSource, used: ReadonlySet<SpendDimension>): string {
  return ALL_DIMENSIONS.map((d) => `${used.has(d) ? `(${dimensionSql(d, source)})::text` : 'NULL::text'} AS ${SPEND_DIMENSIONS[d].column}`).join(', ');
}
