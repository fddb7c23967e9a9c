import { ArrayMaxSize, ArrayMinSize, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NeedLevel } from '../../common/codes/need-level.code';
import { PlacementType } from '../../common/codes/placement-type.code';
import type { Pence } from '../../common/money';
import { Between, OptionalText, Pattern, RequiredText, RequiredValue, UK_POSTCODE, WholeNumber } from '../../common/validation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { CancellationTermsInput } from '../../common/cancellation-terms';
import { Float } from 'type-graphql';
import { RoundCategory } from './procurement-codes';

@InputType({ description: 'A criterion of the quality scoring matrix.' })
export class ScoringCriterionInput {
  @Field({ description: 'What is scored.' }) @RequiredText(200) criterion!: string;
  @Field(() => Int, { description: 'The most points for it (1 to 1000).' }) @WholeNumber(1, 1000) maxPoints!: number;
}

@InputType({ description: 'Points for one criterion.' })
export class QualityMarkInput {
  @Field({ description: 'The criterion, as in the round’s matrix.' }) @RequiredText(200) criterion!: string;
  @Field(() => Int, { description: 'Points given, from 0 to the criterion’s maximum.' }) @WholeNumber(0, 1000) points!: number;
}

@InputType({ description: 'A new procurement round (DRAFT).' })
export class ProcurementRoundCreateInput {
  @Field({ description: 'The council’s reference; unique.' }) @RequiredText(50) reference!: string;
  @Field({ description: 'A short title.' }) @RequiredText(200) title!: string;
  @Field(() => RoundCategory, { description: 'What the round buys.' }) @RequiredValue() category!: RoundCategory;
  @Field(() => String, { nullable: true, description: 'The child’s case reference.' }) @OptionalText(50) childReference?: string | null;
  @Field(() => PlacementType, { nullable: true, description: 'Placement type; required for a placement round.' }) placementType?: PlacementType | null;
  @Field(() => NeedLevel, { nullable: true, description: 'Level of need; required for a placement round.' }) needLevel?: NeedLevel | null;
  @Field(() => Int, { nullable: true, description: 'The child’s age at the start.' }) @WholeNumber(0, 25) childAge?: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'Needed from.' }) startDate?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Planned last day.' }) endDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Postcode of the need.' }) @Pattern(UK_POSTCODE, 'must be a valid UK postcode, e.g. BH1 1AA') postcode?: string | null;
  @Field(() => Float, { nullable: true, description: 'Latitude of the need.' }) @Between(-90, 90, 'latitude') latitude?: number | null;
  @Field(() => Float, { nullable: true, description: 'Longitude of the need.' }) @Between(-180, 180, 'longitude') longitude?: number | null;
  @Field(() => Int, { nullable: true, description: 'Radius in miles for suggested providers.' }) @WholeNumber(1, 1000) radiusMiles?: number | null;
  @Field(() => String, { nullable: true, description: 'The need in words (route, schedule).' }) @OptionalText(10000) needDescription?: string | null;
  @Field(() => ID, { nullable: true, description: 'A transport round’s route (without a contract yet); its term, start and schedule fill the need.' }) transportRouteId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A contact round’s arrangement (without a contract yet); its dates and schedule fill the need.' }) contactArrangementId?: string | null;
  @Field(() => DateTimeScalar, { description: 'When bidding closes.' }) @RequiredValue() closesAt!: Date;
  @Field(() => Int, { nullable: true, description: 'Quality weight in percent (60 when left out).' }) @WholeNumber(0, 100) qualityWeight?: number;
  @Field(() => Int, { nullable: true, description: 'Price weight in percent (40 when left out); quality + price = 100.' }) @WholeNumber(0, 100) priceWeight?: number;
  @Field(() => [ScoringCriterionInput], { nullable: true, description: 'The quality scoring matrix (one criterion "Quality" out of 100 when left out).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  scoringMatrix?: ScoringCriterionInput[];
}

@InputType({ description: 'A bid received from an invited provider.' })
export class BidInput {
  @Field(() => ID, { description: 'The provider bidding; it must be invited.' }) @RequiredValue() providerId!: string;
  @Field(() => MoneyScalar, { description: 'The price: weekly fee, per journey or per hour; more than zero.' }) @RequiredValue() amount!: Pence;
  @Field(() => [QualityMarkInput], { nullable: true, description: 'Quality points, if already scored.' }) @ArrayMaxSize(30) @ValidateNested({ each: true }) qualityMarks?: QualityMarkInput[];
  @Field(() => String, { nullable: true, description: 'Notes.' }) @OptionalText(10000) notes?: string | null;
}

@InputType({ description: 'The contract an award creates.' })
export class AwardContractInput {
  @Field({ description: 'The new contract’s reference; unique.' }) @RequiredText(50) reference!: string;
  @Field(() => String, { nullable: true, description: 'Its title; the round’s title when left out.' }) @OptionalText(200) title?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'First day; the need’s start date when left out.' }) startDate?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Last day; the need’s end date when left out.' }) endDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Why the fee is above the card rate, when it is.' }) @OptionalText(2000) feeAboveCardReason?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Transport: the escort rate of the price schedule the award creates (0 when left out).' }) escortRate?: Pence | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Transport: the waiting rate per hour of the price schedule (0 when left out).' }) waitingRatePerHour?: Pence | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Contact: the venue charge per chargeable session, if the contract has one.' }) venueCharge?: Pence | null;
  @Field(() => CancellationTermsInput, { nullable: true, description: 'Transport and contact: the cancellation terms (24 hours, 100%, 100% when left out).' }) @ValidateNested() cancellation?: CancellationTermsInput;
}
