import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ListFilter } from '../../common/list-columns';
import type { OrderTerm } from '../../common/pagination/ordering';
import { loaderById } from '../../common/loaders';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import { validateRows } from '../../common/validation';
import { IdArg, VersionArg, InputArg, FilterArg, OrderByArg } from '../../common/args';
import type { GraphQLContext } from '../../graphql/context';
import { Locality } from '../authority/locality.entity';
import { Provider } from '../provider/provider.entity';
import { EDITORS } from '../user/role';
import { Setting } from './setting.entity';
import { SettingCreateInput, SettingRowUpdate, SettingUpdateInput } from './setting.inputs';
import { settingService } from './setting.service';
import { Scoped } from '../../graphql/operation-scope';
import { settingList } from './setting.list';

const SettingConnection = Connection(Setting, 'Setting');

@Scoped('providers')
@Resolver(() => Setting)
export class SettingResolver {
  @Query(() => Setting, { nullable: true, description: 'One setting by id (archived ones too); null when there is none.' })
  setting(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return settingService.get(ctx, id);
  }

  @Query(() => SettingConnection, { description: 'Settings, filtered, sorted and paged. Sorted by name unless `orderBy` says otherwise.' })
  settings(
    @Args() page: PageArgs,
    @FilterArg(() => settingList.Filter) filter: ListFilter | null,
    @OrderByArg(() => settingList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return settingService.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Authorized(...EDITORS)
  @Mutation(() => Setting, { description: 'Adds a setting to a provider.' })
  createSetting(@InputArg(() => SettingCreateInput, 'The new record.') input: SettingCreateInput, @Ctx() ctx: GraphQLContext) {
    return settingService.create(ctx, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Setting, { description: 'Changes a setting; fails with CONFLICT when `version` is not the current one.' })
  updateSetting(
    @IdArg() id: string,
    @VersionArg() version: number,
    @InputArg(() => SettingUpdateInput, 'The changes; fields left out stay as they are.') input: SettingUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return settingService.update(ctx, id, version, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => [Setting], { description: 'Makes a different change to each of many settings, all or nothing; every row’s version is checked.' })
  async updateSettingRows(@Arg('rows', () => [SettingRowUpdate], { validate: false, description: 'One entry per record: its id, the version you loaded and its new values.' }) rows: SettingRowUpdate[], @Ctx() ctx: GraphQLContext) {
    await validateRows(rows);
    return settingService.updateRows(ctx, rows);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Setting, { description: 'Archives a setting: hidden from lists, kept with its history.' })
  archiveSetting(@IdArg() id: string, @VersionArg() version: number, @Ctx() ctx: GraphQLContext) {
    return settingService.setArchived(ctx, id, version, true);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Setting, { description: 'Brings an archived setting back into use.' })
  restoreSetting(@IdArg() id: string, @VersionArg() version: number, @Ctx() ctx: GraphQLContext) {
    return settingService.setArchived(ctx, id, version, false);
  }

  @FieldResolver(() => Provider, { description: 'The provider that runs the setting.' })
  async provider(@Root() setting: Setting, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Provider, 'Provider').load(setting.providerId);
  }

  @FieldResolver(() => Locality, { nullable: true, description: 'The authority’s locality the setting lies in, if any.' })
  async locality(@Root() setting: Setting, @Ctx() ctx: GraphQLContext) {
    return setting.localityId ? loaderById(ctx, Locality, 'Locality').load(setting.localityId) : null;
  }
}
