import { Field, ID, InputType } from 'type-graphql';
import { PlacementProviderCode } from '../../common/codes/placement-provider.code';
import { PlacementType } from '../../common/codes/placement-type.code';
import { ReasonForChange } from '../../common/codes/placement-end.code';
import type { Pence } from '../../common/money';
import { OptionalText, RequiredText, RequiredValue } from '../../common/validation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { ServiceCharge } from './placement.entity';

@InputType({ description: 'A new placement, with its first weekly fee.' })
export class PlacementCreateInput {
  @Field(() => String, { nullable: true, description: 'Reference in the case or finance system; unique.' }) @OptionalText(50) reference?: string | null;
  @Field(() => ID, { description: 'The child.' }) @RequiredValue() childId!: string;
  @Field(() => ID, { description: 'The provider.' }) @RequiredValue() providerId!: string;
  @Field(() => ID, { nullable: true, description: 'The setting.' }) settingId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The contract; the placement must lie within its dates.' }) contractId?: string | null;
  @Field(() => PlacementType, { description: 'SSDA903 placement type.' }) @RequiredValue() placementType!: PlacementType;
  @Field(() => PlacementProviderCode, { description: 'SSDA903 placement provider code.' }) @RequiredValue() providerCode!: PlacementProviderCode;
  @Field(() => DateScalar, { description: 'First night.' }) @RequiredValue() startDate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Planned end.' }) plannedEndDate?: string | null;
  @Field(() => MoneyScalar, { description: 'The weekly fee from the first night; more than zero.' }) @RequiredValue() weeklyFee!: Pence;
  @Field(() => ReasonForChange, { nullable: true, description: 'Reason for the change of placement, when it replaces another.' }) changeReason?: ReasonForChange | null;
}

@InputType({ description: 'Changes to a placement; the fee changes with changePlacementFee, the end with endPlacement.' })
export class PlacementUpdateInput {
  @Field(() => String, { nullable: true, description: 'Reference in the case or finance system.' }) @OptionalText(50) reference?: string | null;
  @Field(() => ID, { nullable: true, description: 'The setting.' }) settingId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The contract.' }) contractId?: string | null;
  @Field(() => PlacementType, { nullable: true, description: 'SSDA903 placement type.' }) @RequiredValue() placementType?: PlacementType;
  @Field(() => PlacementProviderCode, { nullable: true, description: 'SSDA903 placement provider code.' }) @RequiredValue() providerCode?: PlacementProviderCode;
  @Field(() => DateScalar, { nullable: true, description: 'Planned end.' }) plannedEndDate?: string | null;
  @Field(() => ReasonForChange, { nullable: true, description: 'Reason for the change of placement.' }) changeReason?: ReasonForChange | null;
}

@InputType({ description: 'A service on top of the core fee.' })
export class AdditionalServiceInput {
  @Field({ description: 'What it is.' }) @RequiredText(200) description!: string;
  @Field(() => ServiceCharge, { description: 'Weekly or one-off.' }) @RequiredValue() charge!: ServiceCharge;
  @Field(() => MoneyScalar, { description: 'The amount, more than zero.' }) @RequiredValue() amount!: Pence;
  @Field(() => DateScalar, { description: 'First night, or the date of a one-off.' }) @RequiredValue() startDate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'A weekly service’s end (not charged).' }) endDate?: string | null;
}

@InputType({ description: 'A new weekly fee from a date.' })
export class PlacementFeeInput {
  @Field(() => MoneyScalar, { description: 'The new weekly fee, more than zero.' }) @RequiredValue() weeklyFee!: Pence;
  @Field(() => DateScalar, { description: 'The first night it applies to; within the placement.' }) @RequiredValue() effectiveFrom!: string;
  @Field(() => String, { nullable: true, description: 'Why the fee changed.' }) @OptionalText(2000) reason?: string | null;
}
