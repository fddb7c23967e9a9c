/**
 * npm run seed -- --shape demo|large [--seed N] [--as-of YYYY-MM-DD] [--scale 0.01]
 *
 * Seeds the configured database: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR
 * (started, migrated and stopped here, as `npm start` would, and given its first
 * administrator the same way). The database must have no providers yet. A progress bar
 * goes to stderr; the headline figures and rows per second per table to stdout.
 */
import path from 'node:path';
import { SHAPES, seedDatabase, type SeedProgress, type Shape } from './index';

interface Args {
  shape: Shape;
  seed: number;
  asOf?: string;
  scale?: number;
}

const USAGE = 'usage: npm run seed -- --shape demo|large [--seed N] [--as-of YYYY-MM-DD] [--scale S (large only, 0 < S <= 1)]\n';

function parseArgs(argv: string[]): Args {
  const args: Args = { shape: 'demo', seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--shape') {
      const shape = value();
      if (!(SHAPES as readonly string[]).includes(shape)) throw new Error(`--shape must be one of ${SHAPES.join(', ')}`);
      args.shape = shape as Shape;
    } else if (flag === '--seed') {
      const seed = Number(value());
      if (!Number.isSafeInteger(seed) || seed < 0) throw new Error('--seed must be a whole number, 0 or more');
      args.seed = seed;
    } else if (flag === '--as-of') {
      const asOf = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf ?? '')) throw new Error('--as-of must be a date, YYYY-MM-DD');
      args.asOf = asOf;
    } else if (flag === '--scale') {
      const scale = Number(value());
      if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be a number more than 0 and at most 1');
      args.scale = scale;
    } else if (flag === '--help' || flag === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else {
      throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (args.scale !== undefined && args.shape !== 'large') throw new Error('--scale applies to --shape large only');
  return args;
}

/** A one-line bar on stderr, redrawn at most ten times a second (a line per 10% when stderr is not a terminal). */
function progressBar(): (p: SeedProgress) => void {
  const tty = process.stderr.isTTY;
  let last = 0;
  let lastTenth = -1;
  return (p) => {
    const share = p.months ? p.month / p.months : 1;
    const now = Date.now();
    const rate = p.elapsedMs > 0 ? Math.round((p.rows * 1000) / p.elapsedMs) : 0;
    const text = `${p.table} ${p.rows.toLocaleString('en-GB')} rows, ${p.months ? `invoice month ${p.month}/${p.months}, ` : ''}${(p.elapsedMs / 1000).toFixed(1)} s`;
    if (tty) {
      if (now - last < 100 && share < 1) return;
      last = now;
      const width = 30;
      const full = Math.round(share * width);
      process.stderr.write(`\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${String(Math.round(share * 100)).padStart(3)}% ${text}${p.table === 'invoice_line' ? ` (${rate.toLocaleString('en-GB')} lines/s overall)` : ''}\x1b[K`);
      if (p.table === 'audit_event') process.stderr.write('\n');
    } else {
      const tenth = Math.floor(share * 10);
      if (tenth === lastTenth && p.table !== 'audit_event') return;
      lastTenth = tenth;
      process.stderr.write(`${String(Math.round(share * 100)).padStart(3)}% ${text}\n`);
    }
  };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = (rel: string): any => require(path.resolve(__dirname, '../../server/dist', rel));

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`seed: ${(error as Error).message}\n${USAGE}`);
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
    try {
      await db.runMigrations({ transaction: 'each' });
      // as `npm start` does, before the data: seeded contract officers must not stand in for the first administrator
      await server('modules/user/user.service').ensureFirstAdmin(db, config, logger);
    } finally {
      await db.destroy();
    }
    const scale = args.scale !== undefined ? ` at scale ${args.scale}` : '';
    process.stdout.write(`seeding shape ${args.shape}${scale} with seed ${args.seed} into ${config.databaseUrl ? 'DATABASE_URL' : `the embedded PostgreSQL in ${config.dataDir}`}\n`);
    const result = await seedDatabase(url, {
      shape: args.shape, seed: args.seed, asOf: args.asOf, scale: args.scale,
      log: (m) => process.stdout.write(`${m}\n`), onProgress: progressBar(),
    });
    const total = Object.values(result.rows).reduce((s, n) => s + n, 0);
    process.stdout.write(`${JSON.stringify(result.headline, null, 2)}\n`);
    process.stdout.write('table                       rows    COPY s     rows/s\n');
    for (const [table, stat] of Object.entries(result.tables)) {
      if (!stat.rows) continue;
      process.stdout.write(`${table.padEnd(24)}${stat.rows.toLocaleString('en-GB').padStart(11)}${(stat.ms / 1000).toFixed(2).padStart(10)}${Math.round((stat.rows * 1000) / Math.max(stat.ms, 1)).toLocaleString('en-GB').padStart(11)}\n`);
    }
    process.stdout.write(
      `done: ${total.toLocaleString('en-GB')} rows in ${(result.totalMs / 1000).toFixed(1)} s (generate ${(result.generateMs / 1000).toFixed(1)} s, ` +
        `write ${(result.writeMs / 1000).toFixed(1)} s, check in SQL ${(result.checkMs / 1000).toFixed(1)} s; ${Math.round((total * 1000) / Math.max(result.totalMs, 1)).toLocaleString('en-GB')} rows/s overall)\n`,
    );
  } catch (error) {
    process.stderr.write(`\nseed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await embedded?.stop().catch(() => undefined);
    release?.();
  }
}

void main();
