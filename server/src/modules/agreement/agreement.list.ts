import { enumFilter } from '../../common/filters/enum-filters';
import type { SqlParams } from '../../common/filters/sql-params';
import { declareList } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { AgreementStatus } from './agreement-codes';
import { Agreement } from './agreement.entity';

const A = '"agreement"';

export const agreementList = declareList({
  name: 'Agreement',
  entity: Agreement,
  alias: 'agreement',
  description: 'Which agreements to list.',
  search: 'Free text matched against title and reference.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    providerId: { kind: 'id', filter: 'the provider' },
    authorityId: { kind: 'id', filter: 'the authority' },
    title: { kind: 'string', filter: 'the title', sort: true, search: true },
    reference: { kind: 'string', filter: 'the reference', sort: true, search: true },
    startDate: { kind: 'date', filter: 'the start date', sort: true },
    endDate: { kind: 'date', filter: 'the end date', sort: true },
    status: { kind: 'enum', type: enumFilter(AgreementStatus, 'AgreementStatus'), filter: 'the status', sort: true },
    tier: { kind: 'int', filter: 'the tier', sort: true, nullable: true },
    createdAt: { kind: 'datetime', sort: true },
  },
  conditions: {
    inForceOn: {
      type: () => DateScalar,
      description: 'Agreements whose period includes this date.',
      sql: (date: string, params: SqlParams) => {
        const p = params.add(date);
        return `${A}."start_date" <= ${p} AND ${A}."end_date" >= ${p}`;
      },
    },
  },
  defaultOrder: [{ field: 'title', direction: SortDirection.ASC }],
});
