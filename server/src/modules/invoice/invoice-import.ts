import type { EntityManager } from 'typeorm';
import { ImportFailed, parseCsv, RowReader, type RowError } from '../../common/csv-import';
import { insertAudited } from '../../common/versioned-update';
import type { AuditWriter } from '../audit/audit.service';
import { findSuppliers } from '../provider/supplier-lookup';
import { InvoiceLineStatus, openInvoiceStatus } from './invoice-codes';
import { Invoice } from './invoice.entity';
import type { InvoiceLineInput } from './invoice.inputs';
import { insertLines, matchLines, type MatchedLine } from './invoice.service';

/** The columns of an invoice-line file, as a finance system exports them (documented in the README). */
export const INVOICE_LINE_COLUMNS = ['supplier', 'invoice_number', 'invoice_date', 'placement_reference', 'journey_id', 'session_id', 'from_date', 'to_date', 'nights', 'amount', 'description'];
const OPTIONAL_COLUMNS = ['nights', 'placement_reference', 'journey_id', 'session_id'];

export interface InvoiceImportResult {
  invoices: number;
  lines: number;
  matched: number;
  disputed: number;
}

interface Parsed {
  line: number;
  supplier: string | null;
  invoiceNumber: string | null;
  invoiceDate: string | null;
  placementReference: string | null;
  input: InvoiceLineInput;
}

/**
 * Imports invoice lines: every row is checked (columns, supplier, placement reference, nights,
 * amounts, duplicates, matching) before anything is written; any error refuses the whole file
 * and lists each bad row. Lines are grouped into invoices by supplier and invoice number.
 */
export async function importInvoiceLines(tx: EntityManager, audit: AuditWriter, csv: string): Promise<InvoiceImportResult> {
  const rows = parseCsv(csv, INVOICE_LINE_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.includes(c)));
  const errors: RowError[] = [];
  const parsed: Parsed[] = rows.map((row) => {
    const r = new RowReader(row, errors);
    return {
      line: row.line,
      supplier: r.text('supplier', 200),
      invoiceNumber: r.text('invoice_number', 60),
      invoiceDate: r.date('invoice_date'),
      placementReference: r.text('placement_reference', 50, false),
      input: {
        journeyId: r.text('journey_id', 36, false),
        sessionId: r.text('session_id', 36, false),
        description: r.text('description', 300) ?? '',
        fromDate: r.date('from_date', false),
        toDate: r.date('to_date', false),
        nights: r.wholeNumber('nights'),
        amount: r.money('amount') ?? 0n,
      },
    };
  });

  const suppliers = await findSuppliers(tx, parsed.map((p) => p.supplier ?? '').filter(Boolean));
  const references = [...new Set(parsed.map((p) => p.placementReference).filter((r): r is string => Boolean(r)))];
  const placements = new Map<string, string>(
    (await tx.query(`SELECT "reference", "id" FROM "placement" WHERE "reference" = ANY($1)`, [references])).map((r: { reference: string; id: string }) => [r.reference, r.id]),
  );
  const groups = new Map<string, { providerId: string; invoiceNumber: string; rows: Parsed[] }>();
  for (const p of parsed) {
    const providerId = p.supplier ? suppliers.get(p.supplier.trim().toLowerCase()) : undefined;
    if (p.supplier && !providerId) errors.push({ line: p.line, field: 'supplier', message: `no provider has the name or company number "${p.supplier}"` });
    if (providerId === 'AMBIGUOUS') errors.push({ line: p.line, field: 'supplier', message: `"${p.supplier}" names more than one provider; use the company number` });
    if (p.placementReference) {
      const id = placements.get(p.placementReference);
      if (!id) errors.push({ line: p.line, field: 'placement_reference', message: `no placement has the reference "${p.placementReference}"` });
      else p.input.placementId = id;
    }
    if (!providerId || providerId === 'AMBIGUOUS' || !p.invoiceNumber) continue;
    const key = `${providerId}\u0000${p.invoiceNumber}`;
    if (!groups.has(key)) groups.set(key, { providerId, invoiceNumber: p.invoiceNumber, rows: [] });
    groups.get(key)!.rows.push(p);
  }

  const existing: Array<{ provider_id: string; reference: string }> = await tx.query(
    `SELECT "provider_id", "reference" FROM "invoice" WHERE ("provider_id", "reference") IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
    [[...groups.values()].map((g) => g.providerId), [...groups.values()].map((g) => g.invoiceNumber)],
  );
  const taken = new Set(existing.map((e) => `${e.provider_id}\u0000${e.reference}`));
  const matchedGroups: Array<{ providerId: string; invoiceNumber: string; rows: Parsed[]; lines: MatchedLine[] }> = [];
  for (const [key, group] of groups) {
    if (taken.has(key)) {
      for (const p of group.rows) errors.push({ line: p.line, field: 'invoice_number', message: `this supplier already sent invoice ${group.invoiceNumber}` });
      continue;
    }
    const { matched, errors: lineErrors } = await matchLines(tx, group.providerId, group.rows.map((p) => p.input));
    for (const e of lineErrors) {
      const [, index, field] = /^lines\.(\d+)\.(\w+)$/.exec(e.field)!;
      errors.push({ line: group.rows[Number(index)].line, field: snake(field), message: e.message });
    }
    matchedGroups.push({ ...group, lines: matched });
  }
  if (errors.length) throw new ImportFailed(dedupe(errors));

  const result: InvoiceImportResult = { invoices: 0, lines: 0, matched: 0, disputed: 0 };
  for (const group of matchedGroups) {
    const dates = group.rows.flatMap((p) => [p.input.fromDate, p.input.toDate].filter((d): d is string => Boolean(d))).sort();
    const received = group.rows[0].invoiceDate!;
    const disputed = group.lines.filter((l) => l.status === InvoiceLineStatus.DISPUTED).length;
    const invoice = await insertAudited(tx, audit, 'Invoice', Invoice, {
      providerId: group.providerId,
      reference: group.invoiceNumber,
      periodStart: dates[0] ?? received,
      periodEnd: dates[dates.length - 1] ?? received,
      receivedDate: received,
      status: openInvoiceStatus(group.lines.map((l) => l.status)),
      approvalReason: null,
      paidDate: null,
    });
    await insertLines(tx, audit, invoice.id, group.lines);
    result.invoices += 1;
    result.lines += group.lines.length;
    result.disputed += disputed;
    result.matched += group.lines.length - disputed;
  }
  return result;
}

/** The file's column for a field of a line. */
function snake(field: string): string {
  return field === 'placementId' ? 'placement_reference' : field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function dedupe(errors: RowError[]): RowError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.line}|${e.field}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
