import { In } from 'typeorm';
import { badInput, Conflict, ValidationFailed, type FieldError } from '../../common/errors';
import { definedOnly } from '../../common/objects';
import { inTransaction } from '../../common/transaction';
import { applyUpdate, assertId, isUuid } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { AuditAction } from '../audit/audit-event.entity';
import type { Agreement } from './agreement.entity';
import type { RateLineInput, RateLineRemoval, RateLineRowUpdate } from './agreement.inputs';
import { insertLines, linesOf, lockEditableAgreement, toLine } from './agreement.service';
import { RateLine } from './rate-line.entity';
import { rateLineErrors } from './rate-rules';

export interface RateCardChanges {
  add: RateLineInput[];
  update: RateLineRowUpdate[];
  remove: RateLineRemoval[];
}

export const MAX_RATE_CARD_CHANGES = 500;

/** The lines named by `update` and `remove`, each once, each a line of this agreement at the version the client saw. */
function namedLines(existing: RateLine[], changes: RateCardChanges): Map<string, RateLine> {
  const byId = new Map(existing.map((l) => [l.id, l]));
  const named = new Map<string, RateLine>();
  const check = (list: 'update' | 'remove', entries: Array<{ id: string; version: number }>) =>
    entries.forEach((entry, index) => {
      const field = `${list}.${index}.id`;
      if (!isUuid(entry.id)) throw badInput(field, 'is not a valid id (a UUID)');
      if (named.has(entry.id)) throw badInput(field, 'names a line that is already changed or removed in this save');
      const line = byId.get(entry.id);
      if (!line) throw badInput(field, 'is not a line of this agreement’s rate card');
      if (line.version !== entry.version) {
        throw new Conflict(
          `RateLine ${entry.id} (${list} ${index + 1}) was changed by someone else after you loaded it (you have version ${entry.version}, it is now ${line.version}); nothing was saved.`,
          { entity: 'RateLine', id: entry.id, yourVersion: entry.version, currentVersion: line.version },
        );
      }
      named.set(entry.id, line);
    });
  check('update', changes.update);
  check('remove', changes.remove);
  return named;
}

/**
 * Saves a set of changes to the card of an agreement not yet in force in one transaction: lines
 * changed, added and removed together (a block pasted from a spreadsheet), or nothing at all.
 * The card's rules are checked on the card as it will be, so swapping two fees or moving an age
 * band in the same save does not clash with the line's own old values.
 */
export function saveRateCard(ctx: GraphQLContext, agreementId: string, changes: RateCardChanges): Promise<Agreement> {
  assertId(agreementId, 'agreementId');
  const count = changes.add.length + changes.update.length + changes.remove.length;
  if (count === 0) throw badInput('add', 'give at least one line to add, change or remove');
  if (count > MAX_RATE_CARD_CHANGES) throw badInput('add', `at most ${MAX_RATE_CARD_CHANGES} lines can be saved at once`);
  return inTransaction(ctx, async (tx, audit) => {
    const agreement = await lockEditableAgreement(tx, agreementId);
    const existing = await linesOf(tx, agreementId);
    const named = namedLines(existing, changes);
    const kept = existing.filter((l) => !named.has(l.id)).map(toLine);
    const updated = changes.update.map((u) => toLine({ ...named.get(u.id)!, ...definedOnly(u.input) } as RateLine));
    const added = changes.add.map(toLine);
    const errors: FieldError[] = rateLineErrors(agreement, kept, [...updated, ...added], 'lines.').map((e) => {
      const [, index, field] = /^lines\.(\d+)\.(.+)$/.exec(e.field)!;
      const i = Number(index);
      return { field: i < updated.length ? `update.${i}.${field}` : `add.${i - updated.length}.${field}`, message: e.message };
    });
    if (errors.length) throw new ValidationFailed(errors);
    const removed = changes.remove.map((r) => named.get(r.id)!);
    if (removed.length) {
      await tx.delete(RateLine, { id: In(removed.map((row) => row.id)) });
      await audit.record(removed.map((row) => ({ entityType: 'RateLine', entityId: row.id, action: AuditAction.DELETE, before: row, after: null })));
    }
    for (const u of changes.update) await applyUpdate(tx, audit, 'RateLine', named.get(u.id)!, definedOnly(u.input) as Partial<RateLine>);
    await insertLines(tx, audit, agreementId, added);
    return agreement;
  });
}
