import 'reflect-metadata';
import { types } from 'pg';
import { DataSource } from 'typeorm';
import type { Logger } from '../common/logger';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';
import { SqlLogger } from './sql-logger';

// Calendar dates stay 'YYYY-MM-DD' strings: converting them to JS Dates would shift them by time zone.
types.setTypeParser(types.builtins.DATE, (value) => value);

export interface DataSourceOptions {
  url: string;
  logger: Logger;
  statementTimeoutMs: number;
  poolSize?: number;
  /** Statements slower than this are logged (default 1000 ms). */
  slowQueryMs?: number;
}

const QUERY_TIMEOUT_MARGIN_MS = 5000;

/** The TypeORM data source: migrations only (never synchronize), snake_case names. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: true,
    logger: new SqlLogger(options.logger),
    maxQueryExecutionTime: options.slowQueryMs ?? 1000,
    extra: {
      max: options.poolSize ?? 10,
      statement_timeout: options.statementTimeoutMs,
      // The server stops a statement after statement_timeout; these stop the client waiting
      // when the server cannot answer at all (gone, restarting, cut off by the network).
      query_timeout: options.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
      application_name: 'placewise',
    },
  });
}
