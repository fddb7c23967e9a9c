import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Column } from 'typeorm';
import { WholeNumber } from './validation';

/**
 * A contract's cancellation terms, shared by transport price schedules and contact rates:
 * free until `freeHours` before the start, then `latePercent` of the price; a no-show costs
 * `noShowPercent`. Stored as columns of the owning table (a TypeORM embedded entity).
 */
@ObjectType({ description: 'Cancellation terms: free until a number of hours before the start, then a percentage of the price.' })
export class CancellationTerms {
  @Field(() => Int, { description: 'Cancelling at least this many hours before the start costs nothing.' })
  @Column({ type: 'integer', default: 24 })
  freeHours!: number;

  @Field(() => Int, { description: 'Percentage of the price charged for a later cancellation.' })
  @Column({ type: 'integer', default: 100 })
  latePercent!: number;

  @Field(() => Int, { description: 'Percentage of the price charged when the child or family does not turn up.' })
  @Column({ type: 'integer', default: 100 })
  noShowPercent!: number;
}

@InputType({ description: 'Cancellation terms; each left out takes its default (24 hours, 100%, 100%).' })
export class CancellationTermsInput {
  @Field(() => Int, { nullable: true, description: 'Free cancellation until this many hours before (0 to 720; default 24).' }) @WholeNumber(0, 720) freeHours?: number;
  @Field(() => Int, { nullable: true, description: 'Percentage charged for a late cancellation (0 to 100; default 100).' }) @WholeNumber(0, 100) latePercent?: number;
  @Field(() => Int, { nullable: true, description: 'Percentage charged for a no-show (0 to 100; default 100).' }) @WholeNumber(0, 100) noShowPercent?: number;
}

export function cancellationTerms(input: CancellationTermsInput | null | undefined): CancellationTerms {
  return { freeHours: input?.freeHours ?? 24, latePercent: input?.latePercent ?? 100, noShowPercent: input?.noShowPercent ?? 100 };
}
