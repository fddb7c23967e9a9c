import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { GenericCreate } from '../../forms/GenericForms';
import { GenericShow } from '../../forms/GenericShow';
import { filterInputs } from '../../forms/inputs';
import { GridList } from '../../grid/GridList';
import { schemaModel } from '../../providers/schemaModel';
import { InvoiceActions } from './InvoiceActions';
import { InvoiceLinesTable } from './InvoiceLinesTable';

const resource = schemaModel.resource('invoices');

export const invoiceColumns = ['reference', 'providerId', 'status', 'receivedDate', 'periodStart', 'periodEnd', 'total', 'paidDate', 'approvalReason', 'updatedAt'];
const createFields = ['providerId', 'reference', 'receivedDate', 'periodStart', 'periodEnd', 'lines'];
const filters = filterInputs(resource, ['q', 'status', 'providerId', 'receivedDate_gte', 'receivedDate_lte']);
const showFields = ['reference', 'providerId', 'status', 'receivedDate', 'periodStart', 'periodEnd', 'total', 'paidDate', 'approvalReason'];

/** Invoices change through approveInvoice / payInvoice (the buttons on their page), not in the grid: the API has no update for them. */
export const InvoiceList = () => <GridList columns={invoiceColumns} filters={filters} sort={{ field: 'receivedDate', order: 'DESC' }} />;
export const InvoiceShow = () => (
  <GenericShow fields={showFields} actions={<InvoiceActions />}>
    <InvoiceLinesTable />
  </GenericShow>
);

export const invoices = {
  name: 'invoices',
  list: InvoiceList,
  show: InvoiceShow,
  create: () => <GenericCreate fields={createFields} />,
  icon: ReceiptLongIcon,
  recordRepresentation: 'reference',
};
