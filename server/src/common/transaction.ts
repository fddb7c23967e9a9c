import type { EntityManager } from 'typeorm';
import { actorOf, type GraphQLContext } from '../graphql/context';
import { AuditWriter } from '../modules/audit/audit.service';
import { markCommitted } from '../modules/idempotency/idempotency.store';
import { beforeCommit } from './before-commit';

/**
 * One user action, one transaction: the change, its audit events and the derived data it
 * moves (`before-commit.ts`) commit together or not at all (and, under an Idempotency-Key,
 * with the mark that the key's write is done).
 */
export async function inTransaction<T>(ctx: GraphQLContext, work: (tx: EntityManager, audit: AuditWriter) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const result = await work(tx, new AuditWriter(tx, actorOf(ctx), ctx.requestId));
    await beforeCommit(tx);
    if (ctx.idempotency) await markCommitted(tx, ctx.idempotency);
    return result;
  });
}
