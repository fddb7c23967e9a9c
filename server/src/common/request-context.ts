import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from './clock';

/** What the process knows about the request it is serving, wherever it is in the call stack. */
export interface RequestContext {
  requestId: string;
  sqlStatements: number;
  /** The serving server's clock: which day "today" is. */
  clock: Clock;
  /** The GraphQL operation's name once known (null: anonymous), for the slow-statement log. */
  operation?: string | null;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** Every SQL statement sent, in this process and in the current request. */
export const sqlStatementCounter = {
  total: 0,
  count(): void {
    this.total += 1;
    const store = requestContext.getStore();
    if (store) store.sqlStatements += 1;
  },
};
