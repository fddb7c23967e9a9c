import { Router, type Response } from 'express';
import type { DataSource } from 'typeorm';
import { RETRY_AFTER_SECONDS } from '../common/errors';

/** Longest /readyz waits for the database: a probe must answer, even when the database hangs. */
const PROBE_TIMEOUT_MS = 2000;

function unready(res: Response, body: Record<string, string>): void {
  res.status(503).setHeader('Retry-After', String(RETRY_AFTER_SECONDS)).json(body);
}

async function databaseAnswers(db: DataSource): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  const probe = db.query('SELECT 1').then(
    () => true,
    () => false,
  );
  return Promise.race([probe, timeout]).finally(() => clearTimeout(timer));
}

/** /healthz: the process is up. /readyz: it can serve requests (the database answers). */
export function healthRoutes(db: DataSource, isShuttingDown: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (isShuttingDown()) {
      unready(res, { status: 'shutting down' });
      return;
    }
    if (await databaseAnswers(db)) res.json({ status: 'ready', database: 'ok' });
    else unready(res, { status: 'unavailable', database: 'unreachable' });
  });
  return router;
}
