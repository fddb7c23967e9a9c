import { Int } from 'type-graphql';
import { PlacementType } from '../../common/codes/placement-type.code';
import { addDays } from '../../common/dates';
import { today } from '../../common/clock';
import { enumFilter } from '../../common/filters/enum-filters';
import type { SqlParams } from '../../common/filters/sql-params';
import { declareList } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { ContractKind, ContractStatus } from './contract-codes';
import { Contract } from './contract.entity';

const C = '"contract"';
const NOT_ENDED = `${C}."status" NOT IN ('${ContractStatus.ENDED}', '${ContractStatus.TERMINATED}')`;

export const contractList = declareList({
  name: 'Contract',
  entity: Contract,
  alias: 'contract',
  description: 'Which contracts to list.',
  search: 'Free text matched against reference and title.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    kind: { kind: 'enum', type: enumFilter(ContractKind, 'ContractKind'), filter: 'the kind', sort: true },
    status: { kind: 'enum', type: enumFilter(ContractStatus, 'ContractStatus'), filter: 'the status', sort: true },
    providerId: { kind: 'id', filter: 'the provider' },
    agreementId: { kind: 'id', filter: 'the agreement' },
    ownerId: { kind: 'id', filter: 'the owning officer' },
    reference: { kind: 'string', filter: 'the reference', sort: true, search: true },
    title: { kind: 'string', filter: 'the title', sort: true, search: true },
    startDate: { kind: 'date', filter: 'the start date', sort: true },
    endDate: { kind: 'date', filter: 'the end date', sort: true, nullable: true },
    reviewDate: { kind: 'date', filter: 'the review date', sort: true, nullable: true },
    noticePeriodDays: { kind: 'int', filter: 'the notice period' },
    weeklyFee: { kind: 'money', filter: 'the weekly fee', sort: true, nullable: true },
    ceilingValue: { kind: 'money', filter: 'the ceiling value' },
    blockPlaces: { kind: 'int', filter: 'the block places' },
    placementType: { kind: 'enum', type: enumFilter(PlacementType, 'PlacementType'), filter: 'the placement type' },
    // The agreement's card rate beside the fee: their totals show how far the fees are below the cards.
    cardWeeklyFee: { kind: 'money' },
    createdAt: { kind: 'datetime', sort: true },
  },
  conditions: {
    expiringWithinDays: {
      type: () => Int,
      description: 'Contracts not yet ended whose end date falls within this many days from today.',
      sql: (days: number, params: SqlParams) => `${NOT_ENDED} AND ${C}."end_date" BETWEEN ${params.add(today())} AND ${params.add(addDays(today(), days))}`,
    },
    reviewDueWithinDays: {
      type: () => Int,
      description: 'Contracts not yet ended whose review date falls on or before this many days from today (overdue ones included).',
      sql: (days: number, params: SqlParams) => `${NOT_ENDED} AND ${C}."review_date" <= ${params.add(addDays(today(), days))}`,
    },
  },
  defaultOrder: [{ field: 'reference', direction: SortDirection.ASC }],
});
