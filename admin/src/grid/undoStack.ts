/** One value a change replaced: what the field held before and what it was set to. */
export interface ChangedValue {
  id: string;
  field: string;
  before: unknown;
  after: unknown;
}

/** One user action (a cell, a paste, a fill, a field set on many rows), undone as a whole. */
export interface UndoEntry {
  label: string;
  values: ChangedValue[];
  /** A row added in the grid: undone by archiving the new record (with the version it was created with). */
  created?: { id: string; version: number };
}

const LIMIT = 50;

/** The last changes saved in this grid, newest last; Ctrl+Z takes them back one action at a time. */
export class UndoStack {
  private entries: UndoEntry[] = [];

  push(entry: UndoEntry): void {
    const values = entry.values.filter((v) => JSON.stringify(v.before ?? null) !== JSON.stringify(v.after ?? null));
    if (!values.length && !entry.created) return;
    this.entries.push({ ...entry, values });
    if (this.entries.length > LIMIT) this.entries.shift();
  }

  pop(): UndoEntry | undefined {
    return this.entries.pop();
  }

  /** Put back an entry whose undo failed, so it can be tried again. */
  restore(entry: UndoEntry): void {
    this.entries.push(entry);
  }

  get size(): number {
    return this.entries.length;
  }
}

/** The rows to save to undo an entry: each record's fields set back to what they held, grouped by record. */
export function undoRows(entry: UndoEntry): Array<{ id: string; data: Record<string, unknown> }> {
  const byId = new Map<string, Record<string, unknown>>();
  // Oldest value wins when an action changed a field twice.
  for (const v of [...entry.values].reverse()) byId.set(v.id, { ...(byId.get(v.id) ?? {}), [v.field]: v.before ?? null });
  return [...byId.entries()].map(([id, data]) => ({ id, data }));
}
