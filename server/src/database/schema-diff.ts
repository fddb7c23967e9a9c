import type { DataSource } from 'typeorm';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/** What the database lacks compared with the entities: empty when the migrations match them. */
export async function schemaDiff(db: DataSource): Promise<SchemaDiff> {
  const sql = await db.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query).reverse(),
  };
}
