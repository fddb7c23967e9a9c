import type { EnumOption, ResourceModel } from '../providers/schemaModel';
import { schemaModel } from '../providers/schemaModel';
import type { ValueKind } from './columns';
import { updateRowsColumns } from './importRows';

/** How the values of an imported column are checked and written for the server. */
export type ImportKind = Exclude<ValueKind, 'id' | 'textList'>;

export interface ImportColumn {
  /** The column name the import mutation's file uses (the README lists them). */
  name: string;
  kind: ImportKind;
  required: boolean;
  /** The resource field the column fills, for its label and its codes. */
  field?: string;
  /** Other headings a file may use for it (matched ignoring case, spaces and punctuation). */
  aliases?: string[];
  /** For a reference column: the resource whose records it names (by name or id). */
  reference?: string;
}

export interface ImportFormat {
  /**
   * The all-or-nothing mutation that takes the file as CSV text: `importPlacements(csv)`; left
   * out when rows name existing records by id and are saved with `update<Type>Rows`.
   */
  mutation?: string;
  columns: ImportColumn[];
}

/**
 * The import mutations and their files' columns. The SDL names the mutations but not the
 * columns of their files (they are in the README), so the columns are written down here once;
 * a grid offers Import when its resource is listed and the API has the mutation.
 */
const FORMATS: Record<string, ImportFormat> = {
  placements: {
    mutation: 'importPlacements',
    columns: [
      { name: 'placement_reference', kind: 'text', required: true, field: 'reference', aliases: ['placement ref', 'placement'] },
      { name: 'child_reference', kind: 'text', required: true, field: 'childId', aliases: ['child', 'case reference', 'child case reference'] },
      { name: 'supplier', kind: 'text', required: true, field: 'providerId', aliases: ['provider', 'provider name', 'company number'] },
      { name: 'setting_urn', kind: 'text', required: false, aliases: ['urn', 'ofsted urn', 'setting'] },
      { name: 'placement_type', kind: 'enum', required: true, field: 'placementType', aliases: ['type', 'place'] },
      { name: 'provider_code', kind: 'enum', required: true, field: 'providerCode', aliases: ['place provider', 'placement provider'] },
      { name: 'start_date', kind: 'date', required: true, field: 'startDate', aliases: ['start', 'from'] },
      { name: 'planned_end_date', kind: 'date', required: false, field: 'plannedEndDate', aliases: ['planned end', 'end date'] },
      { name: 'weekly_fee', kind: 'money', required: true, field: 'weeklyFee', aliases: ['weekly fee', 'fee', 'weekly cost', 'current weekly cost'] },
    ],
  },
  invoices: {
    mutation: 'importInvoiceLines',
    columns: [
      { name: 'supplier', kind: 'text', required: true, aliases: ['provider', 'provider name'] },
      { name: 'invoice_number', kind: 'text', required: true, aliases: ['invoice no', 'invoice', 'reference'] },
      { name: 'invoice_date', kind: 'date', required: true, aliases: ['received', 'date'] },
      { name: 'placement_reference', kind: 'text', required: false, aliases: ['placement'] },
      { name: 'from_date', kind: 'date', required: false, aliases: ['from'] },
      { name: 'to_date', kind: 'date', required: false, aliases: ['to'] },
      { name: 'nights', kind: 'integer', required: false },
      { name: 'amount', kind: 'money', required: true, aliases: ['value', 'line amount'] },
      { name: 'description', kind: 'text', required: true, aliases: ['details', 'item'] },
    ],
  },
};

/** A column of the import as the dialog shows it: with its label and, for codes, the official list. */
export interface ImportTarget extends ImportColumn {
  label: string;
  enumValues?: EnumOption[];
}

/** The import a resource offers, if any: its import mutation listed above, or else changes by id where the API saves rows in bulk. */
export function importFormatOf(resource: ResourceModel): ImportFormat | undefined {
  const format = FORMATS[resource.name];
  if (format?.mutation && schemaModel.mutations.has(format.mutation)) return format;
  return resource.updateRowsMutation ? { columns: updateRowsColumns(resource) } : undefined;
}

export function importTargets(resource: ResourceModel, format: ImportFormat, fieldLabel: (field: string) => string): ImportTarget[] {
  return format.columns.map((column) => {
    const field = column.field ? resource.fields.find((f) => f.name === column.field) : undefined;
    return {
      ...column,
      label: column.field ? fieldLabel(column.field) : humanizeColumn(column.name),
      enumValues: column.kind === 'enum' || column.kind === 'enumList' ? field?.enumValues : undefined,
    };
  });
}

/** `planned_end_date` → `Planned end date`. */
export function humanizeColumn(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
