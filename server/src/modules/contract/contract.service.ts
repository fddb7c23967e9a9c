import type { EntityManager } from 'typeorm';
import { explainConstraint } from '../../common/constraints';
import { ValidationFailed, type FieldError } from '../../common/errors';
import { assertTransition } from '../../common/lifecycle';
import { formatPence } from '../../common/money';
import { definedOnly } from '../../common/objects';
import { entityReads } from '../../common/entity-reads';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, assertId, insertAudited, isUuid, lockForUpdate } from '../../common/versioned-update';
import { actorOf, type GraphQLContext } from '../../graphql/context';
import type { AuditWriter } from '../audit/audit.service';
import { Agreement } from '../agreement/agreement.entity';
import { AgreementStatus } from '../agreement/agreement-codes';
import { findApplicableRate } from '../agreement/rate-lookup';
import { CONTRACT_TRANSITIONS, ContractKind, ContractStatus } from './contract-codes';
import { Contract } from './contract.entity';
import { contractList } from './contract.list';
import type { ContractCreateInput, ContractUpdateInput } from './contract.inputs';

explainConstraint('uq_contract_reference', 'reference', 'another contract already has this reference');
explainConstraint('fk_contract_provider_id', 'providerId', 'no provider has this id');
explainConstraint('fk_contract_agreement_id', 'agreementId', 'no agreement has this id');
explainConstraint('fk_contract_owner_id', 'ownerId', 'no user has this id');

/**
 * The rules of a contract, checked on the record as it will be saved. Returns the errors and
 * the card rate a call-off's fee was checked against.
 */
export async function checkContract(tx: EntityManager, c: Partial<Contract>): Promise<{ errors: FieldError[]; cardWeeklyFee: bigint | null }> {
  const errors: FieldError[] = [];
  const at = (field: string, message: string) => errors.push({ field, message });
  if (c.endDate && c.startDate && c.endDate < c.startDate) at('endDate', 'must not be before startDate');
  if (c.weeklyFee !== null && c.weeklyFee !== undefined && c.weeklyFee <= 0n) at('weeklyFee', 'must be more than zero');
  if (c.ceilingValue !== null && c.ceilingValue !== undefined && c.ceilingValue <= 0n) at('ceilingValue', 'must be more than zero');
  if (c.kind === ContractKind.BLOCK && !c.blockPlaces) at('blockPlaces', 'is required for a block contract');
  if (c.ownerId && !isUuid(c.ownerId)) at('ownerId', 'is not a valid id (a UUID)');
  let cardWeeklyFee: bigint | null = null;

  if (c.kind === ContractKind.CALL_OFF) {
    if (!c.agreementId) at('agreementId', 'is required for a call-off');
    if (!c.endDate) at('endDate', 'is required for a call-off');
    if (!c.placementType) at('placementType', 'is required for a call-off');
    if (!c.needLevel) at('needLevel', 'is required for a call-off');
    if (c.childAgeAtStart === null || c.childAgeAtStart === undefined) at('childAgeAtStart', 'is required for a call-off');
  }
  if (c.agreementId) {
    if (!isUuid(c.agreementId)) {
      at('agreementId', 'is not a valid id (a UUID)');
    } else {
      const agreement = await tx.findOneBy(Agreement, { id: c.agreementId });
      if (!agreement) at('agreementId', 'no agreement has this id');
      else {
        if (agreement.providerId !== c.providerId) at('agreementId', 'belongs to another provider');
        if (c.kind === ContractKind.CALL_OFF && agreement.status !== AgreementStatus.ACTIVE) at('agreementId', `is ${agreement.status}; a call-off needs an ACTIVE agreement`);
        if (c.startDate && c.startDate < agreement.startDate) at('startDate', `must not be before the agreement starts (${agreement.startDate})`);
        if (c.endDate && c.endDate > agreement.endDate) at('endDate', `must not be after the agreement ends (${agreement.endDate})`);
        if (!c.endDate && c.kind !== ContractKind.CALL_OFF) at('endDate', `is required under an agreement (it ends ${agreement.endDate})`);
      }
    }
  }
  if (errors.length === 0 && c.kind === ContractKind.CALL_OFF && c.weeklyFee) {
    const rate = await findApplicableRate(tx, {
      agreementId: c.agreementId!,
      placementType: c.placementType!,
      needLevel: c.needLevel!,
      age: c.childAgeAtStart!,
      onDate: c.startDate!,
    });
    if (!rate) at('placementType', `the agreement’s rate card has no line for ${c.placementType} ${c.needLevel} at age ${c.childAgeAtStart} on ${c.startDate}`);
    else {
      cardWeeklyFee = rate.weeklyFee;
      if (c.weeklyFee > rate.weeklyFee && !c.feeAboveCardReason?.trim()) {
        at('feeAboveCardReason', `the weekly fee £${formatPence(c.weeklyFee)} is above the card rate £${formatPence(rate.weeklyFee)}: record why`);
      }
    }
  }
  return { errors, cardWeeklyFee };
}

/** Creates a contract inside the caller's transaction (also used by a procurement award). */
export async function insertContract(tx: EntityManager, audit: AuditWriter, values: Partial<Contract>): Promise<Contract> {
  const { errors, cardWeeklyFee } = await checkContract(tx, values);
  if (errors.length) throw new ValidationFailed(errors);
  return insertAudited(tx, audit, 'Contract', Contract, { ...values, cardWeeklyFee });
}

export const contractService = {
  ...entityReads(contractList.spec),

  create(ctx: GraphQLContext, input: ContractCreateInput) {
    assertId(input.providerId, 'providerId');
    const values: Partial<Contract> = {
      agreementId: null,
      endDate: null,
      extensionOptions: null,
      ceilingValue: null,
      blockPlaces: null,
      weeklyFee: null,
      placementType: null,
      needLevel: null,
      childAgeAtStart: null,
      feeAboveCardReason: null,
      reviewDate: null,
      notes: null,
      ...definedOnly(input),
      noticePeriodDays: input.noticePeriodDays ?? 28,
      ownerId: input.ownerId ?? actorOf(ctx).id,
      reference: input.reference.trim(),
      title: input.title.trim(),
      status: ContractStatus.DRAFT,
    };
    return inTransaction(ctx, (tx, audit) => insertContract(tx, audit, values));
  },

  update(ctx: GraphQLContext, id: string, version: number, input: ContractUpdateInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, Contract, 'Contract', id, version);
      const patch: Partial<Contract> = definedOnly({ ...input, reference: input.reference?.trim(), title: input.title?.trim() });
      const { errors, cardWeeklyFee } = await checkContract(tx, { ...row, ...patch });
      if (errors.length) throw new ValidationFailed(errors);
      return applyUpdate(tx, audit, 'Contract', row, { ...patch, cardWeeklyFee });
    });
  },

  changeStatus(ctx: GraphQLContext, id: string, version: number, status: ContractStatus) {
    return inTransaction(ctx, async (tx, audit) => {
      const row = await lockForUpdate(tx, Contract, 'Contract', id, version);
      assertTransition('a contract', CONTRACT_TRANSITIONS, row.status, status);
      return applyUpdate(tx, audit, 'Contract', row, { status });
    });
  },
};
