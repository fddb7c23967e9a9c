import type { DataSource } from 'typeorm';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/** What the database lacks compared with the entities: empty when the migrations match them. */
export async function schemaDiff(db: DataSource): Promise<SchemaDiff> {
  const sql = await db.driver.createSchemaBuilder().log();
  // TypeORM emits CREATE TYPE once per column when tables share an enum: keep the first
  // creation, and the last drop (after every table using the type is gone).
  const up = [...new Set(sql.upQueries.map((q) => q.query))];
  const down = [...new Set(sql.downQueries.map((q) => q.query))].reverse();
  return { up, down };
}
