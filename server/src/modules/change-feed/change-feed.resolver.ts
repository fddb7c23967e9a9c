import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Field, Info, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput } from '../../common/errors';
import { pageSize } from '../../common/pagination/find-connection';
import type { GraphQLContext } from '../../graphql/context';
import { Scoped } from '../../graphql/operation-scope';
import { keyMayRead } from '../../graphql/type-domains';
import { CHILD_RECORD_TYPES, mayReadChildren, Role } from '../user/role';
import { ChangeEvent } from './change-event.entity';
import { FEED_TYPES, readChanges } from './change-feed.service';

@ObjectType({ description: 'A page of the change feed.' })
class ChangeFeedPage {
  @Field(() => [ChangeEvent], { description: 'The changes, oldest first: in the order their transactions began, then the order made within each.' })
  events!: ChangeEvent[];

  @Field({ description: 'Where to carry on: pass it as `after` next time. Kept by the consumer, it is all the state a consumer needs.' })
  endCursor!: string;

  @Field({ description: 'Whether more changes are ready now (ask again straight away); false when caught up.' })
  hasMore!: boolean;
}

/** The types whose changes this caller may not see: a key sees the types its scopes let it read. */
function hiddenTypes(ctx: GraphQLContext, info: GraphQLResolveInfo): string[] {
  const key = ctx.user!.apiKey;
  if (key) return FEED_TYPES.filter((type) => !keyMayRead(info.schema, key.scopes, type));
  return mayReadChildren(ctx.user!.role) ? [] : CHILD_RECORD_TYPES;
}

// Open to every key: each sees the changes of the types its scopes let it read.
@Scoped('reference')
@Resolver()
export class ChangeFeedResolver {
  @Authorized(Role.ADMIN, Role.CONTRACT_OFFICER, Role.FINANCE, Role.ANALYST, Role.SERVICE)
  @Query(() => ChangeFeedPage, {
    description:
      'The change feed: every committed change to a record (except user accounts and keys; an API key sees the types of record its scopes let it read), written in the same transaction as the change. Gap-free, ordered and resumable: a consumer that keeps `endCursor` and passes it as `after` sees every change exactly once, in order, however many writers there are. A change appears once every transaction begun before it has finished (a long transaction holds the feed back). Events carry ids and field names only; read the record itself for its values.',
  })
  changes(
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the last page read; from the beginning when left out.' }) after: string | null,
    @Arg('types', () => [String], { nullable: true, description: 'Only changes to these types of record (GraphQL type names, e.g. "Placement"); every type when left out.' }) types: string[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many changes at most (default 50, at most the server cap, 500 unless configured).' }) first: number | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    types?.forEach((type, i) => {
      if (!FEED_TYPES.includes(type)) throw badInput(`types.${i}`, `is not a type the feed carries (${FEED_TYPES.join(', ')})`);
    });
    return readChanges(ctx.db.manager, after, types, hiddenTypes(ctx, info), pageSize({ first }, ctx.config.maxPageSize));
  }
}
