import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import type { Config } from './config/config';
import type { Logger } from './common/logger';
import { runBeforeEveryCommit } from './common/before-commit';
import { Metrics } from './common/metrics';
import { createDataSource } from './database/data-source';
import { poolOf, recordQueryMetrics } from './database/query-metrics';
import type { GraphQLContext } from './graphql/context';
import { aliasLimit } from './graphql/alias-limit';
import { depthLimit } from './graphql/depth-limit';
import { createErrorFormatter } from './graphql/format-error';
import { keyRequestAuditPlugin } from './graphql/key-request-plugin';
import { metricsPlugin } from './graphql/metrics-plugin';
import { authGatePlugin, operationLogPlugin, operationNamePlugin, statusPlugin } from './graphql/plugins';
import { queryCostPlugin } from './graphql/query-cost';
import { graphqlSchema } from './graphql/schema';
import { subgraphSchema } from './graphql/subgraph/subgraph-schema';
import { createHttpApp } from './http/app';
import { DocumentStore } from './modules/trusted-document/document-store';
import { trustedDocumentsPlugin } from './modules/trusted-document/trusted-documents.plugin';
import { spendSummaryBeforeCommit } from './modules/analytics/spend/spend-summary';
import { idempotencyPlugin } from './modules/idempotency/idempotency.plugin';
import { TokenSigner } from './modules/user/token';
import { UserDirectory } from './modules/user/user.directory';
import { ensureFirstAdmin, sessionSecret } from './modules/user/user.service';

export interface RunningApi {
  url: string;
  port: number;
  db: DataSource;
  /** Stops taking requests, lets the ones in flight finish, then closes the pool. */
  stop(): Promise<void>;
}

const DRAIN_TIMEOUT_MS = 10_000;

/** Connects, migrates, and serves the API on `config.port` (0 picks a free port). */
export async function startApi(config: Config, logger: Logger, databaseUrl: string): Promise<RunningApi> {
  const db = createDataSource({ url: databaseUrl, logger, statementTimeoutMs: config.statementTimeoutMs, slowQueryMs: config.slowQueryMs });
  await db.initialize();
  const metrics = new Metrics(() => poolOf(db));
  recordQueryMetrics(db, metrics);
  try {
    const applied = await db.runMigrations({ transaction: 'each' });
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
    await ensureFirstAdmin(db, config, logger);
    if (config.demoData) await loadDemoIfEmpty(db, databaseUrl, logger, config.asOf);
    runBeforeEveryCommit(spendSummaryBeforeCommit);
    const loginLimits = { maxFailures: config.loginMaxFailures, maxFailuresPerIp: config.loginMaxFailuresPerIp, lockoutMinutes: config.loginLockoutMinutes };
    const users = new UserDirectory(db, new TokenSigner(await sessionSecret(db, config), config.accessTokenTtlMinutes), loginLimits);

    const apolloOptions = {
      introspection: true,
      stopOnTerminationSignals: false,
      includeStacktraceInErrorResponses: false,
      formatError: createErrorFormatter(logger, config.statementTimeoutMs),
      parseOptions: { maxTokens: config.maxQueryTokens },
      validationRules: [depthLimit(config.maxQueryDepth), aliasLimit(config.maxAliases)],
      // No cache hints are used (every answer depends on the user): without the cache-control plugin Apollo does not wrap every field's resolver, which costs an export of a million rows most of its time.
      plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), authGatePlugin(), queryCostPlugin(), statusPlugin(), operationNamePlugin(config.operationNameRequired), metricsPlugin(metrics), idempotencyPlugin(), keyRequestAuditPlugin(), operationLogPlugin(logger), trustedDocumentsPlugin()],
      persistedQueries: { cache: new DocumentStore(db) },
    };
    const apollo = new ApolloServer<GraphQLContext>({ schema: await graphqlSchema(), ...apolloOptions });
    const subgraph = new ApolloServer<GraphQLContext>({ schema: await subgraphSchema(), ...apolloOptions });
    await Promise.all([apollo.start(), subgraph.start()]);

    let shuttingDown = false;
    const app = createHttpApp({ config, logger, db, apollo, subgraph, users, metrics, isShuttingDown: () => shuttingDown });
    const server = http.createServer(app);
    await listen(server, config.port, config.host);
    const port = (server.address() as AddressInfo).port;
    logger.info({ port }, `Placewise is serving on http://localhost:${port} (GraphQL at /graphql)`);

    return {
      url: `http://127.0.0.1:${port}`,
      port,
      db,
      async stop() {
        if (shuttingDown) return;
        shuttingDown = true;
        await drain(server);
        await Promise.all([apollo.stop(), subgraph.stop()]);
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}

/**
 * On an empty database (no providers) loads the `demo` data set from the compiled seeds
 * (seeds/dist, built by `npm run build`). Loaded by a computed path so that the server's
 * compilation does not pull the seeds in. With AS_OF set, that day is the data set's "today" too.
 */
async function loadDemoIfEmpty(db: DataSource, databaseUrl: string, logger: Logger, asOf: string | null): Promise<void> {
  const [{ empty }] = await db.query(`SELECT NOT EXISTS (SELECT 1 FROM "provider") AS empty`);
  if (!empty) return;
  const entry = path.resolve(__dirname, '../../seeds/dist/index.js');
  if (!existsSync(entry)) {
    logger.warn({ entry }, 'demo data not loaded: the seeds are not built (run npm run build), or set DEMO_DATA=off');
    return;
  }
  const started = Date.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const seeds = require(entry) as { seedDatabase(url: string, options: { shape: 'demo'; seed: number; asOf?: string }): Promise<{ rows: Record<string, number>; asOf: string }> };
  const result = await seeds.seedDatabase(databaseUrl, { shape: 'demo', seed: 1, ...(asOf ? { asOf } : {}) });
  logger.info({ ms: Date.now() - started, asOf: result.asOf, rows: result.rows }, `loaded the demo data set in ${((Date.now() - started) / 1000).toFixed(1)} s (DEMO_DATA=off starts empty)`);
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use: stop what uses it or set PORT to another port`) : error);
    });
    server.listen(port, host, () => resolve());
  });
}

/** Closes the listener at once, idle keep-alive sockets too, and waits for requests in flight. */
function drain(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, DRAIN_TIMEOUT_MS);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
