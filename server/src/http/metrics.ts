import { timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';
import type { Metrics } from '../common/metrics';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function allowed(req: Request, token: string | null): boolean {
  if (token === null) return LOOPBACK.has(req.socket.remoteAddress ?? '');
  const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * GET /metrics in Prometheus's text format: with METRICS_TOKEN set, for a scraper sending it
 * as a bearer token; without, for requests from this machine only.
 */
export function metricsRoute(metrics: Metrics, token: string | null): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (!allowed(req, token)) {
      res.status(403).json({ errors: [{ message: 'Metrics need the METRICS_TOKEN as a bearer token (or a request from this machine when none is set)', extensions: { code: 'FORBIDDEN' } }] });
      return;
    }
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  });
  return router;
}
