import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../common/logger';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';
import { schemaDiff } from './schema-diff';

/**
 * `npm run migration:generate -- Name`: applies the existing migrations to a scratch
 * embedded PostgreSQL, compares with the entities, and writes what is missing as a new
 * migration in server/src/database/migrations/. Review it, then add it to the index.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('usage: npm run migration:generate -- NameInPascalCase');
    process.exit(2);
  }
  const logger = createLogger('warn');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'placewise-migration-'));
  const pg = await startEmbeddedPostgres(scratch, null, logger);
  const db = createDataSource({ url: pg.url, logger, statementTimeoutMs: 60000 });
  try {
    await db.initialize();
    await db.runMigrations();
    const diff = await schemaDiff(db);
    if (!diff.up.length) {
      console.log('The migrations already match the entities: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const quote = (sql: string) => '    await q.query(`' + sql.replace(/[`\\]/g, (c) => '\\' + c).replace(/\$\{/g, '\\${') + '`);';
    const source = [
      "import type { MigrationInterface, QueryRunner } from 'typeorm';",
      '',
      `export class ${className} implements MigrationInterface {`,
      `  name = '${className}';`,
      '',
      '  async up(q: QueryRunner): Promise<void> {',
      ...diff.up.map(quote),
      '  }',
      '',
      '  async down(q: QueryRunner): Promise<void> {',
      ...diff.down.map(quote),
      '  }',
      '}',
      '',
    ].join('\n');
    const file = path.resolve(__dirname, '../../src/database/migrations', `${timestamp}-${name}.ts`);
    writeFileSync(file, source);
    console.log(`wrote ${path.relative(process.cwd(), file)} (${diff.up.length} statements); add ${className} to migrations/index.ts`);
  } finally {
    await db.destroy().catch(() => undefined);
    await pg.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

void main();
