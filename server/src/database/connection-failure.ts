// The database is down, restarting, refusing connections, or the connection was cut.
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004', '53300', '55000', '3D000']);
const CONNECTION_MESSAGES = /Connection terminated|Query read timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;
// TypeORM's answer to a statement sent on a transaction whose connection has just dropped.
const CONNECTION_ERROR_NAMES = new Set(['QueryRunnerAlreadyReleasedError']);

interface Wrapped {
  code?: unknown;
  message?: unknown;
  name?: unknown;
  /** TypeORM's QueryFailedError */
  driverError?: unknown;
  /** graphql-js's NonErrorThrown, for a thrown value that is not an Error of this realm */
  thrownValue?: unknown;
  /** AggregateError: a connection refused on every address tried */
  errors?: unknown;
}

/** True when an error means the database cannot be reached, rather than that a statement failed. */
export function isConnectionFailure(error: unknown, depth = 0): boolean {
  const e = error as Wrapped | undefined;
  if (!e || typeof e !== 'object' || depth > 3) return false;
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
  if (typeof e.name === 'string' && CONNECTION_ERROR_NAMES.has(e.name)) return true;
  const inner = [e.driverError, e.thrownValue, ...(Array.isArray(e.errors) ? e.errors : [])].filter((x) => x !== undefined && x !== e);
  return inner.some((x) => isConnectionFailure(x, depth + 1));
}
