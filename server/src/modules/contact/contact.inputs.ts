import { ArrayMaxSize, ArrayMinSize, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CancellationTermsInput } from '../../common/cancellation-terms';
import { TIME_OF_DAY } from '../../common/london-time';
import type { Pence } from '../../common/money';
import { OptionalText, Pattern, RequiredText, RequiredValue } from '../../common/validation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { DecimalScalar, MoneyScalar } from '../../graphql/scalars/money.scalar';
import { ContactFrequency, ContactRole, SessionStatus, SupervisionLevel } from './contact-codes';

const TIME_MESSAGE = 'must be a time of day as "HH:MM", e.g. "14:30"';

@InputType({ description: 'A supervised-contact contract’s hourly rate for one supervision level from a date.' })
export class ContactRateInput {
  @Field(() => ID, { description: 'The supervised-contact contract.' }) @RequiredValue() contractId!: string;
  @Field(() => SupervisionLevel, { description: 'The supervision level priced.' }) @RequiredValue() supervisionLevel!: SupervisionLevel;
  @Field(() => MoneyScalar, { description: 'Price per hour; more than zero.' }) @RequiredValue() hourlyRate!: Pence;
  @Field(() => MoneyScalar, { nullable: true, description: 'Venue charge per chargeable session, where the contract has one.' }) venueCharge?: Pence | null;
  @Field(() => CancellationTermsInput, { nullable: true, description: 'Cancellation terms (24 hours, 100%, 100% when left out).' }) @ValidateNested() cancellation?: CancellationTermsInput;
  @Field(() => DateScalar, { description: 'First day the rate applies.' }) @RequiredValue() effectiveFrom!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day; open-ended when left out.' }) effectiveTo?: string | null;
}

@InputType({ description: 'A contact arrangement for a child.' })
export class ContactArrangementInput {
  @Field({ description: 'The council’s reference; unique.' }) @RequiredText(50) reference!: string;
  @Field(() => ID, { description: 'The child.' }) @RequiredValue() childId!: string;
  @Field(() => [ContactRole], { description: 'Who the child has contact with, by role (no names).' }) @ArrayMinSize(1, { message: 'name at least one role' }) @ArrayMaxSize(10) contactWith!: ContactRole[];
  @Field(() => ContactFrequency, { description: 'How often.' }) @RequiredValue() frequency!: ContactFrequency;
  @Field(() => SupervisionLevel, { description: 'How supervised.' }) @RequiredValue() supervisionLevel!: SupervisionLevel;
  @Field({ description: 'Where.' }) @RequiredText(200) venue!: string;
  @Field(() => DecimalScalar, { description: 'Planned hours of each session (more than 0, at most 24).' }) @RequiredValue() sessionHours!: bigint;
  @Field(() => ID, { nullable: true, description: 'The supervised-contact contract, once bought; its provider becomes the arrangement’s.' }) contractId?: string | null;
  @Field(() => DateScalar, { description: 'First day.' }) @RequiredValue() startDate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day; open when left out.' }) endDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Notes.' }) @OptionalText(5000) notes?: string | null;
}

@InputType({ description: 'Changes to an arrangement; fields left out keep their values.' })
export class ContactArrangementUpdateInput {
  @Field(() => [ContactRole], { nullable: true, description: 'Who, by role.' }) @ArrayMinSize(1, { message: 'name at least one role' }) @ArrayMaxSize(10) contactWith?: ContactRole[];
  @Field(() => ContactFrequency, { nullable: true, description: 'How often.' }) frequency?: ContactFrequency;
  @Field(() => SupervisionLevel, { nullable: true, description: 'How supervised.' }) supervisionLevel?: SupervisionLevel;
  @Field(() => String, { nullable: true, description: 'Where.' }) @RequiredText(200) venue?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Planned hours of each session.' }) sessionHours?: bigint;
  @Field(() => ID, { nullable: true, description: 'The supervised-contact contract.' }) contractId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Last day; null makes it open.' }) endDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Notes.' }) @OptionalText(5000) notes?: string | null;
}

@InputType({ description: 'A contact session.' })
export class ContactSessionInput {
  @Field(() => DateScalar, { description: 'The day; inside the arrangement.' }) @RequiredValue() date!: string;
  @Field({ description: 'Start time, "HH:MM".' }) @RequiredValue() @Pattern(TIME_OF_DAY, TIME_MESSAGE) startTime!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Hours planned; the arrangement’s session hours when left out.' }) plannedHours?: bigint;
  @Field(() => DecimalScalar, { nullable: true, description: 'Hours it lasted.' }) actualHours?: bigint | null;
  @Field(() => SessionStatus, { nullable: true, description: 'PLANNED when left out.' }) status?: SessionStatus;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was cancelled; required for a cancellation.' }) cancelledAt?: Date | null;
}

@InputType({ description: 'Changes to a session; fields left out keep their values.' })
export class ContactSessionUpdateInput {
  @Field(() => SessionStatus, { nullable: true, description: 'What happened.' }) status?: SessionStatus;
  @Field(() => DecimalScalar, { nullable: true, description: 'Hours it lasted.' }) actualHours?: bigint | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Hours planned.' }) plannedHours?: bigint;
  @Field(() => String, { nullable: true, description: 'Start time, "HH:MM".' }) @Pattern(TIME_OF_DAY, TIME_MESSAGE) startTime?: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was cancelled (required for a cancellation; cleared when the session is no longer cancelled).' }) cancelledAt?: Date | null;
}

@InputType({ description: 'One session’s changes in a bulk update.' })
export class ContactSessionRowUpdate {
  @Field(() => ID, { description: 'The session.' }) id!: string;
  @Field(() => Int, { description: 'The version the client saw; a different current version fails the whole batch with CONFLICT.' }) version!: number;
  @Field(() => ContactSessionUpdateInput, { description: 'The changes.' }) @ValidateNested() input!: ContactSessionUpdateInput;
}
