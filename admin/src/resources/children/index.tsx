import ChildCareIcon from '@mui/icons-material/ChildCare';
import { GenericCreate, GenericEdit } from '../../forms/GenericForms';
import { filterInputs } from '../../forms/inputs';
import { GridList } from '../../grid/GridList';
import { schemaModel } from '../../providers/schemaModel';
import { ChildShow } from './CareCosts';

const resource = schemaModel.resource('children');

export const childColumns = ['caseReference', 'initials', 'dateOfBirth', 'age', 'ageBand', 'gender', 'legalStatus', 'uasc', 'homePostcode', 'localityId', 'updatedAt'];
const formFields = ['caseReference', 'initials', 'dateOfBirth', 'gender', 'legalStatus', 'uasc', 'homePostcode', 'homeLatitude', 'homeLongitude', 'localityId'];
const filters = filterInputs(resource, ['q', 'gender', 'legalStatus', 'uasc', 'inCareToday', 'localityId']);

/** Only administrators, contract officers and finance read children (see authProvider): the menu hides them from the rest. */
export const ChildList = () => <GridList columns={childColumns} filters={filters} sort={{ field: 'caseReference', order: 'ASC' }} />;

export const children = {
  name: 'children',
  list: ChildList,
  show: ChildShow,
  edit: () => <GenericEdit fields={formFields} />,
  create: () => <GenericCreate fields={formFields} />,
  icon: ChildCareIcon,
  recordRepresentation: 'caseReference',
};
