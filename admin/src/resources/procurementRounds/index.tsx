import GavelIcon from '@mui/icons-material/Gavel';
import { GenericCreate } from '../../forms/GenericForms';
import { EmbeddedTable, GenericShow } from '../../forms/GenericShow';
import { filterInputs } from '../../forms/inputs';
import { GridList } from '../../grid/GridList';
import { schemaModel } from '../../providers/schemaModel';
import { RoundWorkspace } from './RoundWorkspace';

const resource = schemaModel.resource('procurementRounds');

export const roundColumns = [
  'reference',
  'title',
  'category',
  'status',
  'childReference',
  'placementType',
  'needLevel',
  'childAge',
  'startDate',
  'endDate',
  'postcode',
  'radiusMiles',
  'closesAt',
  'qualityWeight',
  'priceWeight',
  'contractId',
  'updatedAt',
];
const createFields = [
  'reference',
  'title',
  'category',
  'childReference',
  'placementType',
  'needLevel',
  'childAge',
  'needDescription',
  'startDate',
  'endDate',
  'postcode',
  'latitude',
  'longitude',
  'radiusMiles',
  'closesAt',
  'qualityWeight',
  'priceWeight',
  'scoringMatrix',
];
const filters = filterInputs(resource, ['q', 'status', 'category']);

/** Rounds change through their own steps (invite, open, close, award: buttons on their page), not in the grid: the API has no update for them. */
export const ProcurementRoundList = () => <GridList columns={roundColumns} filters={filters} sort={{ field: 'closesAt', order: 'DESC' }} />;

const showFields = [
  'reference',
  'title',
  'category',
  'status',
  'childReference',
  'placementType',
  'needLevel',
  'childAge',
  'needDescription',
  'startDate',
  'endDate',
  'postcode',
  'radiusMiles',
  'closesAt',
  'qualityWeight',
  'priceWeight',
  'contractId',
  'withdrawnReason',
];
const roundTabs = [{ label: 'placewise.round.tab', path: 'bids', content: <RoundWorkspace /> }];

/** The need and its scoring matrix; the Bids tab has the invitations, the evaluation table and the round's steps. */
export const ProcurementRoundShow = () => (
  <GenericShow fields={showFields} tabs={roundTabs}>
    <EmbeddedTable source="scoringMatrix" columns={['criterion', 'maxPoints']} />
  </GenericShow>
);

export const procurementRounds = {
  name: 'procurementRounds',
  list: ProcurementRoundList,
  show: ProcurementRoundShow,
  create: () => <GenericCreate fields={createFields} />,
  icon: GavelIcon,
  recordRepresentation: 'title',
};
