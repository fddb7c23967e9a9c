import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { ListFilter } from '../../common/list-columns';
import type { OrderTerm } from '../../common/pagination/ordering';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { findConnection } from '../../common/pagination/find-connection';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import { assertId } from '../../common/versioned-update';
import { IdArg, FilterArg, OrderByArg } from '../../common/args';
import { Forbidden } from '../../common/errors';
import type { GraphQLContext } from '../../graphql/context';
import { CHILD_RECORD_TYPES, mayReadChildren } from '../user/role';
import { AuditEvent } from './audit-event.entity';
import { Scoped } from '../../graphql/operation-scope';
import { auditList } from './audit.list';

const AuditEventConnection = Connection(AuditEvent, 'AuditEvent');

/** The audit trail is read-only through the API: there is no mutation to change or remove an event. */
@Scoped('people')
@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'Audit events, newest first unless `orderBy` says otherwise.' })
  auditEvents(
    @Args() page: PageArgs,
    @FilterArg(() => auditList.Filter) filter: ListFilter | null,
    @OrderByArg(() => auditList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findConnection(ctx.db.manager, auditList.spec, { ...page, filter, orderBy }, {
      wantCount: isFieldRequested(info, 'totalCount'),
      maxPageSize: ctx.config.maxPageSize,
      scope: mayReadChildren(ctx.user!.role) ? undefined : { sql: `"audit"."entity_type" NOT IN (:...childTypes)`, values: { childTypes: CHILD_RECORD_TYPES } },
    });
  }

  @Query(() => [AuditEvent], { description: 'The whole history of one record, oldest first.' })
  auditTrail(@Arg('entityType', { description: 'The GraphQL type, e.g. "Provider".' }) entityType: string, @IdArg('entityId') entityId: string, @Ctx() ctx: GraphQLContext) {
    assertId(entityId, 'entityId');
    if (CHILD_RECORD_TYPES.includes(entityType) && !mayReadChildren(ctx.user!.role)) {
      throw new Forbidden(`Your role (${ctx.user!.role}) may not read the history of a child record`);
    }
    return ctx.db.manager.find(AuditEvent, { where: { entityType, entityId }, order: { occurredAt: 'ASC', id: 'ASC' }, take: 10000 });
  }
}
