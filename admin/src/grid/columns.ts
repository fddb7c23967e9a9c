import type { EnumOption, FieldModel, ResourceModel, SchemaModel } from '../providers/schemaModel';
import { formatDate, formatDateTime, formatMoney, formatNumber, parseDate, parseDateTime, parseMoney } from '../i18n/formats';
import { humanizeCode, isAcronym } from '../i18n/codes';

export { humanizeCode };

/** How a column's values are shown, typed and parsed; chosen from the field's GraphQL type. */
export type ValueKind = 'text' | 'integer' | 'number' | 'money' | 'date' | 'datetime' | 'boolean' | 'enum' | 'enumList' | 'reference' | 'id' | 'textList';

export interface GridColumn {
  key: string;
  field: FieldModel;
  kind: ValueKind;
  /** In the update input: the grid can change it (when the user's role may). */
  updatable: boolean;
  required: boolean;
  sortable: boolean;
  enumValues?: EnumOption[];
  /** For reference columns: the object field holding the referenced record, and its label field. */
  referenceObject?: { field: string; labelField: string };
}

export function valueKind(field: FieldModel): ValueKind {
  const { kind, name, list } = field.type;
  if (kind === 'ENUM') return list ? 'enumList' : 'enum';
  if (list) return 'textList';
  if (field.reference && name === 'ID') return 'reference';
  switch (name) {
    case 'Int':
      return 'integer';
    case 'Float':
      return 'number';
    case 'Money':
      return 'money';
    case 'Date':
      return 'date';
    case 'DateTime':
      return 'datetime';
    case 'Boolean':
      return 'boolean';
    case 'ID':
      return 'id';
    default:
      return 'text';
  }
}

const HIDDEN_BY_DEFAULT = new Set(['id', 'version']);

/** The grid's columns for a resource: the fields named (or every scalar field), in that order. */
export function gridColumns(schema: SchemaModel, resource: ResourceModel, names?: string[]): GridColumn[] {
  const shown = (f: FieldModel) => !f.needsArgs && (f.type.kind === 'SCALAR' || f.type.kind === 'ENUM') && !HIDDEN_BY_DEFAULT.has(f.name) && f.type.name !== 'JSON';
  const fields = names
    ? names.map((n) => {
        const f = resource.fields.find((x) => x.name === n);
        if (!f) throw new Error(`${resource.typeName} has no field ${n}`);
        return f;
      })
    : [...resource.fields.filter((f) => f.name === resource.labelField), ...resource.fields.filter((f) => f.name !== resource.labelField && shown(f))];
  return fields.map((field) => {
    const kind = valueKind(field);
    let referenceObject: GridColumn['referenceObject'];
    if (kind === 'reference' && field.reference) {
      const objectField = field.name.replace(/Id$/, '');
      const target = schema.resource(field.reference);
      if (resource.fields.some((f) => f.name === objectField)) referenceObject = { field: objectField, labelField: target.labelField };
    }
    return {
      key: field.name,
      field,
      kind,
      // A reference is edited by searching its resource (ReferenceEditor); the value sent is the id.
      updatable: field.updatable && kind !== 'id' && kind !== 'textList',
      required: field.type.nonNull,
      sortable: field.sortable,
      enumValues: field.enumValues,
      referenceObject,
    };
  });
}


/**
 * How a code is shown in a cell: word codes in words (Active, Requires improvement); codes
 * that mean nothing on their own with their official description (PR4 · Private provision).
 * The full description is always in the cell's tooltip and the editor's list.
 */
export function enumLabel(column: GridColumn, code: string): string {
  const option = column.enumValues?.find((o) => o.value === code);
  if (!option) return code;
  if (/\d/.test(code)) return `${code} · ${option.description}`;
  return isAcronym(code, option.description) ? code : humanizeCode(code);
}


export function enumDescription(column: GridColumn, value: unknown): string | undefined {
  const codes = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  const descriptions = codes.map((c) => column.enumValues?.find((o) => o.value === c)?.description ?? String(c));
  return descriptions.length ? descriptions.join('; ') : undefined;
}

/** What a cell shows. */
export function displayValue(column: GridColumn, row: Record<string, any>, yesNo: [string, string] = ['Yes', 'No']): string {
  const value = row[column.key];
  if (column.kind === 'reference' && column.referenceObject) {
    const related = row[column.referenceObject.field];
    if (related && related.id === value) return String(related[column.referenceObject.labelField] ?? value ?? '');
  }
  return formatValue(column, value, yesNo);
}

export function formatValue(column: GridColumn, value: unknown, yesNo: [string, string] = ['Yes', 'No']): string {
  if (value === null || value === undefined) return '';
  if (isReferenceChoice(value)) return value.label;
  switch (column.kind) {
    case 'money':
      return formatMoney(value as string);
    case 'date':
      return formatDate(value as string);
    case 'datetime':
      return formatDateTime(value as string);
    case 'integer':
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : String(value);
    case 'boolean':
      return value === true ? yesNo[0] : value === false ? yesNo[1] : String(value);
    case 'enum':
      return enumLabel(column, String(value));
    case 'enumList':
      return Array.isArray(value) ? value.map((v) => enumLabel(column, String(v))).join(', ') : String(value);
    case 'textList':
      return Array.isArray(value) ? value.join(', ') : String(value);
    default:
      return String(value);
  }
}

/**
 * How a row is named in messages and previews: its label field, or for records without one
 * (a journey, a session) the values of the grid's first two columns, e.g. "20/04/2026 · Outbound".
 */
export function rowName(labelField: string, columns: GridColumn[], row: Record<string, any>, yesNo?: [string, string]): string {
  if (labelField !== 'id' && row[labelField] !== null && row[labelField] !== undefined) return String(row[labelField]);
  const shown = columns
    .slice(0, 2)
    .map((c) => displayValue(c, row, yesNo))
    .filter(Boolean);
  return shown.length ? shown.join(' · ') : String(row.id);
}

/** A value as plain text, the way it is exported and copied: raw codes, ISO dates, decimal money. */
export function rawText(column: GridColumn, row: Record<string, any>): string {
  const value = row[column.key];
  if (isReferenceChoice(value)) return value.label;
  if (column.kind === 'reference' && column.referenceObject) {
    const related = row[column.referenceObject.field];
    if (related && related.id === value) return String(related[column.referenceObject.labelField] ?? '');
  }
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

/** The text an editor starts with. */
export function editText(column: GridColumn, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isReferenceChoice(value)) return value.label;
  if (column.kind === 'date' && typeof value === 'string') return formatDate(value) || value;
  if (column.kind === 'datetime' && typeof value === 'string') return formatDateTime(value) || value;
  return String(value);
}

/** A referenced record as the reference editor (or a looked-up paste) chose it: the id is saved, the label shown. */
export interface ReferenceChoice {
  id: string;
  label: string;
  /** Something that tells records with the same label apart (a reference, a postcode, their provider). */
  detail?: string;
}

export function isReferenceChoice(value: unknown): value is ReferenceChoice {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as ReferenceChoice).id === 'string' && typeof (value as ReferenceChoice).label === 'string';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a text is shaped like a record's id (a UUID), so a pasted id is taken as one. */
export function looksLikeId(text: string): boolean {
  return UUID.test(text.trim());
}

/** `shown`: how the value is shown when it is not the value itself (a reference's label). */
export type Parsed = { ok: true; value: unknown; shown?: string } | { ok: false; message: string };

export interface ParseMessages {
  date: string;
  /** For a date and time; the date message when left out. */
  dateTime?: string;
  number: string;
  wholeNumber: string;
  money: string;
  boolean: string;
  code: (codes: string) => string;
  notEditable: string;
  /** A reference whose text was not looked up (a name where an id is needed). */
  unknownReference?: string;
  /** A name that matches no record of the resource (react-admin name, e.g. `providers`). */
  noReference?: (text: string, resource: string) => string;
  /** A name that matches several records. */
  manyReferences?: (text: string, count: number, resource: string) => string;
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0']);

function parseEnum(column: GridColumn, text: string): string | undefined {
  const t = text.trim().toLowerCase();
  const options = column.enumValues ?? [];
  return (
    options.find((o) => o.value.toLowerCase() === t)?.value ??
    options.find((o) => o.description.toLowerCase() === t)?.value ??
    options.find((o) => `${o.value} – ${o.description}`.toLowerCase() === t)?.value
  );
}

/**
 * A typed or pasted value → the API's value. Empty means "clear" (null); a required field
 * keeps the empty text so the server answers with its own message.
 */
export function parseValue(column: GridColumn, input: unknown, messages: ParseMessages): Parsed {
  if (!column.updatable) return { ok: false, message: messages.notEditable };
  if (input === null || input === undefined) return { ok: true, value: null };
  if (column.kind === 'reference' && isReferenceChoice(input)) return { ok: true, value: input.id, shown: input.label };
  if (typeof input === 'boolean' || typeof input === 'number' || Array.isArray(input)) {
    if (column.kind === 'enumList' && Array.isArray(input)) return { ok: true, value: input };
    if (typeof input === 'boolean' && column.kind === 'boolean') return { ok: true, value: input };
    if (typeof input === 'number' && (column.kind === 'number' || (column.kind === 'integer' && Number.isInteger(input)))) return { ok: true, value: input };
  }
  const text = String(input).trim();
  if (text === '') {
    if (column.kind === 'enumList') return { ok: true, value: [] };
    return { ok: true, value: column.kind === 'text' && column.required ? '' : null };
  }
  switch (column.kind) {
    case 'text':
      return { ok: true, value: String(input) };
    case 'integer': {
      const n = Number(text.replace(/,/g, ''));
      return Number.isInteger(n) ? { ok: true, value: n } : { ok: false, message: messages.wholeNumber };
    }
    case 'number': {
      const n = Number(text.replace(/,/g, ''));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: messages.number };
    }
    case 'money': {
      const m = parseMoney(text);
      return m === null ? { ok: false, message: messages.money } : { ok: true, value: m };
    }
    case 'date': {
      const d = parseDate(text);
      return d === null ? { ok: false, message: messages.date } : { ok: true, value: d };
    }
    case 'datetime': {
      const d = parseDateTime(text);
      return d === null ? { ok: false, message: messages.dateTime ?? messages.date } : { ok: true, value: d };
    }
    case 'boolean': {
      const t = text.toLowerCase();
      if (TRUE_WORDS.has(t)) return { ok: true, value: true };
      if (FALSE_WORDS.has(t)) return { ok: true, value: false };
      return { ok: false, message: messages.boolean };
    }
    case 'enum': {
      const code = parseEnum(column, text);
      return code ? { ok: true, value: code } : { ok: false, message: messages.code((column.enumValues ?? []).map((o) => o.value).join(', ')) };
    }
    case 'enumList': {
      const parts = text.split(/[;,]/).map((p) => p.trim()).filter(Boolean);
      const codes = parts.map((p) => parseEnum(column, p));
      if (codes.some((c) => c === undefined)) return { ok: false, message: messages.code((column.enumValues ?? []).map((o) => o.value).join(', ')) };
      return { ok: true, value: codes as string[] };
    }
    case 'reference':
      // A name is looked up first (resolveReferences); what reaches here unresolved must be an id.
      return looksLikeId(text) ? { ok: true, value: text } : { ok: false, message: messages.unknownReference ?? messages.notEditable };
    default:
      return { ok: false, message: messages.notEditable };
  }
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
