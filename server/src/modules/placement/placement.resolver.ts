import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ListFilter } from '../../common/list-columns';
import type { OrderTerm } from '../../common/pagination/ordering';
import { FilterArg, IdArg, InputArg, OrderByArg, VersionArg } from '../../common/args';
import { ReasonEnded } from '../../common/codes/placement-end.code';
import { today } from '../../common/clock';
import { badInput } from '../../common/errors';
import { loaderById, loaderByParent } from '../../common/loaders';
import { Connection, PageArgs } from '../../common/pagination/connection';
import { isFieldRequested } from '../../common/pagination/requested-fields';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { Child } from '../child/child.entity';
import { Contract } from '../contract/contract.entity';
import { Provider } from '../provider/provider.entity';
import { Setting } from '../setting/setting.entity';
import { CHILD_READERS, EDITORS, Role } from '../user/role';
import { committedCost, costBetween, costToDate, weeklyCostOn } from './placement-cost';
import { AdditionalService, Placement, PlacementFee } from './placement.entity';
import { AdditionalServiceInput, PlacementCreateInput, PlacementFeeInput, PlacementUpdateInput } from './placement.inputs';
import { importPlacements } from './placement-import';
import { placementService } from './placement.service';
import { inTransaction } from '../../common/transaction';
import { Scoped } from '../../graphql/operation-scope';
import { placementList } from './placement.list';

const PlacementConnection = Connection(Placement, 'Placement');

export const feesOfPlacement = (ctx: GraphQLContext) => loaderByParent(ctx, PlacementFee, 'PlacementFee', 'placementId', { order: { effectiveFrom: 'ASC' } });
export const servicesOfPlacement = (ctx: GraphQLContext) =>
  loaderByParent(ctx, AdditionalService, 'AdditionalService', 'placementId', { order: { startDate: 'ASC', id: 'ASC' } });

async function costInputs(ctx: GraphQLContext, placement: Placement) {
  const [fees, services] = await Promise.all([feesOfPlacement(ctx).load(placement.id), servicesOfPlacement(ctx).load(placement.id)]);
  return { fees, services };
}

@Scoped('placements')
@Resolver(() => Placement)
export class PlacementResolver {
  @Authorized(...CHILD_READERS, Role.ANALYST)
  @Query(() => Placement, { nullable: true, description: 'One placement by id.' })
  placement(@IdArg() id: string, @Ctx() ctx: GraphQLContext) {
    return placementService.get(ctx, id);
  }

  @Authorized(...CHILD_READERS, Role.ANALYST)
  @Query(() => PlacementConnection, { description: 'Placements, newest first unless `orderBy` says otherwise.' })
  placements(
    @Args() page: PageArgs,
    @FilterArg(() => placementList.Filter) filter: ListFilter | null,
    @OrderByArg(() => placementList.OrderBy) orderBy: OrderTerm[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return placementService.list(ctx, { ...page, filter, orderBy }, isFieldRequested(info, 'totalCount'));
  }

  @Authorized(...EDITORS)
  @Mutation(() => Placement, { description: 'Records a placement with its first weekly fee. A child cannot be in two placements at once (temporary moves T0–T4 aside).' })
  createPlacement(@InputArg(() => PlacementCreateInput, 'The placement.') input: PlacementCreateInput, @Ctx() ctx: GraphQLContext) {
    return placementService.create(ctx, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Int, {
    description:
      'Imports placements from a CSV file (columns in the README) and returns how many were created. Every row is checked first; any bad row refuses the whole file, listing each bad row with its line number (extensions.rowErrors).',
  })
  importPlacements(@Arg('csv', { description: 'The file’s text, with its header line.' }) csv: string, @Ctx() ctx: GraphQLContext) {
    return inTransaction(ctx, (tx, audit) => importPlacements(tx, audit, csv));
  }

  @Authorized(...EDITORS)
  @Mutation(() => Placement, { description: 'Changes a placement’s setting, contract, codes or planned end.' })
  updatePlacement(@IdArg() id: string, @VersionArg() version: number, @InputArg(() => PlacementUpdateInput, 'The changes.') input: PlacementUpdateInput, @Ctx() ctx: GraphQLContext) {
    return placementService.update(ctx, id, version, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Placement, { description: 'Ends a placement: the end date is the day the child left (that night is not charged).' })
  endPlacement(
    @IdArg() id: string,
    @VersionArg() version: number,
    @Arg('endDate', () => DateScalar, { description: 'The day the child left.' }) endDate: string,
    @Arg('endReason', () => ReasonEnded, { description: 'Why it ended (REC).' }) endReason: ReasonEnded,
    @Ctx() ctx: GraphQLContext,
  ) {
    return placementService.end(ctx, id, version, endDate, endReason);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Placement, { description: 'Adds a weekly fee from a date to the fee history (earlier rows stay as they were).' })
  changePlacementFee(@IdArg() id: string, @VersionArg() version: number, @InputArg(() => PlacementFeeInput, 'The new fee.') input: PlacementFeeInput, @Ctx() ctx: GraphQLContext) {
    return placementService.changeFee(ctx, id, version, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => AdditionalService, { description: 'Adds a service on top of the core fee.' })
  addAdditionalService(
    @IdArg('placementId', 'the placement') placementId: string,
    @VersionArg() version: number,
    @InputArg(() => AdditionalServiceInput, 'The service.') input: AdditionalServiceInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return placementService.addService(ctx, placementId, version, input);
  }

  @Authorized(...CHILD_READERS)
  @FieldResolver(() => Child, { description: 'The child (not for analysts).' })
  child(@Root() p: Placement, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Child, 'Child').load(p.childId);
  }

  @FieldResolver(() => Provider, { description: 'The provider.' })
  provider(@Root() p: Placement, @Ctx() ctx: GraphQLContext) {
    return loaderById(ctx, Provider, 'Provider').load(p.providerId);
  }

  @FieldResolver(() => Setting, { nullable: true, description: 'The setting.' })
  setting(@Root() p: Placement, @Ctx() ctx: GraphQLContext) {
    return p.settingId ? loaderById(ctx, Setting, 'Setting').load(p.settingId) : null;
  }

  @FieldResolver(() => Contract, { nullable: true, description: 'The contract.' })
  contract(@Root() p: Placement, @Ctx() ctx: GraphQLContext) {
    return p.contractId ? loaderById(ctx, Contract, 'Contract').load(p.contractId) : null;
  }

  @FieldResolver(() => [PlacementFee], { description: 'The fee history, oldest first.' })
  fees(@Root() p: Placement, @Ctx() ctx: GraphQLContext) {
    return feesOfPlacement(ctx).load(p.id);
  }

  @FieldResolver(() => [AdditionalService], { description: 'Services on top of the core fee.' })
  additionalServices(@Root() p: Placement, @Ctx() ctx: GraphQLContext) {
    return servicesOfPlacement(ctx).load(p.id);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Within 20 miles of home; null when the distance is not known.' })
  within20Miles(@Root() p: Placement) {
    return p.distanceMiles === null ? null : p.distanceMiles <= 20;
  }

  @FieldResolver(() => MoneyScalar, { description: 'Cost of the nights from `from` to `to` (`to` not included), rounded once.' })
  async costBetween(
    @Root() p: Placement,
    @Arg('from', () => DateScalar, { description: 'First night counted.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'The day after the last night counted.' }) to: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    if (to < from) throw badInput('to', 'must not be before from');
    const { fees, services } = await costInputs(ctx, p);
    return costBetween(p, fees, services, from, to);
  }

  @FieldResolver(() => MoneyScalar, { description: 'Cost from the start to last night.' })
  async costToDate(@Root() p: Placement, @Ctx() ctx: GraphQLContext) {
    const { fees, services } = await costInputs(ctx, p);
    return costToDate(p, fees, services, today());
  }

  @FieldResolver(() => MoneyScalar, { description: 'Cost still to come: from tonight to the end, the planned end, or the end of the financial year.' })
  async committedCost(@Root() p: Placement, @Ctx() ctx: GraphQLContext) {
    const { fees, services } = await costInputs(ctx, p);
    return committedCost(p, fees, services, today());
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'Weekly fee plus weekly services tonight; null when the placement is not running.' })
  async currentWeeklyCost(@Root() p: Placement, @Ctx() ctx: GraphQLContext) {
    const { fees, services } = await costInputs(ctx, p);
    return weeklyCostOn(p, fees, services, today());
  }

  @FieldResolver(() => Int, { description: 'Nights so far (up to last night, or to the end).' })
  nightsToDate(@Root() p: Placement) {
    const until = p.endDate && p.endDate < today() ? p.endDate : today();
    return until > p.startDate ? Math.round((Date.parse(until) - Date.parse(p.startDate)) / 86_400_000) : 0;
  }
}
