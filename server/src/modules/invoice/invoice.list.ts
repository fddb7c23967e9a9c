import { enumFilter } from '../../common/filters/enum-filters';
import { declareList } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { InvoiceStatus } from './invoice-codes';
import { Invoice } from './invoice.entity';

export const invoiceList = declareList({
  name: 'Invoice',
  entity: Invoice,
  alias: 'invoice',
  description: 'Which invoices to list.',
  search: 'Free text matched against the reference.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    providerId: { kind: 'id', filter: 'the provider' },
    reference: { kind: 'string', filter: 'the reference', sort: true, search: true },
    status: { kind: 'enum', type: enumFilter(InvoiceStatus, 'InvoiceStatus'), filter: 'the status', sort: true },
    periodStart: { kind: 'date', filter: 'the first day invoiced', sort: true },
    receivedDate: { kind: 'date', filter: 'the received date', sort: true },
    paidDate: { kind: 'date', filter: 'the paid date' },
    // The sum of the lines, as the field resolver adds them up.
    total: { kind: 'money', sql: `(SELECT sum("il"."amount") FROM "invoice_line" "il" WHERE "il"."invoice_id" = "invoice"."id")` },
  },
  defaultOrder: [{ field: 'receivedDate', direction: SortDirection.DESC }],
});
