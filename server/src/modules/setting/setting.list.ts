import { OfstedRating } from '../../common/codes/ofsted-rating.code';
import { archivableList } from '../../common/filters/archivable';
import { enumFilter } from '../../common/filters/enum-filters';
import { declareList } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { SettingKind } from './setting-kind';
import { Setting } from './setting.entity';

const archived = archivableList('setting', 'settings');

export const settingList = declareList({
  name: 'Setting',
  entity: Setting,
  alias: 'setting',
  description: 'Which settings to list. Archived settings are left out unless `archived` is true.',
  search: 'Free text matched against name, postcode and Ofsted URN.',
  columns: {
    id: { kind: 'id', filter: 'the id' },
    providerId: { kind: 'id', filter: 'the provider' },
    name: { kind: 'string', filter: 'the name', sort: true, search: true },
    kind: { kind: 'enum', type: enumFilter(SettingKind, 'SettingKind'), filter: 'the kind', sort: true },
    ofstedUrn: { kind: 'string', filter: 'the Ofsted URN', sort: true, nullable: true, search: true },
    ofstedRating: { kind: 'enum', type: enumFilter(OfstedRating, 'OfstedRating'), filter: 'the Ofsted rating', sort: true, nullable: true },
    inspectionDate: { kind: 'date', filter: 'the inspection date', sort: true, nullable: true },
    registeredPlaces: { kind: 'int', filter: 'the registered places', sort: true, nullable: true },
    postcode: { kind: 'string', filter: 'the postcode', sort: true, nullable: true, search: true },
    latitude: { kind: 'float', filter: 'the latitude' },
    longitude: { kind: 'float', filter: 'the longitude' },
    localityId: { kind: 'id', filter: 'the locality' },
    createdAt: { kind: 'datetime', filter: 'when the setting was created', sort: true },
    updatedAt: { kind: 'datetime', filter: 'when the setting was last changed', sort: true },
  },
  conditions: archived.conditions,
  hidden: archived.hidden,
  defaultOrder: [{ field: 'name', direction: SortDirection.ASC }],
});
