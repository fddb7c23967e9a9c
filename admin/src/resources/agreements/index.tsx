import HandshakeIcon from '@mui/icons-material/Handshake';
import { GenericCreate, GenericEdit } from '../../forms/GenericForms';
import { EmbeddedTable, GenericShow } from '../../forms/GenericShow';
import { filterInputs } from '../../forms/inputs';
import { GridList } from '../../grid/GridList';
import { StatusButton } from '../../actions/StatusButton';
import { schemaModel } from '../../providers/schemaModel';
import { RateCard } from './RateCard';
import { RateNegotiations } from './RateNegotiations';

const resource = schemaModel.resource('agreements');

export const agreementColumns = [
  'reference',
  'title',
  'providerId',
  'authorityId',
  'status',
  'startDate',
  'endDate',
  'tier',
  'upliftRule',
  'upliftPercent',
  'upliftIndex',
  'discountPercent',
  'volumeCommitment',
  'minimumOfstedRating',
  'notes',
  'updatedAt',
];
const editFields = ['reference', 'title', 'startDate', 'endDate', 'tier', 'upliftRule', 'upliftPercent', 'upliftIndex', 'discountPercent', 'volumeCommitment', 'minimumOfstedRating', 'notes'];
const createFields = ['providerId', 'authorityId', ...editFields, 'rateLines'];
const filters = filterInputs(resource, ['q', 'status', 'providerId', 'authorityId', 'inForceOn', 'endDate_lte']);
const showFields = ['reference', 'title', 'providerId', 'authorityId', 'status', 'startDate', 'endDate', 'tier', 'upliftRule', 'upliftPercent', 'discountPercent', 'volumeCommitment', 'notes'];

export const AgreementList = () => <GridList columns={agreementColumns} filters={filters} sort={{ field: 'reference', order: 'ASC' }} />;
const rateTabs = [
  { label: 'placewise.rateCard.tab', path: 'rate-card', content: <RateCard /> },
  { label: 'placewise.workspace.rateTab', path: 'rates', content: <RateNegotiations /> },
];

export const AgreementShow = () => (
  <GenericShow fields={showFields} tabs={rateTabs} actions={<StatusButton resource="agreements" />}>
    <EmbeddedTable source="rateLines" columns={['placementType', 'needLevel', 'minAge', 'maxAge', 'weeklyFee', 'effectiveFrom']} />
  </GenericShow>
);

export const agreements = {
  name: 'agreements',
  list: AgreementList,
  show: AgreementShow,
  edit: () => <GenericEdit fields={editFields} />,
  create: () => <GenericCreate fields={createFields} />,
  icon: HandshakeIcon,
  recordRepresentation: 'title',
};
