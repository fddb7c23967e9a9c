import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Column } from 'typeorm';
import { badInput } from './errors';
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

export type Cancellation = 'IN_TIME' | 'LATE';

/** Whether a cancellation at `cancelledAt` of something starting at `startsAt` is late under the terms. */
export function cancellationKind(terms: CancellationTerms, startsAt: Date, cancelledAt: Date): Cancellation {
  const noticeMs = startsAt.getTime() - cancelledAt.getTime();
  return noticeMs >= terms.freeHours * 3_600_000 ? 'IN_TIME' : 'LATE';
}

/**
 * Checks that the status an officer chose agrees with the notice given: a cancellation in time
 * must have been made at least `freeHours` before, a late one less. The message says which.
 */
export function assertCancellationAgrees(field: string, claimed: Cancellation, terms: CancellationTerms, startsAt: Date, cancelledAt: Date): void {
  const actual = cancellationKind(terms, startsAt, cancelledAt);
  if (actual === claimed) return;
  const hours = Math.floor((startsAt.getTime() - cancelledAt.getTime()) / 360_000) / 10;
  throw badInput(
    field,
    actual === 'LATE'
      ? `was cancelled ${hours} hours before the start; the contract allows free cancellation only ${terms.freeHours} hours or more before, so it was cancelled late`
      : `was cancelled ${hours} hours before the start, within the contract’s ${terms.freeHours} hours’ notice, so it was cancelled in time`,
  );
}
