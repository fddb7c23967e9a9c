import { enumFilter } from '../../common/filters/enum-filters';
import { declareList } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { ContactFrequency, SessionStatus, SupervisionLevel } from './contact-codes';
import { ContactArrangement, ContactSession } from './contact.entity';

export const arrangementList = declareList({
  name: 'ContactArrangement',
  entity: ContactArrangement,
  alias: 'contact_arrangement',
  description: 'Which arrangements to list.',
  search: 'Free text matched against the reference and venue.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    reference: { kind: 'string', filter: 'the reference', sort: true, search: true },
    venue: { kind: 'string', search: true },
    childId: { kind: 'id', filter: 'the child' },
    providerId: { kind: 'id', filter: 'the provider' },
    contractId: { kind: 'id', filter: 'the contract' },
    frequency: { kind: 'enum', type: enumFilter(ContactFrequency, 'ContactFrequency'), filter: 'the frequency' },
    supervisionLevel: { kind: 'enum', type: enumFilter(SupervisionLevel, 'SupervisionLevel'), filter: 'the supervision level' },
    startDate: { kind: 'date', filter: 'the start date', sort: true },
    endDate: { kind: 'date', filter: 'the end date' },
    createdAt: { kind: 'datetime', sort: true },
  },
  defaultOrder: [{ field: 'reference', direction: SortDirection.ASC }],
});

export const sessionList = declareList({
  name: 'ContactSession',
  entity: ContactSession,
  alias: 'contact_session',
  description: 'Which sessions to list.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    arrangementId: { kind: 'id', filter: 'the arrangement' },
    date: { kind: 'date', filter: 'the day', sort: true },
    status: { kind: 'enum', type: enumFilter(SessionStatus, 'SessionStatus'), filter: 'the status' },
    cost: { kind: 'money', filter: 'the cost', sort: true, nullable: true },
  },
  defaultOrder: [{ field: 'date', direction: SortDirection.ASC }],
});
