import StoreIcon from '@mui/icons-material/Store';
import { GenericCreate, GenericEdit } from '../../forms/GenericForms';
import { filterInputs } from '../../forms/inputs';
import { GridList } from '../../grid/GridList';
import { schemaModel } from '../../providers/schemaModel';
import { ProviderShow } from './ProviderShow';

const resource = schemaModel.resource('providers');

export const providerColumns = ['legalName', 'tradingName', 'providerCode', 'status', 'serviceCategories', 'companyNumber', 'charityNumber', 'notes', 'updatedAt'];
const formFields = ['legalName', 'tradingName', 'providerCode', 'status', 'serviceCategories', 'companyNumber', 'charityNumber', 'contacts', 'notes'];
const filters = filterInputs(resource, ['q', 'status', 'providerCode', 'serviceCategories', 'hasInadequateSetting', 'settingRatingIn', 'archived']);

export const ProviderList = () => <GridList columns={providerColumns} filters={filters} sort={{ field: 'legalName', order: 'ASC' }} />;
export const ProviderEdit = () => <GenericEdit fields={formFields} />;
export const ProviderCreate = () => <GenericCreate fields={formFields} />;

export const providers = { name: 'providers', list: ProviderList, show: ProviderShow, edit: ProviderEdit, create: ProviderCreate, icon: StoreIcon, recordRepresentation: 'legalName' };
