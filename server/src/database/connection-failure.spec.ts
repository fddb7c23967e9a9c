import { GraphQLError, locatedError } from 'graphql';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isConnectionFailure } from './connection-failure';

describe('isConnectionFailure', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', errno: -111 });

  it('recognises a refused connection however it is wrapped', () => {
    expect(isConnectionFailure(refused)).toBe(true);
    // A value that is not an Error of this realm reaches the formatter as graphql-js's NonErrorThrown.
    expect(isConnectionFailure(locatedError({ code: 'ECONNREFUSED', errno: -111 }, undefined).originalError)).toBe(true);
    expect(isConnectionFailure(new AggregateError([refused], ''))).toBe(true);
    expect(isConnectionFailure(new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })))).toBe(true);
  });

  it('recognises a statement sent on a transaction whose connection dropped, and a client that stopped waiting', () => {
    expect(isConnectionFailure(new QueryRunnerAlreadyReleasedError())).toBe(true);
    expect(isConnectionFailure(new Error('Query read timeout'))).toBe(true);
  });

  it('leaves errors of the statement itself alone', () => {
    expect(isConnectionFailure(new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' })))).toBe(false);
    expect(isConnectionFailure(new GraphQLError('bad'))).toBe(false);
    expect(isConnectionFailure(undefined)).toBe(false);
    expect(isConnectionFailure('ECONNREFUSED')).toBe(false);
  });
});
