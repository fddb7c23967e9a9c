import { Gender } from '../../common/codes/gender.code';
import { LegalStatus } from '../../common/codes/legal-status.code';
import { today } from '../../common/clock';
import { enumFilter } from '../../common/filters/enum-filters';
import type { SqlParams } from '../../common/filters/sql-params';
import { declareList } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { Child } from './child.entity';

const C = '"child"';

export const childList = declareList({
  name: 'Child',
  entity: Child,
  alias: 'child',
  description: 'Which children to list.',
  search: 'Free text matched against case reference and initials.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    caseReference: { kind: 'string', filter: 'the case reference', sort: true, search: true },
    initials: { kind: 'string', search: true },
    dateOfBirth: { kind: 'date', filter: 'the date of birth', sort: true },
    gender: { kind: 'enum', type: enumFilter(Gender, 'Gender'), filter: 'the gender' },
    legalStatus: { kind: 'enum', type: enumFilter(LegalStatus, 'LegalStatus'), filter: 'the legal status' },
    localityId: { kind: 'id', filter: 'the locality' },
    uasc: { kind: 'boolean', filter: 'the UASC flag' },
    createdAt: { kind: 'datetime', sort: true },
  },
  conditions: {
    inCareToday: {
      type: () => Boolean,
      description: 'true: children with a placement open today; false: without.',
      sql: (value: boolean, params: SqlParams) => {
        const day = params.add(today());
        const open = `EXISTS (SELECT 1 FROM "placement" "pl" WHERE "pl"."child_id" = ${C}."id" AND "pl"."start_date" <= ${day} AND ("pl"."end_date" IS NULL OR "pl"."end_date" > ${day}))`;
        return value ? open : `NOT ${open}`;
      },
    },
  },
  defaultOrder: [{ field: 'caseReference', direction: SortDirection.ASC }],
});
