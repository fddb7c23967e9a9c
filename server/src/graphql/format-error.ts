import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { QueryFailedError } from 'typeorm';
import { constraintMeaning } from '../common/constraints';
import { isConnectionFailure } from '../database/connection-failure';
import { ERROR_CODES, type ErrorCode, type FieldError } from '../common/errors';
import type { Logger } from '../common/logger';
import { requestContext } from '../common/request-context';
import { toFieldErrors } from '../common/validation';
import type { ValidationError } from 'class-validator';

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  detail?: string;
}

const USER_MISTAKES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);
/** Apollo's persisted-query codes, kept as they are: Apollo clients look for them to send the full text. */
const PERSISTED_QUERY_CODES = new Set(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);
/** Apollo's persisted-query refusals, which carry no code of their own (Apollo Server 5's wording). */
const PERSISTED_QUERY_MISTAKES = new Set(['provided sha does not match query', 'Unsupported persisted query version']);

function formatted(code: ErrorCode, message: string, base: GraphQLFormattedError, extra: Record<string, unknown> = {}): GraphQLFormattedError {
  return { message, locations: base.locations, path: base.path, extensions: { code, ...extra } };
}

/** Maps a database refusal to the user's terms; null when it is not the user's doing. */
function fromDatabase(pg: PgError, base: GraphQLFormattedError, statementTimeoutMs?: number): GraphQLFormattedError | null {
  const meaning = constraintMeaning(pg.constraint);
  if (meaning) {
    return formatted('BAD_USER_INPUT', `${meaning.field}: ${meaning.message}`, base, { fieldErrors: [{ field: meaning.field, message: meaning.message }] });
  }
  switch (pg.code) {
    case '23502': {
      // A required value sent as null that no rule caught: name the field as the API spells it.
      const field = (pg.column ?? 'value').replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      return formatted('BAD_USER_INPUT', `${field}: is required`, base, { fieldErrors: [{ field, message: 'is required' }] });
    }
    case '23505':
      return formatted('BAD_USER_INPUT', 'A record with these values already exists', base);
    case '23503':
      return formatted('BAD_USER_INPUT', 'A referenced record does not exist, or other records still refer to this one', base);
    case '23514':
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return formatted('BAD_USER_INPUT', 'A value is not valid for its field', base);
    case '40001':
    case '40P01':
    case '55P03':
      return formatted('CONFLICT', 'Someone else was changing the same records at the same moment; nothing was saved, try again', base);
    case '57014':
      return formatted(
        'LIMIT_EXCEEDED',
        `The request took too long and was stopped${statementTimeoutMs ? ` (a statement may run at most ${statementTimeoutMs} ms)` : ''}; narrow the filter or ask for fewer records`,
        base,
      );
  }
  return null;
}

/** Path of a variable-coercion error ("at \"input.legalName\"") without the argument name. */
function variablePath(message: string): string | undefined {
  const match = /at "([^"]+)"/.exec(message) ?? /Variable "\$(\w+)"/.exec(message);
  if (!match) return undefined;
  return match[1].replace(/^[^.[]+\.?/, '').replace(/\[(\d+)\]/g, '.$1') || match[1];
}

/**
 * Every error leaves the server with one of the fixed codes and a message written for the
 * user. Unexpected errors are logged with the request id and reach the client as
 * INTERNAL_SERVER_ERROR with no stack, SQL or internals.
 */
export function createErrorFormatter(logger: Logger, statementTimeoutMs?: number) {
  return (base: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error) as Error & { extensions?: Record<string, unknown>; code?: string };
    const code = base.extensions?.code as string | undefined;

    if (isConnectionFailure(original)) {
      return formatted('SERVICE_UNAVAILABLE', 'The database is not available; try again shortly', base);
    }
    // A limit checked while validating the document (depth, aliases): Apollo files it as a validation failure.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && (original as { originalError?: { extensions?: Record<string, unknown> } }).originalError?.extensions?.code === 'LIMIT_EXCEEDED') {
      return formatted('LIMIT_EXCEEDED', base.message, base);
    }
    const tokens = code === 'GRAPHQL_PARSE_FAILED' ? /more that (\d+) tokens/.exec(base.message) : null;
    if (tokens) return formatted('LIMIT_EXCEEDED', `The query is longer than the limit of ${tokens[1]} tokens; parsing stopped there`, base);
    if (original instanceof QueryFailedError) {
      const mapped = fromDatabase(original.driverError as PgError, base, statementTimeoutMs);
      if (mapped) return mapped;
    }
    if (Array.isArray(base.extensions?.validationErrors)) {
      const fieldErrors = toFieldErrors(base.extensions.validationErrors as ValidationError[]);
      return formatted('BAD_USER_INPUT', fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ') || 'The input is not valid', base, { fieldErrors });
    }
    if (code && PERSISTED_QUERY_CODES.has(code)) return formatted(code as ErrorCode, base.message, base);
    if (PERSISTED_QUERY_MISTAKES.has(base.message)) {
      return formatted('BAD_USER_INPUT', base.message, base, { fieldErrors: [{ field: 'extensions.persistedQuery', message: base.message }] });
    }
    if (code && USER_MISTAKES.has(code)) {
      const fieldErrors = (base.extensions?.fieldErrors as FieldError[] | undefined) ?? undefined;
      const field = variablePath(base.message);
      const extra: Record<string, unknown> = { ...(code !== 'BAD_USER_INPUT' ? { reason: code } : {}) };
      if (fieldErrors) extra.fieldErrors = fieldErrors;
      else if (field && code === 'BAD_USER_INPUT') extra.fieldErrors = [{ field, message: base.message }];
      for (const key of ['entity', 'id', 'index', 'rowErrors']) if (base.extensions?.[key] !== undefined) extra[key] = base.extensions[key];
      return formatted('BAD_USER_INPUT', base.message, base, extra);
    }
    if (code && (ERROR_CODES as readonly string[]).includes(code) && code !== 'INTERNAL_SERVER_ERROR') {
      const { http: _http, stacktrace: _stack, ...extensions } = base.extensions ?? {};
      return { ...base, extensions };
    }
    logger.error({ err: original, requestId: requestContext.getStore()?.requestId, path: base.path }, 'unexpected error');
    return formatted('INTERNAL_SERVER_ERROR', 'Something went wrong on the server; it has been logged with the request id', base, {
      requestId: requestContext.getStore()?.requestId,
    });
  };
}
