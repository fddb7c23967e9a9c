import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import type { Logger } from '../common/logger';
import { clockOf } from '../common/clock';
import type { Metrics } from '../common/metrics';
import { requestContext } from '../common/request-context';
import type { GraphQLContext } from '../graphql/context';
import type { UserDirectory } from '../modules/user/user.directory';
import { refuseBatches } from './batch-refusal';
import { httpErrorHandler } from './errors';
import { exportRoutes } from './export/export-route';
import { contextBuilder } from './graphql-context';
import { healthRoutes } from './health';
import { metricsRoute } from './metrics';

export interface AppParts {
  config: Config;
  logger: Logger;
  db: DataSource;
  apollo: ApolloServer<GraphQLContext>;
  /** The same API as a Federation 2 subgraph (adds `_service` and `_entities`), for a gateway. */
  subgraph: ApolloServer<GraphQLContext>;
  users: UserDirectory;
  metrics: Metrics;
  isShuttingDown: () => boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const ADMIN_DIST = path.resolve(__dirname, '../../../admin/dist');

/** The one Express app: /graphql, /subgraph, /export, /healthz, /readyz and the admin at /. */
export function createHttpApp(parts: AppParts): Express {
  const { config, logger, db, apollo } = parts;
  const contextFor = contextBuilder(parts);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    }),
  );
  const clock = clockOf(config);
  app.use((req, _res, next) => requestContext.run({ requestId: String(req.id), sqlStatements: 0, clock }, next));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'style-src': ["'self'", "'unsafe-inline'"] },
      },
    }),
  );
  app.use(cors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: false, maxAge: 600 }));
  app.use(healthRoutes(db, parts.isShuttingDown));
  app.use(metricsRoute(parts.metrics, config.metricsToken));

  app.use(
    '/graphql',
    express.json({ limit: config.bodyLimitBytes, type: ['application/json', 'application/graphql-response+json'] }),
    refuseBatches(),
    expressMiddleware(apollo, { context: ({ req }) => contextFor(req) }),
  );
  app.use('/subgraph', express.json({ limit: config.bodyLimitBytes }), expressMiddleware(parts.subgraph, { context: ({ req }) => contextFor(req) }));
  app.use('/export', exportRoutes({ apollo, config, logger, contextFor }));

  if (existsSync(path.join(ADMIN_DIST, 'index.html'))) {
    // Built assets carry a hash in their names and never change; index.html must be revalidated,
    // or a browser could keep one that points at assets a rebuild removed.
    app.use(
      express.static(ADMIN_DIST, {
        index: 'index.html',
        setHeaders: (res, file) =>
          res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      }),
    );
    app.get(/^\/(?!graphql|subgraph|export|healthz|readyz).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(ADMIN_DIST, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('Placewise API: POST GraphQL to /graphql. The admin app has not been built.');
    });
  }

  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });
  app.use(httpErrorHandler(logger));
  return app;
}
