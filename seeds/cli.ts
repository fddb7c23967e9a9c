/**
 * npm run seed -- --shape demo [--seed N] [--as-of YYYY-MM-DD]
 *
 * Seeds the configured database: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR
 * (started, migrated and stopped here, as `npm start` would). The database must have no
 * providers yet.
 */
import path from 'node:path';
import { SHAPES, seedDatabase, type Shape } from './index';

interface Args {
  shape: Shape;
  seed: number;
  asOf?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { shape: 'demo', seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--shape') {
      const shape = value();
      if (!(SHAPES as readonly string[]).includes(shape)) throw new Error(`--shape must be one of ${SHAPES.join(', ')} (the large shape is not built yet)`);
      args.shape = shape as Shape;
    } else if (flag === '--seed') {
      const seed = Number(value());
      if (!Number.isSafeInteger(seed) || seed < 0) throw new Error('--seed must be a whole number, 0 or more');
      args.seed = seed;
    } else if (flag === '--as-of') {
      const asOf = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf ?? '')) throw new Error('--as-of must be a date, YYYY-MM-DD');
      args.asOf = asOf;
    } else if (flag === '--help' || flag === '-h') {
      process.stdout.write('usage: npm run seed -- --shape demo [--seed N] [--as-of YYYY-MM-DD]\n');
      process.exit(0);
    } else {
      throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return args;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = (rel: string): any => require(path.resolve(__dirname, '../../server/dist', rel));

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`seed: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const { loadConfig } = server('config/config');
  const { createLogger } = server('common/logger');
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  let url: string = config.databaseUrl;
  let embedded: { url: string; stop(): Promise<void> } | null = null;
  let release: (() => void) | null = null;
  try {
    if (!url) {
      release = server('database/instance-lock').acquireInstanceLock(config.dataDir);
      embedded = await server('database/embedded-postgres').startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, logger);
      url = embedded!.url;
    }
    const db = server('database/data-source').createDataSource({ url, logger, statementTimeoutMs: 120_000 });
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    await db.destroy();
    process.stdout.write(`seeding shape ${args.shape} with seed ${args.seed} into ${config.databaseUrl ? 'DATABASE_URL' : `the embedded PostgreSQL in ${config.dataDir}`}\n`);
    const result = await seedDatabase(url, { shape: args.shape, seed: args.seed, asOf: args.asOf, log: (m) => process.stdout.write(`${m}\n`) });
    const total = Object.values(result.rows).reduce((s, n) => s + n, 0);
    process.stdout.write(`${JSON.stringify(result.headline, null, 2)}\n`);
    process.stdout.write(`done: ${total} rows in ${result.totalMs} ms (generate ${result.generateMs} ms, write ${result.writeMs} ms; ${Math.round((total * 1000) / Math.max(result.writeMs, 1))} rows/s)\n`);
  } catch (error) {
    process.stderr.write(`seed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await embedded?.stop().catch(() => undefined);
    release?.();
  }
}

void main();
