import { createLogger } from '../../server/src/common/logger';
import { createDataSource } from '../../server/src/database/data-source';
import { MIGRATIONS } from '../../server/src/database/migrations';
import { schemaDiff } from '../../server/src/database/schema-diff';
import { serverUrl, withAdmin } from '../support/test-database';

const logger = createLogger('silent');
const name = `migrations_${process.pid}`;

beforeAll(() => withAdmin((c) => c.query(`CREATE DATABASE "${name}"`)));
afterAll(() => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

describe('migrations', () => {
  it('create exactly what the entities describe, and undo cleanly', async () => {
    const db = createDataSource({ url: serverUrl(name), logger, statementTimeoutMs: 60000 });
    await db.initialize();
    try {
      const applied = await db.runMigrations();
      expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => (m as { name: string }).name.replace(/^class /, '')));
      expect(await schemaDiff(db)).toEqual({ up: [], down: [] });

      for (let i = 0; i < MIGRATIONS.length; i++) await db.undoLastMigration();
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`);
      expect(n).toBe(0);

      await db.runMigrations();
      expect(await schemaDiff(db)).toEqual({ up: [], down: [] });
    } finally {
      await db.destroy();
    }
  });

  it('are not run by synchronize', () => {
    const db = createDataSource({ url: serverUrl(name), logger, statementTimeoutMs: 1000 });
    expect(db.options.synchronize).toBe(false);
    expect(db.options.migrationsRun ?? false).toBe(false);
  });
});
