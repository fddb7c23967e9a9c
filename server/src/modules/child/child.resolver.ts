import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ListFilter } from '../../common/list-columns';
import type { OrderTerm } from '../../common/pagination/ordering';
import { FilterArg, IdArg, InputArg, OrderByArg, VersionArg } from '../../common/args';
import { ageOn } from '../../common/dates';
import { today } from '../../common/clock';
import { loaderById, loaderByParent } from '../../common/loaders';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import type { GraphQLContext } from '../../graphql/context';
import { Locality } from '../authority/locality.entity';
import { Placement } from '../placement/placement.entity';
import { CHILD_READERS, EDITORS } from '../user/role';
import { AgeBand, ageBandOf } from './age-band';
import { Child } from './child.entity';
import { ChildCreateInput, ChildUpdateInput } from './child.inputs';
import { childService } from './child.service';
import { Scoped } from '../../graphql/operation-scope';
import { childList } from './child.list';

const ChildConnection = Connection(Child, 'Child');

@Scoped('placements')
@Resolver(() => Child)
export class ChildResolver {
  @Authorized(...CHILD_READERS)
  @Query(() => Child, { nullable: true, description: 'One child by id (roles that work with placements only).' })
  child(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return childService.get(ctx, id);
  }

  @Authorized(...CHILD_READERS)
  @Query(() => ChildConnection, { description: 'Children, filtered, sorted and paged (roles that work with placements only).' })
  children(
    @Args() page: PageArgs,
    @FilterArg(() => childList.Filter) filter: ListFilter | null,
    @OrderByArg(() => childList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return childService.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Authorized(...EDITORS)
  @Mutation(() => Child, { description: 'Adds a child record (reference and initials, never a name).' })
  createChild(@InputArg(() => ChildCreateInput, 'The child.') input: ChildCreateInput, @Ctx() ctx: GraphQLContext) {
    return childService.create(ctx, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Child, { description: 'Changes a child record; a new home location updates the distance of every placement.' })
  updateChild(@IdArg() id: string, @VersionArg() version: number, @InputArg(() => ChildUpdateInput, 'The changes.') input: ChildUpdateInput, @Ctx() ctx: GraphQLContext) {
    return childService.update(ctx, id, version, input);
  }

  @FieldResolver(() => Int, { description: 'Age in whole years today.' })
  age(@Root() child: Child) {
    return ageOn(child.dateOfBirth, today());
  }

  @FieldResolver(() => AgeBand, { description: 'DfE age group today.' })
  ageBand(@Root() child: Child) {
    return ageBandOf(child.dateOfBirth, today());
  }

  @FieldResolver(() => Locality, { nullable: true, description: 'The responsible locality.' })
  locality(@Root() child: Child, @Ctx() ctx: GraphQLContext) {
    return child.localityId ? loaderById(ctx, Locality, 'Locality').load(child.localityId) : null;
  }

  @FieldResolver(() => [Placement], { description: 'The child’s placements, oldest first.' })
  placements(@Root() child: Child, @Ctx() ctx: GraphQLContext) {
    return loaderByParent(ctx, Placement, 'Placement', 'childId', { order: { startDate: 'ASC', id: 'ASC' } }).load(child.id);
  }
}
