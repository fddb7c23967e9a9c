import { parse, type DocumentNode, type IntrospectionField, type IntrospectionInputObjectType, type IntrospectionInputValue, type IntrospectionSchema } from 'graphql';
import type { BuildQueryResult, IntrospectionResult } from 'ra-data-graphql';
import { CREATE, DELETE, DELETE_MANY, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, UPDATE, UPDATE_MANY } from 'react-admin';
import { ApiError } from './apiError';
import { hasRequiredArgs, namedType, printTypeRef, SchemaModel, type ResourceModel } from './schemaModel';

/** A data-provider call beyond react-admin's own: a different change to each of many rows, all or nothing. */
export const UPDATE_ROWS = 'UPDATE_ROWS';

export interface RowChange {
  id: string;
  version: number;
  data: Record<string, unknown>;
}

const FILTER_OPERATORS = ['eq', 'ne', 'in', 'notIn', 'lt', 'lte', 'gt', 'gte', 'contains', 'startsWith', 'isNull', 'includes', 'includesAny', 'includesAll', 'isEmpty'];
const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage endCursor }';

type Mode = 'list' | 'one';

/** Removes Apollo's `__typename` from a response, recursively. */
export function withoutTypename<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutTypename) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (key !== '__typename') out[key] = withoutTypename(v);
    return out as T;
  }
  return value;
}

/**
 * The fields to ask for: every scalar and enum field; for an object that is itself a resource,
 * its id and label; for embedded objects (contacts, audit changes, rate lines), their scalar
 * fields and, when reading one record, their own embedded lists one level further (a
 * negotiation's offers) and the id and label of the resources they point to; and, when
 * reading one record, the id and label of the resources it lists (a provider's settings).
 * Fields whose arguments must be given (`costBetween(from, to)`) are never asked for, nor
 * those a screen leaves out with `meta.omitFields` (a placement's child, which analysts may not read).
 */
export function selectionFor(schema: SchemaModel, resource: ResourceModel, mode: Mode, omit: ReadonlySet<string> = new Set()): string {
  const parts: string[] = [];
  for (const field of resource.fields) {
    if (field.needsArgs || omit.has(field.name)) continue;
    const ref = field.type;
    if (ref.kind === 'SCALAR' || ref.kind === 'ENUM') {
      parts.push(field.name);
      continue;
    }
    if (ref.kind !== 'OBJECT') continue;
    const target = schema.resourceOfType(ref.name);
    if (target) {
      if (ref.list && mode === 'list') continue;
      // A record's page shows a list of records it holds (an invoice's lines) as a table: their fields, not just their names.
      parts.push(`${field.name} { ${ref.list ? embeddedSelection(schema, ref.name, 1) : referenceSelection(target)} }`);
      continue;
    }
    const nested = embeddedSelection(schema, ref.name, mode === 'one' ? 1 : 0);
    if (nested) parts.push(`${field.name} { ${nested} }`);
  }
  return parts.join(' ');
}

function referenceSelection(target: ResourceModel): string {
  return `id${target.labelField !== 'id' ? ` ${target.labelField}` : ''}`;
}

/** An embedded (non-resource) object: its scalars; with depth left, its embedded objects and the resources it points to (by id and label). */
function embeddedSelection(schema: SchemaModel, typeName: string, depth: number): string {
  const type = schema.types.get(typeName);
  if (type?.kind !== 'OBJECT') return '';
  const parts: string[] = [];
  for (const f of type.fields) {
    if (f.isDeprecated || hasRequiredArgs(f)) continue;
    const ref = namedType(f.type);
    if (ref.kind === 'SCALAR' || ref.kind === 'ENUM') {
      parts.push(f.name);
      continue;
    }
    if (ref.kind !== 'OBJECT' || depth <= 0) continue;
    const target = schema.resourceOfType(ref.name);
    if (target) {
      if (!ref.list) parts.push(`${f.name} { ${referenceSelection(target)} }`);
      continue;
    }
    const nested = embeddedSelection(schema, ref.name, depth - 1);
    if (nested) parts.push(`${f.name} { ${nested} }`);
  }
  return parts.join(' ');
}

function operation(
  kind: 'query' | 'mutation',
  field: IntrospectionField,
  values: Record<string, unknown>,
  selection: string,
): { query: DocumentNode; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const args: string[] = [];
  for (const arg of field.args) {
    if (values[arg.name] === undefined) continue;
    variables[arg.name] = values[arg.name];
    definitions.push(`$${arg.name}: ${printTypeRef(arg.type)}`);
    args.push(`${arg.name}: $${arg.name}`);
  }
  for (const arg of field.args) {
    if (arg.type.kind === 'NON_NULL' && arg.defaultValue == null && variables[arg.name] === undefined) {
      throw new ApiError(`${field.name} needs ${arg.name}`, 'BAD_USER_INPUT');
    }
  }
  const name = field.name.charAt(0).toUpperCase() + field.name.slice(1);
  const source = `${kind} ${name}${definitions.length ? `(${definitions.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection ? ` { ${selection} }` : ''} }`;
  return { query: parse(source), variables };
}

function coerceScalar(typeName: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (typeName) {
    case 'Int': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      return Number.isFinite(n) ? n : value;
    }
    case 'Float': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      return Number.isFinite(n) ? n : value;
    }
    case 'Boolean':
      return value === true || value === 'true';
    case 'ID':
    case 'String':
    case 'Date':
    case 'Money':
      return typeof value === 'string' ? value : String(value);
    default:
      return value;
  }
}

/**
 * Keeps the fields the input type has, coerced to their types. An empty text becomes null
 * (clears the field) unless `requiredFields` says the record cannot be without it, in which
 * case the empty text goes to the server, which answers with its own message.
 */
export function pickInput(
  schema: SchemaModel,
  inputType: IntrospectionInputObjectType,
  data: Record<string, unknown>,
  requiredFields: Set<string> = new Set(),
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of inputType.inputFields) {
    if (!Object.prototype.hasOwnProperty.call(data, field.name)) continue;
    const value = data[field.name];
    if (value === undefined) continue;
    out[field.name] = coerceInputValue(schema, field, value, requiredFields.has(field.name));
  }
  return out;
}

function coerceInputValue(schema: SchemaModel, field: IntrospectionInputValue, value: unknown, required: boolean): unknown {
  const ref = namedType(field.type);
  if (value === null) return null;
  if (ref.list) {
    const items = Array.isArray(value) ? value : [value];
    return items.map((item) => coerceItem(schema, ref.kind, ref.name, item));
  }
  if (value === '' && !required && ref.kind !== 'INPUT_OBJECT') return null;
  return coerceItem(schema, ref.kind, ref.name, value);
}

function coerceItem(schema: SchemaModel, kind: string, typeName: string, value: unknown): unknown {
  if (kind === 'INPUT_OBJECT') {
    const nested = schema.inputType(typeName);
    return nested && value && typeof value === 'object' ? pickInput(schema, nested, value as Record<string, unknown>) : value;
  }
  if (kind === 'ENUM') return value === '' ? null : value;
  return coerceScalar(typeName, value);
}

const isEmptyFilterValue = (value: unknown) =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * react-admin filter values → the typed GraphQL filter. `q` is the free-text search;
 * `field` uses the natural operator of its filter (contains for text, in for a list of values,
 * includesAny for a list field, eq otherwise); `field_op` names the operator (`inspectionDate_gte`).
 * Fields that are plain values in the filter (`archived: true`) are passed as they are.
 */
export function buildFilter(schema: SchemaModel, resource: ResourceModel, values: Record<string, unknown> = {}): Record<string, unknown> | undefined {
  const filterType = resource.filterType;
  if (!filterType) return undefined;
  const filter: Record<string, unknown> = {};
  const put = (field: string, op: string | null, value: unknown) => {
    if (op === null) filter[field] = value;
    else filter[field] = { ...(filter[field] as object | undefined), [op]: value };
  };
  for (const [key, raw] of Object.entries(values)) {
    if (isEmptyFilterValue(raw)) continue;
    if (key === 'q') {
      if (filterType.inputFields.some((f) => f.name === 'search')) filter.search = String(raw);
      continue;
    }
    if (key === 'and' || key === 'or' || key === 'not') {
      filter[key] = raw;
      continue;
    }
    const underscore = key.lastIndexOf('_');
    let name = key;
    let op: string | undefined;
    if (underscore > 0 && FILTER_OPERATORS.includes(key.slice(underscore + 1))) {
      name = key.slice(0, underscore);
      op = key.slice(underscore + 1);
    }
    const field = filterType.inputFields.find((f) => f.name === name);
    if (!field) throw new ApiError(`The list of ${resource.name} cannot be filtered by "${key}"`, 'BAD_USER_INPUT');
    const ref = namedType(field.type);
    const opsType = ref.kind === 'INPUT_OBJECT' && !ref.list ? schema.inputType(ref.name) : undefined;
    if (!opsType) {
      put(name, null, coerceInputValue(schema, field, raw, true));
      continue;
    }
    const ops = new Map(opsType.inputFields.map((f) => [f.name, f]));
    if (!op) {
      if (Array.isArray(raw)) op = ops.has('in') ? 'in' : 'includesAny';
      else if (typeof raw === 'object' && raw !== null) {
        put(name, null, raw);
        continue;
      } else op = ops.has('contains') ? 'contains' : ops.has('eq') ? 'eq' : ops.has('includes') ? 'includes' : 'gte';
    }
    const opField = ops.get(op);
    if (!opField) throw new ApiError(`"${name}" cannot be filtered with ${op}`, 'BAD_USER_INPUT');
    put(name, op, coerceInputValue(schema, opField, raw, true));
  }
  return Object.keys(filter).length ? filter : undefined;
}

/** react-admin sort (one field, or several separated by commas) → `orderBy`; unknown fields are left to the server's default order. */
export function buildOrderBy(resource: ResourceModel, sort?: { field?: string; order?: string }): Array<{ field: string; direction: 'ASC' | 'DESC' }> | undefined {
  if (!sort?.field) return undefined;
  const fields = sort.field.split(',');
  const orders = (sort.order ?? 'ASC').split(',');
  const orderBy = fields
    .map((field, i) => ({ field: field.trim(), direction: (orders[i] ?? orders[0]).trim().toUpperCase() === 'DESC' ? ('DESC' as const) : ('ASC' as const) }))
    .filter((s) => resource.orderFields.includes(s.field));
  return orderBy.length ? orderBy : undefined;
}

function requiredOf(resource: ResourceModel): Set<string> {
  return new Set(resource.fields.filter((f) => f.type.nonNull).map((f) => f.name));
}

function changedFields(data: Record<string, unknown>, previous?: Record<string, unknown>): Record<string, unknown> {
  if (!previous) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (JSON.stringify(withoutTypename(value)) !== JSON.stringify(withoutTypename(previous[key]))) out[key] = value;
  }
  return out;
}

function need<T>(value: T | undefined, what: string, resource: ResourceModel): T {
  if (value === undefined) throw new ApiError(`The API cannot ${what} ${resource.name}`, 'BAD_USER_INPUT');
  return value;
}

function versionOf(params: any): number | undefined {
  const v = params.meta?.version ?? params.data?.version ?? params.previousData?.version;
  return v === undefined || v === null ? undefined : Number(v);
}

/** The one generic query builder: react-admin calls → the project's GraphQL contract, from introspection. */
export function buildQuery(schema: SchemaModel, fetchType: string, resourceName: string, params: any): BuildQueryResult {
  const resource = schema.resource(resourceName);
  const list = resource.listQuery;
  const hasArg = (field: IntrospectionField, name: string) => field.args.some((a) => a.name === name);
  const omit = new Set<string>(params?.meta?.omitFields ?? []);
  const one = selectionFor(schema, resource, 'one', omit);
  const record = (data: any, field: string) => withoutTypename(data[field]);

  switch (fetchType) {
    case GET_LIST:
    case GET_MANY_REFERENCE: {
      const { page = 1, perPage = 50 } = params.pagination ?? {};
      const filterValues = fetchType === GET_MANY_REFERENCE ? { ...params.filter, [params.target]: params.id } : params.filter;
      const after = params.meta?.after as string | undefined;
      const withTotal = params.meta?.withTotal !== false;
      const { query, variables } = operation(
        'query',
        list,
        {
          filter: buildFilter(schema, resource, filterValues),
          orderBy: hasArg(list, 'orderBy') ? buildOrderBy(resource, params.sort) : undefined,
          first: perPage,
          after: after && hasArg(list, 'after') ? after : undefined,
          offset: !after && page > 1 ? (page - 1) * perPage : undefined,
        },
        `nodes { ${selectionFor(schema, resource, 'list', omit)} } ${PAGE_INFO}${withTotal ? ' totalCount' : ''}`,
      );
      return {
        query,
        variables,
        parseResponse: ({ data }: any) => {
          const connection = data[list.name];
          return {
            data: withoutTypename(connection.nodes),
            total: withTotal ? connection.totalCount : undefined,
            pageInfo: { hasNextPage: connection.pageInfo.hasNextPage, hasPreviousPage: page > 1 || Boolean(after) },
            meta: { endCursor: connection.pageInfo.endCursor },
          };
        },
      };
    }
    case GET_ONE: {
      const field = need(resource.oneQuery, 'read one of', resource);
      const { query, variables } = operation('query', field, { id: String(params.id) }, one);
      return {
        query,
        variables,
        parseResponse: ({ data }: any) => {
          if (!data[field.name]) throw new ApiError(`${resource.typeName} ${params.id} does not exist`, 'NOT_FOUND');
          return { data: record(data, field.name) };
        },
      };
    }
    case GET_MANY: {
      const ids: string[] = (params.ids ?? []).map(String);
      if (resource.oneQuery && ids.length) {
        // Aliased reads by id: archived records too, whatever the list's default filter.
        const field = resource.oneQuery;
        const idType = printTypeRef(field.args.find((a) => a.name === 'id')!.type);
        const source = `query GetMany${resource.typeName}(${ids.map((_, i) => `$id${i}: ${idType}`).join(', ')}) { ${ids
          .map((_, i) => `r${i}: ${field.name}(id: $id${i}) { ${one} }`)
          .join(' ')} }`;
        return {
          query: parse(source),
          variables: Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
          parseResponse: ({ data }: any) => ({ data: ids.map((_, i) => withoutTypename(data[`r${i}`])).filter(Boolean) }),
        };
      }
      const { query, variables } = operation(
        'query',
        list,
        { filter: { id: { in: ids } }, first: Math.max(ids.length, 1) },
        `nodes { ${selectionFor(schema, resource, 'list', omit)} }`,
      );
      return { query, variables, parseResponse: ({ data }: any) => ({ data: withoutTypename(data[list.name].nodes) }) };
    }
    case CREATE: {
      const field = need(resource.createMutation, 'create', resource);
      const input = pickInput(schema, need(resource.createInputType, 'create', resource), params.data ?? {}, requiredOf(resource));
      const { query, variables } = operation('mutation', field, { input }, one);
      return { query, variables, parseResponse: ({ data }: any) => ({ data: record(data, field.name) }) };
    }
    case UPDATE: {
      const field = need(resource.updateMutation, 'update', resource);
      const data = changedFields(params.data ?? {}, params.previousData);
      const input = pickInput(schema, need(resource.updateInputType, 'update', resource), data, requiredOf(resource));
      const { query, variables } = operation('mutation', field, { id: String(params.id), version: versionOf(params), input }, one);
      return { query, variables, parseResponse: ({ data }: any) => ({ data: record(data, field.name) }) };
    }
    case UPDATE_MANY: {
      const field = need(resource.updateManyMutation, 'change many', resource);
      const input = pickInput(schema, need(resource.updateInputType, 'update', resource), params.data ?? {}, requiredOf(resource));
      const { query, variables } = operation('mutation', field, { ids: (params.ids ?? []).map(String), input }, 'id version');
      return {
        query,
        variables,
        parseResponse: ({ data }: any) => ({ data: data[field.name].map((r: { id: string }) => r.id) }),
      };
    }
    case UPDATE_ROWS: {
      const field = need(resource.updateRowsMutation, 'change many rows of', resource);
      const inputType = need(resource.updateInputType, 'update', resource);
      const required = requiredOf(resource);
      const rows = (params.rows as RowChange[]).map((row) => ({
        id: String(row.id),
        version: row.version,
        input: pickInput(schema, inputType, row.data, required),
      }));
      const { query, variables } = operation('mutation', field, { rows }, one);
      return { query, variables, parseResponse: ({ data }: any) => ({ data: withoutTypename(data[field.name]) }) };
    }
    case DELETE: {
      const field = need(resource.archiveMutation, 'archive', resource);
      const { query, variables } = operation('mutation', field, { id: String(params.id), version: versionOf(params) }, one);
      return { query, variables, parseResponse: ({ data }: any) => ({ data: record(data, field.name) }) };
    }
    case DELETE_MANY:
      throw new ApiError(`${resource.name} are archived one at a time`, 'BAD_USER_INPUT');
    default:
      throw new ApiError(`Unknown data provider call ${fetchType}`, 'BAD_USER_INPUT');
  }
}

/**
 * An import mutation that takes a whole file as CSV text (`importPlacements(csv)`), all or
 * nothing; its answer is a count or an object of counts (every scalar field is asked for).
 */
export function buildImportFile(schema: SchemaModel, mutation: string, csv: string): BuildQueryResult {
  const field = schema.mutations.get(mutation);
  if (!field) throw new ApiError(`The API has no mutation ${mutation}`, 'BAD_USER_INPUT');
  const returned = namedType(field.type);
  const type = schema.types.get(returned.name);
  const selection =
    type?.kind === 'OBJECT'
      ? type.fields.filter((f) => ['SCALAR', 'ENUM'].includes(namedType(f.type).kind) && !hasRequiredArgs(f)).map((f) => f.name).join(' ')
      : '';
  const { query, variables } = operation('mutation', field, { csv }, selection);
  return { query, variables, parseResponse: ({ data }: any) => ({ data: withoutTypename(data[field.name]) }) };
}

/** Whether a resource's list offers `totals` (sums of its money fields over the whole filtered list). */
export function hasTotals(schema: SchemaModel, resource: ResourceModel): boolean {
  const connection = schema.types.get(namedType(resource.listQuery.type).name);
  return connection?.kind === 'OBJECT' && connection.fields.some((f) => f.name === 'totals');
}

/** The sums of a list's money fields, computed by the server over every record the filter matches. */
export function buildTotals(schema: SchemaModel, resourceName: string, filterValues: Record<string, unknown>): BuildQueryResult {
  const resource = schema.resource(resourceName);
  const list = resource.listQuery;
  const { query, variables } = operation('query', list, { filter: buildFilter(schema, resource, filterValues), first: 0 }, 'totals { field sum }');
  return {
    query,
    variables,
    parseResponse: ({ data }: any) => ({
      data: Object.fromEntries((data[list.name].totals as Array<{ field: string; sum: string }>).map((t) => [t.field, t.sum])),
    }),
  };
}

const models = new WeakMap<IntrospectionSchema, SchemaModel>();

/** The factory ra-data-graphql asks for. */
export function buildQueryFactory(introspectionResults: IntrospectionResult) {
  let schema = models.get(introspectionResults.schema);
  if (!schema) {
    schema = new SchemaModel(introspectionResults.schema);
    models.set(introspectionResults.schema, schema);
  }
  const model = schema;
  return (fetchType: string, resourceName: string, params: any) => buildQuery(model, fetchType, resourceName, params);
}
