import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/src/config/config';
import { createLogger } from '../server/src/common/logger';
import { startEmbeddedPostgres } from '../server/src/database/embedded-postgres';
import { startApi, type RunningApi } from '../server/src/server';

export interface BenchServer {
  api: RunningApi;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/** A real server on a scratch embedded PostgreSQL (or BENCH_DATABASE_URL), signed in as admin. */
export async function benchServer(): Promise<BenchServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'placewise-bench-'));
  chmodSync(dir, 0o755);
  const logger = createLogger('warn');
  const pg = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres(dir, null, logger);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ADMIN_EMAIL: 'bench@placewise.local', ADMIN_PASSWORD: 'bench-password-123', DEMO_DATA: 'off' });
  const api = await startApi(config, logger, process.env.BENCH_DATABASE_URL ?? pg!.url);
  let token = '';
  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 2000));
    return body.data;
  };
  token = (await gql<{ login: { token: string } }>('mutation { login(email: "bench@placewise.local", password: "bench-password-123") { token } }')).login.token;
  return {
    api,
    gql,
    async stop() {
      await api.stop();
      await pg?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}
