import { declareList } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { Locality } from './locality.entity';

export const localityList = declareList({
  name: 'Locality',
  entity: Locality,
  alias: 'locality',
  description: 'Which localities to list.',
  search: 'Free text matched against name and code.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    authorityId: { kind: 'id', filter: 'the authority' },
    name: { kind: 'string', filter: 'the name', sort: true, search: true },
    code: { kind: 'string', filter: 'the code', sort: true, nullable: true, search: true },
    createdAt: { kind: 'datetime', sort: true },
  },
  defaultOrder: [{ field: 'name', direction: SortDirection.ASC }],
});
