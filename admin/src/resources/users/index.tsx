import PeopleIcon from '@mui/icons-material/People';
import { GenericCreate, GenericEdit } from '../../forms/GenericForms';
import { GridList } from '../../grid/GridList';

export const UserList = () => <GridList columns={['email', 'displayName', 'role', 'active', 'lastLoginAt']} />;

export const users = {
  name: 'users',
  list: UserList,
  edit: () => <GenericEdit fields={['displayName', 'role', 'active', 'password']} />,
  create: () => <GenericCreate fields={['email', 'displayName', 'role', 'password']} />,
  icon: PeopleIcon,
  recordRepresentation: 'email',
};
