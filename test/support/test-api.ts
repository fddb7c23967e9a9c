import { loadConfig, type Config } from '../../server/src/config/config';
import { createLogger } from '../../server/src/common/logger';
import { sqlStatementCounter } from '../../server/src/common/request-context';
import { startApi, type RunningApi } from '../../server/src/server';
import { createTestDatabase } from './test-database';

/**
 * The day fixed-date API tests run on (`startTestApi({ AS_OF: TEST_TODAY })`): the server takes it
 * as today, so figures derived from "today" hold whatever day the suite runs.
 */
export const TEST_TODAY = '2026-12-04';

export const ADMIN = { email: 'admin@test.placewise', password: 'admin-password-for-tests' };

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  body: { data?: T | null; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }> };
}

export interface TestApi {
  url: string;
  api: RunningApi;
  adminToken: string;
  /** Posts a GraphQL request; `token` null sends none. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any error and returns `data`. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<T>;
  /** Signs in a new user of this role and returns their token. */
  userWithRole(role: string): Promise<{ id: string; token: string; email: string }>;
  /** SQL statements sent while `work` ran. */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  rowCount(table: string): Promise<number>;
  stop(): Promise<void>;
}

/** A real server on a free port and its own fresh database (or the one given, migrated at start), for one test file. */
export async function startTestApi(env: Record<string, string> = {}, given?: { url: string; drop(): Promise<void> }): Promise<TestApi> {
  const database = given ?? (await createTestDatabase());
  const config: Config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'test-secret-that-is-long-enough-to-be-accepted',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    DEMO_DATA: 'off',
    // Test files drive the API faster than any person or service would; the rate limit has its own tests.
    REQUEST_RATE_PER_MINUTE: '1000000',
    ...env,
  });
  const api = await startApi(config, createLogger(config.logLevel), database.url);
  const url = `${api.url}/graphql`;

  async function gql<T>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const bearer = token === undefined ? adminToken : token;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return { status: res.status, body: (await res.json()) as GraphQLResponse<T>['body'] };
  }

  async function ok<T>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<T> {
    const res = await gql<T>(query, variables, token);
    if (res.body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.body.errors, null, 2)}`);
    return res.body.data as T;
  }

  let adminToken = '';
  try {
    const login = await ok<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: config.adminEmail, p: config.adminPassword },
      null,
    );
    adminToken = login.login.token;
  } catch (error) {
    await api.stop();
    await database.drop();
    throw error;
  }
  let users = 0;

  return {
    url,
    api,
    adminToken,
    gql,
    ok,
    async userWithRole(role) {
      const email = `${role.toLowerCase()}${++users}@test.placewise`;
      const password = 'a-long-enough-password';
      const created = await ok<{ createUser: { id: string } }>(
        'mutation($i: UserCreateInput!) { createUser(input: $i) { id } }',
        { i: { email, displayName: `${role} ${users}`, role, password } },
      );
      const session = await ok<{ login: { token: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: password },
        null,
      );
      return { id: created.createUser.id, token: session.login.token, email };
    },
    async countStatements(work) {
      const before = sqlStatementCounter.total;
      await work();
      return sqlStatementCounter.total - before;
    },
    async rowCount(table) {
      const [row] = await api.db.query(`SELECT count(*)::int AS n FROM "${table}"`);
      return row.n as number;
    },
    async stop() {
      await api.stop();
      await database.drop();
    },
  };
}
