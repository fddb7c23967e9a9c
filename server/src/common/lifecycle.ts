import { badInput } from './errors';

/** The legal moves of a status: `{ DRAFT: ['ACTIVE'], … }`. */
export type Transitions<S extends string> = Record<S, readonly S[]>;

/** Refuses a status change the lifecycle does not allow, naming the field and the legal moves (`what`: "an agreement"). */
export function assertTransition<S extends string>(what: string, transitions: Transitions<S>, from: S, to: S, field = 'status'): void {
  if (from === to) return;
  const allowed = transitions[from] ?? [];
  if (!allowed.includes(to)) {
    const options = allowed.length ? `it can go to ${allowed.join(' or ')}` : 'it cannot change any more';
    throw badInput(field, `${what} cannot go from ${from} to ${to}; ${options}`);
  }
}
