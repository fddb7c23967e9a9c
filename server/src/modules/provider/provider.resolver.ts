import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import type { GraphQLContext } from '../../graphql/context';
import { Setting } from '../setting/setting.entity';
import { settingsOfProvider } from '../setting/setting.loader';
import { EDITORS } from '../user/role';
import { Provider } from './provider.entity';
import { ProviderCreateInput, ProviderFilter, ProviderOrderBy, ProviderRowUpdate, ProviderUpdateInput } from './provider.inputs';
import { providerService } from './provider.service';

export const ProviderConnection = Connection(Provider, 'Provider');

@Resolver(() => Provider)
export class ProviderResolver {
  @Query(() => Provider, { nullable: true, description: 'One provider by id (archived ones too); null when there is none.' })
  provider(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return providerService.get(ctx, id);
  }

  @Query(() => ProviderConnection, { description: 'Providers, filtered, sorted and paged. Sorted by legal name unless `orderBy` says otherwise.' })
  providers(
    @Args() page: PageArgs,
    @Arg('filter', () => ProviderFilter, { nullable: true }) filter: ProviderFilter | null,
    @Arg('orderBy', () => [ProviderOrderBy], { nullable: true }) orderBy: InstanceType<typeof ProviderOrderBy>[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return providerService.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Authorized(...EDITORS)
  @Mutation(() => Provider, { description: 'Adds a provider to the register.' })
  createProvider(@Arg('input', () => ProviderCreateInput) input: ProviderCreateInput, @Ctx() ctx: GraphQLContext) {
    return providerService.create(ctx, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Provider, { description: 'Changes a provider; fails with CONFLICT when `version` is not the current one.' })
  updateProvider(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ProviderUpdateInput) input: ProviderUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return providerService.update(ctx, id, version, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => [Provider], { description: 'Makes the same change to many providers, all or nothing (e.g. set the status of a selection).' })
  updateProviders(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('input', () => ProviderUpdateInput) input: ProviderUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return providerService.updateMany(ctx, ids, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => [Provider], {
    description: 'Makes a different change to each of many providers (a pasted block), all or nothing; every row’s version is checked.',
  })
  updateProviderRows(@Arg('rows', () => [ProviderRowUpdate]) rows: ProviderRowUpdate[], @Ctx() ctx: GraphQLContext) {
    return providerService.updateRows(ctx, rows);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Provider, { description: 'Archives a provider: hidden from lists, kept with its history.' })
  archiveProvider(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: GraphQLContext) {
    return providerService.setArchived(ctx, id, version, true);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Provider, { description: 'Brings an archived provider back into use.' })
  restoreProvider(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: GraphQLContext) {
    return providerService.setArchived(ctx, id, version, false);
  }

  @FieldResolver(() => [Setting], { description: 'The provider’s settings in use (not archived), by name.' })
  settings(@Root() provider: Provider, @Ctx() ctx: GraphQLContext) {
    return settingsOfProvider(ctx).load(provider.id);
  }
}
