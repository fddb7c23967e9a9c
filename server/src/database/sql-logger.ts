import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../common/logger';
import { requestContext, sqlStatementCounter } from '../common/request-context';

/** Counts every statement (the N+1 guard in tests reads the count) and logs slow and failed ones. */
export class SqlLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(query: string): void {
    sqlStatementCounter.count();
    if (this.logger.isLevelEnabled('trace')) this.logger.trace({ sql: query }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug({ err: error, sql: query.slice(0, 2000) }, 'sql failed');
  }

  logQuerySlow(time: number, query: string): void {
    const store = requestContext.getStore();
    this.logger.warn({ ms: time, operation: store?.operation ?? null, requestId: store?.requestId ?? null, sql: query.slice(0, 2000) }, 'slow sql');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ message }, 'typeorm');
    else this.logger.debug({ message }, 'typeorm');
  }
}
