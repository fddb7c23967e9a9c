import type { EntityManager } from 'typeorm';
import { explainConstraint } from '../../common/constraints';
import { today } from '../../common/clock';
import { badInput, ValidationFailed } from '../../common/errors';
import type { Pence } from '../../common/money';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, assertId, insertAudited, lockForUpdate, touch } from '../../common/versioned-update';
import { actorOf, type GraphQLContext } from '../../graphql/context';
import { AuditAction } from '../audit/audit-event.entity';
import type { AuditWriter } from '../audit/audit.service';
import { Agreement } from '../agreement/agreement.entity';
import { RATES_EDITABLE } from '../agreement/agreement-codes';
import { RateLine } from '../agreement/rate-line.entity';
import { rateLineErrors } from '../agreement/rate-rules';
import { Contract } from '../contract/contract.entity';
import { checkContract } from '../contract/contract.service';
import { NegotiationStatus } from './negotiation-codes';
import { Negotiation, NegotiationOffer } from './negotiation.entity';
import type { NegotiationStartInput, OfferInput } from './negotiation.inputs';

explainConstraint('uq_negotiation_open_contract', 'contractId', 'the contract already has an open negotiation');
explainConstraint('uq_negotiation_open_rate_line', 'rateLineId', 'the rate line already has an open negotiation');
explainConstraint('fk_negotiation_contract_id', 'contractId', 'no contract has this id');
explainConstraint('fk_negotiation_rate_line_id', 'rateLineId', 'no rate line has this id');

/** Appends an offer (audited) after checking it follows the last one. */
export async function appendOffer(tx: EntityManager, audit: AuditWriter, negotiationId: string, offer: OfferInput, officerId: string | null): Promise<NegotiationOffer> {
  if (offer.amount <= 0n) throw badInput('amount', 'must be more than zero');
  const last = await tx.findOne(NegotiationOffer, { where: { negotiationId }, order: { sequence: 'DESC' } });
  const offeredOn = offer.offeredOn ?? today();
  if (last && offeredOn < last.offeredOn) throw badInput('offeredOn', `must not be before the previous offer (${last.offeredOn})`);
  const saved = await tx.save(
    tx.create(NegotiationOffer, {
      negotiationId,
      sequence: (last?.sequence ?? 0) + 1,
      offeredOn,
      party: offer.party,
      amount: offer.amount,
      note: offer.note ?? null,
      officerId,
    }),
  );
  await audit.record({ entityType: 'NegotiationOffer', entityId: saved.id, action: AuditAction.CREATE, before: null, after: saved });
  return saved;
}

async function lockOpen(tx: EntityManager, id: string, version: number): Promise<Negotiation> {
  const negotiation = await lockForUpdate(tx, Negotiation, 'Negotiation', id, version);
  if (negotiation.status !== NegotiationStatus.OPEN) throw badInput('id', `the negotiation is already ${negotiation.status}`);
  return negotiation;
}

/** Writes the agreed fee to what was negotiated, checked by that record's own rules. */
async function writeThrough(tx: EntityManager, audit: AuditWriter, negotiation: Negotiation, agreed: Pence, feeAboveCardReason: string | null): Promise<void> {
  if (negotiation.contractId) {
    const contract = await lockForUpdate(tx, Contract, 'Contract', negotiation.contractId);
    const patch: Partial<Contract> = { weeklyFee: agreed, ...(feeAboveCardReason ? { feeAboveCardReason } : {}) };
    const { errors, cardWeeklyFee } = await checkContract(tx, { ...contract, ...patch });
    if (errors.length) throw new ValidationFailed(errors);
    await applyUpdate(tx, audit, 'Contract', contract, { ...patch, cardWeeklyFee });
    return;
  }
  const line = await lockForUpdate(tx, RateLine, 'RateLine', negotiation.rateLineId!);
  const agreement = await lockForUpdate(tx, Agreement, 'Agreement', line.agreementId);
  if (!RATES_EDITABLE.has(agreement.status)) {
    throw badInput('id', `the agreement is ${agreement.status}: its rates cannot be edited in place; record a variation instead`);
  }
  const errors = rateLineErrors(agreement, [], [{ ...line, weeklyFee: agreed }]);
  if (errors.length) throw new ValidationFailed(errors);
  await applyUpdate(tx, audit, 'RateLine', line, { weeklyFee: agreed });
}

export const negotiationService = {
  get(ctx: GraphQLContext, id: string) {
    assertId(id);
    return ctx.db.manager.findOneBy(Negotiation, { id });
  },

  start(ctx: GraphQLContext, input: NegotiationStartInput) {
    if (!input.contractId === !input.rateLineId) throw badInput('contractId', 'give either contractId or rateLineId');
    if (input.contractId) assertId(input.contractId, 'contractId');
    if (input.rateLineId) assertId(input.rateLineId, 'rateLineId');
    return inTransaction(ctx, async (tx, audit) => {
      if (input.rateLineId) {
        const line = await tx.findOneBy(RateLine, { id: input.rateLineId });
        if (!line) throw badInput('rateLineId', 'no rate line has this id');
        const agreement = await tx.findOneByOrFail(Agreement, { id: line.agreementId });
        if (!RATES_EDITABLE.has(agreement.status)) throw badInput('rateLineId', `the agreement is ${agreement.status}: its rates are no longer negotiable`);
      }
      const negotiation = await insertAudited(tx, audit, 'Negotiation', Negotiation, {
        contractId: input.contractId ?? null,
        rateLineId: input.rateLineId ?? null,
        status: NegotiationStatus.OPEN,
        agreed: null,
        closedOn: null,
        closingNote: null,
      });
      if (input.firstOffer) await appendOffer(tx, audit, negotiation.id, input.firstOffer, actorOf(ctx).id);
      return negotiation;
    });
  },

  recordOffer(ctx: GraphQLContext, id: string, version: number, offer: OfferInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const negotiation = await lockOpen(tx, id, version);
      await appendOffer(tx, audit, id, offer, actorOf(ctx).id);
      return touch(tx, negotiation);
    });
  },

  agree(ctx: GraphQLContext, id: string, version: number, amount: Pence | null, note: string | null, feeAboveCardReason: string | null) {
    return inTransaction(ctx, async (tx, audit) => {
      const negotiation = await lockOpen(tx, id, version);
      const last = await tx.findOne(NegotiationOffer, { where: { negotiationId: id }, order: { sequence: 'DESC' } });
      if (!last) throw badInput('id', 'record at least one offer before agreeing');
      const agreed = amount ?? last.amount;
      if (agreed <= 0n) throw badInput('amount', 'must be more than zero');
      await writeThrough(tx, audit, negotiation, agreed, feeAboveCardReason);
      return applyUpdate(tx, audit, 'Negotiation', negotiation, {
        status: NegotiationStatus.AGREED,
        agreed,
        closedOn: today(),
        closingNote: note,
      });
    });
  },

  abandon(ctx: GraphQLContext, id: string, version: number, reason: string) {
    if (!reason.trim()) throw badInput('reason', 'say why the negotiation is abandoned');
    return inTransaction(ctx, async (tx, audit) => {
      const negotiation = await lockOpen(tx, id, version);
      return applyUpdate(tx, audit, 'Negotiation', negotiation, { status: NegotiationStatus.ABANDONED, closedOn: today(), closingNote: reason.trim() });
    });
  },
};
