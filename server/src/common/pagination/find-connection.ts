import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput, LimitExceeded } from '../errors';
import { filterToSql, type FilterSpec } from '../filters/filter-sql';
import { SqlParams } from '../filters/sql-params';
import type { ConnectionResult, PageArgs } from './connection';
import { decodeCursor, encodeCursor } from './cursor';
import { findTotals } from './totals';
import { SortDirection, type OrderField, type OrderTerm } from './ordering';

export const DEFAULT_PAGE_SIZE = 50;

/** Everything the generic list query needs to know about one entity. */
export interface ListSpec<T> extends FilterSpec {
  entity: EntityTarget<T>;
  alias: string;
  order: Record<string, OrderField>;
  defaultOrder: OrderTerm[];
  /** Rows hidden unless the filter asks for them (e.g. archived records). */
  hidden?: (filter: Record<string, unknown> | undefined) => string | null;
  /** Money fields to total besides the money filter fields: field → SQL expression in pence. */
  totals?: Record<string, string>;
  /** Money fields no column holds, totalled in SQL over every matching row at once (e.g. costs from a fee history). */
  computedTotals?: ComputedTotals;
  /**
   * When given, a page loads only the columns of the fields asked for (plus the id and the sort
   * terms), as a long export wants: field → the entity properties its field resolver reads.
   */
  projection?: Record<string, string[]>;
}

/**
 * Given `param` (binds a value, returns its placeholder): CTEs to add after `list` — the rows
 * the filter matches, each column under its own name — or '', and per field the SQL of its
 * sum in pence (a scalar expression; empty counts as nothing).
 */
export type ComputedTotals = (param: (value: unknown) => string) => { with: string; sums: Record<string, string> };

export interface ListArgs extends PageArgs {
  filter?: object | null;
  orderBy?: OrderTerm[] | null;
}

export interface ListOptions {
  wantCount: boolean;
  maxPageSize: number;
  /** Extra condition that always applies (e.g. the parent of a nested list). */
  scope?: { sql: string; values: Record<string, unknown> };
  /** The fields asked for on each record, for a spec with a projection. */
  fields?: string[];
}

interface SortTerm {
  sql: string;
  direction: SortDirection;
  read: (node: ObjectLiteral) => unknown;
}

function cursorValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value ?? null;
}

function sortTerms<T>(spec: ListSpec<T>, orderBy: OrderTerm[]): SortTerm[] {
  const terms: SortTerm[] = [];
  for (const term of orderBy) {
    const field = spec.order[term.field];
    if (!field) throw badInput(`orderBy.${term.field}`, 'cannot be sorted by');
    // Empty values sort last in both directions, so the null test comes first and always ascends.
    if (field.nullable) {
      terms.push({ sql: `(${field.sql} IS NULL)`, direction: SortDirection.ASC, read: (n) => n[field.property] === null || n[field.property] === undefined });
    }
    terms.push({ sql: field.sql, direction: term.direction, read: (n) => n[field.property] });
  }
  terms.push({ sql: `"${spec.alias}"."id"`, direction: SortDirection.ASC, read: (n) => n.id });
  return terms;
}

/**
 * Rows strictly after the cursor's row in the sort order (keyset paging). When every term sorts
 * the same way and the cursor has no empty value this is one row comparison, which PostgreSQL
 * answers from an index on the leading terms (a page deep in a long list is one index range);
 * otherwise the equivalent disjunction.
 */
function afterCondition(terms: SortTerm[], values: unknown[], params: SqlParams): string {
  if (terms.every((t) => t.direction === terms[0].direction) && values.every((v) => v !== null)) {
    const op = terms[0].direction === SortDirection.ASC ? '>' : '<';
    return `(${terms.map((t) => t.sql).join(', ')}) ${op} (${values.map((v) => params.add(v)).join(', ')})`;
  }
  const disjuncts: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    if (values[i] === null) continue; // nothing sorts after an empty value within its group
    const equalBefore = terms.slice(0, i).map((t, j) => `${t.sql} IS NOT DISTINCT FROM ${params.add(values[j])}`);
    const op = terms[i].direction === SortDirection.ASC ? '>' : '<';
    disjuncts.push([...equalBefore, `${terms[i].sql} ${op} ${params.add(values[i])}`].join(' AND '));
  }
  return disjuncts.length ? disjuncts.map((d) => `(${d})`).join(' OR ') : 'FALSE';
}

/** `alias.property` of every column a page needs: the id, the sort terms, the fields asked for and what their resolvers read. */
function projectedColumns<T>(manager: EntityManager, spec: ListSpec<T>, needs: Record<string, string[]>, fields: string[], orderBy: OrderTerm[]): string[] {
  const columns = new Set(manager.connection.getMetadata(spec.entity).columns.map((c) => c.propertyName));
  const wanted = new Set(['id', ...orderBy.map((t) => spec.order[t.field]?.property).filter(Boolean), ...fields.flatMap((f) => needs[f] ?? [f])]);
  return [...wanted].filter((p) => columns.has(p)).map((p) => `${spec.alias}.${p}`);
}

/** The page size asked for (`first`, or the default), refused when negative or over the cap. */
export function pageSize(args: { first?: number | null }, max: number): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0) throw badInput('first', 'must not be negative');
  if (first > max) throw new LimitExceeded(`A page holds at most ${max} records; ask for fewer or page through`, 'first');
  return first;
}

export function filteredQuery<T extends ObjectLiteral>(
  manager: EntityManager,
  spec: ListSpec<T>,
  filter: object | null | undefined,
  scope?: ListOptions['scope'],
): { qb: SelectQueryBuilder<T>; params: SqlParams } {
  const params = new SqlParams('f');
  const qb = manager.createQueryBuilder<T>(spec.entity, spec.alias);
  const conditions = [filterToSql(filter as Record<string, unknown>, spec, params)];
  const hidden = spec.hidden?.(filter as Record<string, unknown> | undefined);
  if (hidden) conditions.push(hidden);
  if (scope) conditions.push(scope.sql);
  qb.where(conditions.map((c) => `(${c})`).join(' AND '), { ...params.values, ...(scope?.values ?? {}) });
  return { qb, params };
}

/**
 * One page of a filtered, ordered list: a single SELECT for the page (plus one COUNT when
 * the client asked for totalCount). Offset and keyset (cursor) paging are both supported.
 */
export async function findConnection<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  spec: ListSpec<T>,
  args: ListArgs,
  options: ListOptions,
): Promise<ConnectionResult<T>> {
  if (args.offset !== undefined && args.offset !== null && args.after) {
    throw badInput('after', 'cannot be combined with offset; use one way of paging');
  }
  const offset = args.offset ?? 0;
  if (offset < 0) throw badInput('offset', 'must not be negative');
  const first = pageSize(args, options.maxPageSize);
  const orderBy = args.orderBy?.length ? args.orderBy : spec.defaultOrder;
  const terms = sortTerms(spec, orderBy);
  const signature = orderBy.map((t) => `${t.field}:${t.direction}`).join(',');

  const { qb } = filteredQuery(manager, spec, args.filter, options.scope);
  const totalCount = options.wantCount ? await qb.clone().getCount() : undefined;

  if (args.after) {
    const cursor = decodeCursor(args.after, signature);
    if (cursor.v.length !== terms.length) throw badInput('after', 'is not a cursor returned by this list');
    const params = new SqlParams('c');
    qb.andWhere(`(${afterCondition(terms, cursor.v, params)})`, params.values);
  }
  terms.forEach((t, i) => (i === 0 ? qb.orderBy(t.sql, t.direction) : qb.addOrderBy(t.sql, t.direction)));
  if (spec.projection && options.fields) qb.select(projectedColumns(manager, spec, spec.projection, options.fields, orderBy));
  const rows = await qb.offset(offset).limit(first + 1).getMany();

  const nodes = rows.slice(0, first);
  const cursorOf = (node: T) => encodeCursor({ o: signature, v: terms.map((t) => cursorValue(t.read(node))) });
  return {
    nodes,
    totalCount,
    // Summed only when the client asks for `totals` (GraphQL calls the function then).
    totals: () => findTotals(manager, spec, args.filter, options.scope),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: offset > 0 || Boolean(args.after),
      startCursor: nodes.length ? cursorOf(nodes[0]) : null,
      endCursor: nodes.length ? cursorOf(nodes[nodes.length - 1]) : null,
    },
  };
}
