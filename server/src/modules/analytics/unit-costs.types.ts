import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NeedLevel } from '../../common/codes/need-level.code';
import { OfstedRating } from '../../common/codes/ofsted-rating.code';
import { PlacementType } from '../../common/codes/placement-type.code';
import type { Pence } from '../../common/money';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DecimalScalar, MoneyScalar } from '../../graphql/scalars/money.scalar';
import { ContractKind } from '../contract/contract-codes';
import { Placement } from '../placement/placement.entity';
import { Provider } from '../provider/provider.entity';

const NEED = 'The level of need, from the placement’s contract; null: not known (no contract, or the contract names none), a group of its own.';
const MEDIAN = 'by percentile_cont (between the two nearest weekly costs), rounded half-up to the penny';

/** The scope every figure of the unit costs is worked over. */
@ObjectType({ description: 'Unit costs and value for money: the weekly costs of the placements running on a date, by group, provider, contract kind and Ofsted rating.' })
export class UnitCosts {
  @Field(() => DateScalar, { description: 'The date: the placements running that night, with the fee and weekly services in force.' }) onDate!: string;
  @Field({ description: 'Whether the authority’s own provision (provider code PR1) is counted.' }) includesOwnProvision!: boolean;
  @Field(() => [PlacementType], { nullable: true, description: 'The placement types counted; null: all.' }) placementTypes!: PlacementType[] | null;
}

@ObjectType({ description: 'The spread of weekly costs (core fee + weekly services) of a group of placements.' })
export class CostSpread {
  @Field(() => Int, { description: 'Placements counted.' }) placements!: number;
  @Field(() => MoneyScalar, { description: 'The lowest weekly cost.' }) lowest!: Pence;
  @Field(() => MoneyScalar, { description: `The lower quartile (25th percentile), ${MEDIAN}.` }) lowerQuartile!: Pence;
  @Field(() => MoneyScalar, { description: `The median, ${MEDIAN}.` }) median!: Pence;
  @Field(() => MoneyScalar, { description: `The upper quartile (75th percentile), ${MEDIAN}.` }) upperQuartile!: Pence;
  @Field(() => MoneyScalar, { description: 'The highest weekly cost.' }) highest!: Pence;
}

@ObjectType({ description: 'The weekly costs of the placements of one placement type and need level.' })
export class UnitCostGroup extends CostSpread {
  @Field(() => PlacementType, { description: 'The SSDA903 placement type.' }) placementType!: PlacementType;
  @Field(() => NeedLevel, { nullable: true, description: NEED }) needLevel!: NeedLevel | null;
}

@ObjectType({ description: 'The weekly costs of the placements in settings of one Ofsted rating.' })
export class OfstedUnitCost extends CostSpread {
  @Field(() => OfstedRating, { nullable: true, description: 'The setting’s Ofsted overall effectiveness; null: not known (no setting, or no rating recorded).' })
  ofstedRating!: OfstedRating | null;
}

@ObjectType({ description: 'One provider’s placements of one type and need level: their average weekly cost against the median of all such placements, and their fees against the provider’s rate card.' })
export class ProviderUnitCost {
  @Field(() => ID, { description: 'The provider.' }) providerId!: string;
  @Field(() => Provider, { description: 'The provider.' }) provider?: Provider;
  @Field(() => PlacementType, { description: 'The SSDA903 placement type.' }) placementType!: PlacementType;
  @Field(() => NeedLevel, { nullable: true, description: NEED }) needLevel!: NeedLevel | null;
  @Field(() => Int, { description: 'The provider’s placements in the group.' }) placements!: number;
  @Field(() => MoneyScalar, { description: 'Their average weekly cost (fee + weekly services), rounded half-up to the penny.' }) averageWeeklyCost!: Pence;
  @Field(() => MoneyScalar, { description: 'The median weekly cost of every placement in the group (all providers counted in scope), as in byPlacementTypeAndNeed.' }) groupMedian!: Pence;
  @Field(() => MoneyScalar, { description: 'averageWeeklyCost − groupMedian: above the median when positive.' }) differenceFromMedian!: Pence;
  @Field(() => DecimalScalar, { nullable: true, description: 'differenceFromMedian as a percentage of groupMedian (rounded half-up to 0.01); null when the median is zero.' }) percentFromMedian!: bigint | null;
  @Field(() => Int, { description: 'Of the placements, those with a card rate: a line of one of the provider’s active agreements for the type, need level and the child’s age that night (the applicableRate rule, uplifts included).' })
  placementsWithCardRate!: number;
  @Field(() => MoneyScalar, { nullable: true, description: 'The average core weekly fee of the placements with a card rate (services aside, as the card prices the core fee); null when none.' })
  averageWeeklyFee!: Pence | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'The average of their card rates; null when none.' }) averageCardRate!: Pence | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'averageWeeklyFee − averageCardRate: above the card when positive; null when none.' }) differenceFromCard!: Pence | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'differenceFromCard as a percentage of averageCardRate; null when none.' }) percentFromCard!: bigint | null;
}

@ObjectType({ description: 'What spot purchases cost over framework call-offs for one placement type and need level: the difference of the two medians.' })
export class FrameworkPremium {
  @Field(() => PlacementType, { description: 'The SSDA903 placement type.' }) placementType!: PlacementType;
  @Field(() => NeedLevel, { nullable: true, description: NEED }) needLevel!: NeedLevel | null;
  @Field(() => Int, { description: 'Placements under SPOT contracts.' }) spotPlacements!: number;
  @Field(() => MoneyScalar, { nullable: true, description: `The median weekly cost of the spot placements, ${MEDIAN}; null when none.` }) spotMedian!: Pence | null;
  @Field(() => Int, { description: 'Placements under CALL_OFF contracts (framework call-offs).' }) frameworkPlacements!: number;
  @Field(() => MoneyScalar, { nullable: true, description: `The median weekly cost of the call-offs, ${MEDIAN}; null when none.` }) frameworkMedian!: Pence | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'spotMedian − frameworkMedian: what a spot purchase costs more a week; null unless both are known.' }) premium!: Pence | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'premium as a percentage of frameworkMedian (rounded half-up to 0.01); null unless both are known.' }) premiumPercent!: bigint | null;
}

@ObjectType({ description: 'A placement whose weekly cost on the date is at or above the threshold.' })
export class HighCostPlacement {
  @Field(() => ID, { description: 'The placement.' }) placementId!: string;
  @Field(() => Placement, { description: 'The placement.' }) placement?: Placement;
  @Field(() => MoneyScalar, { description: 'Its weekly cost: core fee + weekly services.' }) weeklyCost!: Pence;
  @Field(() => MoneyScalar, { description: 'Its core weekly fee in force.' }) weeklyFee!: Pence;
  @Field(() => NeedLevel, { nullable: true, description: NEED }) needLevel!: NeedLevel | null;
  @Field(() => ContractKind, { nullable: true, description: 'The kind of its contract; null when it has none.' }) contractKind!: ContractKind | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'The provider’s card rate for it that night (the applicableRate rule); null when no card line applies.' }) cardWeeklyFee!: Pence | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'weeklyFee − cardWeeklyFee; null when no card line applies.' }) aboveCard!: Pence | null;
}
