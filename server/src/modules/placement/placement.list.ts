import { PlacementProviderCode } from '../../common/codes/placement-provider.code';
import { PlacementType } from '../../common/codes/placement-type.code';
import { ReasonEnded } from '../../common/codes/placement-end.code';
import { enumFilter } from '../../common/filters/enum-filters';
import type { SqlParams } from '../../common/filters/sql-params';
import { declareList } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { placementCostTotals } from './placement-totals';
import { Placement } from './placement.entity';

const P = '"placement"';

export const placementList = declareList({
  name: 'Placement',
  entity: Placement,
  alias: 'placement',
  description: 'Which placements to list.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    reference: { kind: 'string', filter: 'the reference' },
    childId: { kind: 'id', filter: 'the child' },
    providerId: { kind: 'id', filter: 'the provider' },
    settingId: { kind: 'id', filter: 'the setting' },
    contractId: { kind: 'id', filter: 'the contract' },
    placementType: { kind: 'enum', type: enumFilter(PlacementType, 'PlacementType'), filter: 'the placement type', sort: true },
    providerCode: { kind: 'enum', type: enumFilter(PlacementProviderCode, 'PlacementProviderCode'), filter: 'the provider code' },
    startDate: { kind: 'date', filter: 'the start date', sort: true },
    plannedEndDate: { kind: 'date', filter: 'the planned end date', sort: true, nullable: true },
    endDate: { kind: 'date', filter: 'the end date', sort: true, nullable: true },
    endReason: { kind: 'enum', type: enumFilter(ReasonEnded, 'ReasonEnded'), filter: 'the reason it ended' },
    distanceMiles: { kind: 'float', filter: 'the distance from home in miles', sort: true, nullable: true },
    createdAt: { kind: 'datetime', sort: true },
  },
  conditions: {
    openOn: {
      type: () => DateScalar,
      description: 'Placements running on this date (the child there that night).',
      sql: (date: string, params: SqlParams) => {
        const d = params.add(date);
        return `${P}."start_date" <= ${d} AND (${P}."end_date" IS NULL OR ${P}."end_date" > ${d})`;
      },
    },
    within20Miles: {
      type: () => Boolean,
      description: 'true: within 20 miles of home; false: over 20 miles. Unknown distances match neither.',
      sql: (within: boolean) => (within ? `${P}."distance_miles" <= 20` : `${P}."distance_miles" > 20`),
    },
  },
  defaultOrder: [{ field: 'startDate', direction: SortDirection.DESC }],
  computedTotals: placementCostTotals,
});
