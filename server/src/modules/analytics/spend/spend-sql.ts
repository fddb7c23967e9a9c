import { ageBandOnSql, ageBandSpansSql } from '../../child/age-band';
import { costOfWindows, roundedWeeklySql } from '../../budget/placement-cost-sql';
import { lineStatusIn, serviceCharges, type InvoicedAmount, type ServiceAmount } from '../../budget/service-spend-sql';
import { SpendBasis, SpendDimension } from './spend-codes';
import { columnTypeOf, dimensionColumns, dimensionKeySql, financialYearStartSql, keyColumnSql, SPEND_DIMENSIONS, usedDimensions, type RowSource } from './spend-dimensions';

export interface SpendQuery {
  groupBy: SpendDimension[];
  /** Values to keep, per dimension (as the text of their codes or ids). */
  filter: Map<SpendDimension, string[]>;
  from: string;
  /** The day after the last day counted. */
  toExclusive: string;
  basis: SpendBasis;
  /** The first day after the months the spend summary holds, or null to work everything out from the records. */
  summaryHorizon: string | null;
  /** Whether the lowest and highest weekly fees are wanted: for invoice lines they cost a look-up each. */
  feeRange: boolean;
  /** Which distinct counts are wanted (all when left out): each costs a sort of every row of spend. */
  counts?: WantedCounts;
}

/** Where the client asked for the number of placements and of children: in the groups, the total. */
export interface WantedCounts {
  placements: { groups: boolean; total: boolean };
  children: { groups: boolean; total: boolean };
}

const ALL_COUNTS: WantedCounts = { placements: { groups: true, total: true }, children: { groups: true, total: true } };

const TIME_DIMENSIONS = [SpendDimension.FINANCIAL_YEAR, SpendDimension.MONTH, SpendDimension.WEEK];

/** The SQL of a query and its parameters: $1 from, $2 the day after to, then one text[] per filter. */
export interface BuiltSql {
  sql: string;
  params: unknown[];
}

const SERVICE_AMOUNT: Record<Exclude<SpendBasis, SpendBasis.EXPECTED>, InvoicedAmount> = {
  [SpendBasis.INVOICED]: 'received',
  [SpendBasis.APPROVED]: 'approved',
  [SpendBasis.PAID]: 'paid',
};

/**
 * The stretches of nights [lo, hi) from $1 to $2 cut at every boundary of the time dimensions
 * used (1 April, the first of a month, a Monday), so each stretch lies in one year, month and week.
 */
function slotsSql(used: Set<SpendDimension>): string {
  const series = (start: string, step: string) =>
    `UNION SELECT generate_series(${start} + interval '${step}', $2::timestamp - interval '1 day', interval '${step}')::date`;
  const cuts = [
    used.has(SpendDimension.FINANCIAL_YEAR) ? series(`make_date(extract(year from $1::date - interval '3 months')::int, 4, 1)::timestamp`, '1 year') : '',
    used.has(SpendDimension.MONTH) ? series(`date_trunc('month', $1::timestamp)`, '1 month') : '',
    used.has(SpendDimension.WEEK) ? series(`date_trunc('week', $1::timestamp)`, '1 week') : '',
  ];
  return `bounds AS (SELECT $1::date AS b UNION SELECT $2::date ${cuts.join(' ')}),
  slot AS (SELECT lo, hi FROM (SELECT b AS lo, lead(b) OVER (ORDER BY b) AS hi FROM bounds) z WHERE hi IS NOT NULL)`;
}

/** The $n of a filter's values, added to the parameters the first time SQL refers to them. */
type FilterParam = (dimension: SpendDimension) => number;

/**
 * The WHERE conditions of the filters for one kind of row, or null when a filter rules the kind
 * out (its value there is NULL, or a constant not kept).
 */
function filterConditions(query: SpendQuery, source: RowSource, param: FilterParam): string[] | null {
  const conditions: string[] = [];
  for (const [dimension, values] of query.filter) {
    const expression = dimensionKeySql(dimension, source);
    if (expression === 'NULL') return null;
    const literal = /^'([^']*)'$/.exec(expression);
    if (literal) {
      if (!values.includes(literal[1])) return null;
      continue;
    }
    conditions.push(`(${expression})::text = ANY($${param(dimension)}::text[])`);
  }
  return conditions;
}

const where = (conditions: string[]) => conditions.map((c) => ` AND ${c}`).join('');

const MEASURES = 'placement_id, child_id, amount, nights, units, min_fee, max_fee';

/** Placement nights costed by the one cost rule, cut by the time dimensions and, when used, by age band. */
function expectedPlacementRows(query: SpendQuery, used: Set<SpendDimension>, param: FilterParam): { ctes: string; select: string } | null {
  const source: RowSource = { kind: 'placement', date: 'slot.lo', ageBand: 'band.name' };
  const conditions = filterConditions(query, source, param);
  if (!conditions) return null;
  const bands = used.has(SpendDimension.AGE_BAND) ? ageBandSpansSql('"c"."date_of_birth"') : 'VALUES (NULL::text, NULL::date, NULL::date)';
  // The cost rule reads win.category: the CATEGORY dimension's column serves as it.
  const columns = usedDimensions(used).map((d) => `win.${SPEND_DIMENSIONS[d].column}`).join(', ');
  const category = used.has(SpendDimension.CATEGORY) ? '' : ', NULL::text AS category';
  return {
    ctes: `win AS (
      SELECT "p"."id", concat_ws('|', slot.lo, band.name) AS bucket,
             greatest(slot.lo, "p"."start_date", band.lo) AS lo, least(slot.hi, "p"."end_date", band.hi) AS hi,
             ${dimensionColumns(source, used)}"p"."child_id"${category}
      FROM "placement" "p" JOIN "child" "c" ON "c"."id" = "p"."child_id" LEFT JOIN "contract" "k" ON "k"."id" = "p"."contract_id"
      JOIN slot ON "p"."start_date" < slot.hi AND ("p"."end_date" IS NULL OR "p"."end_date" > slot.lo)
      CROSS JOIN LATERAL (${bands}) band(name, lo, hi)
      WHERE TRUE${where(conditions)}),
    ${costOfWindows()}`,
    select: `SELECT ${columns}${columns ? ', ' : ''}win.id AS placement_id, win.child_id, cost.cost::bigint AS amount, (win.hi - win.lo) AS nights, 0 AS units, cost.min_fee, cost.max_fee
      FROM cost JOIN win ON win.id = cost.id AND win.bucket = cost.bucket`,
  };
}

/** Invoice lines for placements, dated by their first night, with the fee range of those nights. */
function placementLineRows(query: SpendQuery, used: Set<SpendDimension>, statuses: string, param: FilterParam): string | null {
  const source: RowSource = { kind: 'placement', date: '"il"."from_date"', ageBand: ageBandOnSql('"c"."date_of_birth"', '"il"."from_date"') };
  const conditions = filterConditions(query, source, param);
  if (!conditions) return null;
  const feeRange = query.feeRange
    ? `LEFT JOIN LATERAL (
      SELECT min(f.weekly_fee) AS min_fee, max(f.weekly_fee) AS max_fee
      FROM (SELECT "f"."weekly_fee", "f"."effective_from", lead("f"."effective_from") OVER (ORDER BY "f"."effective_from") AS next_from
            FROM "placement_fee" "f" WHERE "f"."placement_id" = "p"."id") f
      WHERE f.effective_from < coalesce("il"."to_date", "il"."from_date" + 1) AND (f.next_from IS NULL OR f.next_from > "il"."from_date")) fee ON TRUE`
    : `LEFT JOIN LATERAL (SELECT NULL::bigint AS min_fee, NULL::bigint AS max_fee) fee ON TRUE`;
  return `SELECT ${dimensionColumns(source, used)}"p"."id" AS placement_id, "p"."child_id", "il"."amount"::bigint AS amount, coalesce("il"."nights", 0) AS nights, 0 AS units, fee.min_fee, fee.max_fee
    FROM "invoice_line" "il" JOIN "placement" "p" ON "p"."id" = "il"."placement_id" JOIN "child" "c" ON "c"."id" = "p"."child_id"
    LEFT JOIN "contract" "k" ON "k"."id" = "p"."contract_id"
    ${feeRange}
    WHERE "il"."from_date" >= $1 AND "il"."from_date" < $2 AND ${statuses}${where(conditions)}`;
}

/** Transport journeys (a child's share each) and contact sessions: at their cost or their invoice lines. */
function serviceRows(query: SpendQuery, used: Set<SpendDimension>, amountOf: ServiceAmount, param: FilterParam): string | null {
  const source: RowSource = { kind: 'service', date: '"x"."day"', ageBand: ageBandOnSql('"c"."date_of_birth"', '"x"."day"') };
  const conditions = filterConditions(query, source, param);
  if (!conditions) return null;
  return `SELECT ${dimensionColumns(source, used)}NULL::uuid AS placement_id, "x"."child_id", "x"."amount"::bigint AS amount, 0 AS nights, 1 AS units, NULL::bigint AS min_fee, NULL::bigint AS max_fee
    FROM ${serviceCharges(amountOf, '"day" >= $1 AND "day" < $2')} "x"
    JOIN "child" "c" ON "c"."id" = "x"."child_id" LEFT JOIN "contract" "k" ON "k"."id" = "x"."contract_id"
    WHERE TRUE${where(conditions)}`;
}

/** Invoice lines for no placement, journey or session (extras such as damages). */
function otherLineRows(query: SpendQuery, used: Set<SpendDimension>, statuses: string, param: FilterParam): string | null {
  const day = 'coalesce("il"."from_date", "i"."period_start")';
  const source: RowSource = { kind: 'other', date: day, ageBand: 'NULL' };
  const conditions = filterConditions(query, source, param);
  if (!conditions) return null;
  return `SELECT ${dimensionColumns(source, used)}NULL::uuid AS placement_id, NULL::uuid AS child_id, "il"."amount"::bigint AS amount, 0 AS nights, 0 AS units, NULL::bigint AS min_fee, NULL::bigint AS max_fee
    FROM "invoice_line" "il" JOIN "invoice" "i" ON "i"."id" = "il"."invoice_id"
    WHERE "il"."placement_id" IS NULL AND "il"."journey_id" IS NULL AND "il"."session_id" IS NULL
      AND ${day} >= $1 AND ${day} < $2 AND ${statuses}${where(conditions)}`;
}

/**
 * Whether the expected cost can be read from the spend summary rather than worked out from
 * the records: whole months within its horizon, grouped and filtered by nothing finer than a month.
 */
function summaryServes(query: SpendQuery, used: Set<SpendDimension>): boolean {
  return (
    query.basis === SpendBasis.EXPECTED &&
    query.summaryHorizon !== null &&
    query.from.endsWith('-01') &&
    query.toExclusive.endsWith('-01') &&
    query.toExclusive <= query.summaryHorizon &&
    !used.has(SpendDimension.WEEK)
  );
}

const SUMMARY_FIGURES = 'placement_id, month, age_band, cost, numerator, one_off, nights, min_fee, max_fee';

/**
 * Placement cost from the summary, per placement and group of nights (a month, a financial
 * year or the period; and an age band when used), rounded once exactly as the rule does from
 * the fee history: a month's cost as held, a longer group's numerators summed and rounded. By
 * age band, a month a birthday splits is read per band.
 */
function summaryPlacementRows(query: SpendQuery, used: Set<SpendDimension>, param: FilterParam): { ctes: string; select: string } | null {
  const source: RowSource = { kind: 'placement', date: 'pm.day', ageBand: 'pm.age_band', monthly: true };
  const conditions = filterConditions(query, source, param);
  if (!conditions) return null;
  const byBand = used.has(SpendDimension.AGE_BAND);
  const months = byBand
    ? `(SELECT ${SUMMARY_FIGURES} FROM "placement_cost_month" WHERE "age_band" IS NOT NULL UNION ALL SELECT ${SUMMARY_FIGURES} FROM "placement_cost_month_band")`
    : '"placement_cost_month"';
  const band = byBand ? 's.age_band' : 'NULL::text';
  const range = 's.month >= $1 AND s.month < $2';
  const time = used.has(SpendDimension.FINANCIAL_YEAR) ? [financialYearStartSql('s.month')] : [];
  const pm = used.has(SpendDimension.MONTH)
    ? `SELECT s.placement_id AS id, s.month AS day, ${band} AS age_band, s.cost, s.nights, s.min_fee, s.max_fee FROM ${months} s WHERE ${range}`
    : `SELECT s.placement_id AS id, min(s.month) AS day, ${band} AS age_band, ${roundedWeeklySql('sum(s.numerator)')} + sum(s.one_off) AS cost, sum(s.nights) AS nights, min(s.min_fee) AS min_fee, max(s.max_fee) AS max_fee
       FROM ${months} s WHERE ${range} GROUP BY ${['s.placement_id', ...time, ...(byBand ? ['s.age_band'] : [])].join(', ')}`;
  return {
    ctes: `pm AS (${pm})`,
    // LEFT JOINs, which are the same here (every placement has its child): PostgreSQL leaves out one no dimension reads.
    select: `SELECT ${dimensionColumns(source, used)}"p"."id" AS placement_id, "p"."child_id", pm.cost::bigint AS amount,
        pm.nights::int AS nights, 0 AS units, pm.min_fee, pm.max_fee
      FROM pm JOIN "placement" "p" ON "p"."id" = pm.id LEFT JOIN "child" "c" ON "c"."id" = "p"."child_id" LEFT JOIN "contract" "k" ON "k"."id" = "p"."contract_id"
      WHERE TRUE${where(conditions)}`,
  };
}

/** Transport and contact cost from the summary: a child's shares per route or arrangement and month. */
function summaryServiceRows(query: SpendQuery, used: Set<SpendDimension>, param: FilterParam): string | null {
  const source: RowSource = { kind: 'service', date: '"x"."day"', ageBand: '"x"."age_band"', monthly: true };
  const conditions = filterConditions(query, source, param);
  if (!conditions) return null;
  return `SELECT ${dimensionColumns(source, used)}NULL::uuid AS placement_id, "x"."child_id", "x"."amount"::bigint AS amount, 0 AS nights, "x"."units", NULL::bigint AS min_fee, NULL::bigint AS max_fee
    FROM (SELECT s.source, s.child_id, s.contract_id, s.month AS day, s.age_band, s.amount, s.units, "c"."locality_id"
          FROM "service_cost_month" s LEFT JOIN "child" "c" ON "c"."id" = s.child_id WHERE s.month >= $1 AND s.month < $2) "x"
    LEFT JOIN "child" "c" ON "c"."id" = "x"."child_id" LEFT JOIN "contract" "k" ON "k"."id" = "x"."contract_id"
    WHERE TRUE${where(conditions)}`;
}

/**
 * The spend cube in one statement: every row of spend (a placement's nights in one stretch,
 * an invoice line, a child's share of a journey, a session) with all its dimensions, then
 * GROUPING SETS of the dimensions asked for and of nothing, so the total is the sum of the
 * very same rows as the groups. Columns: the group's dimension columns, `grouping` (0 for a
 * group, non-zero for the total) and the measures.
 */
export function spendSql(query: SpendQuery): BuiltSql {
  const params: unknown[] = [query.from, query.toExclusive];
  const numbers = new Map<SpendDimension, number>();
  const filterParams: FilterParam = (dimension) => {
    if (!numbers.has(dimension)) numbers.set(dimension, params.push(query.filter.get(dimension)));
    return numbers.get(dimension)!;
  };
  const used = new Set([...query.groupBy, ...query.filter.keys()]);
  const ctes = [slotsSql(new Set(TIME_DIMENSIONS.filter((d) => used.has(d))))];
  const selects: string[] = [];
  if (summaryServes(query, used)) {
    const placements = summaryPlacementRows(query, used, filterParams);
    if (placements) {
      ctes.push(placements.ctes);
      selects.push(placements.select);
    }
    selects.push(summaryServiceRows(query, used, filterParams) ?? '');
  } else if (query.basis === SpendBasis.EXPECTED) {
    const placements = expectedPlacementRows(query, used, filterParams);
    if (placements) {
      ctes.push(placements.ctes);
      selects.push(placements.select);
    }
    selects.push(serviceRows(query, used, 'cost', filterParams) ?? '');
  } else {
    const amountOf = SERVICE_AMOUNT[query.basis];
    const statuses = lineStatusIn(amountOf);
    selects.push(placementLineRows(query, used, statuses, filterParams) ?? '', serviceRows(query, used, amountOf, filterParams) ?? '', otherLineRows(query, used, statuses, filterParams) ?? '');
  }
  const columns = usedDimensions(used).map((d) => `${SPEND_DIMENSIONS[d].column}, `).join('');
  const kept = selects.filter(Boolean);
  const rows =
    kept.length > 0
      ? kept.join('\nUNION ALL\n')
      : `SELECT ${usedDimensions(used).map((d) => `NULL::${columnTypeOf(d)} AS ${SPEND_DIMENSIONS[d].column}, `).join('')}NULL::uuid AS placement_id, NULL::uuid AS child_id, 0::bigint AS amount, 0 AS nights, 0 AS units, NULL::bigint AS min_fee, NULL::bigint AS max_fee WHERE FALSE`;
  return {
    sql: `WITH ${ctes.join(',\n')},
    spend_row AS (SELECT ${columns}${MEASURES} FROM (${rows}) r)
    ${aggregateSql(query, placementRowsUnique(query, used))}`,
    params,
  };
}

/**
 * Whether each placement gives at most one row to a group, so counting its rows counts its
 * placements: expected cost, where a placement gives one row per stretch of nights (and age
 * band), when every dimension that cuts a placement's nights (time, age band) is grouped by.
 */
function placementRowsUnique(query: SpendQuery, used: Set<SpendDimension>): boolean {
  const cutting = [...TIME_DIMENSIONS, SpendDimension.AGE_BAND].filter((d) => used.has(d));
  return query.basis === SpendBasis.EXPECTED && cutting.every((d) => query.groupBy.includes(d));
}

/**
 * How one distinct count is worked out: in the groups (`grouped`, an aggregate) and for the
 * total (`total`: SQL, or null when the grouped aggregate's total row already holds it).
 * Counting distinct ids sorts the rows, so it is done only where asked for, and by counting
 * rows where each id gives a group one row; a total then counts its ids in one pass of its own.
 */
function countSql(column: string, wanted: { groups: boolean; total: boolean }, rowsAreDistinct: boolean): { grouped: string; total: string | null } {
  if (wanted.groups && !rowsAreDistinct) return { grouped: `count(DISTINCT ${column})::int`, total: null };
  return { grouped: wanted.groups ? `count(${column})::int` : '0', total: wanted.total ? `(SELECT count(DISTINCT ${column})::int FROM spend_row)` : '0' };
}

/**
 * The groups and the total over the same rows (GROUPING SETS of the groups and of nothing):
 * the sums need no sort, so PostgreSQL hashes them.
 */
function aggregateSql(query: SpendQuery, unique: boolean): string {
  const counts = query.counts ?? ALL_COUNTS;
  const sums = `coalesce(sum(amount), 0)::text AS amount, coalesce(sum(amount) FILTER (WHERE nights > 0), 0)::text AS nights_amount, coalesce(sum(nights), 0)::text AS nights, coalesce(sum(units), 0)::int AS units, min(min_fee)::text AS min_fee, max(max_fee)::text AS max_fee`;
  const groupColumns = query.groupBy.map((d) => SPEND_DIMENSIONS[d].column);
  if (groupColumns.length === 0) {
    const count = (column: string, wanted: { total: boolean }) => (wanted.total ? `count(DISTINCT ${column})::int` : '0');
    return `SELECT 1 AS grouping, ${sums}, ${count('placement_id', counts.placements)} AS placements, ${count('child_id', counts.children)} AS children FROM spend_row`;
  }
  const placements = countSql('placement_id', counts.placements, unique);
  const children = countSql('child_id', counts.children, false);
  const outer = (name: string, total: string | null) => (total === null ? name : `CASE WHEN grouping = 0 THEN ${name} ELSE ${total} END AS ${name}`);
  const keys = groupColumns.join(', ');
  return `SELECT ${query.groupBy.map(keyColumnSql).join(', ')}, grouping, amount, nights_amount, nights, units, min_fee, max_fee, ${outer('placements', placements.total)}, ${outer('children', children.total)}
    FROM (SELECT ${keys}, GROUPING(${keys}) AS grouping, ${sums}, ${placements.grouped} AS placements, ${children.grouped} AS children
          FROM spend_row GROUP BY GROUPING SETS ((${keys}), ())) grouped
    ORDER BY grouping, ${groupColumns.map((c) => `${c} NULLS LAST`).join(', ')}`;
}
