import { Field, ID, Int, ObjectType } from 'type-graphql';
import { registerCodeEnum } from '../../common/codes/register-code-enum';
import type { Pence } from '../../common/money';
import { orderByInput } from '../../common/pagination/ordering';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { Agreement } from '../agreement/agreement.entity';
import { Contract } from '../contract/contract.entity';
import { ContractKind } from '../contract/contract-codes';
import { Provider } from '../provider/provider.entity';

export enum PipelineRecordType {
  CONTRACT = 'CONTRACT',
  AGREEMENT = 'AGREEMENT',
}
registerCodeEnum(PipelineRecordType, 'PipelineRecordType', 'What a line of the contract pipeline is.', {
  CONTRACT: 'A contract (call-off, spot, block, transport or supervised contact).',
  AGREEMENT: 'A preferred-provider (framework) agreement.',
});

export enum PipelineDue {
  ENDING = 'ENDING',
  REVIEW = 'REVIEW',
  ENDING_AND_REVIEW = 'ENDING_AND_REVIEW',
}
registerCodeEnum(PipelineDue, 'PipelineDue', 'Why a record is in the contract pipeline.', {
  ENDING: 'It ends within the window.',
  REVIEW: 'It is due for review by the end of the window (overdue reviews included).',
  ENDING_AND_REVIEW: 'Both: it ends and is due for review.',
});

export enum AnnualValueBasis {
  WEEKLY_FEE = 'WEEKLY_FEE',
  CEILING = 'CEILING',
  SPEND_LAST_12_MONTHS = 'SPEND_LAST_12_MONTHS',
}
registerCodeEnum(AnnualValueBasis, 'AnnualValueBasis', 'How the annual value of a pipeline line is worked out.', {
  WEEKLY_FEE: 'The contract’s weekly fee × 52 (× the places of a block contract).',
  CEILING: 'The contract’s ceiling value spread over its term: ceiling × 365 / days of the term, rounded half-up.',
  SPEND_LAST_12_MONTHS: 'For an agreement: the cost of the placements under its contracts over the 12 months before the date (the budget’s cost rule).',
});

export enum PipelineOrderField {
  dueDate = 'dueDate',
  endDate = 'endDate',
  reviewDate = 'reviewDate',
  reference = 'reference',
  title = 'title',
  provider = 'provider',
  recordType = 'recordType',
  annualValue = 'annualValue',
  spendAtStake = 'spendAtStake',
  placements = 'placements',
}
export const PipelineOrderBy = orderByInput(PipelineOrderField, 'ContractPipeline');

@ObjectType({ description: 'A contract or agreement ending or due for review soon, with what it is worth and the spend that depends on it.' })
export class PipelineItem {
  @Field(() => PipelineRecordType, { description: 'A contract or an agreement.' }) recordType!: PipelineRecordType;
  @Field(() => ID, { description: 'The contract’s or agreement’s id.' }) id!: string;
  @Field({ description: 'Its reference.' }) reference!: string;
  @Field({ description: 'Its title.' }) title!: string;
  @Field(() => ID, { description: 'The provider.' }) providerId!: string;
  @Field(() => Provider, { description: 'The provider.' }) provider?: Provider;
  @Field(() => Contract, { nullable: true, description: 'The contract, for a contract line.' }) contract?: Contract | null;
  @Field(() => Agreement, { nullable: true, description: 'The agreement, for an agreement line.' }) agreement?: Agreement | null;
  @Field(() => ContractKind, { nullable: true, description: 'The contract’s kind; null for an agreement.' }) contractKind!: ContractKind | null;
  @Field(() => DateScalar, { nullable: true, description: 'Its last day; null for an open-ended contract.' }) endDate!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'When it is next due for review (contracts only).' }) reviewDate!: string | null;
  @Field(() => PipelineDue, { description: 'Why it is listed.' }) dueFor!: PipelineDue;
  @Field(() => DateScalar, { description: 'The first of the dates it is listed for (end or review).' }) dueDate!: string;
  @Field(() => Int, { description: 'Days from the date to dueDate (negative for an overdue review).' }) daysLeft!: number;
  @Field(() => MoneyScalar, { nullable: true, description: 'What it is worth a year (see annualValueBasis); null when it has neither a weekly fee nor a ceiling with an end date.' })
  annualValue!: Pence | null;
  @Field(() => AnnualValueBasis, { nullable: true, description: 'How annualValue is worked out.' }) annualValueBasis!: AnnualValueBasis | null;
  @Field(() => Int, { description: 'Its placements (an agreement: those under its contracts) not ended by the date: running, or due to start.' }) placements!: number;
  @Field(() => MoneyScalar, { description: 'Their committed cost from the date to their end, planned end or the end of the financial year (the budget’s cost rule, each placement rounded once).' })
  spendAtStake!: Pence;
}

@ObjectType({ description: 'The pipeline’s lines of one record type, counted and summed.' })
export class PipelineTotal {
  @Field(() => PipelineRecordType, { description: 'Contracts or agreements.' }) recordType!: PipelineRecordType;
  @Field(() => Int, { description: 'Lines of this type.' }) items!: number;
  @Field(() => MoneyScalar, { description: 'Σ annualValue (lines without one count nothing).' }) annualValue!: Pence;
  @Field(() => MoneyScalar, { description: 'Σ spendAtStake. A call-off’s placements are also in its agreement’s line when both are listed: do not add the two types together.' })
  spendAtStake!: Pence;
}

@ObjectType({ description: 'Contracts and agreements ending or due for review within a number of days.' })
export class ContractPipeline {
  @Field(() => DateScalar, { description: 'The date the window starts on.' }) onDate!: string;
  @Field(() => Int, { description: 'The window in days.' }) withinDays!: number;
  @Field(() => DateScalar, { description: 'The last day of the window: onDate + withinDays.' }) until!: string;
  @Field(() => [PipelineItem], { description: 'The lines, in the order asked for.' }) items!: PipelineItem[];
  @Field(() => [PipelineTotal], { description: 'Counts and sums by record type (contracts first); a type with no lines is left out.' }) totals!: PipelineTotal[];
}
