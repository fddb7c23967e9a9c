import { ArrayMaxSize, ArrayMinSize, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { enumFilter } from '../../common/filters/enum-filters';
import { DateFilter, FilterOn, IdFilter, MoneyFilter, StringFilter } from '../../common/filters/scalar-filters';
import type { Pence } from '../../common/money';
import { orderByInput } from '../../common/pagination/ordering';
import { RequiredText, RequiredValue } from '../../common/validation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { InvoiceLineStatus, InvoiceStatus } from './invoice-codes';

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

const InvoiceStatusFilter = enumFilter(InvoiceStatus, 'InvoiceStatus');

@InputType({ description: 'Which invoices to list.' })
export class InvoiceFilter {
  @Field(() => [InvoiceFilter], { nullable: true, description: 'All of these hold.' }) and?: InvoiceFilter[];
  @Field(() => [InvoiceFilter], { nullable: true, description: 'At least one of these holds.' }) or?: InvoiceFilter[];
  @Field(() => InvoiceFilter, { nullable: true, description: 'This does not hold.' }) not?: InvoiceFilter;
  @Field(() => String, { nullable: true, description: 'Free text matched against the reference.' }) search?: string;
  @FilterOn(() => IdFilter, 'the id') id?: IdFilter;
  @FilterOn(() => IdFilter, 'the provider') providerId?: IdFilter;
  @FilterOn(() => StringFilter, 'the reference') reference?: StringFilter;
  @FilterOn(() => InvoiceStatusFilter, 'the status') status?: object;
  @FilterOn(() => DateFilter, 'the first day invoiced') periodStart?: DateFilter;
  @FilterOn(() => DateFilter, 'the received date') receivedDate?: DateFilter;
  @FilterOn(() => DateFilter, 'the paid date') paidDate?: DateFilter;
}

export enum InvoiceOrderField {
  receivedDate = 'receivedDate',
  periodStart = 'periodStart',
  reference = 'reference',
  status = 'status',
}
export const InvoiceOrderBy = orderByInput(InvoiceOrderField, 'Invoice');

const InvoiceLineStatusFilter = enumFilter(InvoiceLineStatus, 'InvoiceLineStatus');

@InputType({ description: 'Which invoice lines to list.' })
export class InvoiceLineFilter {
  @Field(() => [InvoiceLineFilter], { nullable: true, description: 'All of these hold.' }) and?: InvoiceLineFilter[];
  @Field(() => [InvoiceLineFilter], { nullable: true, description: 'At least one of these holds.' }) or?: InvoiceLineFilter[];
  @Field(() => InvoiceLineFilter, { nullable: true, description: 'This does not hold.' }) not?: InvoiceLineFilter;
  @Field(() => String, { nullable: true, description: 'Free text matched against the description.' }) search?: string;
  @FilterOn(() => IdFilter, 'the id') id?: IdFilter;
  @FilterOn(() => IdFilter, 'the invoice') invoiceId?: IdFilter;
  @FilterOn(() => IdFilter, 'the placement') placementId?: IdFilter;
  @FilterOn(() => IdFilter, 'the transport journey') journeyId?: IdFilter;
  @FilterOn(() => IdFilter, 'the contact session') sessionId?: IdFilter;
  @FilterOn(() => InvoiceLineStatusFilter, 'the status') status?: object;
  @FilterOn(() => DateFilter, 'the first night invoiced') fromDate?: DateFilter;
  @FilterOn(() => MoneyFilter, 'the amount') amount?: MoneyFilter;
  @FilterOn(() => MoneyFilter, 'the expected amount') expectedAmount?: MoneyFilter;
}

export enum InvoiceLineOrderField {
  invoiceId = 'invoiceId',
  fromDate = 'fromDate',
  amount = 'amount',
  status = 'status',
  lineNumber = 'lineNumber',
}
export const InvoiceLineOrderBy = orderByInput(InvoiceLineOrderField, 'InvoiceLine');
