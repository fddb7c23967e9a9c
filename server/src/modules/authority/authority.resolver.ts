import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ListFilter } from '../../common/list-columns';
import { loaderById, loaderByParent } from '../../common/loaders';
import { Connection, PageArgs } from '../../common/pagination/connection';
import type { OrderTerm } from '../../common/pagination/ordering';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import { IdArg, VersionArg, InputArg, FilterArg, OrderByArg } from '../../common/args';
import type { GraphQLContext } from '../../graphql/context';
import { EDITORS } from '../user/role';
import { Authority } from './authority.entity';
import { AuthorityCreateInput, AuthorityUpdateInput, LocalityCreateInput, LocalityUpdateInput } from './authority.inputs';
import { authorityList } from './authority.list';
import { authorityService, localityService } from './authority.service';
import { Locality } from './locality.entity';
import { Scoped } from '../../graphql/operation-scope';
import { localityList } from './locality.list';

const AuthorityConnection = Connection(Authority, 'Authority');

const LocalityConnection = Connection(Locality, 'Locality');

@Scoped('reference')
@Resolver(() => Authority)
export class AuthorityResolver {
  @Query(() => Authority, { nullable: true, description: 'One authority by id; null when there is none.' })
  authority(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return authorityService.get(ctx, id);
  }

  @Query(() => AuthorityConnection, { description: 'Authorities, filtered, sorted and paged.' })
  authorities(
    @Args() page: PageArgs,
    @FilterArg(() => authorityList.Filter) filter: ListFilter | null,
    @OrderByArg(() => authorityList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return authorityService.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Authorized(...EDITORS)
  @Mutation(() => Authority, { description: 'Adds an authority.' })
  createAuthority(@InputArg(() => AuthorityCreateInput, 'The new record.') input: AuthorityCreateInput, @Ctx() ctx: GraphQLContext) {
    return authorityService.create(ctx, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Authority, { description: 'Changes an authority; fails with CONFLICT when `version` is not the current one.' })
  updateAuthority(
    @IdArg() id: string,
    @VersionArg() version: number,
    @InputArg(() => AuthorityUpdateInput, 'The changes; fields left out stay as they are.') input: AuthorityUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return authorityService.update(ctx, id, version, input);
  }

  @FieldResolver(() => [Locality], { description: 'The authority’s localities, by name.' })
  localities(@Root() authority: Authority, @Ctx() ctx: GraphQLContext) {
    return loaderByParent(ctx, Locality, 'Locality', 'authorityId', { order: { name: 'ASC' } }).load(authority.id);
  }
}

@Scoped('reference')
@Resolver(() => Locality)
export class LocalityResolver {
  @Query(() => Locality, { nullable: true, description: 'One locality by id; null when there is none.' })
  locality(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return localityService.get(ctx, id);
  }

  @Query(() => LocalityConnection, { description: 'Localities, filtered, sorted and paged.' })
  localities(
    @Args() page: PageArgs,
    @FilterArg(() => localityList.Filter) filter: ListFilter | null,
    @OrderByArg(() => localityList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return localityService.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Authorized(...EDITORS)
  @Mutation(() => Locality, { description: 'Adds a locality to an authority.' })
  createLocality(@InputArg(() => LocalityCreateInput, 'The new record.') input: LocalityCreateInput, @Ctx() ctx: GraphQLContext) {
    return localityService.create(ctx, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Locality, { description: 'Changes a locality; fails with CONFLICT when `version` is not the current one.' })
  updateLocality(
    @IdArg() id: string,
    @VersionArg() version: number,
    @InputArg(() => LocalityUpdateInput, 'The changes; fields left out stay as they are.') input: LocalityUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return localityService.update(ctx, id, version, input);
  }

  @FieldResolver(() => Authority, { description: 'The authority this locality belongs to.' })
  async authority(@Root() locality: Locality, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Authority, 'Authority').load(locality.authorityId);
  }
}
