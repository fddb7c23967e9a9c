import { entityReads } from '../../common/entity-reads';
import { enumFilter } from '../../common/filters/enum-filters';
import { declareList } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { InvoiceLineStatus } from './invoice-codes';
import { InvoiceLine } from './invoice.entity';

/**
 * Every invoice line, filtered and paged. The default order, invoice then line number, is the
 * unique index (invoice_id, line_number): a keyset page is one range of it however deep it is,
 * and reads an invoice's lines together (the export pages through ~1.2 million lines).
 */
export const invoiceLineList = declareList({
  name: 'InvoiceLine',
  entity: InvoiceLine,
  alias: 'invoice_line',
  description: 'Which invoice lines to list.',
  search: 'Free text matched against the description.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    invoiceId: { kind: 'id', filter: 'the invoice', sort: true },
    lineNumber: { kind: 'int', sort: true },
    description: { kind: 'string', search: true },
    placementId: { kind: 'id', filter: 'the placement' },
    journeyId: { kind: 'id', filter: 'the transport journey' },
    sessionId: { kind: 'id', filter: 'the contact session' },
    status: { kind: 'enum', type: enumFilter(InvoiceLineStatus, 'InvoiceLineStatus'), filter: 'the status', sort: true },
    fromDate: { kind: 'date', filter: 'the first night invoiced', sort: true, nullable: true },
    amount: { kind: 'money', filter: 'the amount', sort: true },
    expectedAmount: { kind: 'money', filter: 'the expected amount' },
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
});

export const invoiceLineReads = entityReads(invoiceLineList.spec);
