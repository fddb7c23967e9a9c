import type { EntityManager } from 'typeorm';
import { explainConstraint } from '../../common/constraints';
import { today } from '../../common/clock';
import { badInput, ValidationFailed, type FieldError } from '../../common/errors';
import { entityReads } from '../../common/entity-reads';
import { definedOnly } from '../../common/objects';
import { inTransaction } from '../../common/transaction';
import { missingCoordinate, normalisePostcode } from '../../common/validation';
import { applyUpdate, assertId, insertAudited, lockForUpdate, setArchived, updateRows } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { Provider } from '../provider/provider.entity';
import { Setting } from './setting.entity';
import { settingList } from './setting.list';
import type { SettingCreateInput, SettingRowUpdate, SettingUpdateInput } from './setting.inputs';

explainConstraint('uq_setting_ofsted_urn', 'ofstedUrn', 'another setting already has this Ofsted URN');
explainConstraint('fk_setting_provider_id', 'providerId', 'no provider has this id');
explainConstraint('fk_setting_locality_id', 'localityId', 'no locality has this id');

function toPatch(input: SettingUpdateInput): Partial<Setting> {
  return {
    name: input.name?.trim(),
    kind: input.kind,
    ofstedUrn: input.ofstedUrn,
    ofstedRating: input.ofstedRating,
    inspectionDate: input.inspectionDate,
    registeredPlaces: input.registeredPlaces,
    postcode: typeof input.postcode === 'string' ? normalisePostcode(input.postcode) : input.postcode,
    latitude: input.latitude,
    longitude: input.longitude,
    localityId: input.localityId,
  };
}

/** Rules across fields, checked on the record as it will be saved. */
function crossFieldErrors(setting: Partial<Setting>, index?: number): FieldError[] {
  const errors: FieldError[] = [];
  const at = (field: string, message: string) => errors.push(index === undefined ? { field, message } : { field, message, index });
  const coordinates = missingCoordinate(setting.latitude, setting.longitude, 'latitude', 'longitude');
  if (coordinates) at(coordinates.field, coordinates.message);
  if (setting.inspectionDate && setting.inspectionDate > today()) at('inspectionDate', 'must not be in the future');
  if (setting.localityId) {
    try {
      assertId(setting.localityId, 'localityId');
    } catch {
      at('localityId', 'is not a valid id (a UUID)');
    }
  }
  return errors;
}

async function assertProviderInUse(tx: EntityManager, providerId: string): Promise<void> {
  assertId(providerId, 'providerId');
  const provider = await tx.findOne(Provider, { where: { id: providerId }, select: { id: true, archivedAt: true } });
  if (!provider) throw badInput('providerId', 'no provider has this id');
  if (provider.archivedAt) throw badInput('providerId', 'the provider is archived; restore it before adding settings');
}

export const settingService = {
  ...entityReads(settingList.spec),

  create(ctx: GraphQLContext, input: SettingCreateInput) {
    const values: Partial<Setting> = {
      ofstedUrn: null,
      ofstedRating: null,
      inspectionDate: null,
      registeredPlaces: null,
      postcode: null,
      latitude: null,
      longitude: null,
      localityId: null,
      ...definedOnly(toPatch(input)),
      providerId: input.providerId,
    };
    const errors = crossFieldErrors(values);
    if (errors.length) throw new ValidationFailed(errors);
    return inTransaction(ctx, async (tx, audit) => {
      await assertProviderInUse(tx, input.providerId);
      return insertAudited(tx, audit, 'Setting', Setting, values);
    });
  },

  update(ctx: GraphQLContext, id: string, version: number, input: SettingUpdateInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, Setting, 'Setting', id, version);
      const patch = toPatch(input);
      const errors = crossFieldErrors({ ...row, ...definedOnly(patch) });
      if (errors.length) throw new ValidationFailed(errors);
      return applyUpdate(tx, audit, 'Setting', row, patch);
    });
  },

  updateRows(ctx: GraphQLContext, rows: SettingRowUpdate[]) {
    return inTransaction(ctx, async (tx, audit) => {
      const changes = rows.map((r) => ({ id: r.id, version: r.version, patch: toPatch(r.input) }));
      const saved = await updateRows(tx, audit, 'Setting', Setting, changes);
      const errors = saved.flatMap((row, index) => crossFieldErrors(row, index));
      if (errors.length) throw new ValidationFailed(errors); // rolls the whole batch back
      return saved;
    });
  },

  setArchived(ctx: GraphQLContext, id: string, version: number, archive: boolean) {
    return inTransaction(ctx, (tx, audit) => setArchived(tx, audit, 'Setting', Setting, id, version, archive));
  },
};

