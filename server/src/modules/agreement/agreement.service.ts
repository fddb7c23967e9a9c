import type { EntityManager } from 'typeorm';
import { explainConstraint } from '../../common/constraints';
import { badInput, ValidationFailed, type FieldError } from '../../common/errors';
import { assertTransition } from '../../common/lifecycle';
import { divideRoundHalfUp } from '../../common/money';
import { definedOnly } from '../../common/objects';
import { entityReads } from '../../common/entity-reads';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, assertId, insertAudited, lockForUpdate, touch } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { AuditAction } from '../audit/audit-event.entity';
import type { AuditWriter } from '../audit/audit.service';
import { Agreement } from './agreement.entity';
import { agreementList } from './agreement.list';
import { AGREEMENT_TRANSITIONS, AgreementStatus, RATES_EDITABLE, UpliftRule } from './agreement-codes';
import type { AgreementCreateInput, AgreementUpdateInput, RateCardVariationInput, RateLineInput, RateLineUpdateInput } from './agreement.inputs';
import { RateLine } from './rate-line.entity';
import { rateLineErrors } from './rate-rules';

explainConstraint('uq_agreement_reference', 'reference', 'another agreement already has this reference');
explainConstraint('fk_agreement_provider_id', 'providerId', 'no provider has this id');
explainConstraint('fk_agreement_authority_id', 'authorityId', 'no authority has this id');

/** Rules on the agreement itself, checked on the record as it will be saved. */
function agreementErrors(a: Partial<Agreement>): FieldError[] {
  const errors: FieldError[] = [];
  if (a.startDate && a.endDate && a.endDate < a.startDate) errors.push({ field: 'endDate', message: 'must not be before startDate' });
  if (a.discountPercent !== undefined && a.discountPercent !== null && (a.discountPercent < 0n || a.discountPercent > 10000n)) {
    errors.push({ field: 'discountPercent', message: 'must be from 0 to 100' });
  }
  if (a.upliftPercent !== undefined && a.upliftPercent !== null && (a.upliftPercent <= 0n || a.upliftPercent > 10000n)) {
    errors.push({ field: 'upliftPercent', message: 'must be more than 0 and at most 100' });
  }
  if (a.upliftRule === UpliftRule.FIXED_PERCENT && (a.upliftPercent === null || a.upliftPercent === undefined)) {
    errors.push({ field: 'upliftPercent', message: 'is required for a FIXED_PERCENT uplift' });
  }
  return errors;
}

export function toLine(input: RateLineInput | RateLine): Pick<RateLine, 'placementType' | 'needLevel' | 'minAge' | 'maxAge' | 'weeklyFee' | 'effectiveFrom'> {
  const { placementType, needLevel, minAge, maxAge, weeklyFee, effectiveFrom } = input;
  return { placementType, needLevel, minAge, maxAge, weeklyFee, effectiveFrom };
}

export async function linesOf(tx: EntityManager, agreementId: string): Promise<RateLine[]> {
  return tx.find(RateLine, { where: { agreementId }, order: { effectiveFrom: 'ASC', placementType: 'ASC', needLevel: 'ASC', minAge: 'ASC' } });
}

export async function insertLines(tx: EntityManager, audit: AuditWriter, agreementId: string, lines: ReturnType<typeof toLine>[]): Promise<RateLine[]> {
  const saved: RateLine[] = [];
  for (const line of lines) saved.push(await insertAudited(tx, audit, 'RateLine', RateLine, { ...line, agreementId }));
  return saved;
}

/** Locks the agreement (so changes to its card are made one at a time) and checks it can be edited. */
export async function lockEditableAgreement(tx: EntityManager, agreementId: string, version?: number): Promise<Agreement> {
  const agreement = await lockForUpdate(tx, Agreement, 'Agreement', agreementId, version);
  if (!RATES_EDITABLE.has(agreement.status)) {
    throw badInput('agreementId', `the agreement is ${agreement.status}: its rates cannot be edited in place; record a variation instead`);
  }
  return agreement;
}

export const agreementService = {
  ...entityReads(agreementList.spec),

  create(ctx: GraphQLContext, input: AgreementCreateInput) {
    assertId(input.providerId, 'providerId');
    assertId(input.authorityId, 'authorityId');
    const values: Partial<Agreement> = {
      tier: null,
      upliftPercent: null,
      upliftIndex: null,
      volumeCommitment: null,
      minimumOfstedRating: null,
      documents: [],
      notes: null,
      ...definedOnly({ ...input, rateLines: undefined }),
      discountPercent: input.discountPercent ?? 0n,
      upliftRule: input.upliftRule ?? UpliftRule.NONE,
      title: input.title.trim(),
      reference: input.reference.trim(),
      status: AgreementStatus.DRAFT,
    };
    const lines = (input.rateLines ?? []).map(toLine);
    const errors = [...agreementErrors(values), ...rateLineErrors(values as Agreement, [], lines, 'rateLines.')];
    if (errors.length) throw new ValidationFailed(errors);
    return inTransaction(ctx, async (tx, audit) => {
      const agreement = await insertAudited(tx, audit, 'Agreement', Agreement, values);
      await insertLines(tx, audit, agreement.id, lines);
      return agreement;
    });
  },

  update(ctx: GraphQLContext, id: string, version: number, input: AgreementUpdateInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, Agreement, 'Agreement', id, version);
      const patch = definedOnly({ ...input, title: input.title?.trim(), reference: input.reference?.trim() });
      const merged = { ...row, ...patch };
      const errors = agreementErrors(merged);
      if ((patch.startDate || patch.endDate) && errors.length === 0) {
        const outside = (await linesOf(tx, id)).find((l) => l.effectiveFrom < merged.startDate || l.effectiveFrom > merged.endDate);
        if (outside) errors.push({ field: patch.startDate ? 'startDate' : 'endDate', message: `would leave the rate line from ${outside.effectiveFrom} outside the agreement` });
      }
      if (errors.length) throw new ValidationFailed(errors);
      return applyUpdate(tx, audit, 'Agreement', row, patch as Partial<Agreement>);
    });
  },

  changeStatus(ctx: GraphQLContext, id: string, version: number, status: AgreementStatus) {
    return inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, Agreement, 'Agreement', id, version);
      assertTransition('an agreement', AGREEMENT_TRANSITIONS, row.status, status);
      if (status === AgreementStatus.ACTIVE && (await tx.countBy(RateLine, { agreementId: id })) === 0) {
        throw badInput('status', 'an agreement needs at least one rate line before it becomes ACTIVE');
      }
      return applyUpdate(tx, audit, 'Agreement', row, { status });
    });
  },

  addRateLines(ctx: GraphQLContext, agreementId: string, lines: RateLineInput[]) {
    assertId(agreementId, 'agreementId');
    return inTransaction(ctx, async (tx, audit) => {
      const agreement = await lockEditableAgreement(tx, agreementId);
      const added = lines.map(toLine);
      const errors = rateLineErrors(agreement, (await linesOf(tx, agreementId)).map(toLine), added, 'lines.');
      if (errors.length) throw new ValidationFailed(errors);
      return insertLines(tx, audit, agreementId, added);
    });
  },

  updateRateLine(ctx: GraphQLContext, id: string, version: number, input: RateLineUpdateInput) {
    return inTransaction(ctx, async (tx, audit) => {
      assertId(id);
      const current = await tx.findOneBy(RateLine, { id });
      if (!current) return lockForUpdate(tx, RateLine, 'RateLine', id, version); // NOT_FOUND
      const agreement = await lockEditableAgreement(tx, current.agreementId);
      const row = await lockForUpdate(tx, RateLine, 'RateLine', id, version);
      const merged = toLine({ ...row, ...definedOnly(input) } as RateLine);
      const others = (await linesOf(tx, row.agreementId)).filter((l) => l.id !== id).map(toLine);
      const errors = rateLineErrors(agreement, others, [merged]);
      if (errors.length) throw new ValidationFailed(errors);
      return applyUpdate(tx, audit, 'RateLine', row, definedOnly(input) as Partial<RateLine>);
    });
  },

  deleteRateLine(ctx: GraphQLContext, id: string, version: number) {
    return inTransaction(ctx, async (tx, audit) => {
      assertId(id);
      const current = await tx.findOneBy(RateLine, { id });
      if (!current) return lockForUpdate(tx, RateLine, 'RateLine', id, version); // NOT_FOUND
      await lockEditableAgreement(tx, current.agreementId);
      const row = await lockForUpdate(tx, RateLine, 'RateLine', id, version);
      await tx.delete(RateLine, { id });
      await audit.record({ entityType: 'RateLine', entityId: id, action: AuditAction.DELETE, before: row, after: null });
      return row;
    });
  },

  /** A new complete version of an active agreement's card, from a date after every earlier version. */
  addVariation(ctx: GraphQLContext, agreementId: string, version: number, input: RateCardVariationInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const agreement = await lockForUpdate(tx, Agreement, 'Agreement', agreementId, version);
      if (agreement.status !== AgreementStatus.ACTIVE) {
        throw badInput('agreementId', `only an ACTIVE agreement takes variations; this one is ${agreement.status} and its lines can be edited in place`);
      }
      if ((input.upliftPercent == null) === (input.lines == null)) throw badInput('lines', 'give either upliftPercent or the complete lines, not both');
      const existing = await linesOf(tx, agreementId);
      const latest = existing.reduce((max, l) => (l.effectiveFrom > max ? l.effectiveFrom : max), '');
      if (input.effectiveFrom <= latest) throw badInput('effectiveFrom', `must be after the current version, which took effect on ${latest}`);
      let lines: ReturnType<typeof toLine>[];
      if (input.upliftPercent != null) {
        if (input.upliftPercent <= 0n || input.upliftPercent > 10000n) throw badInput('upliftPercent', 'must be more than 0 and at most 100');
        lines = existing
          .filter((l) => l.effectiveFrom === latest)
          .map((l) => ({ ...toLine(l), effectiveFrom: input.effectiveFrom, weeklyFee: divideRoundHalfUp(l.weeklyFee * (10000n + input.upliftPercent!), 10000n) }));
      } else {
        lines = input.lines!.map(toLine);
        const wrongDate = lines.findIndex((l) => l.effectiveFrom !== input.effectiveFrom);
        if (wrongDate >= 0) throw badInput(`lines.${wrongDate}.effectiveFrom`, `must equal the variation’s effectiveFrom, ${input.effectiveFrom}`);
      }
      const errors = rateLineErrors(agreement, [], lines, 'lines.');
      if (errors.length) throw new ValidationFailed(errors);
      await insertLines(tx, audit, agreementId, lines);
      if (!input.reason) return touch(tx, agreement);
      return applyUpdate(tx, audit, 'Agreement', agreement, {
        notes: [agreement.notes, `Variation from ${input.effectiveFrom}: ${input.reason}`].filter(Boolean).join('\n'),
      });
    });
  },
};
