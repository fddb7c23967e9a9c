import { In, type EntityManager } from 'typeorm';
import { explainConstraint } from '../../common/constraints';
import { nightsBetween } from '../../common/dates';
import { badInput, ValidationFailed, type FieldError } from '../../common/errors';
import { entityReads } from '../../common/entity-reads';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, assertId, insertAudited, insertAuditedRows, isUuid, lockForUpdate } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { AuditAction } from '../audit/audit-event.entity';
import type { AuditWriter } from '../audit/audit.service';
import { costBetween } from '../placement/placement-cost';
import { Placement, PlacementFee } from '../placement/placement.entity';
import { InvoiceLineStatus, InvoiceStatus, openInvoiceStatus } from './invoice-codes';
import { loadServices, serviceDay, type ChargeableService } from './service-lines';
import { Invoice, InvoiceLine } from './invoice.entity';
import { invoiceList } from './invoice.list';
import type { InvoiceCreateInput, InvoiceLineInput } from './invoice.inputs';

explainConstraint('uq_invoice_provider_reference', 'reference', 'this provider already sent an invoice with this reference');
explainConstraint('fk_invoice_provider_id', 'providerId', 'no provider has this id');

/** What a person records on a line after matching (disputeInvoiceLine, resolveInvoiceLine): empty when a line is created. */
type LineDisputeFields = 'disputeReason' | 'disputedBy' | 'disputedAt' | 'resolution' | 'resolutionReason' | 'resolvedBy' | 'resolvedAt';
export interface MatchedLine extends Omit<InvoiceLine, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'invoiceId' | LineDisputeFields> {}

/**
 * Checks and matches invoice lines against the placements' fee histories. A placement line
 * must be for nights inside the placement; its expected amount is what the fee history gives
 * for those nights, rounded once. A journey or session line must be the provider's own; its
 * expected amount is the journey's or session's cost by the contract's prices. Equal →
 * MATCHED, otherwise DISPUTED. Lines with nothing to match are DISPUTED until approved.
 * Four queries, whatever the number of lines.
 */
export async function matchLines(tx: EntityManager, providerId: string, lines: InvoiceLineInput[], field = 'lines'): Promise<{ matched: MatchedLine[]; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const at = (i: number, f: string, message: string) => errors.push({ field: `${field}.${i}.${f}`, message });
  const ids = [...new Set(lines.map((l) => l.placementId).filter((id): id is string => Boolean(id)))];
  const bad = ids.filter((id) => !isUuid(id));
  const placements = new Map((await tx.findBy(Placement, { id: In(ids.filter(isUuid)) })).map((p) => [p.id, p]));
  const fees = new Map<string, PlacementFee[]>();
  for (const fee of await tx.find(PlacementFee, { where: { placementId: In([...placements.keys()]) }, order: { effectiveFrom: 'ASC' } })) {
    fees.set(fee.placementId, [...(fees.get(fee.placementId) ?? []), fee]);
  }
  const journeys = await loadServices(tx, 'journey', lines.map((l) => l.journeyId).filter((id): id is string => Boolean(id)));
  const sessions = await loadServices(tx, 'session', lines.map((l) => l.sessionId).filter((id): id is string => Boolean(id)));
  const matched = lines.map((line, i) => {
    const result: MatchedLine = {
      lineNumber: i + 1,
      placementId: line.placementId ?? null,
      journeyId: line.journeyId ?? null,
      sessionId: line.sessionId ?? null,
      description: line.description.trim(),
      fromDate: line.fromDate ?? null,
      toDate: line.toDate ?? null,
      nights: null,
      amount: line.amount,
      expectedAmount: null,
      status: InvoiceLineStatus.DISPUTED,
    };
    if (line.nights !== undefined && line.nights !== null && line.nights < 0) at(i, 'nights', 'must not be negative');
    if (line.fromDate && line.toDate) {
      const nights = nightsBetween(line.fromDate, line.toDate);
      if (nights < 0) at(i, 'toDate', 'must not be before fromDate');
      else if (line.nights != null && line.nights >= 0 && line.nights !== nights) at(i, 'nights', `says ${line.nights} but ${line.fromDate} to ${line.toDate} is ${nights} nights`);
      result.nights = nights;
    }
    const targets = [line.placementId, line.journeyId, line.sessionId].filter(Boolean).length;
    if (targets > 1) {
      at(i, line.journeyId ? 'journeyId' : 'sessionId', 'a line is for one placement, journey or session; split it into lines');
      return result;
    }
    if (line.journeyId) return matchService(result, i, 'journeyId', 'journey', journeys.get(line.journeyId), line.journeyId);
    if (line.sessionId) return matchService(result, i, 'sessionId', 'session', sessions.get(line.sessionId), line.sessionId);
    if (!line.placementId) return result;
    if (bad.includes(line.placementId)) {
      at(i, 'placementId', 'is not a valid id (a UUID)');
      return result;
    }
    const placement = placements.get(line.placementId);
    if (!placement) at(i, 'placementId', 'no placement has this id');
    else if (placement.providerId !== providerId) at(i, 'placementId', 'is a placement with another provider');
    else if (!line.fromDate || !line.toDate) at(i, 'fromDate', 'a placement line needs fromDate and toDate');
    else if (line.fromDate < placement.startDate || (placement.endDate && line.toDate > placement.endDate)) {
      at(i, 'fromDate', `nights outside the placement (${placement.startDate} to ${placement.endDate ?? 'open'})`);
    } else {
      result.expectedAmount = costBetween(placement, fees.get(placement.id) ?? [], [], line.fromDate, line.toDate);
      result.status = result.expectedAmount === line.amount ? InvoiceLineStatus.MATCHED : InvoiceLineStatus.DISPUTED;
    }
    return result;
  });
  return { matched, errors };

  /** A journey or session line: the provider's own, on the service's day; expected = its cost. */
  function matchService(result: MatchedLine, i: number, field: string, what: string, service: ChargeableService | undefined, id: string): MatchedLine {
    if (!isUuid(id)) at(i, field, 'is not a valid id (a UUID)');
    else if (!service) at(i, field, `no ${what} has this id`);
    else if (service.providerId === null) at(i, field, `the ${what} is not under a contract yet, so no provider can charge for it`);
    else if (service.providerId !== providerId) at(i, field, `is a ${what} of another provider`);
    else if (result.fromDate && result.fromDate !== service.date) at(i, 'fromDate', `the ${what} was on ${service.date}`);
    else {
      Object.assign(result, serviceDay(service.date), { nights: null, expectedAmount: service.cost });
      result.status = service.cost !== null && service.cost === result.amount ? InvoiceLineStatus.MATCHED : InvoiceLineStatus.DISPUTED;
    }
    return result;
  }
}

/** Lines go in with multi-row inserts (and their audit events likewise), 1,000 at a time. */
export function insertLines(tx: EntityManager, audit: AuditWriter, invoiceId: string, lines: MatchedLine[]): Promise<void> {
  return insertAuditedRows(tx, audit, 'InvoiceLine', InvoiceLine, lines.map((l) => ({ ...l, invoiceId })));
}

async function lockWithLines(tx: EntityManager, id: string, version: number) {
  const invoice = await lockForUpdate(tx, Invoice, 'Invoice', id, version);
  const lines = await tx.find(InvoiceLine, { where: { invoiceId: id }, order: { lineNumber: 'ASC' } });
  return { invoice, lines };
}

export const invoiceService = {
  ...entityReads(invoiceList.spec),

  create(ctx: GraphQLContext, input: InvoiceCreateInput) {
    assertId(input.providerId, 'providerId');
    if (input.periodEnd < input.periodStart) throw badInput('periodEnd', 'must not be before periodStart');
    return inTransaction(ctx, async (tx, audit) => {
      const { matched, errors } = await matchLines(tx, input.providerId, input.lines);
      if (errors.length) throw new ValidationFailed(errors);
      const status = openInvoiceStatus(matched.map((l) => l.status));
      const invoice = await insertAudited(tx, audit, 'Invoice', Invoice, {
        providerId: input.providerId,
        reference: input.reference.trim(),
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        receivedDate: input.receivedDate,
        status,
        approvalReason: null,
        paidDate: null,
      });
      await insertLines(tx, audit, invoice.id, matched);
      return invoice;
    });
  },

  approve(ctx: GraphQLContext, id: string, version: number, reason: string | null) {
    return inTransaction(ctx, async (tx, audit) => {
      const { invoice, lines } = await lockWithLines(tx, id, version);
      if (invoice.status !== InvoiceStatus.MATCHED && invoice.status !== InvoiceStatus.DISPUTED) {
        throw badInput('id', `the invoice is ${invoice.status}; only a MATCHED or DISPUTED invoice can be approved`);
      }
      const disputed = lines.filter((l) => l.status === InvoiceLineStatus.DISPUTED);
      if (disputed.length && !reason?.trim()) {
        throw badInput('reason', `${disputed.length} line(s) are disputed (${disputed.map((l) => l.lineNumber).join(', ')}): record why the invoice is approved anyway`);
      }
      await tx.update(InvoiceLine, { invoiceId: id }, { status: InvoiceLineStatus.APPROVED });
      return applyUpdate(tx, audit, 'Invoice', invoice, { status: InvoiceStatus.APPROVED, approvalReason: reason?.trim() || null });
    });
  },

  pay(ctx: GraphQLContext, id: string, version: number, paidDate: string) {
    return inTransaction(ctx, async (tx, audit) => {
      const { invoice } = await lockWithLines(tx, id, version);
      if (invoice.status !== InvoiceStatus.APPROVED) throw badInput('id', `the invoice is ${invoice.status}; approve it before paying`);
      if (paidDate < invoice.receivedDate) throw badInput('paidDate', `must not be before the invoice was received (${invoice.receivedDate})`);
      await tx.update(InvoiceLine, { invoiceId: id }, { status: InvoiceLineStatus.PAID });
      await audit.record({ entityType: 'Invoice', entityId: id, action: AuditAction.UPDATE, before: { linesStatus: 'APPROVED' }, after: { linesStatus: 'PAID' } });
      return applyUpdate(tx, audit, 'Invoice', invoice, { status: InvoiceStatus.PAID, paidDate });
    });
  },
};
