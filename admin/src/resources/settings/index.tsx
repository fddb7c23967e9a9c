import HomeWorkIcon from '@mui/icons-material/HomeWork';
import { GenericCreate, GenericEdit } from '../../forms/GenericForms';
import { filterInputs } from '../../forms/inputs';
import { GridList } from '../../grid/GridList';
import { schemaModel } from '../../providers/schemaModel';

const resource = schemaModel.resource('settings');

export const settingColumns = [
  'name',
  'providerId',
  'kind',
  'ofstedUrn',
  'ofstedRating',
  'inspectionDate',
  'registeredPlaces',
  'postcode',
  'localityId',
  'latitude',
  'longitude',
  'updatedAt',
];
const formFields = ['providerId', 'name', 'kind', 'ofstedUrn', 'ofstedRating', 'inspectionDate', 'registeredPlaces', 'postcode', 'localityId', 'latitude', 'longitude'];
const filters = filterInputs(resource, ['q', 'providerId', 'kind', 'ofstedRating', 'inspectionDate_gte', 'inspectionDate_lte', 'archived']);

export const SettingList = () => <GridList columns={settingColumns} filters={filters} sort={{ field: 'name', order: 'ASC' }} />;
export const SettingEdit = () => <GenericEdit fields={formFields} />;
export const SettingCreate = () => <GenericCreate fields={formFields} />;

export const settings = { name: 'settings', list: SettingList, edit: SettingEdit, create: SettingCreate, icon: HomeWorkIcon, recordRepresentation: 'name' };
