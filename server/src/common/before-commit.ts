import type { EntityManager } from 'typeorm';

/** Derived data a module keeps in step with its records, brought up to date inside a user action's transaction. */
export type BeforeCommit = (tx: EntityManager) => Promise<void>;

const steps = new Set<BeforeCommit>();

/** Registers a step every user action runs just before it commits (registered once, at start-up, in `server.ts`). */
export function runBeforeEveryCommit(step: BeforeCommit): void {
  steps.add(step);
}

/** Runs the registered steps in the transaction about to commit. */
export async function beforeCommit(tx: EntityManager): Promise<void> {
  for (const step of steps) await step(tx);
}
