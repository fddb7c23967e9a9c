import { HttpError } from 'react-admin';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'LIMIT_EXCEEDED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK';

export interface FieldError {
  field: string;
  message: string;
  /** The row of a bulk mutation the error is about. */
  index?: number;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * An error from the API in the admin's terms: the server's code, its message (written for
 * the user), field errors and conflict details. It is a react-admin HttpError whose body
 * carries `errors` by field, so forms show the server's messages next to the inputs.
 */
export class ApiError extends HttpError {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[];
  readonly extensions: Record<string, unknown>;

  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    const fieldErrors = Array.isArray(extensions.fieldErrors) ? (extensions.fieldErrors as FieldError[]) : [];
    const byField: Record<string, unknown> = {};
    for (const e of fieldErrors) if (e.index === undefined && !(e.field in byField)) byField[e.field] = e.message;
    const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'SERVICE_UNAVAILABLE' ? 503 : code === 'NETWORK' ? 0 : 200;
    super(message, status, { code, fieldErrors, extensions, errors: { ...byField, root: { serverError: message } } });
    // react-admin's HttpError resets the prototype to its own; keep this class's.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ApiError';
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.extensions = extensions;
  }

  /** For CONFLICT: the version the record has now. */
  get currentVersion(): number | undefined {
    const v = this.extensions.currentVersion;
    return typeof v === 'number' ? v : undefined;
  }

  /** For errors about one row of a bulk mutation. */
  get index(): number | undefined {
    const v = this.extensions.index;
    return typeof v === 'number' ? v : undefined;
  }
}

function fromGraphQLErrors(errors: readonly GraphQLErrorLike[]): ApiError {
  const first = errors[0];
  const code = (first.extensions?.code as ErrorCode | undefined) ?? 'INTERNAL_SERVER_ERROR';
  if (errors.length === 1) return new ApiError(first.message, code, first.extensions ?? {});
  // Several errors: keep the first one's code, gather every field error.
  const fieldErrors = errors.flatMap((e) => (Array.isArray(e.extensions?.fieldErrors) ? (e.extensions!.fieldErrors as FieldError[]) : []));
  return new ApiError(errors.map((e) => e.message).join('; '), code, { ...first.extensions, fieldErrors });
}

/** Turns whatever a GraphQL call threw (Apollo errors wrapped by ra-data-graphql, fetch failures) into an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as any;
  const apollo = e?.body?.graphQLErrors ? e.body : e?.graphQLErrors ? e : undefined;
  if (apollo?.graphQLErrors?.length) return fromGraphQLErrors(apollo.graphQLErrors);
  const network = apollo?.networkError ?? e?.networkError;
  const resultErrors = network?.result?.errors;
  if (Array.isArray(resultErrors) && resultErrors.length) return fromGraphQLErrors(resultErrors);
  const status = e?.status ?? network?.statusCode;
  if (status === 401) return new ApiError('Your session has ended: sign in again', 'UNAUTHENTICATED');
  if (status === 403) return new ApiError('You are not allowed to do this', 'FORBIDDEN');
  if (status === 503) return new ApiError('The service is not available; try again shortly', 'SERVICE_UNAVAILABLE');
  if (network || e instanceof TypeError) return new ApiError('The server cannot be reached; check the connection and try again', 'NETWORK');
  return new ApiError(e?.message ?? String(error), 'INTERNAL_SERVER_ERROR');
}
