import { In, type EntityManager } from 'typeorm';
import { cancellationDisagreement } from '../../common/cancellation-notice';
import { cancellationTerms } from '../../common/cancellation-terms';
import { explainConstraint } from '../../common/constraints';
import { effectiveOn } from '../../common/effective-period';
import { throwIfAny, type FieldError } from '../../common/errors';
import { entityReads } from '../../common/entity-reads';
import { londonInstant } from '../../common/london-time';
import { definedOnly } from '../../common/objects';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, insertAudited, insertAuditedRows, isUuid, lockForUpdate, touch, updateRows } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { Child } from '../child/child.entity';
import { ContractKind } from '../contract/contract-codes';
import { checkPricePeriod, contractOfKind } from '../contract/contract-prices';
import { CANCELLED_SESSION, SessionStatus } from './contact-codes';
import { ContactArrangement, ContactRate, ContactSession } from './contact.entity';
import { arrangementList, sessionList } from './contact.list';
import type { ContactArrangementInput, ContactArrangementUpdateInput, ContactRateInput, ContactSessionInput, ContactSessionRowUpdate } from './contact.inputs';
import { arrangementsOfContract, repriceArrangements } from './contact-pricing';

explainConstraint('uq_contact_arrangement_reference', 'reference', 'another arrangement has this reference');
explainConstraint('ex_contact_rate_overlap', 'effectiveFrom', 'overlaps another rate of this contract for the same supervision level');

const DAY_HOURS = 2400n; // hundredths

type At = (field: string, message: string) => void;

function checkHours(hours: bigint | null | undefined, field: string, at: At, zeroAllowed: boolean): void {
  if (hours === null || hours === undefined) return;
  if (hours < 0n || (!zeroAllowed && hours === 0n)) at(field, zeroAllowed ? 'must not be negative' : 'must be more than 0');
  else if (hours > DAY_HOURS) at(field, 'must not be more than 24 hours');
}

async function checkArrangement(tx: EntityManager, a: ContactArrangement, at: At): Promise<void> {
  if (a.endDate && a.endDate < a.startDate) at('endDate', 'must not be before startDate');
  checkHours(a.sessionHours, 'sessionHours', at, false);
  if (!isUuid(a.childId)) at('childId', 'is not a valid id (a UUID)');
  else if (!(await tx.existsBy(Child, { id: a.childId }))) at('childId', 'no child has this id');
  if (a.contractId) {
    const contract = await contractOfKind(tx, a.contractId, ContractKind.SUPERVISED_CONTACT, at);
    a.providerId = contract?.providerId ?? null;
  } else a.providerId = null;
}

export interface SessionContext {
  arrangement: ContactArrangement;
  rates: ContactRate[];
}

/** The rates that apply to each arrangement's sessions, for many arrangements in one query. */
async function sessionContexts(tx: EntityManager, arrangements: ContactArrangement[]): Promise<Map<string, SessionContext>> {
  const contractIds = [...new Set(arrangements.map((a) => a.contractId).filter((id): id is string => Boolean(id)))];
  const rates = contractIds.length ? await tx.findBy(ContactRate, { contractId: In(contractIds) }) : [];
  return new Map(arrangements.map((a) => [a.id, { arrangement: a, rates: rates.filter((r) => r.contractId === a.contractId && r.supervisionLevel === a.supervisionLevel) }]));
}

/**
 * The rules of one session as it will be saved: inside its arrangement, hours between 0 and
 * 24, a cancellation with its time, and a status that agrees with the contract's notice.
 */
function checkSession(ctx: SessionContext, s: Pick<ContactSession, 'date' | 'startTime' | 'plannedHours' | 'actualHours' | 'status' | 'cancelledAt'>, at: At): void {
  const a = ctx.arrangement;
  if (s.date < a.startDate) at('date', `is before the arrangement starts (${a.startDate})`);
  else if (a.endDate && s.date > a.endDate) at('date', `is after the arrangement ended (${a.endDate}); a session needs a running arrangement`);
  checkHours(s.plannedHours, 'plannedHours', at, false);
  checkHours(s.actualHours, 'actualHours', at, true);
  if (CANCELLED_SESSION.has(s.status)) {
    if (!s.cancelledAt) return at('cancelledAt', `is required when the session is ${s.status}`);
    const rate = effectiveOn(ctx.rates, s.date);
    if (rate && s.status !== SessionStatus.PROVIDER_CANCELLED) {
      const claimed = s.status === SessionStatus.CANCELLED_IN_TIME ? 'IN_TIME' : 'LATE';
      const disagreement = cancellationDisagreement(claimed, rate.cancellation, londonInstant(s.date, s.startTime), s.cancelledAt);
      if (disagreement) at('status', disagreement);
    }
  } else if (s.cancelledAt) at('cancelledAt', `only a cancelled session has a cancellation time; the session is ${s.status}`);
}

async function checkRate(tx: EntityManager, r: Omit<ContactRate, 'id' | 'version' | 'createdAt' | 'updatedAt'>, exceptId?: string): Promise<void> {
  const errors: FieldError[] = [];
  const at: At = (field, message) => errors.push({ field, message });
  const contract = await contractOfKind(tx, r.contractId, ContractKind.SUPERVISED_CONTACT, at);
  if (r.hourlyRate <= 0n) at('hourlyRate', 'must be more than zero');
  if (r.venueCharge !== null && r.venueCharge < 0n) at('venueCharge', 'must not be negative');
  if (contract) {
    const others = await tx.findBy(ContactRate, { contractId: r.contractId, supervisionLevel: r.supervisionLevel });
    checkPricePeriod(r, contract, others, (o) => `the ${o.supervisionLevel} rate of this contract`, at, exceptId);
  }
  throwIfAny(errors);
}

export const contactService = {
  arrangements: entityReads(arrangementList.spec),
  sessions: entityReads(sessionList.spec),

  createRate(ctx: GraphQLContext, input: ContactRateInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const values = {
        contractId: input.contractId,
        supervisionLevel: input.supervisionLevel,
        hourlyRate: input.hourlyRate,
        venueCharge: input.venueCharge ?? null,
        cancellation: cancellationTerms(input.cancellation),
        effectiveFrom: input.effectiveFrom,
        effectiveTo: input.effectiveTo ?? null,
      };
      await checkRate(tx, values);
      const rate = await insertAudited(tx, audit, 'ContactRate', ContactRate, values);
      await repriceArrangements(tx, await arrangementsOfContract(tx, rate.contractId));
      return rate;
    });
  },

  updateRate(ctx: GraphQLContext, id: string, version: number, input: Partial<ContactRateInput>) {
    return inTransaction(ctx, async (tx, audit) => {
      const rate = await lockForUpdate(tx, ContactRate, 'ContactRate', id, version);
      const patch = definedOnly({
        hourlyRate: input.hourlyRate,
        venueCharge: input.venueCharge,
        cancellation: input.cancellation ? { ...rate.cancellation, ...definedOnly(input.cancellation) } : undefined,
        effectiveFrom: input.effectiveFrom,
        effectiveTo: input.effectiveTo,
      }) as Partial<ContactRate>;
      await checkRate(tx, { ...rate, ...patch }, rate.id);
      const saved = await applyUpdate(tx, audit, 'ContactRate', rate, patch);
      await repriceArrangements(tx, await arrangementsOfContract(tx, saved.contractId));
      return saved;
    });
  },

  createArrangement(ctx: GraphQLContext, input: ContactArrangementInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const errors: FieldError[] = [];
      const arrangement = tx.create(ContactArrangement, {
        reference: input.reference.trim(),
        childId: input.childId,
        contactWith: [...new Set(input.contactWith)],
        frequency: input.frequency,
        supervisionLevel: input.supervisionLevel,
        venue: input.venue.trim(),
        sessionHours: input.sessionHours,
        contractId: input.contractId ?? null,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        notes: input.notes ?? null,
      });
      await checkArrangement(tx, arrangement, (field, message) => errors.push({ field, message }));
      throwIfAny(errors);
      return insertAudited(tx, audit, 'ContactArrangement', ContactArrangement, arrangement);
    });
  },

  updateArrangement(ctx: GraphQLContext, id: string, version: number, input: ContactArrangementUpdateInput) {
    return inTransaction(ctx, async (tx, audit) => {
      const arrangement = await lockForUpdate(tx, ContactArrangement, 'ContactArrangement', id, version);
      const patch = definedOnly({
        contactWith: input.contactWith ? [...new Set(input.contactWith)] : undefined,
        frequency: input.frequency,
        supervisionLevel: input.supervisionLevel,
        venue: input.venue?.trim(),
        sessionHours: input.sessionHours,
        contractId: input.contractId,
        endDate: input.endDate,
        notes: input.notes,
      }) as Partial<ContactArrangement>;
      const next = Object.assign(tx.create(ContactArrangement, { ...arrangement }), patch);
      const errors: FieldError[] = [];
      await checkArrangement(tx, next, (field, message) => errors.push({ field, message }));
      if (next.endDate) {
        const later = await tx.query(`SELECT count(*)::int AS n, min("date") AS first FROM "contact_session" WHERE "arrangement_id" = $1 AND "date" > $2`, [id, next.endDate]);
        if (later[0].n > 0) errors.push({ field: 'endDate', message: `${later[0].n} session(s) fall after it (the first on ${later[0].first}); remove them first` });
      }
      throwIfAny(errors);
      const saved = await applyUpdate(tx, audit, 'ContactArrangement', arrangement, { ...patch, providerId: next.providerId });
      await repriceArrangements(tx, [id]);
      return saved;
    });
  },

  /** Adds sessions to an arrangement, all or nothing; errors name `sessions.N.field`. */
  addSessions(ctx: GraphQLContext, arrangementId: string, version: number, inputs: ContactSessionInput[]) {
    return inTransaction(ctx, async (tx, audit) => {
      const arrangement = await lockForUpdate(tx, ContactArrangement, 'ContactArrangement', arrangementId, version);
      const context = (await sessionContexts(tx, [arrangement])).get(arrangement.id)!;
      const errors: FieldError[] = [];
      const rows = inputs.map((input, i) => {
        const row = {
          arrangementId,
          date: input.date,
          startTime: input.startTime,
          plannedHours: input.plannedHours ?? arrangement.sessionHours,
          actualHours: input.actualHours ?? null,
          status: input.status ?? SessionStatus.PLANNED,
          cancelledAt: input.cancelledAt ?? null,
          chargeable: null,
          cost: null,
        };
        checkSession(context, row, (field, message) => errors.push({ field: `sessions.${i}.${field}`, message }));
        return row;
      });
      throwIfAny(errors);
      await insertAuditedRows(tx, audit, 'ContactSession', ContactSession, rows);
      await repriceArrangements(tx, [arrangementId]);
      await touch(tx, arrangement);
      return tx.findOneByOrFail(ContactArrangement, { id: arrangementId });
    });
  },

  /** Records what happened to many sessions at once, all or nothing; an error names the item (`index`) and field. */
  updateSessions(ctx: GraphQLContext, items: ContactSessionRowUpdate[]) {
    return inTransaction(ctx, async (tx, audit) => {
      const sessions = new Map((await tx.findBy(ContactSession, { id: In(items.map((i) => i.id).filter(isUuid)) })).map((s) => [s.id, s]));
      const arrangements = await tx.findBy(ContactArrangement, { id: In([...new Set([...sessions.values()].map((s) => s.arrangementId))]) });
      const contexts = await sessionContexts(tx, arrangements);
      const errors: FieldError[] = [];
      const changes = items.map(({ id, version, input }, index) => {
        const item = { id, version, ...input };
        const session = sessions.get(item.id);
        const status = item.status ?? session?.status ?? SessionStatus.PLANNED;
        const patch = definedOnly({
          status: item.status,
          actualHours: item.actualHours,
          plannedHours: item.plannedHours,
          startTime: item.startTime,
          cancelledAt: item.cancelledAt !== undefined ? item.cancelledAt : CANCELLED_SESSION.has(status) ? undefined : null,
        }) as Partial<ContactSession>;
        if (session && session.version === item.version) {
          checkSession(contexts.get(session.arrangementId)!, { ...session, ...patch }, (field, message) => errors.push({ field, message, index }));
        }
        return { id: item.id, version: item.version, patch };
      });
      throwIfAny(errors);
      const saved = await updateRows(tx, audit, 'ContactSession', ContactSession, changes);
      await repriceArrangements(tx, arrangements.map((a) => a.id));
      const fresh = new Map((await tx.findBy(ContactSession, { id: In(saved.map((s) => s.id)) })).map((s) => [s.id, s]));
      return saved.map((s) => fresh.get(s.id)!);
    });
  },
};
