import type { EntityTarget } from 'typeorm';
import { Field, InputType } from 'type-graphql';
import { snake } from '../database/naming-strategy';
import type { FieldKind, FilterField } from './filters/filter-sql';
import { BooleanFilter, DateFilter, DateTimeFilter, FloatFilter, IdFilter, IntFilter, MoneyFilter, StringFilter } from './filters/scalar-filters';
import type { SqlParams } from './filters/sql-params';
import type { ListSpec } from './pagination/find-connection';
import { orderByInput, type OrderField, type OrderTerm } from './pagination/ordering';

type ClassType = new () => object;

/** One column of a list: how it is filtered, sorted, searched and totalled. */
export interface Column {
  kind: FieldKind;
  /** Filterable, described as "Conditions on <filter>."; a column without it is not in the filter input. */
  filter?: string;
  /** The filter input when the kind has none of its own: `enumFilter(...)` for `enum` and `enumArray`. */
  type?: ClassType;
  /** SQL expression; `"<alias>"."<field in snake_case>"` when left out. */
  sql?: string;
  /** In `<Type>OrderField`. */
  sort?: boolean;
  /** May be empty: empty values sort last whichever the direction. */
  nullable?: boolean;
  /** Matched by the free-text `search`. */
  search?: boolean;
}

/** A filter field whose meaning is not a comparison on one column (e.g. "has an inadequate setting"). */
export interface Condition<V = never> {
  type: () => unknown;
  description: string;
  sql: (value: V, params: SqlParams) => string | null;
}

/** A list declared once: the filter input, the order input and the SQL spec are all built from it. */
export interface ListDeclaration<T> extends Pick<ListSpec<T>, 'hidden' | 'computedTotals' | 'projection'> {
  /** The GraphQL type listed: names `<name>Filter`, `<name>OrderField` and `<name>OrderBy`. */
  name: string;
  entity: EntityTarget<T>;
  alias: string;
  /** The description of `<name>Filter`. */
  description: string;
  /** The description of the filter's `search`; required when a column is searchable. */
  search?: string;
  /** Money columns that are not filterable are totalled too (e.g. a sum over the lines). */
  columns: Record<string, Column>;
  conditions?: Record<string, Condition<never>>;
  defaultOrder: OrderTerm[];
}

export interface DeclaredList<T> {
  spec: ListSpec<T>;
  Filter: new () => ListFilter;
  OrderBy: new () => OrderTerm;
}

/** The conditions of any `<Type>Filter`: and/or/not, free text and one entry per filterable field. */
export interface ListFilter {
  and?: ListFilter[];
  or?: ListFilter[];
  not?: ListFilter;
  search?: string;
  [field: string]: unknown;
}

const FILTER_OF_KIND: Partial<Record<FieldKind, ClassType>> = {
  id: IdFilter,
  string: StringFilter,
  int: IntFilter,
  float: FloatFilter,
  money: MoneyFilter,
  date: DateFilter,
  datetime: DateTimeFilter,
  boolean: BooleanFilter,
};

/** Every list declared, by GraphQL type name: the schema test proves each filter and order field has its SQL. */
export const declaredLists = new Map<string, ListSpec<unknown>>();

/** The SQL spec alone, for a list the API pages without filter or order arguments. */
export function listSpec<T>(list: Omit<ListDeclaration<T>, 'name' | 'description' | 'search'>): ListSpec<T> {
  const sqlOf = (field: string, column: Column) => column.sql ?? `"${list.alias}"."${snake(field)}"`;
  const columns = Object.entries(list.columns);
  const fields: Record<string, FilterField> = {};
  const order: Record<string, OrderField> = {};
  const totals: Record<string, string> = {};
  for (const [field, column] of columns) {
    const sql = sqlOf(field, column);
    if (column.filter) fields[field] = { sql, kind: column.kind };
    else if (column.kind === 'money') totals[field] = sql;
    if (column.sort) order[field] = { sql, property: field, nullable: column.nullable ?? false };
  }
  const search = columns.filter(([, c]) => c.search).map(([field, c]) => sqlOf(field, c));
  return {
    entity: list.entity,
    alias: list.alias,
    fields,
    search: search.length ? search : undefined,
    custom: list.conditions && Object.fromEntries(Object.entries(list.conditions).map(([key, c]) => [key, c.sql])),
    totals,
    order,
    defaultOrder: list.defaultOrder,
    hidden: list.hidden,
    computedTotals: list.computedTotals,
    projection: list.projection,
  };
}

function filterInput<T>(list: ListDeclaration<T>): new () => ListFilter {
  const Filter = class {} as new () => ListFilter;
  const field = (key: string, type: () => unknown, description: string) => Field(type as never, { nullable: true, description })(Filter.prototype, key);
  field('and', () => [Filter], 'All of these hold.');
  field('or', () => [Filter], 'At least one of these holds.');
  field('not', () => Filter, 'This does not hold.');
  const searchable = Object.values(list.columns).some((c) => c.search);
  if (searchable !== Boolean(list.search)) throw new Error(`${list.name}: describe \`search\` exactly when a column is searchable`);
  if (list.search) field('search', () => String, list.search);
  for (const [key, column] of Object.entries(list.columns)) {
    if (!column.filter) continue;
    const type = column.type ?? FILTER_OF_KIND[column.kind];
    if (!type) throw new Error(`${list.name}.${key}: a ${column.kind} column needs its filter \`type\``);
    field(key, () => type, `Conditions on ${column.filter}.`);
  }
  for (const [key, condition] of Object.entries(list.conditions ?? {})) field(key, condition.type, condition.description);
  InputType(`${list.name}Filter`, { description: list.description })(Filter);
  return Filter;
}

/** Declares a list once: its `<name>Filter` and `<name>OrderBy` inputs and the SQL of both. */
export function declareList<T>(list: ListDeclaration<T>): DeclaredList<T> {
  const spec = listSpec(list);
  const sortable = Object.keys(spec.order);
  const OrderBy = orderByInput(Object.fromEntries(sortable.map((f) => [f, f])), list.name);
  declaredLists.set(list.name, spec as ListSpec<unknown>);
  return { spec, Filter: filterInput(list), OrderBy };
}
