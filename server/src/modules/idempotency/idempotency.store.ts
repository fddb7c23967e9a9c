import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Conflict } from '../../common/errors';

/** A request this process is running under an Idempotency-Key. */
export interface IdempotencyClaim {
  actorId: string;
  key: string;
  token: string;
}

export type ClaimOutcome =
  | { kind: 'claimed'; claim: IdempotencyClaim }
  | { kind: 'replay'; response: Record<string, unknown> }
  | { kind: 'different-request' }
  | { kind: 'in-progress' }
  | { kind: 'answer-lost' };

/** Keys are kept this long; after it the same key starts afresh. */
export const KEY_RETENTION_HOURS = 24;
/** A claim whose write has not committed after this long was abandoned (its process died): a retry takes it over. */
const ABANDONED_AFTER_MS = 60_000;
/** How long a retry waits for the first request to answer before saying it is still in progress. */
const WAIT_MS = 10_000;
const POLL_MS = 50;

interface Row {
  request_hash: string;
  claim_token: string;
  committed: boolean;
  response: Record<string, unknown> | null;
  age_ms: number;
}

/**
 * Takes the key for this request, or finds the first request's answer. Concurrent retries
 * are serialised by the primary key: one inserts, the others wait for its answer.
 */
export async function claimKey(db: DataSource, actorId: string, key: string, requestHash: string): Promise<ClaimOutcome> {
  await db.query(`DELETE FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1)`, [KEY_RETENTION_HOURS]);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const token = randomUUID();
    const inserted = await db.query(
      `INSERT INTO idempotency_key (actor_id, key, request_hash, claim_token, claimed_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (actor_id, key) DO NOTHING RETURNING 1`,
      [actorId, key, requestHash, token],
    );
    if (inserted.length) return { kind: 'claimed', claim: { actorId, key, token } };

    const [row]: Row[] = await db.query(
      `SELECT request_hash, claim_token, committed, response, (extract(epoch FROM now() - claimed_at) * 1000)::int AS age_ms
       FROM idempotency_key WHERE actor_id = $1 AND key = $2`,
      [actorId, key],
    );
    if (!row) continue; // released meanwhile: try to take it
    if (row.request_hash !== requestHash) return { kind: 'different-request' };
    if (row.response) return { kind: 'replay', response: row.response };
    if (row.age_ms >= ABANDONED_AFTER_MS) {
      if (row.committed) return { kind: 'answer-lost' };
      const [, taken] = (await db.query(
        `UPDATE idempotency_key SET claim_token = $3, claimed_at = now() WHERE actor_id = $1 AND key = $2 AND claim_token = $4 AND NOT committed`,
        [actorId, key, token, row.claim_token],
      )) as [unknown[], number];
      if (taken === 1) return { kind: 'claimed', claim: { actorId, key, token } };
      continue;
    }
    if (Date.now() > deadline) return { kind: 'in-progress' };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Inside the write's transaction: the write and "this key's write committed" commit together. */
export async function markCommitted(tx: EntityManager, claim: IdempotencyClaim): Promise<void> {
  const [, count] = (await tx.query(`UPDATE idempotency_key SET committed = true WHERE actor_id = $1 AND key = $2 AND claim_token = $3`, [
    claim.actorId,
    claim.key,
    claim.token,
  ])) as [unknown[], number];
  if (count !== 1) throw new Conflict('A retry with the same Idempotency-Key took this request over; nothing was saved by this one');
}

/** After the answer: keep it when the write committed, otherwise free the key so a retry runs again. */
export async function settleKey(db: DataSource, claim: IdempotencyClaim, response: Record<string, unknown>): Promise<void> {
  const [, kept] = (await db.query(`UPDATE idempotency_key SET response = $4 WHERE actor_id = $1 AND key = $2 AND claim_token = $3 AND committed`, [
    claim.actorId,
    claim.key,
    claim.token,
    JSON.stringify(response),
  ])) as [unknown[], number];
  if (!kept) await db.query(`DELETE FROM idempotency_key WHERE actor_id = $1 AND key = $2 AND claim_token = $3 AND NOT committed`, [claim.actorId, claim.key, claim.token]);
}
