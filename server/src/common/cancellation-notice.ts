/**
 * Whether a cancellation gave the notice a contract asks for. Plain functions with no GraphQL
 * or database types, so the seed generator can load them as they are.
 */
export type Cancellation = 'IN_TIME' | 'LATE';

export interface NoticeTerms {
  /** Cancelling at least this many hours before the start costs nothing. */
  freeHours: number;
}

/** Whether a cancellation at `cancelledAt` of something starting at `startsAt` is late under the terms. */
export function cancellationKind(terms: NoticeTerms, startsAt: Date, cancelledAt: Date): Cancellation {
  return startsAt.getTime() - cancelledAt.getTime() >= terms.freeHours * 3_600_000 ? 'IN_TIME' : 'LATE';
}

/**
 * Why the status an officer chose does not agree with the notice given (a cancellation in time
 * must be at least `freeHours` before the start, a late one less), or null when it agrees.
 */
export function cancellationDisagreement(claimed: Cancellation, terms: NoticeTerms, startsAt: Date, cancelledAt: Date): string | null {
  const actual = cancellationKind(terms, startsAt, cancelledAt);
  if (actual === claimed) return null;
  const hours = Math.floor((startsAt.getTime() - cancelledAt.getTime()) / 360_000) / 10;
  return actual === 'LATE'
    ? `was cancelled ${hours} hours before the start; the contract allows free cancellation only ${terms.freeHours} hours or more before, so it was cancelled late`
    : `was cancelled ${hours} hours before the start, within the contract’s ${terms.freeHours} hours’ notice, so it was cancelled in time`;
}
