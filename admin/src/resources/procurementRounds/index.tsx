import GavelIcon from '@mui/icons-material/Gavel';
import { GenericCreate } from '../../forms/GenericForms';
import { filterInputs } from '../../forms/inputs';
import { GridList } from '../../grid/GridList';
import { schemaModel } from '../../providers/schemaModel';

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

/** Rounds change through their own steps (invite, open, close, award), not in the grid: the API has no update for them. */
export const ProcurementRoundList = () => <GridList columns={roundColumns} filters={filters} sort={{ field: 'closesAt', order: 'DESC' }} />;

export const procurementRounds = {
  name: 'procurementRounds',
  list: ProcurementRoundList,
  create: () => <GenericCreate fields={createFields} />,
  icon: GavelIcon,
  recordRepresentation: 'title',
};
