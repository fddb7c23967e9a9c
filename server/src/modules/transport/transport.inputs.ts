import { ArrayMaxSize, ArrayMinSize, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { CancellationTermsInput } from '../../common/cancellation-terms';
import { TIME_OF_DAY } from '../../common/london-time';
import type { Pence } from '../../common/money';
import { Between, OptionalText, Pattern, RequiredText, RequiredValue, UK_POSTCODE, WholeNumber } from '../../common/validation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { DecimalScalar, MoneyScalar } from '../../graphql/scalars/money.scalar';
import { JourneyLeg, JourneyPurpose, JourneyStatus, PricingBasis, VehicleType, Weekday } from './transport-codes';

const TIME_MESSAGE = 'must be a time of day as "HH:MM", e.g. "08:15"';

@InputType({ description: 'A transport contract’s prices for one vehicle type from a date.' })
export class TransportPriceScheduleInput {
  @Field(() => ID, { description: 'The transport contract.' }) @RequiredValue() contractId!: string;
  @Field(() => VehicleType, { description: 'The vehicle priced.' }) @RequiredValue() vehicleType!: VehicleType;
  @Field(() => PricingBasis, { description: 'How the rate charges.' }) @RequiredValue() pricingBasis!: PricingBasis;
  @Field(() => MoneyScalar, { description: 'The rate (per mile, journey, day or route per term); more than zero.' }) @RequiredValue() rate!: Pence;
  @Field(() => MoneyScalar, { nullable: true, description: 'Added to a journey with an escort (0 when left out).' }) escortRate?: Pence;
  @Field(() => MoneyScalar, { nullable: true, description: 'Per hour of waiting beyond the free minutes (0 when left out).' }) waitingRatePerHour?: Pence;
  @Field(() => Int, { nullable: true, description: 'Minutes of waiting included (0 when left out).' }) @WholeNumber(0, 600) freeWaitingMinutes?: number;
  @Field(() => CancellationTermsInput, { nullable: true, description: 'Cancellation terms (24 hours, 100%, 100% when left out).' }) @ValidateNested() cancellation?: CancellationTermsInput;
  @Field(() => DateScalar, { description: 'First day the prices apply.' }) @RequiredValue() effectiveFrom!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day; open-ended when left out.' }) effectiveTo?: string | null;
}

@InputType({ description: 'A break in a term.' })
export class TermBreakInput {
  @Field(() => DateScalar, { description: 'First day.' }) @RequiredValue() from!: string;
  @Field(() => DateScalar, { description: 'Last day.' }) @RequiredValue() to!: string;
}

@InputType({ description: 'A transport route: who, why, where, when and, once bought, under which contract.' })
export class TransportRouteInput {
  @Field({ description: 'The council’s reference; unique.' }) @RequiredText(50) reference!: string;
  @Field(() => JourneyPurpose, { description: 'Why the children travel.' }) @RequiredValue() purpose!: JourneyPurpose;
  @Field(() => VehicleType, { description: 'The vehicle needed.' }) @RequiredValue() vehicleType!: VehicleType;
  @Field(() => [ID], { description: 'The children travelling (1 to 16); a journey’s cost is shared between them.' }) @ArrayMinSize(1, { message: 'name at least one child' }) @ArrayMaxSize(16) childIds!: string[];
  @Field(() => ID, { nullable: true, description: 'The transport contract, once bought.' }) contractId?: string | null;
  @Field({ description: 'Postcode of the start.' }) @RequiredText(8) @Pattern(UK_POSTCODE, 'must be a valid UK postcode, e.g. BH1 1AA') fromPostcode!: string;
  @Field(() => Float, { nullable: true, description: 'Latitude of the start.' }) @Between(-90, 90, 'latitude') fromLatitude?: number | null;
  @Field(() => Float, { nullable: true, description: 'Longitude of the start.' }) @Between(-180, 180, 'longitude') fromLongitude?: number | null;
  @Field({ description: 'Postcode of the destination.' }) @RequiredText(8) @Pattern(UK_POSTCODE, 'must be a valid UK postcode, e.g. BH1 1AA') toPostcode!: string;
  @Field(() => Float, { nullable: true, description: 'Latitude of the destination.' }) @Between(-90, 90, 'latitude') toLatitude?: number | null;
  @Field(() => Float, { nullable: true, description: 'Longitude of the destination.' }) @Between(-180, 180, 'longitude') toLongitude?: number | null;
  @Field(() => DecimalScalar, { description: 'Road miles one way (0 to 1000).' }) @RequiredValue() miles!: bigint;
  @Field(() => [Weekday], { description: 'Days of the week it runs.' }) @ArrayMinSize(1, { message: 'name at least one day' }) @ArrayMaxSize(7) days!: Weekday[];
  @Field({ description: 'Outbound pick-up time, "HH:MM".' }) @RequiredValue() @Pattern(TIME_OF_DAY, TIME_MESSAGE) pickupTime!: string;
  @Field(() => String, { nullable: true, description: 'Return pick-up time; one-way when left out.' }) @Pattern(TIME_OF_DAY, TIME_MESSAGE) returnPickupTime?: string | null;
  @Field(() => DateScalar, { description: 'First day of the term.' }) @RequiredValue() termStart!: string;
  @Field(() => DateScalar, { description: 'Last day of the term.' }) @RequiredValue() termEnd!: string;
  @Field(() => [TermBreakInput], { nullable: true, description: 'Breaks in the term (half-term, inset days).' }) @ArrayMaxSize(20) @ValidateNested({ each: true }) termBreaks?: TermBreakInput[];
  @Field({ nullable: true, description: 'Whether it runs on bank holidays (false when left out).' }) runsOnBankHolidays?: boolean;
  @Field(() => String, { nullable: true, description: 'Notes.' }) @OptionalText(5000) notes?: string | null;
}

@InputType({ description: 'Changes to a route; fields left out keep their values.' })
export class TransportRouteUpdateInput {
  @Field(() => ID, { nullable: true, description: 'The transport contract.' }) contractId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The children travelling.' }) @ArrayMinSize(1, { message: 'name at least one child' }) @ArrayMaxSize(16) childIds?: string[];
  @Field(() => DecimalScalar, { nullable: true, description: 'Road miles one way.' }) miles?: bigint;
  @Field(() => [Weekday], { nullable: true, description: 'Days of the week it runs.' }) @ArrayMinSize(1, { message: 'name at least one day' }) @ArrayMaxSize(7) days?: Weekday[];
  @Field(() => String, { nullable: true, description: 'Outbound pick-up time.' }) @Pattern(TIME_OF_DAY, TIME_MESSAGE) pickupTime?: string;
  @Field(() => String, { nullable: true, description: 'Return pick-up time; null makes it one-way.' }) @Pattern(TIME_OF_DAY, TIME_MESSAGE) returnPickupTime?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'First day of the term.' }) termStart?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day of the term.' }) termEnd?: string;
  @Field(() => [TermBreakInput], { nullable: true, description: 'Breaks in the term.' }) @ArrayMaxSize(20) @ValidateNested({ each: true }) termBreaks?: TermBreakInput[];
  @Field({ nullable: true, description: 'Whether it runs on bank holidays.' }) runsOnBankHolidays?: boolean;
  @Field(() => String, { nullable: true, description: 'Notes.' }) @OptionalText(5000) notes?: string | null;
}

@InputType({ description: 'One journey of a route.' })
export class TransportJourneyInput {
  @Field(() => DateScalar, { description: 'The day; the route must run on it.' }) @RequiredValue() date!: string;
  @Field(() => JourneyLeg, { nullable: true, description: 'OUTBOUND when left out.' }) leg?: JourneyLeg;
  @Field(() => DecimalScalar, { nullable: true, description: 'Miles driven; the route’s miles when left out.' }) miles?: bigint;
  @Field({ nullable: true, description: 'Whether an escort travelled.' }) escort?: boolean;
  @Field(() => Int, { nullable: true, description: 'Minutes the driver waited (0 to 1440).' }) @WholeNumber(0, 1440) waitingMinutes?: number;
  @Field(() => JourneyStatus, { nullable: true, description: 'PLANNED when left out.' }) status?: JourneyStatus;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was cancelled; required for a cancellation.' }) cancelledAt?: Date | null;
}

@InputType({ description: 'Changes to a journey; fields left out keep their values.' })
export class TransportJourneyUpdateInput {
  @Field(() => DecimalScalar, { nullable: true, description: 'Miles driven.' }) miles?: bigint;
  @Field({ nullable: true, description: 'Whether an escort travelled.' }) escort?: boolean;
  @Field(() => Int, { nullable: true, description: 'Minutes waited.' }) @WholeNumber(0, 1440) waitingMinutes?: number;
  @Field(() => JourneyStatus, { nullable: true, description: 'What happened.' }) status?: JourneyStatus;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was cancelled (required for a cancellation; cleared when the journey is no longer cancelled).' }) cancelledAt?: Date | null;
}

@InputType({ description: 'One journey’s changes in a bulk update.' })
export class TransportJourneyRowUpdate {
  @Field(() => ID, { description: 'The journey.' }) id!: string;
  @Field(() => Int, { description: 'The version the client saw; a different current version fails the whole batch with CONFLICT.' }) version!: number;
  @Field(() => TransportJourneyUpdateInput, { description: 'The changes.' }) @ValidateNested() input!: TransportJourneyUpdateInput;
}

@InputType({ description: 'Changes to a price schedule; fields left out keep their values. Journeys priced by it are priced again.' })
export class TransportPriceScheduleUpdateInput {
  @Field(() => PricingBasis, { nullable: true, description: 'How the rate charges.' }) pricingBasis?: PricingBasis;
  @Field(() => MoneyScalar, { nullable: true, description: 'The rate; more than zero.' }) rate?: Pence;
  @Field(() => MoneyScalar, { nullable: true, description: 'Added to a journey with an escort.' }) escortRate?: Pence;
  @Field(() => MoneyScalar, { nullable: true, description: 'Per hour of waiting beyond the free minutes.' }) waitingRatePerHour?: Pence;
  @Field(() => Int, { nullable: true, description: 'Minutes of waiting included.' }) @WholeNumber(0, 600) freeWaitingMinutes?: number;
  @Field(() => CancellationTermsInput, { nullable: true, description: 'Cancellation terms; parts left out keep their values.' }) @ValidateNested() cancellation?: CancellationTermsInput;
  @Field(() => DateScalar, { nullable: true, description: 'First day the prices apply.' }) effectiveFrom?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day; null makes it open-ended.' }) effectiveTo?: string | null;
}
