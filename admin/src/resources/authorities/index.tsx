import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { GenericCreate, GenericEdit } from '../../forms/GenericForms';
import { filterInputs } from '../../forms/inputs';
import { GridList } from '../../grid/GridList';
import { schemaModel } from '../../providers/schemaModel';

const resource = schemaModel.resource('authorities');
const filters = filterInputs(resource, ['q']);

export const AuthorityList = () => <GridList columns={['name', 'onsCode', 'updatedAt']} filters={filters} sort={{ field: 'name', order: 'ASC' }} />;

export const authorities = {
  name: 'authorities',
  list: AuthorityList,
  edit: () => <GenericEdit />,
  create: () => <GenericCreate />,
  icon: AccountBalanceIcon,
  recordRepresentation: 'name',
};
