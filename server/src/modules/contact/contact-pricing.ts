import { In, type EntityManager } from 'typeorm';
import { effectiveOn } from '../../common/effective-period';
import { ContactArrangement, ContactRate, ContactSession } from './contact.entity';
import { sessionCharge } from './session-cost';

/**
 * Works out again whether each session of these arrangements is chargeable and what it
 * costs, from the contract's rate for the arrangement's supervision level on the session's
 * day, and writes the ones that changed in one statement.
 */
export async function repriceArrangements(tx: EntityManager, arrangementIds: string[]): Promise<void> {
  if (!arrangementIds.length) return;
  const arrangements = await tx.findBy(ContactArrangement, { id: In(arrangementIds) });
  const contractIds = [...new Set(arrangements.map((a) => a.contractId).filter((id): id is string => Boolean(id)))];
  const rates = contractIds.length ? await tx.find(ContactRate, { where: { contractId: In(contractIds) }, order: { effectiveFrom: 'ASC' } }) : [];
  const sessions = await tx.findBy(ContactSession, { arrangementId: In(arrangementIds) });
  const byId = new Map(arrangements.map((a) => [a.id, a]));
  const ids: string[] = [];
  const costs: Array<string | null> = [];
  const chargeable: Array<boolean | null> = [];
  for (const session of sessions) {
    const arrangement = byId.get(session.arrangementId)!;
    const rate = effectiveOn(rates.filter((r) => r.contractId === arrangement.contractId && r.supervisionLevel === arrangement.supervisionLevel), session.date);
    const charge = rate ? sessionCharge(rate, session) : null;
    const cost = charge?.cost ?? null;
    const isChargeable = charge ? charge.chargeable : null;
    if (cost !== session.cost || isChargeable !== session.chargeable) {
      ids.push(session.id);
      costs.push(cost === null ? null : cost.toString());
      chargeable.push(isChargeable);
    }
  }
  if (!ids.length) return;
  await tx.query(
    `UPDATE "contact_session" AS s SET "cost" = v.cost, "chargeable" = v.chargeable
     FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::bigint[]) AS cost, unnest($3::boolean[]) AS chargeable) AS v WHERE s."id" = v.id`,
    [ids, costs, chargeable],
  );
}

export async function arrangementsOfContract(tx: EntityManager, contractId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await tx.query(`SELECT "id" FROM "contact_arrangement" WHERE "contract_id" = $1`, [contractId]);
  return rows.map((r) => r.id);
}
