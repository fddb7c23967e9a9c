/** Collects bound parameters for a TypeORM query builder: values never enter the SQL text. */
export class SqlParams {
  readonly values: Record<string, unknown> = {};
  private next = 0;

  constructor(private readonly prefix = 'p') {}

  /** Adds one value and returns its placeholder. */
  add(value: unknown): string {
    const name = `${this.prefix}${this.next++}`;
    this.values[name] = typeof value === 'bigint' ? value.toString() : value;
    return `:${name}`;
  }

  /** Adds a list for `IN (...)` and returns its placeholder. */
  addList(values: readonly unknown[]): string {
    const name = `${this.prefix}${this.next++}`;
    this.values[name] = values.map((v) => (typeof v === 'bigint' ? v.toString() : v));
    return `(:...${name})`;
  }
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
