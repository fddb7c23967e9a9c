import { Client } from 'pg';

/** Set by the global setup: the embedded PostgreSQL every test file uses. */
export function serverUrl(database = 'postgres'): string {
  const base = process.env.PLACEWISE_TEST_PG_URL;
  if (!base) throw new Error('PLACEWISE_TEST_PG_URL is not set: run the tests with `npm test` (jest runs test/support/global-setup.ts)');
  return base.replace(/\/[^/]*$/, `/${database}`);
}

export const TEMPLATE_DATABASE = 'placewise_template';

/** A fresh database for one test file: a copy of the migrated template, made in ~100 ms. */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`));
  return {
    name,
    url: serverUrl(name),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
