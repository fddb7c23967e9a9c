import { ArrayMaxSize, ArrayMinSize, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { Pence } from '../../common/money';
import { RequiredText, RequiredValue } from '../../common/validation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';

@InputType({ description: 'A line of an invoice.' })
export class InvoiceLineInput {
  @Field(() => ID, { nullable: true, description: 'The placement the nights are for; left out for other items.' }) placementId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The transport journey charged; a line is for one placement, journey or session.' }) journeyId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The contact session charged.' }) sessionId?: string | null;
  @Field({ description: 'What the line is for.' }) @RequiredText(300) description!: string;
  @Field(() => DateScalar, { nullable: true, description: 'First night; required for a placement line (a journey’s or session’s day when left out).' }) fromDate?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day after the last night; required for a placement line.' }) toDate?: string | null;
  @Field(() => Int, { nullable: true, description: 'Nights, if the provider states them; must equal toDate − fromDate.' }) nights?: number | null;
  @Field(() => MoneyScalar, { description: 'The amount (a credit is negative).' }) @RequiredValue() amount!: Pence;
}

@InputType({ description: 'An invoice as received.' })
export class InvoiceCreateInput {
  @Field(() => ID, { description: 'The provider.' }) @RequiredValue() providerId!: string;
  @Field({ description: 'The provider’s invoice number.' }) @RequiredText(60) reference!: string;
  @Field(() => DateScalar, { description: 'First day invoiced.' }) @RequiredValue() periodStart!: string;
  @Field(() => DateScalar, { description: 'Last day invoiced.' }) @RequiredValue() periodEnd!: string;
  @Field(() => DateScalar, { description: 'When it was received.' }) @RequiredValue() receivedDate!: string;
  @Field(() => [InvoiceLineInput], { description: 'The lines (1 to 5,000).' }) @ArrayMinSize(1) @ArrayMaxSize(5000) @ValidateNested({ each: true }) lines!: InvoiceLineInput[];
}
