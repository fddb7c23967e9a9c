import DescriptionIcon from '@mui/icons-material/Description';
import { GenericCreate, GenericEdit } from '../../forms/GenericForms';
import { EmbeddedTable, GenericShow } from '../../forms/GenericShow';
import { filterInputs } from '../../forms/inputs';
import { GridList } from '../../grid/GridList';
import { formatDate, formatMoney } from '../../i18n/formats';
import { schemaModel } from '../../providers/schemaModel';
import { StatusButton } from '../../actions/StatusButton';
import { NegotiationWorkspace } from './NegotiationWorkspace';
import { PriceSchedules } from '../transportRoutes/PriceSchedules';
import { ContactRates } from '../contactArrangements/ContactRates';

const resource = schemaModel.resource('contracts');

export const contractColumns = [
  'reference',
  'title',
  'kind',
  'status',
  'providerId',
  'startDate',
  'endDate',
  'weeklyFee',
  'reviewDate',
  'agreementId',
  'placementType',
  'needLevel',
  'cardWeeklyFee',
  'ceilingValue',
  'blockPlaces',
  'noticePeriodDays',
  'notes',
  'updatedAt',
];
const editFields = [
  'reference',
  'title',
  'startDate',
  'endDate',
  'weeklyFee',
  'reviewDate',
  'placementType',
  'needLevel',
  'childAgeAtStart',
  'feeAboveCardReason',
  'blockPlaces',
  'ceilingValue',
  'noticePeriodDays',
  'extensionOptions',
  'notes',
];
const createFields = ['providerId', 'kind', 'agreementId', ...editFields];
const filters = filterInputs(resource, ['q', 'status', 'kind', 'providerId', 'expiringWithinDays', 'reviewDueWithinDays', 'endDate_lte']);
const showFields = [
  'reference',
  'title',
  'kind',
  'status',
  'providerId',
  'agreementId',
  'startDate',
  'endDate',
  'reviewDate',
  'weeklyFee',
  'cardWeeklyFee',
  'feeAboveCardReason',
  'placementType',
  'needLevel',
  'noticePeriodDays',
  'notes',
];

interface Offer {
  sequence: number;
  party: string;
  amount: string;
  offeredOn: string;
}

/** A negotiation's offers in order: "1. Provider £900.00 (01/04/2026)". */
const offers = (row: Record<string, any>) =>
  ((row.offers ?? []) as Offer[])
    .slice()
    .sort((a, b) => a.sequence - b.sequence)
    .map((o) => `${o.sequence}. ${o.party.charAt(0)}${o.party.slice(1).toLowerCase()} ${formatMoney(o.amount)} (${formatDate(o.offeredOn)})`)
    .join('; ');

export const ContractList = () => <GridList columns={contractColumns} filters={filters} sort={{ field: 'reference', order: 'ASC' }} />;
const workspaceTab = [{ label: 'placewise.workspace.tab', path: 'negotiation', content: <NegotiationWorkspace /> }];

export const ContractShow = () => (
  <GenericShow fields={showFields} tabs={workspaceTab} actions={<StatusButton resource="contracts" />}>
    <EmbeddedTable
      source="negotiations"
      columns={['status', 'firstAsk', 'agreed', 'savingPerWeek', 'weeks', 'projectedSaving', 'savingVsCardRate', 'closedOn', { key: 'offers', render: offers }]}
    />
    <PriceSchedules />
    <ContactRates />
  </GenericShow>
);

export const contracts = {
  name: 'contracts',
  list: ContractList,
  show: ContractShow,
  edit: () => <GenericEdit fields={editFields} />,
  create: () => <GenericCreate fields={createFields} />,
  icon: DescriptionIcon,
  recordRepresentation: 'title',
};
