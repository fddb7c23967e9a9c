import type { EntityManager } from 'typeorm';
import { badInput, NotFound } from '../../common/errors';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, assertId, lockForUpdate, touch } from '../../common/versioned-update';
import { actorOf, type GraphQLContext } from '../../graphql/context';
import type { AuditWriter } from '../audit/audit.service';
import { InvoiceLineResolution, InvoiceLineStatus, InvoiceStatus, openInvoiceStatus } from './invoice-codes';
import { Invoice, InvoiceLine } from './invoice.entity';

const MAX_REASON = 2000;

/** The reason a person gives, trimmed; refused when empty or too long, before anything is read. */
function requiredReason(reason: string | null | undefined): string {
  const text = reason?.trim() ?? '';
  if (!text) throw badInput('reason', 'is required: say why');
  if (text.length > MAX_REASON) throw badInput('reason', `must be at most ${MAX_REASON} characters`);
  return text;
}

/**
 * Locks the line's invoice, then the line (the order approveInvoice and payInvoice use, so
 * they cannot deadlock with a dispute), checks the version the client saw, and refuses a
 * line of an invoice that is already approved or paid.
 */
async function lockOpenLine(tx: EntityManager, id: string, version: number): Promise<{ invoice: Invoice; line: InvoiceLine }> {
  const found = await tx.findOne(InvoiceLine, { where: { id }, select: { id: true, invoiceId: true } });
  if (!found) throw new NotFound('InvoiceLine', id);
  const invoice = await lockForUpdate(tx, Invoice, 'Invoice', found.invoiceId);
  const line = await lockForUpdate(tx, InvoiceLine, 'InvoiceLine', id, version);
  if (invoice.status !== InvoiceStatus.MATCHED && invoice.status !== InvoiceStatus.DISPUTED) {
    throw badInput('id', `the invoice is ${invoice.status}; only lines of a MATCHED or DISPUTED invoice can be disputed or resolved`);
  }
  return { invoice, line };
}

/**
 * The invoice follows its lines (openInvoiceStatus). It gets a new version even when its
 * status stays, so an approval from a screen that has not seen the line's change is refused
 * with CONFLICT.
 */
async function followLines(tx: EntityManager, audit: AuditWriter, invoice: Invoice): Promise<void> {
  const rows: Array<{ status: InvoiceLineStatus }> = await tx.query(`SELECT "status" FROM "invoice_line" WHERE "invoice_id" = $1`, [invoice.id]);
  const status = openInvoiceStatus(rows.map((r) => r.status));
  if (status === invoice.status) await touch(tx, invoice);
  else await applyUpdate(tx, audit, 'Invoice', invoice, { status });
}

export const invoiceLineDisputes = {
  /** Disputes a MATCHED or RESOLVED line by hand (a service not delivered though the amount matches, a credit note that never came). */
  dispute(ctx: GraphQLContext, id: string, version: number, reason: string): Promise<InvoiceLine> {
    assertId(id);
    const text = requiredReason(reason);
    return inTransaction(ctx, async (tx, audit) => {
      const { invoice, line } = await lockOpenLine(tx, id, version);
      if (line.status === InvoiceLineStatus.DISPUTED) throw badInput('id', `line ${line.lineNumber} is already disputed`);
      const saved = await applyUpdate(tx, audit, 'InvoiceLine', line, {
        status: InvoiceLineStatus.DISPUTED,
        disputeReason: text,
        disputedBy: actorOf(ctx).email,
        disputedAt: new Date(),
        resolution: null,
        resolutionReason: null,
        resolvedBy: null,
        resolvedAt: null,
      });
      await followLines(tx, audit, invoice);
      return saved;
    });
  },

  /** Settles a DISPUTED line with a resolution and a reason: it no longer needs the invoice's blanket approval reason. */
  resolve(ctx: GraphQLContext, id: string, version: number, resolution: InvoiceLineResolution, reason: string): Promise<InvoiceLine> {
    assertId(id);
    const text = requiredReason(reason);
    return inTransaction(ctx, async (tx, audit) => {
      const { invoice, line } = await lockOpenLine(tx, id, version);
      if (line.status !== InvoiceLineStatus.DISPUTED) throw badInput('id', `line ${line.lineNumber} is ${line.status}; only a DISPUTED line can be resolved`);
      const saved = await applyUpdate(tx, audit, 'InvoiceLine', line, {
        status: InvoiceLineStatus.RESOLVED,
        resolution,
        resolutionReason: text,
        resolvedBy: actorOf(ctx).email,
        resolvedAt: new Date(),
      });
      await followLines(tx, audit, invoice);
      return saved;
    });
  },
};
