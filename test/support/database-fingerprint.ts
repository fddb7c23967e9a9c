import type { TestApi } from './test-api';

/**
 * One hash of every row of every table (migrations aside): equal before and after a request
 * means the request changed nothing at all, not merely that no row was added.
 */
export async function databaseFingerprint(t: TestApi): Promise<string> {
  const tables: Array<{ name: string }> = await t.api.db.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`,
  );
  const parts = tables.map(({ name }) => `SELECT '${name}' AS t, coalesce(md5(string_agg(r::text, ',' ORDER BY r::text)), '') AS h FROM "${name}" r`);
  const [row] = await t.api.db.query(`SELECT md5(string_agg(t || ':' || h, ';' ORDER BY t)) AS fingerprint FROM (${parts.join(' UNION ALL ')}) x`);
  return row.fingerprint as string;
}
