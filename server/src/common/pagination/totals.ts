import type { EntityManager, ObjectLiteral } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import type { Pence } from '../money';
import { filteredQuery, type ListOptions, type ListSpec } from './find-connection';

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
 * or loses a penny.
 */
export async function findTotals<T extends ObjectLiteral>(
  manager: EntityManager,
  spec: ListSpec<T>,
  filter: object | null | undefined,
  scope?: ListOptions['scope'],
): Promise<MoneyTotal[]> {
  const fields = totalFields(spec);
  if (!fields.length) return [];
  const { qb } = filteredQuery(manager, spec, filter, scope);
  qb.select(`COALESCE(SUM((${fields[0].sql})::numeric), 0)::text`, 't0');
  fields.slice(1).forEach((f, i) => qb.addSelect(`COALESCE(SUM((${f.sql})::numeric), 0)::text`, `t${i + 1}`));
  const row = (await qb.getRawOne<Record<string, string>>()) ?? {};
  return fields.map((f, i) => ({ field: f.field, sum: BigInt(row[`t${i}`] ?? '0') }));
}
