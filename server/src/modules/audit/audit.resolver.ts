import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { findConnection, type ListSpec } from '../../common/pagination/find-connection';
import { SortDirection } from '../../common/pagination/ordering';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import { assertId } from '../../common/versioned-update';
import { IdArg, FilterArg, OrderByArg } from '../../common/args';
import { Forbidden } from '../../common/errors';
import type { GraphQLContext } from '../../graphql/context';
import { CHILD_READERS } from '../user/role';
import { AuditEvent } from './audit-event.entity';
import { AuditEventFilter, AuditEventOrderBy } from './audit.inputs';
import { Scoped } from '../../graphql/operation-scope';

const AuditEventConnection = Connection(AuditEvent, 'AuditEvent');

const A = '"audit"';
const auditList: ListSpec<AuditEvent> = {
  entity: AuditEvent,
  alias: 'audit',
  fields: {
    entityType: { sql: `${A}."entity_type"`, kind: 'string' },
    entityId: { sql: `${A}."entity_id"`, kind: 'id' },
    actorId: { sql: `${A}."actor_id"`, kind: 'id' },
    actorEmail: { sql: `${A}."actor_email"`, kind: 'string' },
    action: { sql: `${A}."action"`, kind: 'enum' },
    occurredAt: { sql: `${A}."occurred_at"`, kind: 'datetime' },
  },
  order: {
    occurredAt: { sql: `${A}."occurred_at"`, property: 'occurredAt', nullable: false },
    entityType: { sql: `${A}."entity_type"`, property: 'entityType', nullable: false },
    actorEmail: { sql: `${A}."actor_email"`, property: 'actorEmail', nullable: false },
  },
  defaultOrder: [{ field: 'occurredAt', direction: SortDirection.DESC }],
};

/** Audit events whose values identify a child: only roles that may read children see them. */
const CHILD_ENTITY_TYPES = ['Child'];

function mayReadChildren(ctx: GraphQLContext): boolean {
  return (CHILD_READERS as readonly string[]).includes(ctx.user!.role);
}

/** The audit trail is read-only through the API: there is no mutation to change or remove an event. */
@Scoped('people')
@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'Audit events, newest first unless `orderBy` says otherwise.' })
  auditEvents(
    @Args() page: PageArgs,
    @FilterArg(() => AuditEventFilter) filter: AuditEventFilter | null,
    @OrderByArg(() => AuditEventOrderBy) orderBy: InstanceType<typeof AuditEventOrderBy>[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findConnection(ctx.db.manager, auditList, { ...page, filter, orderBy }, {
      wantCount: isFieldRequested(info, 'totalCount'),
      maxPageSize: ctx.config.maxPageSize,
      scope: mayReadChildren(ctx) ? undefined : { sql: `${A}."entity_type" NOT IN (:...childTypes)`, values: { childTypes: CHILD_ENTITY_TYPES } },
    });
  }

  @Query(() => [AuditEvent], { description: 'The whole history of one record, oldest first.' })
  auditTrail(@Arg('entityType', { description: 'The GraphQL type, e.g. "Provider".' }) entityType: string, @IdArg('entityId') entityId: string, @Ctx() ctx: GraphQLContext) {
    assertId(entityId, 'entityId');
    if (CHILD_ENTITY_TYPES.includes(entityType) && !mayReadChildren(ctx)) {
      throw new Forbidden(`Your role (${ctx.user!.role}) may not read the history of a child record`);
    }
    return ctx.db.manager.find(AuditEvent, { where: { entityType, entityId }, order: { occurredAt: 'ASC', id: 'ASC' }, take: 10000 });
  }
}
