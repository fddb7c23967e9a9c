import type { EntityManager } from 'typeorm';
import { actorOf, type GraphQLContext } from '../graphql/context';
import { AuditWriter } from '../modules/audit/audit.service';

/**
 * One user action, one transaction: the change and its audit events commit together or not
 * at all.
 */
export async function inTransaction<T>(ctx: GraphQLContext, work: (tx: EntityManager, audit: AuditWriter) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => work(tx, new AuditWriter(tx, actorOf(ctx), ctx.requestId)));
}
