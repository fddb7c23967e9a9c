import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './common/logger';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres';
import { acquireInstanceLock, AlreadyRunning } from './database/instance-lock';
import { startApi, type RunningApi } from './server';

/** Start-up only: config → database → migrations → app → listen; SIGTERM/SIGINT drain and stop. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`placewise: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  let releaseLock: (() => void) | null = null;
  let embedded: EmbeddedDatabase | null = null;
  let api: RunningApi | null = null;
  let stopping: Promise<void> | null = null;

  const stop = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ reason }, 'shutting down: no new requests, finishing the ones in flight');
      await api?.stop().catch((error) => logger.error({ err: error }, 'error while stopping the API'));
      await embedded?.stop().catch((error) => logger.error({ err: error }, 'error while stopping PostgreSQL'));
      releaseLock?.();
      logger.info('stopped');
    })();
    return stopping;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => void stop(signal).then(() => process.exit(0)));
  }

  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      releaseLock = acquireInstanceLock(config.dataDir);
      embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, logger);
      databaseUrl = embedded.url;
    }
    api = await startApi(config, logger, databaseUrl);
  } catch (error) {
    if (error instanceof AlreadyRunning) {
      process.stderr.write(`placewise: ${error.message}\n`);
      process.exit(1);
    }
    logger.fatal({ err: error }, `could not start: ${(error as Error).message}`);
    await stop('start-up failed');
    process.exit(1);
  }
}

void main();
