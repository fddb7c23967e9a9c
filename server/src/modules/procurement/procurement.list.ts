import { enumFilter } from '../../common/filters/enum-filters';
import { declareList } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { RoundCategory, RoundStatus } from './procurement-codes';
import { ProcurementRound } from './procurement.entity';

const R = '"round"';
/** The status as users see it: an OPEN round whose closing time has passed is CLOSED. */
const STATUS_SQL = `(CASE WHEN ${R}."stored_status" = 'OPEN' AND ${R}."closes_at" <= now() THEN 'CLOSED' ELSE ${R}."stored_status"::text END)`;

export const roundList = declareList({
  name: 'ProcurementRound',
  entity: ProcurementRound,
  alias: 'round',
  description: 'Which procurement rounds to list.',
  search: 'Free text matched against reference, title and child reference.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    reference: { kind: 'string', filter: 'the reference', sort: true, search: true },
    title: { kind: 'string', sort: true, search: true },
    childReference: { kind: 'string', search: true },
    category: { kind: 'enum', type: enumFilter(RoundCategory, 'RoundCategory'), filter: 'the category' },
    status: { kind: 'enum', type: enumFilter(RoundStatus, 'RoundStatus'), filter: 'the status (CLOSED included)', sql: STATUS_SQL },
    closesAt: { kind: 'datetime', filter: 'the closing time', sort: true },
    ownerId: { kind: 'id', filter: 'the owning officer' },
    createdAt: { kind: 'datetime', sort: true },
  },
  defaultOrder: [{ field: 'closesAt', direction: SortDirection.DESC }],
});
