import { badInput } from '../errors';
import { isUuid } from '../versioned-update';
import { likeEscape, SqlParams } from './sql-params';

export type FieldKind = 'string' | 'id' | 'int' | 'float' | 'money' | 'date' | 'datetime' | 'boolean' | 'enum' | 'enumArray';

/** How one filterable field of a GraphQL filter maps to SQL. */
export interface FilterField {
  /** SQL expression, with quoted identifiers, e.g. `"provider"."legal_name"`. */
  sql: string;
  kind: FieldKind;
}

/** A filter whose meaning is not a plain column comparison (e.g. "has an inadequate setting"). */
export type CustomFilter = (value: never, params: SqlParams) => string | null;

export interface FilterSpec {
  fields: Record<string, FilterField>;
  /** Expressions matched by the free-text `search`. */
  search?: string[];
  custom?: Record<string, CustomFilter>;
}

const MAX_NESTING = 6;
const MAX_LIST = 1000;

type Conditions = Record<string, unknown>;

function comparison(field: FilterField, op: string, value: unknown, params: SqlParams, path: string): string {
  const col = field.sql;
  if (Array.isArray(value) && value.length > MAX_LIST) {
    throw badInput(path, `at most ${MAX_LIST} values are allowed`);
  }
  // Named here, rather than left to PostgreSQL's "invalid input syntax for type uuid".
  if (field.kind === 'id' && op !== 'isNull' && [value].flat().some((v) => typeof v !== 'string' || !isUuid(v))) {
    throw badInput(path, 'is not a valid id (a UUID)');
  }
  switch (op) {
    case 'eq':
      return `${col} = ${params.add(value)}`;
    case 'ne':
      return `${col} IS DISTINCT FROM ${params.add(value)}`;
    case 'in':
      return (value as unknown[]).length === 0 ? 'FALSE' : `${col} IN ${params.addList(value as unknown[])}`;
    case 'inIgnoringCase':
      // Lowered by PostgreSQL on both sides, so letters outside ASCII compare as the column's do.
      return (value as unknown[]).length === 0 ? 'FALSE' : `lower(${col}) IN (SELECT lower(v) FROM unnest(CAST(${params.add(value)} AS text[])) AS v)`;
    case 'notIn':
      return (value as unknown[]).length === 0 ? 'TRUE' : `(${col} IS NULL OR ${col} NOT IN ${params.addList(value as unknown[])})`;
    case 'lt':
      return `${col} < ${params.add(value)}`;
    case 'lte':
      return `${col} <= ${params.add(value)}`;
    case 'gt':
      return `${col} > ${params.add(value)}`;
    case 'gte':
      return `${col} >= ${params.add(value)}`;
    case 'contains':
      return `${col} ILIKE ${params.add(`%${likeEscape(String(value))}%`)}`;
    case 'startsWith':
      return `${col} ILIKE ${params.add(`${likeEscape(String(value))}%`)}`;
    case 'isNull':
      return value ? `${col} IS NULL` : `${col} IS NOT NULL`;
    case 'includes':
      return `${col} @> CAST(${params.add([value])} AS text[])`;
    case 'includesAll':
      return `${col} @> CAST(${params.add(value)} AS text[])`;
    case 'includesAny':
      return `${col} && CAST(${params.add(value)} AS text[])`;
    case 'isEmpty':
      return value ? `cardinality(${col}) = 0` : `cardinality(${col}) > 0`;
    default:
      throw badInput(path, `unknown operator ${op}`);
  }
}

function all(parts: string[]): string {
  if (parts.length === 0) return 'TRUE';
  return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' AND ');
}

/**
 * Turns a GraphQL filter (typed operators, and/or/not, search) into one SQL condition with
 * bound parameters. Everything is filtered in the database, nothing in memory.
 */
export function filterToSql(filter: Conditions | null | undefined, spec: FilterSpec, params: SqlParams, path = 'filter', depth = 0): string {
  if (!filter) return 'TRUE';
  if (depth > MAX_NESTING) throw badInput(path, `filters may be nested at most ${MAX_NESTING} deep`);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    const here = `${path}.${key}`;
    if (key === 'and' || key === 'or') {
      const list = value as Conditions[];
      if (list.length === 0) continue;
      const sub = list.map((f, i) => `(${filterToSql(f, spec, params, `${here}.${i}`, depth + 1)})`);
      parts.push(sub.join(key === 'and' ? ' AND ' : ' OR '));
    } else if (key === 'not') {
      parts.push(`NOT (${filterToSql(value as Conditions, spec, params, here, depth + 1)})`);
    } else if (key === 'search') {
      const text = String(value).trim();
      if (text === '' || !spec.search?.length) continue;
      if (text.length > 200) throw badInput(here, 'search text may be at most 200 characters');
      const pattern = params.add(`%${likeEscape(text)}%`);
      parts.push(spec.search.map((expr) => `${expr} ILIKE ${pattern}`).join(' OR '));
    } else if (spec.custom?.[key]) {
      const sql = spec.custom[key](value as never, params);
      if (sql) parts.push(sql);
    } else if (spec.fields[key]) {
      const field = spec.fields[key];
      const ops = Object.entries(value as Conditions).filter(([, v]) => v !== undefined && v !== null);
      parts.push(all(ops.map(([op, v]) => comparison(field, op, v, params, `${here}.${op}`))));
    } else {
      throw badInput(here, 'is not a filterable field');
    }
  }
  return all(parts);
}
