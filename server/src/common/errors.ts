import { GraphQLError } from 'graphql';

/** The fixed set of error codes every client can rely on. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'LIMIT_EXCEEDED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path inside the input object, e.g. `ofstedUrn` or `contacts.0.email`. */
  field: string;
  message: string;
  /** Position of the item in a bulk input, when the input is a list. */
  index?: number;
}

/** An error that is safe to show: its message is written for the user. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}, httpStatus?: number) {
    super(message, {
      extensions: { code, ...extra, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
    });
  }
}

function describe(error: FieldError): string {
  return `${error.index === undefined ? '' : `row ${error.index + 1}: `}${error.field}: ${error.message}`;
}

export class ValidationFailed extends AppError {
  constructor(fieldErrors: FieldError[], message?: string) {
    super('BAD_USER_INPUT', message ?? fieldErrors.map(describe).join('; '), { fieldErrors });
  }
}

/** Runs a one-row change through a bulk path: its errors name the field only, not "row 1". */
export async function asSingleRow<T>(work: () => Promise<T[]>): Promise<T> {
  try {
    return (await work())[0];
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    throw new ValidationFailed((error.extensions.fieldErrors as FieldError[]).map(({ index: _index, ...rest }) => rest));
  }
}

/** Refuses the request with every error found, or does nothing when there are none. */
export function throwIfAny(errors: FieldError[]): void {
  if (errors.length) throw new ValidationFailed(errors);
}

export function badInput(field: string, message: string): ValidationFailed {
  return new ValidationFailed([{ field, message }]);
}

export class NotFound extends AppError {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', `${entity} ${id} does not exist`, { entity, id });
  }
}

export class Conflict extends AppError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super('CONFLICT', message, extra);
  }
}

export class Forbidden extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message, {}, 403);
  }
}

export class Unauthenticated extends AppError {
  constructor(message: string) {
    super('UNAUTHENTICATED', message, {}, 401);
  }
}

export class LimitExceeded extends AppError {
  constructor(message: string, field?: string, httpStatus?: number) {
    super('LIMIT_EXCEEDED', message, field ? { fieldErrors: [{ field, message }] } : {}, httpStatus);
  }
}

/** Seconds a client is asked to wait (`Retry-After`) when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

export class ServiceUnavailable extends AppError {
  constructor(message = 'The database is not available; try again shortly') {
    super('SERVICE_UNAVAILABLE', message, {}, 503);
  }
}
