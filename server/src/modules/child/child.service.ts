import { explainConstraint } from '../../common/constraints';
import { today } from '../../common/clock';
import { ValidationFailed, type FieldError } from '../../common/errors';
import { definedOnly } from '../../common/objects';
import { entityReads } from '../../common/entity-reads';
import { inTransaction } from '../../common/transaction';
import { missingCoordinate, normalisePostcode } from '../../common/validation';
import { applyUpdate, insertAudited, isUuid, lockForUpdate } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { refreshDistancesOfChild } from '../placement/placement-distance';
import { Child } from './child.entity';
import { childList } from './child.list';
import type { ChildCreateInput, ChildUpdateInput } from './child.inputs';

explainConstraint('uq_child_case_reference', 'caseReference', 'another child already has this case reference');
explainConstraint('fk_child_locality_id', 'localityId', 'no locality has this id');

function childErrors(c: Partial<Child>): FieldError[] {
  const errors: FieldError[] = [];
  if (c.dateOfBirth && c.dateOfBirth > today()) errors.push({ field: 'dateOfBirth', message: 'must not be in the future' });
  const coordinates = missingCoordinate(c.homeLatitude, c.homeLongitude, 'homeLatitude', 'homeLongitude');
  if (coordinates) errors.push(coordinates);
  if (c.localityId && !isUuid(c.localityId)) errors.push({ field: 'localityId', message: 'is not a valid id (a UUID)' });
  return errors;
}

function toPatch(input: ChildUpdateInput): Partial<Child> {
  return {
    ...input,
    caseReference: input.caseReference?.trim(),
    initials: input.initials?.toUpperCase(),
    homePostcode: typeof input.homePostcode === 'string' ? normalisePostcode(input.homePostcode) : input.homePostcode,
  };
}

export const childService = {
  ...entityReads(childList.spec),

  create(ctx: GraphQLContext, input: ChildCreateInput) {
    const values: Partial<Child> = {
      legalStatus: null,
      localityId: null,
      homePostcode: null,
      homeLatitude: null,
      homeLongitude: null,
      uasc: false,
      ...definedOnly(toPatch(input)),
    };
    const errors = childErrors(values);
    if (errors.length) throw new ValidationFailed(errors);
    return inTransaction(ctx, (tx, audit) => insertAudited(tx, audit, 'Child', Child, values));
  },

  update(ctx: GraphQLContext, id: string, version: number, input: ChildUpdateInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, Child, 'Child', id, version);
      const patch = definedOnly(toPatch(input));
      const errors = childErrors({ ...row, ...patch });
      if (errors.length) throw new ValidationFailed(errors);
      const saved = await applyUpdate(tx, audit, 'Child', row, patch);
      if (patch.homeLatitude !== undefined || patch.homeLongitude !== undefined) await refreshDistancesOfChild(tx, id);
      return saved;
    });
  },
};
