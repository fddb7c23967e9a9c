import { formatDate } from '../i18n/formats';
import type { FieldModel } from '../providers/schemaModel';
import type { FieldError } from '../providers/apiError';
import { parseValue, type GridColumn, type ParseMessages } from './columns';
import { csvField, csvLine } from './csv';
import type { ImportTarget } from './importFormats';
import { parseReference, type ReferenceLookups } from './resolveReferences';
import { isoDateOf, type SheetTable, type SheetValue } from './sheetFile';

/** For each column of the file, in order: the import column it fills, or null to leave it out. */
export type ImportMapping = Array<string | null>;

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Guesses which import column each file column fills, by its heading: the column's name, its label or a usual alias. */
export function guessMapping(headers: string[], targets: ImportTarget[]): ImportMapping {
  const taken = new Set<string>();
  return headers.map((header) => {
    const key = squash(header);
    if (!key) return null;
    const target = targets.find(
      (t) => !taken.has(t.name) && [t.name, t.label, t.field ?? '', ...(t.aliases ?? [])].some((candidate) => candidate && squash(candidate) === key),
    );
    if (!target) return null;
    taken.add(target.name);
    return target.name;
  });
}

/** Import columns the file must have but the mapping leaves empty. */
export function missingColumns(mapping: ImportMapping, targets: ImportTarget[]): ImportTarget[] {
  return targets.filter((t) => t.required && !mapping.includes(t.name));
}

export interface ImportCell {
  target: ImportTarget;
  /** What the file (or the officer's correction) says, as text. */
  text: string;
  /** The value in the server's format (ISO dates, decimal money, codes); null when empty. */
  value: string | null;
  /** The value as the API takes it in an input (a number, a list of codes…); null when empty. */
  parsed: unknown;
  /** How the value is shown when it is not the value itself (a reference's name for its id). */
  shown?: string;
  /** Why the value cannot be used, found before anything is sent. */
  error?: string;
}

export interface ImportRow {
  index: number;
  /** The row's line in the file sent to the server (the header is line 1). */
  line: number;
  cells: ImportCell[];
  invalid: boolean;
}

export interface ImportPlan {
  targets: ImportTarget[];
  rows: ImportRow[];
  invalid: number;
}

/** Corrections typed in the preview: row index → import column → text. */
export type ImportEdits = Record<number, Record<string, string>>;

export interface ImportMessages extends ParseMessages {
  required: string;
}

/** A number read from XLSX as its decimal text, tidied when a float left noise past the pennies (1045.4999999999998 → 1045.50). */
function tidyMoneyText(text: string): string {
  if (!/^-?\d+\.\d{3,}$/.test(text)) return text;
  const hundredths = Number(text) * 100;
  return Math.abs(hundredths - Math.round(hundredths)) < 1e-6 ? (Math.round(hundredths) / 100).toFixed(2) : text;
}

function cellText(value: SheetValue, target: ImportTarget): string {
  if (value === null) return '';
  if (value instanceof Date) return target.kind === 'date' ? formatDate(isoDateOf(value)) : isoDateOf(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return target.kind === 'money' ? tidyMoneyText(value.trim()) : value.trim();
}

/** An import column as a grid column, so values are parsed and shown as the grid does. */
export function gridColumnOf(target: ImportTarget): GridColumn {
  return {
    key: target.name,
    field: { name: target.name, reference: target.reference } as FieldModel,
    kind: target.kind,
    updatable: true,
    required: target.required,
    sortable: false,
    enumValues: target.enumValues,
  };
}

function checkCell(target: ImportTarget, text: string, messages: ImportMessages, references?: ReferenceLookups): ImportCell {
  const trimmed = cleanText(text);
  if (trimmed === '') return target.required ? { target, text, value: null, parsed: null, error: messages.required } : { target, text, value: null, parsed: null };
  if (target.kind === 'text' || (target.kind === 'enum' && !target.enumValues)) return { target, text, value: trimmed, parsed: trimmed };
  const parsed =
    target.kind === 'reference' ? parseReference(gridColumnOf(target), trimmed, references?.[target.name], messages) : parseValue(gridColumnOf(target), trimmed, messages);
  if (!parsed.ok) return { target, text, value: null, parsed: null, error: parsed.message };
  return { target, text, value: String(parsed.value), parsed: parsed.value, ...(parsed.shown !== undefined ? { shown: parsed.shown } : {}) };
}

const cleanText = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

/** The texts of the file's reference columns (a setting's locality by name), to look up before the preview: one request per column. */
export function importReferenceTexts(table: SheetTable, mapping: ImportMapping, targets: ImportTarget[], edits: ImportEdits): Array<{ column: GridColumn; texts: string[] }> {
  return targets
    .filter((t) => t.kind === 'reference' && mapping.includes(t.name))
    .map((target) => {
      const source = mapping.indexOf(target.name);
      const texts = table.rows.map((values, index) => cleanText(edits[index]?.[target.name] ?? cellText(values[source], target))).filter(Boolean);
      return { column: gridColumnOf(target), texts: [...new Set(texts)] };
    })
    .filter((c) => c.texts.length > 0);
}

/** Every row of the file laid on the import columns, checked as the server will read them. */
export function planImport(
  table: SheetTable,
  mapping: ImportMapping,
  targets: ImportTarget[],
  edits: ImportEdits,
  messages: ImportMessages,
  references?: ReferenceLookups,
): ImportPlan {
  // In the file's order, as the officer knows it.
  const used = mapping.flatMap((name) => targets.filter((t) => t.name === name));
  const sourceOf = new Map(used.map((t) => [t.name, mapping.indexOf(t.name)]));
  let invalid = 0;
  const rows = table.rows.map((values, index) => {
    const cells = used.map((target) => {
      const edited = edits[index]?.[target.name];
      const text = edited ?? cellText(values[sourceOf.get(target.name)!], target);
      return checkCell(target, text, messages, references);
    });
    const bad = cells.some((c) => c.error);
    if (bad) invalid++;
    return { index, line: index + 2, cells, invalid: bad };
  });
  return { targets: used, rows, invalid };
}

/** The file the import mutation reads: the columns' own names in the header, values in the server's format. */
export function importCsv(plan: ImportPlan): string {
  let csv = csvLine(plan.targets.map((t) => t.name));
  for (const row of plan.rows) csv += csvLine(row.cells.map((c) => csvField(c.value ?? '', false)));
  return csv;
}

export interface ImportServerErrors {
  message: string;
  /** "rowIndex:column" → the server's message. */
  cells: Record<string, string>;
  /** rowIndex → messages about the row that name no column of the file. */
  rows: Record<number, string>;
}

interface RowError {
  line: number;
  field: string;
  message: string;
}

/** The server's refusal laid on the preview: each `rowErrors` entry on its row and, when it names one, its column. */
export function importServerErrors(plan: ImportPlan, message: string, extensions: Record<string, unknown>, fieldErrors: FieldError[]): ImportServerErrors {
  const out: ImportServerErrors = { message, cells: {}, rows: {} };
  const rowErrors = Array.isArray(extensions.rowErrors) ? (extensions.rowErrors as RowError[]) : [];
  const byLine = new Map(plan.rows.map((r) => [r.line, r]));
  for (const e of rowErrors) {
    const row = byLine.get(e.line);
    if (!row) continue;
    if (plan.targets.some((t) => t.name === e.field)) out.cells[`${row.index}:${e.field}`] = e.message;
    else out.rows[row.index] = [out.rows[row.index], `${e.field}: ${e.message}`].filter(Boolean).join('; ');
  }
  if (!rowErrors.length && fieldErrors.length) out.message = fieldErrors.map((f) => `${f.field} ${f.message}`).join('; ');
  return out;
}
