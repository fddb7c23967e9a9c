import type { RowChange } from '../providers/buildQuery';
import type { PlacewiseDataProvider } from '../providers/dataProvider';
import type { FieldError } from '../providers/apiError';
import type { ResourceModel } from '../providers/schemaModel';
import { sameValue, valueKind } from './columns';
import type { Row } from './editors';
import type { ImportColumn, ImportKind } from './importFormats';
import type { ImportPlan, ImportServerErrors } from './importPlan';

/**
 * Import into a list that has no import mutation of its own: each row of the file names a
 * record by its `id` (an exported view with the Id column shown has it) and carries new values
 * for its fields; every changed row is saved in one `update<Type>Rows`, all or nothing.
 */

const IMPORTABLE: ReadonlySet<string> = new Set<ImportKind>(['text', 'integer', 'number', 'money', 'date', 'datetime', 'boolean', 'enum', 'enumList', 'reference']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API's largest page: records are read in pages of this many ids. */
const READ_PAGE = 500;

/** The columns of such a file: the id, optionally the version it was exported at, and every field the grid may change. */
export function updateRowsColumns(resource: ResourceModel): ImportColumn[] {
  const fields = resource.fields.filter((f) => f.updatable && IMPORTABLE.has(valueKind(f)));
  return [
    { name: 'id', kind: 'text', required: true, field: 'id', aliases: ['identifier', 'uuid'] },
    ...(resource.versioned ? [{ name: 'version', kind: 'integer' as const, required: false, field: 'version' }] : []),
    ...fields.map((f) => ({ name: f.name, kind: valueKind(f) as ImportKind, required: false, field: f.name, ...(f.reference ? { reference: f.reference } : {}) })),
  ];
}

export interface RowsToSave {
  changes: RowChange[];
  /** The plan's row index of each change, to lay the server's refusals on the right row. */
  rowIndexes: number[];
  unchanged: number;
  /** Rows whose id is not a record of the list: "rowIndex:id" → message. */
  unknown: Record<string, string>;
}

/** The records the file names, read from the API in pages (one list query per 500 ids), by id. */
export async function readRecords(dataProvider: PlacewiseDataProvider, resource: string, ids: string[]): Promise<Map<string, Row>> {
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
  const found = new Map<string, Row>();
  for (let i = 0; i < wanted.length; i += READ_PAGE) {
    const page = wanted.slice(i, i + READ_PAGE);
    const { data } = await dataProvider.getList<Row>(resource, {
      pagination: { page: 1, perPage: page.length },
      sort: { field: 'id', order: 'ASC' },
      filter: { id_in: page },
      meta: { withTotal: false },
    });
    for (const record of data) found.set(String(record.id), record);
  }
  return found;
}

/** Each row of the file against the record it names: only the values that differ are sent, rows with none are left out. */
export function rowsToSave(
  plan: ImportPlan,
  records: Map<string, Row>,
  messages: { notFound: (id: string) => string; repeated: (row: number) => string },
): RowsToSave {
  const out: RowsToSave = { changes: [], rowIndexes: [], unchanged: 0, unknown: {} };
  const seen = new Map<string, number>();
  for (const row of plan.rows) {
    const id = String(row.cells.find((c) => c.target.name === 'id')?.value ?? '');
    const record = records.get(id);
    if (!record || seen.has(id)) {
      out.unknown[`${row.index}:id`] = record ? messages.repeated(seen.get(id)! + 1) : messages.notFound(id);
      continue;
    }
    seen.set(id, row.index);
    const data: Record<string, unknown> = {};
    let version = Number(record.version);
    for (const cell of row.cells) {
      if (cell.target.name === 'id') continue;
      if (cell.target.name === 'version') {
        if (cell.parsed !== null && cell.parsed !== undefined) version = Number(cell.parsed);
        continue;
      }
      if (!sameValue(cell.parsed, record[cell.target.name])) data[cell.target.name] = cell.parsed ?? null;
    }
    if (!Object.keys(data).length) {
      out.unchanged++;
      continue;
    }
    out.changes.push({ id, version, data });
    out.rowIndexes.push(row.index);
  }
  return out;
}

/** The refusal of `update<Type>Rows` (errors carry the index of the row sent) laid on the file's rows and cells. */
export function updateRowsErrors(plan: ImportPlan, toSave: RowsToSave, message: string, fieldErrors: FieldError[], index: number | undefined): ImportServerErrors {
  const out: ImportServerErrors = { message, cells: {}, rows: {} };
  const columns = new Set(plan.targets.map((t) => t.name));
  for (const e of fieldErrors) {
    const rowIndex = e.index !== undefined ? toSave.rowIndexes[e.index] : undefined;
    if (rowIndex === undefined) continue;
    const field = e.field.replace(/^(rows\.\d+\.)?(input\.)?/, '').split('.')[0];
    if (columns.has(field)) out.cells[`${rowIndex}:${field}`] = e.message;
    else out.rows[rowIndex] = [out.rows[rowIndex], `${field}: ${e.message}`].filter(Boolean).join('; ');
  }
  // A conflict or a refusal without fields names only the row.
  if (!fieldErrors.length && index !== undefined && toSave.rowIndexes[index] !== undefined) out.rows[toSave.rowIndexes[index]] = message;
  return out;
}
