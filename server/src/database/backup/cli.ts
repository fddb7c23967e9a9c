import path from 'node:path';
import { ConfigError, loadConfig } from '../../config/config';
import { createLogger } from '../../common/logger';
import { runningEmbeddedUrl, startEmbeddedPostgres } from '../embedded-postgres';
import { acquireInstanceLock, AlreadyRunning } from '../instance-lock';
import { writeBackup } from './backup';
import { restoreBackup, RestoreRefused } from './restore';

/**
 * `npm run backup [-- FILE]` and `npm run restore -- FILE`, against the configured database:
 * DATABASE_URL, or the embedded one in DATA_DIR (the running server's, or started for the
 * occasion when no server runs).
 */
async function main(): Promise<void> {
  const [command, fileArg] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || (command === 'restore' && !fileArg)) {
    fail('usage: npm run backup [-- FILE]   |   npm run restore -- FILE', 2);
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const file = path.resolve(fileArg ?? `placewise-${new Date().toISOString().replace(/[:.]/g, '-')}.backup`);

  let stopEmbedded = async () => undefined as void;
  let url = config.databaseUrl;
  if (!url) {
    try {
      const release = acquireInstanceLock(config.dataDir);
      const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, logger);
      url = embedded.url;
      stopEmbedded = async () => {
        await embedded.stop();
        release();
      };
    } catch (error) {
      if (!(error instanceof AlreadyRunning)) throw error;
      url = runningEmbeddedUrl(config.dataDir); // the server is running: use its database
    }
  }
  const started = Date.now();
  try {
    if (command === 'backup') {
      const summary = await writeBackup(url, file);
      process.stdout.write(`wrote ${file}: ${summary.tables} tables, ${summary.rows} rows, ${summary.bytes} bytes in ${Date.now() - started} ms\n`);
    } else {
      const summary = await restoreBackup(url, file, logger);
      process.stdout.write(`restored ${file}: ${summary.migrations} migrations, ${summary.tables} tables, ${summary.rows} rows in ${Date.now() - started} ms\n`);
    }
  } finally {
    await stopEmbedded();
  }
}

function fail(message: string, code = 1): never {
  process.stderr.write(`placewise: ${message}\n`);
  process.exit(code);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof RestoreRefused || error instanceof AlreadyRunning) fail(error.message);
  fail(`${process.argv[2] ?? 'backup'} failed: ${(error as Error).message}`);
});
