import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ListFilter } from '../../common/list-columns';
import type { OrderTerm } from '../../common/pagination/ordering';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import { validateRows } from '../../common/validation';
import { IdArg, VersionArg, InputArg, FilterArg, OrderByArg } from '../../common/args';
import type { GraphQLContext } from '../../graphql/context';
import { Setting } from '../setting/setting.entity';
import { settingsOfProvider } from '../setting/setting.loader';
import { EDITORS } from '../user/role';
import { Provider } from './provider.entity';
import { ProviderCreateInput, ProviderRowUpdate, ProviderUpdateInput } from './provider.inputs';
import { providerService } from './provider.service';
import { Scoped } from '../../graphql/operation-scope';
import { providerList } from './provider.list';

export const ProviderConnection = Connection(Provider, 'Provider');

@Scoped('providers')
@Resolver(() => Provider)
export class ProviderResolver {
  @Query(() => Provider, { nullable: true, description: 'One provider by id (archived ones too); null when there is none.' })
  provider(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return providerService.get(ctx, id);
  }

  @Query(() => ProviderConnection, { description: 'Providers, filtered, sorted and paged. Sorted by legal name unless `orderBy` says otherwise.' })
  providers(
    @Args() page: PageArgs,
    @FilterArg(() => providerList.Filter) filter: ListFilter | null,
    @OrderByArg(() => providerList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return providerService.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Authorized(...EDITORS)
  @Mutation(() => Provider, { description: 'Adds a provider to the register.' })
  createProvider(@InputArg(() => ProviderCreateInput, 'The new record.') input: ProviderCreateInput, @Ctx() ctx: GraphQLContext) {
    return providerService.create(ctx, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Provider, { description: 'Changes a provider; fails with CONFLICT when `version` is not the current one.' })
  updateProvider(
    @IdArg() id: string,
    @VersionArg() version: number,
    @InputArg(() => ProviderUpdateInput, 'The changes; fields left out stay as they are.') input: ProviderUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return providerService.update(ctx, id, version, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => [Provider], { description: 'Makes the same change to many providers, all or nothing (e.g. set the status of a selection).' })
  updateProviders(
    @Arg('ids', () => [ID], { description: 'The records to change.' }) ids: string[],
    @InputArg(() => ProviderUpdateInput, 'The changes; fields left out stay as they are.') input: ProviderUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return providerService.updateMany(ctx, ids, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => [Provider], {
    description: 'Makes a different change to each of many providers (a pasted block), all or nothing; every row’s version is checked.',
  })
  async updateProviderRows(@Arg('rows', () => [ProviderRowUpdate], { validate: false, description: 'One entry per record: its id, the version you loaded and its new values.' }) rows: ProviderRowUpdate[], @Ctx() ctx: GraphQLContext) {
    await validateRows(rows);
    return providerService.updateRows(ctx, rows);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Provider, { description: 'Archives a provider: hidden from lists, kept with its history.' })
  archiveProvider(@IdArg() id: string, @VersionArg() version: number, @Ctx() ctx: GraphQLContext) {
    return providerService.setArchived(ctx, id, version, true);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Provider, { description: 'Brings an archived provider back into use.' })
  restoreProvider(@IdArg() id: string, @VersionArg() version: number, @Ctx() ctx: GraphQLContext) {
    return providerService.setArchived(ctx, id, version, false);
  }

  @FieldResolver(() => [Setting], { description: 'The provider’s settings in use (not archived), by name.' })
  settings(@Root() provider: Provider, @Ctx() ctx: GraphQLContext) {
    return settingsOfProvider(ctx).load(provider.id);
  }
}
