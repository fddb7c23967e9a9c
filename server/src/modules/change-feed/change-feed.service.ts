import { getMetadataStorage } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { badInput } from '../../common/errors';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor';
import { ENTITIES } from '../../database/entities';
import { AuditEvent } from '../audit/audit-event.entity';
import { ChangeEvent } from './change-event.entity';
import { NOT_IN_FEED } from './change-events';

/** What a feed cursor is made for: a cursor of a list, or one made up, is refused. */
const FEED = 'changes/v1';

/** A place in the feed: after every change of transactions before `transaction`, and of `transaction` up to `sequence`. */
interface Position {
  transaction: bigint;
  sequence: bigint;
}

/** The types of record the feed carries: every stored record the API shows, but the trails themselves and accounts. */
export const FEED_TYPES = ENTITIES.filter((entity) => getMetadataStorage().objectTypes.some((type) => type.target === entity))
  .map((entity) => entity.name)
  .filter((name) => name !== ChangeEvent.name && name !== AuditEvent.name && !NOT_IN_FEED.has(name));

export function feedCursor(position: Position): string {
  return encodeCursor({ o: FEED, v: [String(position.transaction), String(position.sequence)] });
}

function positionOf(cursor: string | null | undefined): Position {
  if (cursor === null || cursor === undefined) return { transaction: 0n, sequence: 0n };
  const { v } = decodeCursor(cursor, FEED);
  if (v.length !== 2 || !v.every((part) => typeof part === 'string' && /^\d{1,19}$/.test(part))) throw badInput('after', 'is not a cursor returned by this feed');
  return { transaction: BigInt(v[0] as string), sequence: BigInt(v[1] as string) };
}

export interface FeedPage {
  events: ChangeEvent[];
  endCursor: string;
  hasMore: boolean;
}

type EventRow = { sequence: string; transaction_id: string; type: string; entity_id: string; version: number | null; operation: string; changed_fields: string[]; actor_id: string | null; occurred_at: Date };

/**
 * The next changes after `after`, in the order of their transactions' ids and then their own.
 * Only transactions older than every one still running are read (PostgreSQL's snapshot
 * xmin): a change not yet committed always has a later id than those, so it can never land
 * behind a position a consumer has passed. Caught up, the cursor moves on to that horizon.
 */
export async function readChanges(db: EntityManager, after: string | null | undefined, types: string[] | null | undefined, hidden: string[], first: number): Promise<FeedPage> {
  const from = positionOf(after);
  const [row] = (await db.query(
    `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon, pg_snapshot_xmax(pg_current_snapshot())::text AS newest`,
  )) as Array<{ horizon: string; newest: string }>;
  if (from.transaction > BigInt(row.newest)) throw badInput('after', 'is not a cursor returned by this feed');
  const rows = (await db.query(
    `SELECT e."sequence"::text AS sequence, e."transaction_id"::text AS transaction_id, e."type", e."entity_id", e."version", e."operation", e."changed_fields", e."actor_id", e."occurred_at"
     FROM "change_event" e
     WHERE (e."transaction_id", e."sequence") > ($1::bigint, $2::bigint) AND e."transaction_id" < $3::bigint
       AND ($4::text[] IS NULL OR e."type" = ANY($4::text[])) AND NOT (e."type" = ANY($5::text[]))
     ORDER BY e."transaction_id", e."sequence" LIMIT $6`,
    [String(from.transaction), String(from.sequence), row.horizon, types ?? null, hidden, first + 1],
  )) as EventRow[];
  const events = rows.slice(0, first).map(toEvent);
  const hasMore = rows.length > first;
  const last = events[events.length - 1];
  const horizon = BigInt(row.horizon);
  const end: Position = hasMore ? { transaction: BigInt(last.transactionId), sequence: BigInt(last.sequence) } : horizon > from.transaction ? { transaction: horizon, sequence: 0n } : from;
  return { events, endCursor: feedCursor(end), hasMore };
}

function toEvent(row: EventRow): ChangeEvent {
  return Object.assign(new ChangeEvent(), {
    sequence: row.sequence,
    transactionId: row.transaction_id,
    type: row.type,
    entityId: row.entity_id,
    version: row.version,
    operation: row.operation,
    changedFields: row.changed_fields,
    actorId: row.actor_id,
    occurredAt: row.occurred_at,
  });
}
