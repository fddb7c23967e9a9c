import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../common/logger';

/**
 * Errors raised before GraphQL sees the request (a body that is not JSON, a body over the
 * limit) answer in the GraphQL error shape, never as an HTML page or a stack trace.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = typeof error?.status === 'number' ? error.status : 500;
    let code = 'INTERNAL_SERVER_ERROR';
    let message = 'Something went wrong on the server; it has been logged with the request id';
    if (error?.type === 'entity.parse.failed') {
      code = 'BAD_USER_INPUT';
      message = 'The request body is not valid JSON';
    } else if (error?.type === 'entity.too.large') {
      code = 'LIMIT_EXCEEDED';
      message = `The request body is larger than the limit of ${error.limit} bytes`;
    } else if (status >= 400 && status < 500) {
      code = 'BAD_USER_INPUT';
      message = 'The request could not be read';
    } else {
      logger.error({ err: error, requestId: req.id }, 'unhandled http error');
    }
    res.status(status >= 400 && status < 600 ? status : 500).json({ errors: [{ message, extensions: { code } }] });
  };
}
