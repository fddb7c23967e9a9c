import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { NeedLevel } from '../../common/codes/need-level.code';
import type { OfstedRating } from '../../common/codes/ofsted-rating.code';
import { PlacementType } from '../../common/codes/placement-type.code';
import { today } from '../../common/clock';
import { badInput } from '../../common/errors';
import type { Pence } from '../../common/money';
import type { GraphQLContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import type { ContractKind } from '../contract/contract-codes';
import { Role } from '../user/role';
import { unitCostsStatement, type UnitCostSection } from './unit-costs.sql';
import { CostSpread, FrameworkPremium, HighCostPlacement, OfstedUnitCost, ProviderUnitCost, UnitCostGroup, UnitCosts } from './unit-costs.types';
import { Scoped } from '../../graphql/operation-scope';

const READERS = [Role.ADMIN, Role.CONTRACT_OFFICER, Role.FINANCE, Role.ANALYST];
const TEN_THOUSAND_POUNDS = 1_000_000n;

type Text = string | null;
const pence = (v: Text): Pence | null => (v === null ? null : BigInt(v));
const hundredths = pence;
const spread = (r: { placements: number; lowest: string; lower_quartile: string; median: string; upper_quartile: string; highest: string }): CostSpread => ({
  placements: r.placements,
  lowest: BigInt(r.lowest),
  lowerQuartile: BigInt(r.lower_quartile),
  median: BigInt(r.median),
  upperQuartile: BigInt(r.upper_quartile),
  highest: BigInt(r.highest),
});

/**
 * The sections of one scope asked in a request, loaded together: the field resolvers run in the same
 * tick, so every section selected becomes one SQL statement over the placements worked out once.
 */
function sections(ctx: GraphQLContext, scope: UnitCosts) {
  return ctx.loaders.get(`unitCosts:${JSON.stringify(scope)}`, () =>
    new DataLoader<UnitCostSection, unknown[], string>(
      async (asked) => {
        const { sql, params } = unitCostsStatement([...asked]);
        const [row]: Array<Record<string, unknown[]>> = await ctx.db.query(sql, [scope.onDate, scope.includesOwnProvision, scope.placementTypes, ...params]);
        return asked.map((_, i) => row[`s${i}`]);
      },
      { cacheKeyFn: (s) => JSON.stringify(s, (_, v) => (typeof v === 'bigint' ? v.toString() : v)) },
    ),
  );
}

async function query<T>(ctx: GraphQLContext, scope: UnitCosts, section: UnitCostSection): Promise<T[]> {
  return (await sections(ctx, scope).load(section)) as T[];
}

/** Unit costs and value for money: the sections selected are worked out together in one SQL statement (unit-costs.sql.ts), only those asked. */
@Scoped('analytics')
@Resolver(() => UnitCosts)
export class UnitCostsResolver {
  @Authorized(...READERS)
  @Query(() => UnitCosts, {
    description:
      'Unit costs on a date (today when left out): the weekly cost (core fee + weekly services) of each placement running that night with a fee in force, ' +
      'by placement type and need level, by provider against the median and the rate card, spot against framework, by Ofsted rating, and the highest. ' +
      'Medians and quartiles are percentile_cont, rounded half-up to the penny once.',
  })
  unitCosts(
    @Arg('onDate', () => DateScalar, { nullable: true, description: 'The date; today when left out.' }) onDate: string | null,
    @Arg('includeOwnProvision', { defaultValue: false, description: 'Count the authority’s own provision (provider code PR1) too.' }) includeOwnProvision: boolean,
    @Arg('placementTypes', () => [PlacementType], { nullable: true, description: 'Only these placement types; all when left out.' }) placementTypes: PlacementType[] | null,
  ): UnitCosts {
    if (placementTypes && placementTypes.length === 0) throw badInput('placementTypes', 'must name at least one placement type, or be left out');
    return { onDate: onDate ?? today(), includesOwnProvision: includeOwnProvision, placementTypes: placementTypes ?? null };
  }

  @FieldResolver(() => [UnitCostGroup], { description: 'The spread of weekly costs by placement type and need level (need level not known last).' })
  async byPlacementTypeAndNeed(@Root() scope: UnitCosts, @Ctx() ctx: GraphQLContext): Promise<UnitCostGroup[]> {
    const rows = await query<Parameters<typeof spread>[0] & { placement_type: PlacementType; need_level: Text }>(ctx, scope, { kind: 'groups' });
    return rows.map((r) => ({ placementType: r.placement_type, needLevel: r.need_level as NeedLevel | null, ...spread(r) }));
  }

  @FieldResolver(() => [OfstedUnitCost], { description: 'The spread of weekly costs by the Ofsted rating of the placement’s setting (not known last).' })
  async byOfstedRating(@Root() scope: UnitCosts, @Ctx() ctx: GraphQLContext): Promise<OfstedUnitCost[]> {
    const rows = await query<Parameters<typeof spread>[0] & { ofsted_rating: Text }>(ctx, scope, { kind: 'ofsted' });
    return rows.map((r) => ({ ofstedRating: r.ofsted_rating as OfstedRating | null, ...spread(r) }));
  }

  @FieldResolver(() => [ProviderUnitCost], { description: 'Each provider’s placements by type and need level against the group’s median and the provider’s rate card, by provider name.' })
  async byProvider(@Root() scope: UnitCosts, @Ctx() ctx: GraphQLContext): Promise<ProviderUnitCost[]> {
    const rows = await query<Record<string, Text> & { placements: number; with_card: number }>(ctx, scope, { kind: 'providers' });
    return rows.map((r) => ({
      providerId: r.provider_id!,
      placementType: r.placement_type as PlacementType,
      needLevel: r.need_level as NeedLevel | null,
      placements: r.placements,
      averageWeeklyCost: BigInt(r.average_cost!),
      groupMedian: BigInt(r.median!),
      differenceFromMedian: BigInt(r.vs_median!),
      percentFromMedian: hundredths(r.vs_median_percent),
      placementsWithCardRate: r.with_card,
      averageWeeklyFee: pence(r.average_fee),
      averageCardRate: pence(r.average_card),
      differenceFromCard: pence(r.vs_card),
      percentFromCard: hundredths(r.vs_card_percent),
    }));
  }

  @FieldResolver(() => [FrameworkPremium], { description: 'By placement type and need level: the median weekly cost of spot placements against framework call-offs.' })
  async frameworkPremium(@Root() scope: UnitCosts, @Ctx() ctx: GraphQLContext): Promise<FrameworkPremium[]> {
    const rows = await query<Record<string, Text> & { spot: number; framework: number }>(ctx, scope, { kind: 'premium' });
    return rows.map((r) => ({
      placementType: r.placement_type as PlacementType,
      needLevel: r.need_level as NeedLevel | null,
      spotPlacements: r.spot,
      spotMedian: pence(r.spot_median),
      frameworkPlacements: r.framework,
      frameworkMedian: pence(r.framework_median),
      premium: pence(r.premium),
      premiumPercent: hundredths(r.premium_percent),
    }));
  }

  @FieldResolver(() => [HighCostPlacement], { description: 'The placements costing `atLeast` a week or more that night, highest first.' })
  async highCostPlacements(
    @Root() scope: UnitCosts,
    @Arg('atLeast', () => MoneyScalar, { defaultValue: TEN_THOUSAND_POUNDS, description: 'The lowest weekly cost listed; £10,000.00 when left out.' }) atLeast: Pence,
    @Ctx() ctx: GraphQLContext,
  ): Promise<HighCostPlacement[]> {
    if (atLeast < 0n) throw badInput('atLeast', 'must not be negative');
    const rows = await query<Record<string, Text>>(ctx, scope, { kind: 'highCost', atLeast });
    return rows.map((r) => ({
      placementId: r.id!,
      weeklyCost: BigInt(r.weekly_cost!),
      weeklyFee: BigInt(r.weekly_fee!),
      needLevel: r.need_level as NeedLevel | null,
      contractKind: r.contract_kind as ContractKind | null,
      cardWeeklyFee: pence(r.card_fee),
      aboveCard: pence(r.above_card),
    }));
  }
}
