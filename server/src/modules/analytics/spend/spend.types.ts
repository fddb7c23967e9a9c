import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LegalStatus } from '../../../common/codes/legal-status.code';
import { NeedLevel } from '../../../common/codes/need-level.code';
import { PlacementProviderCode } from '../../../common/codes/placement-provider.code';
import { PlacementType } from '../../../common/codes/placement-type.code';
import { Section251Category } from '../../../common/codes/section251.code';
import type { Pence } from '../../../common/money';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../../graphql/scalars/money.scalar';
import { SpendSource } from '../../budget/budget-position';
import { AgeBand } from '../../child/age-band';
import { ContractKind } from '../../contract/contract-codes';
import { DistanceBand, SpendBasis, SpendDimension } from './spend-codes';

@InputType({ description: 'Which spend to count: each list keeps the rows whose value is one of those given (an empty list keeps none); fields left out keep everything. Lists of a kind that transport, contact or other invoice lines have no value for (placement type, setting…) leave those out.' })
export class SpendFilter {
  @Field(() => [String], { nullable: true, description: 'Financial years, e.g. "2025-26".' }) financialYears?: string[];
  @Field(() => [String], { nullable: true, description: 'Months, e.g. "2025-04".' }) months?: string[];
  @Field(() => [DateScalar], { nullable: true, description: 'Weeks, by their Monday.' }) weeks?: string[];
  @Field(() => [ID], { nullable: true, description: 'Localities (the child’s).' }) localityIds?: string[];
  @Field(() => [PlacementType], { nullable: true, description: 'Placement types.' }) placementTypes?: PlacementType[];
  @Field(() => [PlacementProviderCode], { nullable: true, description: 'Placement provider codes.' }) providerCodes?: PlacementProviderCode[];
  @Field(() => [ID], { nullable: true, description: 'Providers.' }) providerIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Settings.' }) settingIds?: string[];
  @Field(() => [ContractKind], { nullable: true, description: 'Kinds of contract.' }) contractKinds?: ContractKind[];
  @Field(() => [Section251Category], { nullable: true, description: 'Section 251 lines.' }) categories?: Section251Category[];
  @Field(() => [NeedLevel], { nullable: true, description: 'Levels of need.' }) needLevels?: NeedLevel[];
  @Field(() => [AgeBand], { nullable: true, description: 'Age bands (on each night).' }) ageBands?: AgeBand[];
  @Field(() => [LegalStatus], { nullable: true, description: 'Legal statuses.' }) legalStatuses?: LegalStatus[];
  @Field(() => [DistanceBand], { nullable: true, description: 'Distances from home.' }) distances?: DistanceBand[];
  @Field(() => [SpendSource], { nullable: true, description: 'Placements, transport, contact.' }) sources?: SpendSource[];
}


@ObjectType({ description: 'The value of each dimension a spend group is grouped by; dimensions not grouped by are null, and so is a dimension with no value for the rows (see SpendDimension).' })
export class SpendKey {
  @Field(() => String, { nullable: true, description: 'Financial year, e.g. "2025-26".' }) financialYear!: string | null;
  @Field(() => String, { nullable: true, description: 'Month, e.g. "2025-04".' }) month!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Week, by its Monday.' }) week!: string | null;
  @Field(() => ID, { nullable: true, description: 'The locality’s id (see `locality`).' }) localityId!: string | null;
  @Field(() => PlacementType, { nullable: true, description: 'Placement type.' }) placementType!: PlacementType | null;
  @Field(() => PlacementProviderCode, { nullable: true, description: 'Placement provider code.' }) providerCode!: PlacementProviderCode | null;
  @Field(() => ID, { nullable: true, description: 'The provider’s id (see `provider`).' }) providerId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The setting’s id (see `setting`).' }) settingId!: string | null;
  @Field(() => ContractKind, { nullable: true, description: 'Kind of contract.' }) contractKind!: ContractKind | null;
  @Field(() => Section251Category, { nullable: true, description: 'Section 251 line.' }) category!: Section251Category | null;
  @Field(() => NeedLevel, { nullable: true, description: 'Level of need.' }) needLevel!: NeedLevel | null;
  @Field(() => AgeBand, { nullable: true, description: 'Age band.' }) ageBand!: AgeBand | null;
  @Field(() => LegalStatus, { nullable: true, description: 'Legal status.' }) legalStatus!: LegalStatus | null;
  @Field(() => DistanceBand, { nullable: true, description: 'Distance from home.' }) distance!: DistanceBand | null;
  @Field(() => SpendSource, { nullable: true, description: 'Placements, transport or contact.' }) source!: SpendSource | null;
}

@ObjectType({ description: 'Figures of spend: amount, nights or units, who and the weekly fees.' })
export class SpendFigures {
  @Field(() => MoneyScalar, { description: 'The amount: the sum of its rows, each rounded once (see SpendBasis).' }) amount!: Pence;
  @Field(() => Int, { description: 'Nights of care (placements; for invoice lines, the nights they bill).' }) nights!: number;
  @Field(() => Int, { description: 'Transport journeys (a child’s share counts one for that child) and contact sessions.' }) units!: number;
  @Field(() => Int, { description: 'Distinct placements.' }) placements!: number;
  @Field(() => Int, { description: 'Distinct children.' }) children!: number;
  @Field(() => MoneyScalar, { nullable: true, description: 'The amount of the rows with nights (placements) × 7 ÷ nights, rounded half-up to the penny; null without nights.' }) averageWeeklyCost!: Pence | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'The lowest core weekly fee in force on the nights counted; null without placements.' }) lowestWeeklyFee!: Pence | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'The highest core weekly fee in force on the nights counted; null without placements.' }) highestWeeklyFee!: Pence | null;
}

@ObjectType({ description: 'One group of the spend cube.' })
export class SpendGroup extends SpendFigures {
  @Field(() => SpendKey, { description: 'What the group is.' }) key!: SpendKey;
}

@ObjectType({ description: 'Spend grouped by the dimensions asked for, with the total.' })
export class SpendCube {
  @Field(() => DateScalar, { description: 'First day counted.' }) from!: string;
  @Field(() => DateScalar, { description: 'Last day counted.' }) to!: string;
  @Field(() => SpendBasis, { description: 'Which amounts.' }) basis!: SpendBasis;
  @Field(() => [SpendDimension], { description: 'The dimensions grouped by, in order.' }) groupBy!: SpendDimension[];
  @Field(() => [SpendGroup], { description: 'The groups, ordered by their keys in the order of groupBy (nulls last).' }) groups!: SpendGroup[];
  @Field(() => SpendFigures, { description: 'All the rows together: its amount and nights are the sums of the groups’ to the penny; placements and children are counted once each.' })
  total!: SpendFigures;
}
