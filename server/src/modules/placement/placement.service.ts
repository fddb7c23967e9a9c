import type { EntityManager } from 'typeorm';
import { explainConstraint } from '../../common/constraints';
import { addDays } from '../../common/dates';
import { badInput, ValidationFailed, type FieldError } from '../../common/errors';
import { definedOnly } from '../../common/objects';
import { entityReads } from '../../common/entity-reads';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, assertId, insertAudited, isUuid, lockForUpdate, touch } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { AuditAction } from '../audit/audit-event.entity';
import type { AuditWriter } from '../audit/audit.service';
import { Child } from '../child/child.entity';
import { Contract } from '../contract/contract.entity';
import { Setting } from '../setting/setting.entity';
import { distanceMiles } from './placement-distance';
import { AdditionalService, Placement, PlacementFee, ServiceCharge } from './placement.entity';
import { placementList } from './placement.list';
import type { AdditionalServiceInput, PlacementCreateInput, PlacementFeeInput, PlacementUpdateInput } from './placement.inputs';
import type { ReasonEnded } from '../../common/codes/placement-end.code';

explainConstraint('uq_placement_reference', 'reference', 'another placement already has this reference');
explainConstraint('ex_placement_child_overlap', 'startDate', 'overlaps another placement of this child');
explainConstraint('uq_placement_fee_date', 'effectiveFrom', 'the placement already has a fee from this date');
explainConstraint('fk_placement_child_id', 'childId', 'no child has this id');
explainConstraint('fk_placement_provider_id', 'providerId', 'no provider has this id');
explainConstraint('fk_placement_setting_id', 'settingId', 'no setting has this id');
explainConstraint('fk_placement_contract_id', 'contractId', 'no contract has this id');

const TEMPORARY = ['T0', 'T1', 'T2', 'T3', 'T4'];

/**
 * The rules a placement keeps, on the record as it will be saved: real dates, a setting of
 * its provider, inside its contract, and no overlap with the child's other placements
 * (a temporary move, T0–T4, may sit inside another). Returns the distance from home.
 */
async function checkPlacement(tx: EntityManager, p: Partial<Placement> & { id?: string }): Promise<{ errors: FieldError[]; distance: number | null }> {
  const errors: FieldError[] = [];
  const at = (field: string, message: string) => errors.push({ field, message });
  if (p.plannedEndDate && p.startDate && p.plannedEndDate <= p.startDate) at('plannedEndDate', 'must be after startDate');
  if (p.endDate && p.startDate && p.endDate <= p.startDate) at('endDate', 'must be after startDate (the end date is the day the child left)');
  for (const field of ['settingId', 'contractId'] as const) if (p[field] && !isUuid(p[field]!)) at(field, 'is not a valid id (a UUID)');
  if (errors.length) return { errors, distance: null };

  const child = await tx.findOneBy(Child, { id: p.childId! });
  if (!child) at('childId', 'no child has this id');
  let setting: Setting | null = null;
  if (p.settingId) {
    setting = await tx.findOneBy(Setting, { id: p.settingId });
    if (!setting) at('settingId', 'no setting has this id');
    else if (setting.providerId !== p.providerId) at('settingId', 'belongs to another provider');
  }
  if (p.contractId) {
    const contract = await tx.findOneBy(Contract, { id: p.contractId });
    if (!contract) at('contractId', 'no contract has this id');
    else {
      if (contract.providerId !== p.providerId) at('contractId', 'is with another provider');
      if (p.startDate! < contract.startDate) at('startDate', `must not be before the contract starts (${contract.startDate})`);
      const last = p.endDate ?? p.plannedEndDate;
      if (contract.endDate && last && last > addDays(contract.endDate, 1)) {
        at(p.endDate ? 'endDate' : 'plannedEndDate', `must not be after the contract ends (${contract.endDate})`);
      }
    }
  }
  if (!TEMPORARY.includes(p.placementType!)) {
    const [clash] = await tx.query(
      `SELECT "start_date", "end_date" FROM "placement"
       WHERE "child_id" = $1 AND "id" IS DISTINCT FROM $2 AND "placement_type" <> ALL($3::placement_type[])
         AND daterange("start_date", "end_date") && daterange($4::date, $5::date) LIMIT 1`,
      [p.childId, p.id ?? null, TEMPORARY, p.startDate, p.endDate ?? null],
    );
    if (clash) at('startDate', `overlaps the child’s placement from ${clash.start_date} to ${clash.end_date ?? 'now (still open)'}`);
  }
  return { errors, distance: distanceMiles(child && { latitude: child.homeLatitude, longitude: child.homeLongitude }, setting) };
}

/** One change to a child's placements at a time, so the overlap check cannot be raced. */
async function lockChild(tx: EntityManager, childId: string): Promise<void> {
  await tx.query('SELECT 1 FROM "child" WHERE "id" = $1 FOR UPDATE', [childId]);
}

async function feesOf(tx: EntityManager, placementId: string): Promise<PlacementFee[]> {
  return tx.find(PlacementFee, { where: { placementId }, order: { effectiveFrom: 'ASC' } });
}

async function insertFee(tx: EntityManager, audit: AuditWriter, placementId: string, values: Omit<PlacementFee, 'id' | 'placementId' | 'createdAt'>): Promise<PlacementFee> {
  const saved = await tx.save(tx.create(PlacementFee, { ...values, placementId }));
  await audit.record({ entityType: 'PlacementFee', entityId: saved.id, action: AuditAction.CREATE, before: null, after: saved });
  return saved;
}

/**
 * Checks and inserts a placement with its first fee, in the caller's transaction; returns the
 * errors instead of throwing so an import can report every row. Holds the child's row lock,
 * so two changes to one child's placements cannot race past the overlap check.
 */
export async function insertPlacement(tx: EntityManager, audit: AuditWriter, input: PlacementCreateInput): Promise<{ placement: Placement | null; errors: FieldError[] }> {
  if (input.weeklyFee <= 0n) return { placement: null, errors: [{ field: 'weeklyFee', message: 'must be more than zero' }] };
  await lockChild(tx, input.childId);
  const values: Partial<Placement> = {
    reference: input.reference?.trim() || null,
    childId: input.childId,
    providerId: input.providerId,
    settingId: input.settingId ?? null,
    contractId: input.contractId ?? null,
    placementType: input.placementType,
    providerCode: input.providerCode,
    startDate: input.startDate,
    plannedEndDate: input.plannedEndDate ?? null,
    endDate: null,
    endReason: null,
    changeReason: input.changeReason ?? null,
  };
  const { errors, distance } = await checkPlacement(tx, values);
  if (errors.length) return { placement: null, errors };
  const placement = await insertAudited(tx, audit, 'Placement', Placement, { ...values, distanceMiles: distance });
  await insertFee(tx, audit, placement.id, { weeklyFee: input.weeklyFee, effectiveFrom: input.startDate, reason: null });
  return { placement, errors: [] };
}

function serviceErrors(s: Partial<AdditionalService>, placement: Placement): FieldError[] {
  const errors: FieldError[] = [];
  if (s.amount !== undefined && s.amount <= 0n) errors.push({ field: 'amount', message: 'must be more than zero' });
  if (s.startDate && s.startDate < placement.startDate) errors.push({ field: 'startDate', message: `must not be before the placement starts (${placement.startDate})` });
  if (s.startDate && placement.endDate && s.startDate >= placement.endDate) errors.push({ field: 'startDate', message: `must be before the placement ended (${placement.endDate})` });
  if (s.endDate && s.startDate && s.endDate <= s.startDate) errors.push({ field: 'endDate', message: 'must be after startDate' });
  if (s.charge === ServiceCharge.ONE_OFF && s.endDate) errors.push({ field: 'endDate', message: 'a one-off charge has no end date' });
  return errors;
}

export const placementService = {
  ...entityReads(placementList.spec),

  create(ctx: GraphQLContext, input: PlacementCreateInput) {
    assertId(input.childId, 'childId');
    assertId(input.providerId, 'providerId');
    return inTransaction(ctx, async (tx, audit) => {
      const { placement, errors } = await insertPlacement(tx, audit, input);
      if (errors.length) throw new ValidationFailed(errors);
      return placement!;
    });
  },

  update(ctx: GraphQLContext, id: string, version: number, input: PlacementUpdateInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, Placement, 'Placement', id, version);
      await lockChild(tx, row.childId);
      const patch = definedOnly(input) as Partial<Placement>;
      const { errors, distance } = await checkPlacement(tx, { ...row, ...patch });
      if (errors.length) throw new ValidationFailed(errors);
      return applyUpdate(tx, audit, 'Placement', row, { ...patch, distanceMiles: distance });
    });
  },

  end(ctx: GraphQLContext, id: string, version: number, endDate: string, endReason: ReasonEnded) {
    return inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, Placement, 'Placement', id, version);
      if (row.endDate) throw badInput('endDate', `the placement already ended on ${row.endDate}`);
      const { errors } = await checkPlacement(tx, { ...row, endDate });
      const lateFee = (await feesOf(tx, id)).find((f) => f.effectiveFrom >= endDate);
      if (lateFee) errors.push({ field: 'endDate', message: `is on or before a fee change from ${lateFee.effectiveFrom}` });
      if (errors.length) throw new ValidationFailed(errors);
      return applyUpdate(tx, audit, 'Placement', row, { endDate, endReason });
    });
  },

  changeFee(ctx: GraphQLContext, id: string, version: number, input: PlacementFeeInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, Placement, 'Placement', id, version);
      if (input.weeklyFee <= 0n) throw badInput('weeklyFee', 'must be more than zero');
      if (input.effectiveFrom < row.startDate) throw badInput('effectiveFrom', `must not be before the placement starts (${row.startDate})`);
      if (row.endDate && input.effectiveFrom >= row.endDate) throw badInput('effectiveFrom', `must be before the placement ended (${row.endDate})`);
      await insertFee(tx, audit, id, { weeklyFee: input.weeklyFee, effectiveFrom: input.effectiveFrom, reason: input.reason ?? null });
      return touch(tx, row);
    });
  },

  addService(ctx: GraphQLContext, placementId: string, version: number, input: AdditionalServiceInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const placement = await lockForUpdate(tx, Placement, 'Placement', placementId, version);
      const values: Partial<AdditionalService> = { ...input, description: input.description.trim(), endDate: input.endDate ?? null, placementId };
      const errors = serviceErrors(values, placement);
      if (errors.length) throw new ValidationFailed(errors);
      const saved = await insertAudited(tx, audit, 'AdditionalService', AdditionalService, values);
      await touch(tx, placement);
      return saved;
    });
  },

  updateService(ctx: GraphQLContext, id: string, version: number, input: Partial<AdditionalServiceInput>) {
    return inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, AdditionalService, 'AdditionalService', id, version);
      const placement = await tx.findOneByOrFail(Placement, { id: row.placementId });
      const patch = definedOnly(input) as Partial<AdditionalService>;
      const errors = serviceErrors({ ...row, ...patch }, placement);
      if (errors.length) throw new ValidationFailed(errors);
      return applyUpdate(tx, audit, 'AdditionalService', row, patch);
    });
  },
};
