import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createLogger } from '../../server/src/common/logger';
import { createDataSource } from '../../server/src/database/data-source';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/src/database/embedded-postgres';
import { TEMPLATE_DATABASE } from './test-database';

declare global {
  var __PLACEWISE_PG__: { pg: EmbeddedDatabase; dir: string } | undefined;
}

/** Starts one embedded PostgreSQL for the whole run and migrates a template database. */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'placewise-test-'));
  chmodSync(dir, 0o755);
  const logger = createLogger('warn');
  const pg = await startEmbeddedPostgres(dir, null, logger);
  const adminUrl = pg.url.replace(/\/[^/]*$/, '/postgres');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await client.end();
  const db = createDataSource({ url: pg.url.replace(/\/[^/]*$/, `/${TEMPLATE_DATABASE}`), logger, statementTimeoutMs: 60000 });
  await db.initialize();
  await db.runMigrations();
  await db.destroy();
  process.env.PLACEWISE_TEST_PG_URL = adminUrl;
  globalThis.__PLACEWISE_PG__ = { pg, dir };
}
