import { Writable } from 'node:stream';
import pino from 'pino';
import { systemClock } from '../common/clock';
import { requestContext } from '../common/request-context';
import { SqlLogger } from './sql-logger';

describe('the slow-statement log', () => {
  it("names the statement's GraphQL operation and request", () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const logger = new SqlLogger(pino({ level: 'info' }, sink));

    requestContext.run({ requestId: 'req-1', sqlStatements: 0, operation: 'MonthlySpend', clock: systemClock }, () => logger.logQuerySlow(1234, 'SELECT 1'));
    logger.logQuerySlow(1500, 'SELECT 2'); // outside any request: start-up, migrations

    expect(lines.map(({ msg, ms, operation, requestId, sql }) => ({ msg, ms, operation, requestId, sql }))).toEqual([
      { msg: 'slow sql', ms: 1234, operation: 'MonthlySpend', requestId: 'req-1', sql: 'SELECT 1' },
      { msg: 'slow sql', ms: 1500, operation: null, requestId: null, sql: 'SELECT 2' },
    ]);
  });
});
