import type { RequestHandler } from 'express';

/**
 * One operation a request: a JSON array (a batch) is refused before GraphQL sees it, so that
 * a thousand operations cannot ride in one request past the rate limit and the query limits.
 */
export function refuseBatches(): RequestHandler {
  return (req, res, next) => {
    if (!Array.isArray(req.body)) return next();
    const message = `A request may carry at most 1 operation (batching is off); this one carries ${req.body.length}`;
    res.status(400).json({ errors: [{ message, extensions: { code: 'LIMIT_EXCEEDED' } }] });
  };
}
