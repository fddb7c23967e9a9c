import HistoryIcon from '@mui/icons-material/History';
import { filterInputs } from '../../forms/inputs';
import { GridList } from '../../grid/GridList';
import { schemaModel } from '../../providers/schemaModel';

const resource = schemaModel.resource('auditEvents');
const filters = filterInputs(resource, ['entityType', 'actorEmail', 'action'], []);

export const AuditEventList = () => (
  <GridList columns={['occurredAt', 'actorEmail', 'action', 'entityType', 'entityId']} filters={filters} sort={{ field: 'occurredAt', order: 'DESC' }} />
);

export const auditEvents = { name: 'auditEvents', list: AuditEventList, icon: HistoryIcon, recordRepresentation: 'id' };
