import { Field, ID, InputType, Int } from 'type-graphql';
import { NeedLevel } from '../../common/codes/need-level.code';
import { PlacementType } from '../../common/codes/placement-type.code';
import type { Pence } from '../../common/money';
import { OptionalText, RequiredText, RequiredValue, WholeNumber } from '../../common/validation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { ContractKind } from './contract-codes';

@InputType({ description: 'A new contract (it starts as DRAFT).' })
export class ContractCreateInput {
  @Field(() => ContractKind, { description: 'What the contract buys.' }) @RequiredValue() kind!: ContractKind;
  @Field(() => ID, { description: 'The provider.' }) @RequiredValue() providerId!: string;
  @Field(() => ID, { nullable: true, description: 'The framework agreement; required for a call-off.' }) agreementId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The owning officer; you when left out.' }) ownerId?: string | null;
  @Field({ description: 'The council’s reference; unique.' }) @RequiredText(50) reference!: string;
  @Field({ description: 'A short title.' }) @RequiredText(200) title!: string;
  @Field(() => DateScalar, { description: 'First day.' }) @RequiredValue() startDate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day; required for a call-off.' }) endDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Extension options.' }) @OptionalText(200) extensionOptions?: string | null;
  @Field(() => Int, { nullable: true, description: 'Notice period in days (28 when left out).' }) @WholeNumber(0, 3650) noticePeriodDays?: number;
  @Field(() => MoneyScalar, { nullable: true, description: 'Ceiling value of the whole contract.' }) ceilingValue?: Pence | null;
  @Field(() => Int, { nullable: true, description: 'Places bought; required for a block contract.' }) @WholeNumber(1, 10000) blockPlaces?: number | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Weekly fee (more than zero).' }) weeklyFee?: Pence | null;
  @Field(() => PlacementType, { nullable: true, description: 'Placement type bought; required for a call-off.' }) placementType?: PlacementType | null;
  @Field(() => NeedLevel, { nullable: true, description: 'Level of need priced; required for a call-off.' }) needLevel?: NeedLevel | null;
  @Field(() => Int, { nullable: true, description: 'The child’s age at the start; required for a call-off.' }) @WholeNumber(0, 25) childAgeAtStart?: number | null;
  @Field(() => String, { nullable: true, description: 'Why the fee is above the card rate.' }) @OptionalText(2000) feeAboveCardReason?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Next review date.' }) reviewDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Free notes.' }) @OptionalText(10000) notes?: string | null;
}

@InputType({ description: 'Changes to a contract; the status changes with changeContractStatus.' })
export class ContractUpdateInput {
  @Field(() => ID, { nullable: true, description: 'The framework agreement.' }) agreementId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The owning officer.' }) ownerId?: string | null;
  @Field(() => String, { nullable: true, description: 'The council’s reference.' }) @RequiredText(50) reference?: string;
  @Field(() => String, { nullable: true, description: 'A short title.' }) @RequiredText(200) title?: string;
  @Field(() => DateScalar, { nullable: true, description: 'First day.' }) @RequiredValue() startDate?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day.' }) endDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Extension options.' }) @OptionalText(200) extensionOptions?: string | null;
  @Field(() => Int, { nullable: true, description: 'Notice period in days.' }) @RequiredValue() @WholeNumber(0, 3650) noticePeriodDays?: number;
  @Field(() => MoneyScalar, { nullable: true, description: 'Ceiling value.' }) ceilingValue?: Pence | null;
  @Field(() => Int, { nullable: true, description: 'Places bought.' }) @WholeNumber(1, 10000) blockPlaces?: number | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Weekly fee.' }) weeklyFee?: Pence | null;
  @Field(() => PlacementType, { nullable: true, description: 'Placement type bought.' }) placementType?: PlacementType | null;
  @Field(() => NeedLevel, { nullable: true, description: 'Level of need priced.' }) needLevel?: NeedLevel | null;
  @Field(() => Int, { nullable: true, description: 'The child’s age at the start.' }) @WholeNumber(0, 25) childAgeAtStart?: number | null;
  @Field(() => String, { nullable: true, description: 'Why the fee is above the card rate.' }) @OptionalText(2000) feeAboveCardReason?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Next review date.' }) reviewDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Free notes.' }) @OptionalText(10000) notes?: string | null;
}
