import FamilyRestroomIcon from '@mui/icons-material/FamilyRestroom';
import { useRecordContext } from 'react-admin';
import { GenericCreate, GenericEdit } from '../../forms/GenericForms';
import { GenericShow } from '../../forms/GenericShow';
import { filterInputs } from '../../forms/inputs';
import { GridList } from '../../grid/GridList';
import { schemaModel } from '../../providers/schemaModel';
import { sessionColumns } from '../contactSessions';
import { RecordGrid } from '../transportJourneys/RecordGrid';
import { AddSessionsButton } from './AddSessionsButton';

const resource = schemaModel.resource('contactArrangements');

export const arrangementColumns = [
  'reference',
  'childId',
  'contactWith',
  'frequency',
  'supervisionLevel',
  'sessionHours',
  'venue',
  'startDate',
  'endDate',
  'providerId',
  'contractId',
  'notes',
  'updatedAt',
];
const showFields = ['reference', 'childId', 'contactWith', 'frequency', 'supervisionLevel', 'sessionHours', 'venue', 'startDate', 'endDate', 'providerId', 'contractId', 'notes'];
const editFields = ['contactWith', 'frequency', 'supervisionLevel', 'sessionHours', 'venue', 'endDate', 'contractId', 'notes'];
/** The contract picker offers only contracts of this kind. */
const CONTRACTS = { contractId: { kind: ['SUPERVISED_CONTACT'] } };
const createFields = ['reference', 'childId', 'contactWith', 'frequency', 'supervisionLevel', 'sessionHours', 'venue', 'startDate', 'endDate', 'contractId', 'notes'];
const filters = filterInputs(resource, ['q', 'childId', 'providerId', 'contractId', 'frequency', 'supervisionLevel', 'startDate_gte']);

function ArrangementSessions() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <RecordGrid
      resource="contactSessions"
      target="arrangementId"
      id={String(record.id)}
      columns={sessionColumns}
      sort={{ field: 'date', order: 'ASC' }}
      title="placewise.contact.sessionsTitle"
      testId="arrangement-sessions-grid"
    />
  );
}

export const ContactArrangementList = () => <GridList columns={arrangementColumns} filters={filters} sort={{ field: 'reference', order: 'ASC' }} />;

/** An arrangement's page: with whom (by role), how often, how supervised and where, "Add sessions", and its sessions in the grid. */
export const ContactArrangementShow = () => (
  <GenericShow fields={showFields} actions={<AddSessionsButton />}>
    <ArrangementSessions />
  </GenericShow>
);

export const contactArrangements = {
  name: 'contactArrangements',
  list: ContactArrangementList,
  show: ContactArrangementShow,
  edit: () => <GenericEdit fields={editFields} referenceFilters={CONTRACTS} />,
  create: () => <GenericCreate fields={createFields} referenceFilters={CONTRACTS} />,
  icon: FamilyRestroomIcon,
  recordRepresentation: 'reference',
};
