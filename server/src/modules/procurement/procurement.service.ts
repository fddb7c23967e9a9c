import type { EntityManager } from 'typeorm';
import { categoryOfPlacementType } from '../../common/codes/placement-type.code';
import { ServiceCategory } from '../../common/codes/service-category.code';
import { explainConstraint } from '../../common/constraints';
import { today } from '../../common/clock';
import { badInput, Conflict, ValidationFailed, type FieldError } from '../../common/errors';
import { haversineSql } from '../../common/geo';
import { SqlParams } from '../../common/filters/sql-params';
import { entityReads } from '../../common/entity-reads';
import { inTransaction } from '../../common/transaction';
import { missingCoordinate, normalisePostcode } from '../../common/validation';
import { applyUpdate, assertId, insertAudited, isUuid, lockForUpdate, touch } from '../../common/versioned-update';
import { actorOf, type GraphQLContext } from '../../graphql/context';
import { AuditAction } from '../audit/audit-event.entity';
import { findApplicableRate } from '../agreement/rate-lookup';
import { ContractKind, ContractStatus } from '../contract/contract-codes';
import { insertContract } from '../contract/contract.service';
import { NegotiationStatus, OfferParty } from '../negotiation/negotiation-codes';
import { Negotiation } from '../negotiation/negotiation.entity';
import { appendOffer } from '../negotiation/negotiation.service';
import { Provider } from '../provider/provider.entity';
import { RoundCategory, RoundStatus } from './procurement-codes';
import { needOfService, putServiceUnderContract } from './service-need';
import { definedOnly } from '../../common/objects';
import { Bid, ProcurementInvitation, ProcurementRound, type QualityMark, type ScoringCriterion } from './procurement.entity';
import { roundList } from './procurement.list';
import type { AwardContractInput, BidInput, ProcurementRoundCreateInput, QualityMarkInput } from './procurement.inputs';

explainConstraint('uq_procurement_round_reference', 'reference', 'another procurement round already has this reference');
explainConstraint('uq_bid_round_provider', 'providerId', 'the provider has already bid in this round');

export function roundStatus(round: ProcurementRound, now = new Date()): RoundStatus {
  return round.storedStatus === RoundStatus.OPEN && round.closesAt <= now ? RoundStatus.CLOSED : round.storedStatus;
}

/** The provider categories that can meet a round's need. */
function categoriesFor(round: Pick<ProcurementRound, 'category' | 'placementType'>): ServiceCategory[] {
  if (round.category === RoundCategory.TRANSPORT) return [ServiceCategory.TRANSPORT];
  if (round.category === RoundCategory.SUPERVISED_CONTACT) return [ServiceCategory.SUPERVISED_CONTACT];
  const category = round.placementType ? categoryOfPlacementType(round.placementType) : null;
  return category ? [category as ServiceCategory] : [ServiceCategory.FOSTERING, ServiceCategory.RESIDENTIAL, ServiceCategory.SUPPORTED_ACCOMMODATION];
}

export interface Eligibility {
  providerId: string;
  distanceMiles: number | null;
}

/**
 * Providers who may be invited, nearest first: active, offering the category, no setting
 * rated Inadequate, and, when the need and the provider both have coordinates, a setting
 * within the radius. Providers with no known location are kept (distance not known). One query.
 */
export async function eligibleProviders(manager: EntityManager, round: ProcurementRound, onlyIds?: string[]): Promise<Eligibility[]> {
  const params = new SqlParams('e');
  const cats = params.add(categoriesFor(round));
  const lat = params.add(round.latitude);
  const lon = params.add(round.longitude);
  const radius = params.add(round.radiusMiles);
  const distance = haversineSql(`${lat}`, `${lon}`, '"s"."latitude"', '"s"."longitude"');
  const only = onlyIds ? `AND "p"."id" IN ${params.addList(onlyIds)}` : '';
  const [query, parameters] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT "p"."id" AS "providerId", min(${distance}) AS "distanceMiles"
     FROM "provider" "p"
     LEFT JOIN "setting" "s" ON "s"."provider_id" = "p"."id" AND "s"."archived_at" IS NULL
     WHERE "p"."archived_at" IS NULL AND "p"."status" = 'ACTIVE'
       AND "p"."service_categories" && CAST(${cats} AS text[])
       AND NOT EXISTS (SELECT 1 FROM "setting" "bad" WHERE "bad"."provider_id" = "p"."id" AND "bad"."archived_at" IS NULL AND "bad"."ofsted_rating" = 'INADEQUATE')
       ${only}
     GROUP BY "p"."id", "p"."legal_name"
     HAVING CAST(${radius} AS int) IS NULL OR min(${distance}) IS NULL OR min(${distance}) <= CAST(${radius} AS int)
     ORDER BY min(${distance}) ASC NULLS LAST, "p"."legal_name" ASC`,
    params.values,
  );
  const rows: Array<{ providerId: string; distanceMiles: number | null }> = await manager.query(query, parameters);
  return rows.map((r) => ({ providerId: r.providerId, distanceMiles: r.distanceMiles === null ? null : Math.round(Number(r.distanceMiles) * 100) / 100 }));
}

function markErrors(marks: QualityMarkInput[], matrix: ScoringCriterion[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  marks.forEach((mark, i) => {
    const criterion = matrix.find((c) => c.criterion === mark.criterion);
    if (!criterion) errors.push({ field: `qualityMarks.${i}.criterion`, message: `is not in the round’s scoring matrix (${matrix.map((c) => c.criterion).join(', ')})` });
    else if (mark.points > criterion.maxPoints) errors.push({ field: `qualityMarks.${i}.points`, message: `must be at most ${criterion.maxPoints}` });
    if (seen.has(mark.criterion)) errors.push({ field: `qualityMarks.${i}.criterion`, message: 'is scored twice' });
    seen.add(mark.criterion);
  });
  if (marks.length && errors.length === 0 && seen.size !== matrix.length) {
    errors.push({ field: 'qualityMarks', message: `score every criterion: ${matrix.filter((c) => !seen.has(c.criterion)).map((c) => c.criterion).join(', ')} missing` });
  }
  return errors;
}

function roundErrors(r: Partial<ProcurementRound>): FieldError[] {
  const errors: FieldError[] = [];
  if ((r.qualityWeight ?? 0) + (r.priceWeight ?? 0) !== 100) {
    errors.push({ field: 'priceWeight', message: `quality and price weights must add up to 100; they add up to ${(r.qualityWeight ?? 0) + (r.priceWeight ?? 0)}` });
  }
  if (r.category === RoundCategory.PLACEMENT) {
    if (!r.placementType) errors.push({ field: 'placementType', message: 'is required for a placement round' });
    if (!r.needLevel) errors.push({ field: 'needLevel', message: 'is required for a placement round' });
  }
  const coordinates = missingCoordinate(r.latitude, r.longitude, 'latitude', 'longitude');
  if (coordinates) errors.push(coordinates);
  if (r.startDate && r.endDate && r.endDate < r.startDate) errors.push({ field: 'endDate', message: 'must not be before startDate' });
  const names = (r.scoringMatrix ?? []).map((c) => c.criterion);
  if (new Set(names).size !== names.length) errors.push({ field: 'scoringMatrix', message: 'each criterion may appear once' });
  return errors;
}

async function lockRound(tx: EntityManager, id: string, version?: number): Promise<ProcurementRound> {
  return lockForUpdate(tx, ProcurementRound, 'ProcurementRound', id, version);
}

export const procurementService = {
  ...entityReads(roundList.spec),

  create(ctx: GraphQLContext, input: ProcurementRoundCreateInput) {
    const values: Partial<ProcurementRound> = {
      reference: input.reference.trim(),
      title: input.title.trim(),
      category: input.category,
      storedStatus: RoundStatus.DRAFT,
      childReference: input.childReference ?? null,
      placementType: input.placementType ?? null,
      needLevel: input.needLevel ?? null,
      childAge: input.childAge ?? null,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      postcode: input.postcode ? normalisePostcode(input.postcode) : null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      radiusMiles: input.radiusMiles ?? null,
      needDescription: input.needDescription ?? null,
      closesAt: input.closesAt,
      qualityWeight: input.qualityWeight ?? 60,
      priceWeight: input.priceWeight ?? 40,
      scoringMatrix: input.scoringMatrix?.map((c) => ({ criterion: c.criterion.trim(), maxPoints: c.maxPoints })) ?? [{ criterion: 'Quality', maxPoints: 100 }],
      ownerId: actorOf(ctx).id,
      awardedBidId: null,
      contractId: null,
      withdrawnReason: null,
    };
    return inTransaction(ctx, async (tx, audit) => {
      const errors = roundErrors(values);
      const need = await needOfService(tx, input, (field, message) => errors.push({ field, message }));
      if (errors.length) throw new ValidationFailed(errors);
      return insertAudited(tx, audit, 'ProcurementRound', ProcurementRound, { ...values, ...definedOnly(need) });
    });
  },

  async suggestions(ctx: GraphQLContext, roundId: string): Promise<Eligibility[]> {
    assertId(roundId, 'roundId');
    const round = await ctx.db.manager.findOneBy(ProcurementRound, { id: roundId });
    if (!round) return [];
    return eligibleProviders(ctx.db.manager, round);
  },

  invite(ctx: GraphQLContext, roundId: string, version: number, providerIds: string[]) {
    if (providerIds.length === 0) throw badInput('providerIds', 'give at least one provider');
    providerIds.forEach((id, i) => {
      if (!isUuid(id)) throw badInput(`providerIds.${i}`, 'is not a valid id (a UUID)');
    });
    return inTransaction(ctx, async (tx, audit) => {
      const round = await lockRound(tx, roundId, version);
      const status = roundStatus(round);
      if (status !== RoundStatus.DRAFT && status !== RoundStatus.OPEN) throw badInput('roundId', `the round is ${status}: no more invitations`);
      const eligible = new Map((await eligibleProviders(tx, round, providerIds)).map((e) => [e.providerId, e]));
      const errors: FieldError[] = [];
      const names = new Map((await tx.findBy(Provider, providerIds.map((id) => ({ id })))).map((p) => [p.id, p.legalName]));
      providerIds.forEach((id, i) => {
        if (!names.has(id)) errors.push({ field: `providerIds.${i}`, message: 'no provider has this id' });
        else if (!eligible.has(id)) {
          errors.push({
            field: `providerIds.${i}`,
            message: `${names.get(id)} cannot be invited: it must be active, offer ${categoriesFor(round).join(' or ')}, have no setting rated Inadequate and be within the radius`,
          });
        }
      });
      if (errors.length) throw new ValidationFailed(errors);
      const already = new Set((await tx.findBy(ProcurementInvitation, { roundId })).map((inv) => inv.providerId));
      for (const id of new Set(providerIds)) {
        if (already.has(id)) continue;
        const saved = await tx.save(tx.create(ProcurementInvitation, { roundId, providerId: id, distanceMiles: eligible.get(id)!.distanceMiles }));
        await audit.record({ entityType: 'ProcurementInvitation', entityId: saved.id, action: AuditAction.CREATE, before: null, after: saved });
      }
      return touch(tx, round);
    });
  },

  open(ctx: GraphQLContext, id: string, version: number) {
    return inTransaction(ctx, async (tx, audit) => {
      const round = await lockRound(tx, id, version);
      if (round.storedStatus !== RoundStatus.DRAFT) throw badInput('status', `the round is ${roundStatus(round)}; only a DRAFT round can be opened`);
      if ((await tx.countBy(ProcurementInvitation, { roundId: id })) === 0) throw badInput('status', 'invite at least one provider before opening the round');
      if (round.closesAt <= new Date()) throw badInput('closesAt', 'the closing time has passed; set a later one before opening');
      return applyUpdate(tx, audit, 'ProcurementRound', round, { storedStatus: RoundStatus.OPEN });
    });
  },

  close(ctx: GraphQLContext, id: string, version: number) {
    return inTransaction(ctx, async (tx, audit) => {
      const round = await lockRound(tx, id, version);
      if (roundStatus(round) !== RoundStatus.OPEN) throw badInput('status', `the round is ${roundStatus(round)}; only an OPEN round can be closed`);
      return applyUpdate(tx, audit, 'ProcurementRound', round, { closesAt: new Date() });
    });
  },

  withdraw(ctx: GraphQLContext, id: string, version: number, reason: string) {
    if (!reason.trim()) throw badInput('reason', 'say why the round is withdrawn');
    return inTransaction(ctx, async (tx, audit) => {
      const round = await lockRound(tx, id, version);
      if (round.storedStatus === RoundStatus.AWARDED || round.storedStatus === RoundStatus.WITHDRAWN) {
        throw badInput('status', `the round is already ${round.storedStatus}`);
      }
      return applyUpdate(tx, audit, 'ProcurementRound', round, { storedStatus: RoundStatus.WITHDRAWN, withdrawnReason: reason.trim() });
    });
  },

  submitBid(ctx: GraphQLContext, roundId: string, input: BidInput) {
    assertId(roundId, 'roundId');
    assertId(input.providerId, 'providerId');
    return inTransaction(ctx, async (tx, audit) => {
      // Locked like an award, so a bid and an award of the same round cannot cross.
      const round = await lockRound(tx, roundId);
      const now = new Date();
      const status = roundStatus(round, now);
      if (status === RoundStatus.CLOSED) throw badInput('roundId', `the round closed at ${round.closesAt.toISOString()}: late bids are refused`);
      if (status !== RoundStatus.OPEN) throw badInput('roundId', `the round is ${status}: it takes no bids`);
      if (!(await tx.existsBy(ProcurementInvitation, { roundId, providerId: input.providerId }))) {
        throw badInput('providerId', 'was not invited to this round');
      }
      if (input.amount <= 0n) throw badInput('amount', 'must be more than zero');
      const errors = markErrors(input.qualityMarks ?? [], round.scoringMatrix);
      if (errors.length) throw new ValidationFailed(errors);
      return insertAudited(tx, audit, 'Bid', Bid, {
        roundId,
        providerId: input.providerId,
        amount: input.amount,
        qualityMarks: (input.qualityMarks ?? []) as QualityMark[],
        notes: input.notes ?? null,
        submittedAt: now,
      });
    });
  },

  scoreBid(ctx: GraphQLContext, bidId: string, version: number, marks: QualityMarkInput[]) {
    return inTransaction(ctx, async (tx, audit) => {
      const bid = await lockForUpdate(tx, Bid, 'Bid', bidId, version);
      const round = await tx.findOneByOrFail(ProcurementRound, { id: bid.roundId });
      if (round.storedStatus === RoundStatus.AWARDED || round.storedStatus === RoundStatus.WITHDRAWN) {
        throw badInput('id', `the round is ${round.storedStatus}: its bids can no longer be scored`);
      }
      if (marks.length === 0) throw badInput('qualityMarks', 'score every criterion of the matrix');
      const errors = markErrors(marks, round.scoringMatrix);
      if (errors.length) throw new ValidationFailed(errors);
      return applyUpdate(tx, audit, 'Bid', bid, { qualityMarks: marks.map((m) => ({ criterion: m.criterion, points: m.points })) });
    });
  },

  /**
   * Awards the round to one bid: creates the contract (a call-off when an active agreement
   * of the provider prices the need, otherwise a spot, transport or contact contract) and its
   * agreed negotiation, and marks the round AWARDED, all in one transaction. The round's row
   * lock and version make two simultaneous awards end with one winner and one CONFLICT.
   */
  award(ctx: GraphQLContext, id: string, version: number, bidId: string, contractInput: AwardContractInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const round = await lockRound(tx, id, version);
      const status = roundStatus(round);
      if (status === RoundStatus.AWARDED) throw new Conflict(`The round ${round.reference} was already awarded`);
      if (status === RoundStatus.OPEN) throw badInput('id', `bidding is open until ${round.closesAt.toISOString()}; close the round before awarding`);
      if (status !== RoundStatus.CLOSED) throw badInput('id', `the round is ${status}; only a CLOSED round can be awarded`);
      if (!isUuid(bidId)) throw badInput('bidId', 'is not a valid id (a UUID)');
      const bid = await tx.findOneBy(Bid, { id: bidId, roundId: id });
      if (!bid) throw badInput('bidId', 'is not a bid in this round: the provider did not bid');

      const startDate = contractInput.startDate ?? round.startDate;
      if (!startDate) throw badInput('contract.startDate', 'is required: the round’s need has no start date');
      const endDate = contractInput.endDate ?? round.endDate;
      const rate =
        round.category === RoundCategory.PLACEMENT && round.childAge !== null
          ? await findApplicableRate(tx, { providerId: bid.providerId, placementType: round.placementType!, needLevel: round.needLevel!, age: round.childAge, onDate: startDate })
          : null;
      const kind =
        round.category === RoundCategory.TRANSPORT
          ? ContractKind.TRANSPORT
          : round.category === RoundCategory.SUPERVISED_CONTACT
            ? ContractKind.SUPERVISED_CONTACT
            : rate && endDate && endDate <= rate.agreement.endDate
              ? ContractKind.CALL_OFF
              : ContractKind.SPOT;
      const contract = await insertContract(tx, audit, {
        kind,
        providerId: bid.providerId,
        agreementId: kind === ContractKind.CALL_OFF ? rate!.agreement.id : null,
        ownerId: actorOf(ctx).id,
        reference: contractInput.reference.trim(),
        title: (contractInput.title ?? round.title).trim(),
        status: ContractStatus.DRAFT,
        startDate,
        endDate: endDate ?? null,
        weeklyFee: round.category === RoundCategory.PLACEMENT ? bid.amount : null,
        placementType: round.placementType,
        needLevel: round.needLevel,
        childAgeAtStart: round.childAge,
        feeAboveCardReason: contractInput.feeAboveCardReason ?? null,
        notes: `Awarded in procurement round ${round.reference}`,
      }).catch((error: unknown) => {
        // The contract's field errors belong to the award's `contract` argument.
        if (error instanceof ValidationFailed) {
          const fieldErrors = (error.extensions.fieldErrors as FieldError[]).map((e) => ({ ...e, field: `contract.${e.field}` }));
          throw new ValidationFailed(fieldErrors);
        }
        throw error;
      });
      if (round.category !== RoundCategory.PLACEMENT) {
        // Transport and contact are priced by a schedule or rate, not a weekly fee.
        await putServiceUnderContract(tx, audit, round, bid, contract, contractInput);
        return applyUpdate(tx, audit, 'ProcurementRound', round, { storedStatus: RoundStatus.AWARDED, awardedBidId: bid.id, contractId: contract.id });
      }
      const negotiation = await insertAudited(tx, audit, 'Negotiation', Negotiation, {
        contractId: contract.id,
        rateLineId: null,
        status: NegotiationStatus.AGREED,
        agreed: bid.amount,
        closedOn: today(),
        closingNote: `Awarded in procurement round ${round.reference}`,
      });
      await appendOffer(tx, audit, negotiation.id, { party: OfferParty.PROVIDER, amount: bid.amount, offeredOn: bid.submittedAt.toISOString().slice(0, 10), note: 'Bid' }, actorOf(ctx).id);
      return applyUpdate(tx, audit, 'ProcurementRound', round, { storedStatus: RoundStatus.AWARDED, awardedBidId: bid.id, contractId: contract.id });
    });
  },
};

