import { ID } from 'type-graphql';
import { OfstedRating } from '../../common/codes/ofsted-rating.code';
import { PlacementProviderCode } from '../../common/codes/placement-provider.code';
import { ServiceCategory } from '../../common/codes/service-category.code';
import { archivableList } from '../../common/filters/archivable';
import { enumArrayFilter, enumFilter } from '../../common/filters/enum-filters';
import type { SqlParams } from '../../common/filters/sql-params';
import { declareList } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { assertId } from '../../common/versioned-update';
import { Provider } from './provider.entity';
import { ProviderStatus } from './provider-status';

const P = '"provider"';
const archived = archivableList('provider', 'providers');

/** A live setting of the provider being filtered matches `condition`. */
function hasSetting(condition: string): string {
  return `EXISTS (SELECT 1 FROM "setting" "s" WHERE "s"."provider_id" = ${P}."id" AND "s"."archived_at" IS NULL AND ${condition})`;
}

export const providerList = declareList({
  name: 'Provider',
  entity: Provider,
  alias: 'provider',
  description: 'Which providers to list. Archived providers are left out unless `archived` is true.',
  search: 'Free text matched against legal name, trading name, company and charity number.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    legalName: { kind: 'string', filter: 'the legal name', sort: true, search: true },
    tradingName: { kind: 'string', filter: 'the trading name', sort: true, nullable: true, search: true },
    companyNumber: { kind: 'string', filter: 'the company number', search: true },
    charityNumber: { kind: 'string', filter: 'the charity number', search: true },
    providerCode: { kind: 'enum', type: enumFilter(PlacementProviderCode, 'PlacementProviderCode'), filter: 'the SSDA903 provider code', sort: true },
    status: { kind: 'enum', type: enumFilter(ProviderStatus, 'ProviderStatus'), filter: 'the status', sort: true },
    serviceCategories: { kind: 'enumArray', type: enumArrayFilter(ServiceCategory, 'ServiceCategory'), filter: 'the service categories' },
    createdAt: { kind: 'datetime', filter: 'when the provider was created', sort: true },
    updatedAt: { kind: 'datetime', filter: 'when the provider was last changed', sort: true },
  },
  conditions: {
    ...archived.conditions,
    hasInadequateSetting: {
      type: () => Boolean,
      description: 'true: providers with at least one setting rated Inadequate; false: none.',
      sql: (value: boolean) => {
        const exists = hasSetting(`"s"."ofsted_rating" = 'INADEQUATE'`);
        return value ? exists : `NOT ${exists}`;
      },
    },
    settingRatingIn: {
      type: () => [OfstedRating],
      description: 'Providers with at least one setting rated one of these.',
      sql: (ratings: OfstedRating[], params: SqlParams) => (ratings.length ? hasSetting(`"s"."ofsted_rating" IN ${params.addList(ratings)}`) : 'FALSE'),
    },
    localityId: {
      type: () => ID,
      description: 'Providers with at least one setting in this locality.',
      sql: (id: string, params: SqlParams) => {
        assertId(id, 'filter.localityId');
        return hasSetting(`"s"."locality_id" = ${params.add(id)}`);
      },
    },
  },
  hidden: archived.hidden,
  defaultOrder: [{ field: 'legalName', direction: SortDirection.ASC }],
});
