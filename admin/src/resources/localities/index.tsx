import PlaceIcon from '@mui/icons-material/Place';
import { GenericCreate, GenericEdit } from '../../forms/GenericForms';
import { filterInputs } from '../../forms/inputs';
import { GridList } from '../../grid/GridList';
import { schemaModel } from '../../providers/schemaModel';

const resource = schemaModel.resource('localities');
const filters = filterInputs(resource, ['q', 'authorityId']);

export const LocalityList = () => <GridList columns={['name', 'code', 'authorityId', 'updatedAt']} filters={filters} sort={{ field: 'name', order: 'ASC' }} />;

export const localities = {
  name: 'localities',
  list: LocalityList,
  edit: () => <GenericEdit fields={['name', 'code']} />,
  create: () => <GenericCreate fields={['authorityId', 'name', 'code']} />,
  icon: PlaceIcon,
  recordRepresentation: 'name',
};
