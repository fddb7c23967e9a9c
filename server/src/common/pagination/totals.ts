import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import type { Pence } from '../money';
import { filteredQuery, type ComputedTotals, type ListOptions, type ListSpec } from './find-connection';

@ObjectType({ description: 'The sum of one money field over every record the filter matches (all pages, not just this one).' })
export class MoneyTotal {
  @Field({ description: 'The field summed, e.g. `weeklyFee`.' })
  field!: string;

  @Field(() => MoneyScalar, { description: 'The sum, exact to the penny; empty values count as nothing.' })
  sum!: Pence;
}

/** The money fields a list can total: its filterable money columns, and any extra SQL the spec names. */
export function totalFields<T>(spec: ListSpec<T>): Array<{ field: string; sql: string }> {
  const fields = Object.entries(spec.fields)
    .filter(([, f]) => f.kind === 'money')
    .map(([field, f]) => ({ field, sql: f.sql }));
  for (const [field, sql] of Object.entries(spec.totals ?? {})) if (!fields.some((f) => f.field === field)) fields.push({ field, sql });
  return fields;
}

/**
 * Sums every money field over the records the filter matches, in one SELECT with the same
 * WHERE as the list (filter, hidden rows, scope). Pence add up as `numeric`, so no sum overflows
 * or loses a penny. Computed totals read the matching rows once, as the CTE `list`.
 */
export async function findTotals<T extends ObjectLiteral>(
  manager: EntityManager,
  spec: ListSpec<T>,
  filter: object | null | undefined,
  scope?: ListOptions['scope'],
): Promise<MoneyTotal[]> {
  const fields = totalFields(spec);
  const { qb } = filteredQuery(manager, spec, filter, scope);
  if (spec.computedTotals) return findWithComputed(manager, spec, spec.computedTotals, fields, qb);
  if (!fields.length) return [];
  qb.select(`COALESCE(SUM((${fields[0].sql})::numeric), 0)::text`, 't0');
  fields.slice(1).forEach((f, i) => qb.addSelect(`COALESCE(SUM((${f.sql})::numeric), 0)::text`, `t${i + 1}`));
  const row = (await qb.getRawOne<Record<string, string>>()) ?? {};
  return fields.map((f, i) => ({ field: f.field, sum: BigInt(row[`t${i}`] ?? '0') }));
}

async function findWithComputed<T extends ObjectLiteral>(
  manager: EntityManager,
  spec: ListSpec<T>,
  computed: ComputedTotals,
  columns: Array<{ field: string; sql: string }>,
  qb: SelectQueryBuilder<T>,
): Promise<MoneyTotal[]> {
  const [listSql, values] = qb.select(`"${spec.alias}".*`).getQueryAndParameters();
  const { with: ctes, sums } = computed((value) => `$${values.push(value)}`);
  const all = [
    ...columns.map((f) => ({ field: f.field, sql: `(SELECT SUM((${f.sql})::numeric) FROM "list" "${spec.alias}")` })),
    ...Object.entries(sums).map(([field, sql]) => ({ field, sql: `(${sql})::numeric` })),
  ];
  const [row]: Array<Record<string, string>> = await manager.query(
    `WITH "list" AS (${listSql})${ctes ? `, ${ctes}` : ''}
     SELECT ${all.map((f, i) => `COALESCE(${f.sql}, 0)::text AS t${i}`).join(', ')}`,
    values,
  );
  return all.map((f, i) => ({ field: f.field, sum: BigInt(row[`t${i}`]) }));
}
