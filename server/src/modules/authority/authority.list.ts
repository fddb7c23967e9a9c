import { declareList } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { Authority } from './authority.entity';

export const authorityList = declareList({
  name: 'Authority',
  entity: Authority,
  alias: 'authority',
  description: 'Which authorities to list.',
  search: 'Free text matched against name and ONS code.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    name: { kind: 'string', filter: 'the name', sort: true, search: true },
    onsCode: { kind: 'string', filter: 'the ONS code', sort: true, search: true },
    createdAt: { kind: 'datetime', sort: true },
  },
  defaultOrder: [{ field: 'name', direction: SortDirection.ASC }],
});
