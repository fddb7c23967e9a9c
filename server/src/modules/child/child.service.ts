import { explainConstraint } from '../../common/constraints';
import { todayIso } from '../../common/dates';
import { ValidationFailed, type FieldError } from '../../common/errors';
import { SqlParams } from '../../common/filters/sql-params';
import { definedOnly } from '../../common/objects';
import { entityReads } from '../../common/entity-reads';
import { type ListSpec } from '../../common/pagination/find-connection';
import { SortDirection } from '../../common/pagination/ordering';
import { inTransaction } from '../../common/transaction';
import { missingCoordinate, normalisePostcode } from '../../common/validation';
import { applyUpdate, insertAudited, isUuid, lockForUpdate } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { refreshDistancesOfChild } from '../placement/placement-distance';
import { Child } from './child.entity';
import type { ChildCreateInput, ChildUpdateInput } from './child.inputs';

explainConstraint('uq_child_case_reference', 'caseReference', 'another child already has this case reference');
explainConstraint('fk_child_locality_id', 'localityId', 'no locality has this id');

const C = '"child"';
export const childList: ListSpec<Child> = {
  entity: Child,
  alias: 'child',
  fields: {
    id: { sql: `${C}."id"`, kind: 'id' },
    caseReference: { sql: `${C}."case_reference"`, kind: 'string' },
    dateOfBirth: { sql: `${C}."date_of_birth"`, kind: 'date' },
    gender: { sql: `${C}."gender"`, kind: 'enum' },
    legalStatus: { sql: `${C}."legal_status"`, kind: 'enum' },
    localityId: { sql: `${C}."locality_id"`, kind: 'id' },
    uasc: { sql: `${C}."uasc"`, kind: 'boolean' },
  },
  search: [`${C}."case_reference"`, `${C}."initials"`],
  custom: {
    inCareToday: (value: boolean, params: SqlParams) => {
      const today = params.add(todayIso());
      const open = `EXISTS (SELECT 1 FROM "placement" "pl" WHERE "pl"."child_id" = ${C}."id" AND "pl"."start_date" <= ${today} AND ("pl"."end_date" IS NULL OR "pl"."end_date" > ${today}))`;
      return value ? open : `NOT ${open}`;
    },
  },
  order: {
    caseReference: { sql: `${C}."case_reference"`, property: 'caseReference', nullable: false },
    dateOfBirth: { sql: `${C}."date_of_birth"`, property: 'dateOfBirth', nullable: false },
    createdAt: { sql: `${C}."created_at"`, property: 'createdAt', nullable: false },
  },
  defaultOrder: [{ field: 'caseReference', direction: SortDirection.ASC }],
};

function childErrors(c: Partial<Child>): FieldError[] {
  const errors: FieldError[] = [];
  if (c.dateOfBirth && c.dateOfBirth > todayIso()) errors.push({ field: 'dateOfBirth', message: 'must not be in the future' });
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
  ...entityReads(childList),

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
