import { entityReads } from '../../common/entity-reads';
import type { ListSpec } from '../../common/pagination/find-connection';
import { SortDirection } from '../../common/pagination/ordering';
import { InvoiceLine } from './invoice.entity';

const L = '"invoice_line"';

/**
 * Every invoice line, filtered and paged. The default order, invoice then line number, is the
 * unique index (invoice_id, line_number): a keyset page is one range of it however deep it is,
 * and reads an invoice's lines together (the export pages through ~1.2 million lines).
 */
export const invoiceLineList: ListSpec<InvoiceLine> = {
  entity: InvoiceLine,
  alias: 'invoice_line',
  fields: {
    id: { sql: `${L}."id"`, kind: 'id' },
    invoiceId: { sql: `${L}."invoice_id"`, kind: 'id' },
    placementId: { sql: `${L}."placement_id"`, kind: 'id' },
    journeyId: { sql: `${L}."journey_id"`, kind: 'id' },
    sessionId: { sql: `${L}."session_id"`, kind: 'id' },
    status: { sql: `${L}."status"`, kind: 'enum' },
    fromDate: { sql: `${L}."from_date"`, kind: 'date' },
    amount: { sql: `${L}."amount"`, kind: 'money' },
    expectedAmount: { sql: `${L}."expected_amount"`, kind: 'money' },
  },
  search: [`${L}."description"`],
  order: {
    invoiceId: { sql: `${L}."invoice_id"`, property: 'invoiceId', nullable: false },
    fromDate: { sql: `${L}."from_date"`, property: 'fromDate', nullable: true },
    amount: { sql: `${L}."amount"`, property: 'amount', nullable: false },
    status: { sql: `${L}."status"`, property: 'status', nullable: false },
    lineNumber: { sql: `${L}."line_number"`, property: 'lineNumber', nullable: false },
  },
  // A field resolver's columns: what `difference`, `invoice`, `placement`, `journey` and `session` read.
  projection: {
    difference: ['amount', 'expectedAmount'],
    invoice: ['invoiceId'],
    placement: ['placementId'],
    journey: ['journeyId'],
    session: ['sessionId'],
  },
  defaultOrder: [
    { field: 'invoiceId', direction: SortDirection.ASC },
    { field: 'lineNumber', direction: SortDirection.ASC },
  ],
};

export const invoiceLineReads = entityReads(invoiceLineList);
