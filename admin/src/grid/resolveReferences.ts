import type { DataProvider } from 'react-admin';
import type { ResourceModel, SchemaModel } from '../providers/schemaModel';
import { looksLikeId, parseValue, type GridColumn, type Parsed, type ParseMessages, type ReferenceChoice } from './columns';

/**
 * References typed, pasted, filled or set by name: what a text names in the referenced
 * resource, found with one request per column (labels and ids together), and the reference
 * editor's search as you type. The value saved is always the id.
 */

/** How many records the reference editor lists for what is typed. */
export const SEARCH_SIZE = 20;
/** The server's page cap: the most records one look-up reads. */
const LOOKUP_SIZE = 500;
/** Fields that tell records with the same label apart, the first one a record has. */
const DETAIL_FIELDS = ['reference', 'code', 'ofstedUrn', 'companyNumber', 'postcode', 'email', 'tradingName'];

/** A text (trimmed) → the records it names: none, one, or several when it is ambiguous. */
export type ReferenceLookup = Record<string, ReferenceChoice[]>;
/** Column key → its look-up. */
export type ReferenceLookups = Record<string, ReferenceLookup>;

export function referenceTarget(schema: SchemaModel, column: GridColumn): ResourceModel | undefined {
  return column.kind === 'reference' && column.field.reference ? schema.resource(column.field.reference) : undefined;
}

const filterFields = (target: ResourceModel) => new Set((target.filterType?.inputFields ?? []).map((f) => f.name));

/** The filter for what is typed: the resource's free-text search, else its label containing the text, else none. */
export function searchFilter(target: ResourceModel, term: string): Record<string, unknown> {
  const text = term.trim();
  if (!text) return {};
  const fields = filterFields(target);
  if (fields.has('search')) return { q: text };
  if (target.labelField !== 'id' && fields.has(target.labelField)) return { [target.labelField]: text };
  return {};
}

/** Names are matched ignoring case where the label's filter can ("harbour homes ltd" names Harbour Homes Ltd). */
export function labelOperator(schema: SchemaModel, target: ResourceModel): 'inIgnoringCase' | 'in' {
  const field = target.filterType?.inputFields.find((f) => f.name === target.labelField);
  // A filter's fields are optional, so the operators' type is named directly.
  const ops = field?.type.kind === 'INPUT_OBJECT' ? schema.inputType(field.type.name) : undefined;
  return ops?.inputFields.some((o) => o.name === 'inIgnoringCase') ? 'inIgnoringCase' : 'in';
}

/**
 * The filter that reads every record the texts name in one request: by exact label or, for
 * texts shaped like ids, by id. Null when the resource cannot be filtered that way.
 */
export function lookupFilter(target: ResourceModel, texts: string[], labelOp: 'inIgnoringCase' | 'in' = 'in'): Record<string, unknown> | null {
  const distinct = [...new Set(texts.map((t) => t.trim()).filter(Boolean))];
  const fields = filterFields(target);
  const labels = distinct.filter((t) => !looksLikeId(t));
  const ids = distinct.filter(looksLikeId);
  const parts: Array<Record<string, unknown>> = [];
  if (labels.length && target.labelField !== 'id' && fields.has(target.labelField)) parts.push({ [target.labelField]: { [labelOp]: labels } });
  if (ids.length && fields.has('id')) parts.push({ id: { in: ids } });
  if (!parts.length) return null;
  if (parts.length === 1) return parts[0];
  return fields.has('or') ? { or: parts } : parts[0];
}

/** A record of the referenced resource as a choice: its label and what tells it apart (its reference, postcode… and its provider). */
export function toChoice(target: ResourceModel, record: Record<string, any>): ReferenceChoice {
  const label = String(record[target.labelField] ?? record.id);
  const identifier = DETAIL_FIELDS.filter((f) => f !== target.labelField && target.fields.some((x) => x.name === f))
    .map((f) => record[f])
    .find((v) => v !== null && v !== undefined && v !== '');
  // The record it belongs to (a setting's, a contract's or an agreement's provider; else the first
  // record it must have, e.g. a locality's authority), read with the list as id and label.
  const owners = target.fields.filter((f) => f.reference && f.type.kind === 'OBJECT' && f.type.nonNull && !f.type.list);
  const owner = owners.find((f) => f.name === 'provider') ?? owners[0];
  const ownerRecord = owner ? record[owner.name] : undefined;
  const ownerLabel = ownerRecord ? Object.entries(ownerRecord).find(([k]) => k !== 'id')?.[1] : undefined;
  const detail = [identifier, ownerLabel].filter((v) => v !== undefined && v !== null && v !== '').join(' · ');
  return { id: String(record.id), label, ...(detail ? { detail } : {}) };
}

/** What each text names among the records read: those whose label is the text (ignoring case), or whose id it is. */
export function matchTexts(texts: string[], records: ReferenceChoice[]): ReferenceLookup {
  const out: ReferenceLookup = {};
  for (const text of texts) {
    const key = text.trim();
    if (!key || out[key]) continue;
    const id = looksLikeId(key) ? key.toLowerCase() : null;
    const name = key.toLowerCase();
    out[key] = records.filter((r) => (id ? r.id.toLowerCase() === id : r.label.toLowerCase() === name));
  }
  return out;
}

/** A reference cell's text → the id to save, or why it cannot be used ("No provider called …", "… matches 2 providers"). */
export function parseReference(column: GridColumn, text: string, lookup: ReferenceLookup | undefined, messages: ParseMessages): Parsed {
  const key = text.trim();
  const matches = key ? lookup?.[key] : undefined;
  if (!column.updatable || !matches) return parseValue(column, key, messages);
  const resource = column.field.reference ?? '';
  if (matches.length === 1) return { ok: true, value: matches[0].id, shown: matches[0].label };
  if (matches.length === 0) return { ok: false, message: messages.noReference?.(key, resource) ?? messages.unknownReference ?? messages.notEditable };
  return { ok: false, message: messages.manyReferences?.(key, matches.length, resource) ?? messages.unknownReference ?? messages.notEditable };
}

/** The reference columns of a pasted block, each with its texts. */
export function blockReferenceTexts(cells: string[][], columns: GridColumn[]): Array<{ column: GridColumn; texts: string[] }> {
  return columns
    .map((column, c) => ({ column, texts: cells.map((row) => row[c] ?? '').filter((t) => t.trim() !== '') }))
    .filter(({ column, texts }) => column.kind === 'reference' && column.updatable && texts.length > 0);
}

/** A row's own reference as a look-up (for fill down: the first row's record, by its id). */
export function lookupOfRow(column: GridColumn, row: Record<string, any>): ReferenceLookup {
  const id = row[column.key];
  const related = column.referenceObject ? row[column.referenceObject.field] : undefined;
  if (typeof id !== 'string' || !id) return {};
  return { [id]: [{ id, label: related && related.id === id ? String(related[column.referenceObject!.labelField] ?? id) : id }] };
}

const byLabel = (a: ReferenceChoice, b: ReferenceChoice) => a.label.localeCompare(b.label, 'en-GB', { sensitivity: 'base' });

/** Looks up the texts of each reference column: one request per column, whatever the number of rows. */
export async function lookUpReferences(
  dataProvider: DataProvider,
  schema: SchemaModel,
  columns: Array<{ column: GridColumn; texts: string[] }>,
): Promise<ReferenceLookups> {
  const out: ReferenceLookups = {};
  await Promise.all(
    columns.map(async ({ column, texts }) => {
      const target = referenceTarget(schema, column);
      const filter = target ? lookupFilter(target, texts, labelOperator(schema, target)) : null;
      if (!target || !filter) return;
      const { data } = await dataProvider.getList(target.name, {
        pagination: { page: 1, perPage: LOOKUP_SIZE },
        sort: { field: target.labelField, order: 'ASC' },
        filter,
        meta: { withTotal: false },
      });
      out[column.key] = matchTexts(texts, data.map((r) => toChoice(target, r)));
    }),
  );
  return out;
}

/** One typed or pasted text of a reference column → the id to save, or why not. */
export async function resolveReferenceText(dataProvider: DataProvider, schema: SchemaModel, column: GridColumn, text: string, messages: ParseMessages): Promise<Parsed> {
  const lookups = text.trim() ? await lookUpReferences(dataProvider, schema, [{ column, texts: [text] }]) : {};
  return parseReference(column, text, lookups[column.key], messages);
}

/** The first records matching what is typed, by label, for the reference editor's list. */
export async function searchReferences(dataProvider: DataProvider, target: ResourceModel, term: string): Promise<ReferenceChoice[]> {
  const filter = searchFilter(target, term);
  const text = term.trim().toLowerCase();
  // A resource the server cannot search (users): a page of its records, narrowed here.
  const narrowHere = text !== '' && Object.keys(filter).length === 0;
  const { data } = await dataProvider.getList(target.name, {
    pagination: { page: 1, perPage: narrowHere ? LOOKUP_SIZE : SEARCH_SIZE },
    sort: { field: target.labelField, order: 'ASC' },
    filter,
    meta: { withTotal: false },
  });
  const choices = data.map((r) => toChoice(target, r));
  const narrowed = narrowHere ? choices.filter((c) => c.label.toLowerCase().includes(text)).slice(0, SEARCH_SIZE) : choices;
  return narrowed.sort(byLabel);
}
