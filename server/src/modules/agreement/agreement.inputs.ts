import { ArrayMaxSize, IsUrl, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NeedLevel } from '../../common/codes/need-level.code';
import { OfstedRating } from '../../common/codes/ofsted-rating.code';
import { PlacementType } from '../../common/codes/placement-type.code';
import type { Pence } from '../../common/money';
import { OptionalText, RequiredText, RequiredValue, WholeNumber } from '../../common/validation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DecimalScalar, MoneyScalar } from '../../graphql/scalars/money.scalar';
import { UpliftRule } from './agreement-codes';

@InputType({ description: 'A link to a document.' })
export class DocumentLinkInput {
  @Field({ description: 'What the document is.' }) @RequiredText(200) title!: string;
  @Field({ description: 'An https link.' })
  @RequiredText(2000)
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'must be an https link' })
  url!: string;
}

@InputType({ description: 'A rate card line.' })
export class RateLineInput {
  @Field(() => PlacementType, { description: 'SSDA903 placement type.' }) @RequiredValue() placementType!: PlacementType;
  @Field(() => NeedLevel, { description: 'Level of need.' }) @RequiredValue() needLevel!: NeedLevel;
  @Field(() => Int, { description: 'Youngest age in years (0 to 25).' }) @WholeNumber(0, 25) minAge!: number;
  @Field(() => Int, { description: 'Oldest age in years, inclusive (0 to 25).' }) @WholeNumber(0, 25) maxAge!: number;
  @Field(() => MoneyScalar, { description: 'Weekly fee, more than zero.' }) @RequiredValue() weeklyFee!: Pence;
  @Field(() => DateScalar, { description: 'First day the fee applies; within the agreement’s period.' }) @RequiredValue() effectiveFrom!: string;
}

@InputType({ description: 'Changes to a rate line of an agreement that is not yet in force.' })
export class RateLineUpdateInput {
  @Field(() => PlacementType, { nullable: true, description: 'SSDA903 placement type.' }) @RequiredValue() placementType?: PlacementType;
  @Field(() => NeedLevel, { nullable: true, description: 'Level of need.' }) @RequiredValue() needLevel?: NeedLevel;
  @Field(() => Int, { nullable: true, description: 'Youngest age in years.' }) @RequiredValue() @WholeNumber(0, 25) minAge?: number;
  @Field(() => Int, { nullable: true, description: 'Oldest age in years, inclusive.' }) @RequiredValue() @WholeNumber(0, 25) maxAge?: number;
  @Field(() => MoneyScalar, { nullable: true, description: 'Weekly fee, more than zero.' }) @RequiredValue() weeklyFee?: Pence;
  @Field(() => DateScalar, { nullable: true, description: 'First day the fee applies.' }) @RequiredValue() effectiveFrom?: string;
}

@InputType({ description: 'A new preferred-provider agreement (it starts as DRAFT).' })
export class AgreementCreateInput {
  @Field(() => ID, { description: 'The provider.' }) @RequiredValue() providerId!: string;
  @Field(() => ID, { description: 'The commissioning authority.' }) @RequiredValue() authorityId!: string;
  @Field({ description: 'Title.' }) @RequiredText(200) title!: string;
  @Field({ description: 'The council’s reference; unique.' }) @RequiredText(50) reference!: string;
  @Field(() => DateScalar, { description: 'First day in force.' }) @RequiredValue() startDate!: string;
  @Field(() => DateScalar, { description: 'Last day in force.' }) @RequiredValue() endDate!: string;
  @Field(() => Int, { nullable: true, description: 'Tier or rank: 1 is offered first.' }) @WholeNumber(1, 99) tier?: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Volume discount in percent (0 to 100).' }) discountPercent?: bigint | null;
  @Field(() => UpliftRule, { nullable: true, description: 'How rates rise each 1 April; NONE when left out.' }) upliftRule?: UpliftRule;
  @Field(() => DecimalScalar, { nullable: true, description: 'Yearly uplift in percent, required for FIXED_PERCENT.' }) upliftPercent?: bigint | null;
  @Field(() => String, { nullable: true, description: 'Index followed by an INDEX_LINKED uplift, e.g. "CPI".' }) @OptionalText(40) upliftIndex?: string | null;
  @Field(() => Int, { nullable: true, description: 'Placements a year the authority commits to.' }) @WholeNumber(0, 100000) volumeCommitment?: number | null;
  @Field(() => OfstedRating, { nullable: true, description: 'Lowest Ofsted rating a setting may have.' }) minimumOfstedRating?: OfstedRating | null;
  @Field(() => [DocumentLinkInput], { nullable: true, description: 'Links to documents.' }) @ArrayMaxSize(50) @ValidateNested({ each: true }) documents?: DocumentLinkInput[];
  @Field(() => String, { nullable: true, description: 'Free notes.' }) @OptionalText(10000) notes?: string | null;
  @Field(() => [RateLineInput], { nullable: true, description: 'The first rate card lines.' }) @ArrayMaxSize(500) @ValidateNested({ each: true }) rateLines?: RateLineInput[];
}

@InputType({ description: 'Changes to an agreement; the status changes with changeAgreementStatus.' })
export class AgreementUpdateInput {
  @Field(() => String, { nullable: true, description: 'Title.' }) @RequiredText(200) title?: string;
  @Field(() => String, { nullable: true, description: 'The council’s reference.' }) @RequiredText(50) reference?: string;
  @Field(() => DateScalar, { nullable: true, description: 'First day in force.' }) @RequiredValue() startDate?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day in force.' }) @RequiredValue() endDate?: string;
  @Field(() => Int, { nullable: true, description: 'Tier or rank.' }) @WholeNumber(1, 99) tier?: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Volume discount in percent.' }) @RequiredValue() discountPercent?: bigint;
  @Field(() => UpliftRule, { nullable: true, description: 'How rates rise each 1 April.' }) @RequiredValue() upliftRule?: UpliftRule;
  @Field(() => DecimalScalar, { nullable: true, description: 'Yearly uplift in percent.' }) upliftPercent?: bigint | null;
  @Field(() => String, { nullable: true, description: 'Index followed.' }) @OptionalText(40) upliftIndex?: string | null;
  @Field(() => Int, { nullable: true, description: 'Placements a year committed.' }) @WholeNumber(0, 100000) volumeCommitment?: number | null;
  @Field(() => OfstedRating, { nullable: true, description: 'Lowest Ofsted rating a setting may have.' }) minimumOfstedRating?: OfstedRating | null;
  @Field(() => [DocumentLinkInput], { nullable: true, description: 'Links to documents (replaces the list).' }) @RequiredValue() @ArrayMaxSize(50) @ValidateNested({ each: true }) documents?: DocumentLinkInput[];
  @Field(() => String, { nullable: true, description: 'Free notes.' }) @OptionalText(10000) notes?: string | null;
}

@InputType({ description: 'A variation of an active agreement’s rate card: a new complete version from a date.' })
export class RateCardVariationInput {
  @Field(() => DateScalar, { description: 'First day the new version applies; after every earlier version.' }) @RequiredValue() effectiveFrom!: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Raise every line of the current version by this percent (e.g. an index-linked uplift), rounded half-up to the penny per line.',
  })
  upliftPercent?: bigint | null;
  @Field(() => [RateLineInput], { nullable: true, description: 'Or give the complete new card (their effectiveFrom must equal the variation’s).' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  lines?: RateLineInput[];
  @Field(() => String, { nullable: true, description: 'Why the card changed.' }) @OptionalText(2000) reason?: string | null;
}

@InputType({ description: 'A change to one line in a saveRateCard: the line, the version you loaded and its new values.' })
export class RateLineRowUpdate {
  @Field(() => ID, { description: 'The rate line.' }) id!: string;
  @Field(() => Int, { description: 'The version the client saw.' }) version!: number;
  @Field(() => RateLineUpdateInput, { description: 'The new values; fields left out stay as they are.' }) @ValidateNested() input!: RateLineUpdateInput;
}

@InputType({ description: 'A line to remove in a saveRateCard, with the version you loaded.' })
export class RateLineRemoval {
  @Field(() => ID, { description: 'The rate line.' }) id!: string;
  @Field(() => Int, { description: 'The version the client saw.' }) version!: number;
}
