import { readFileSync } from 'node:fs';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { serverAudits } from 'graphql-http';
import { startTestApi, type TestApi } from '../support/test-api';
import { withAdmin } from '../support/test-database';

let t: TestApi;
let base: string;
beforeAll(async () => {
  t = await startTestApi({ BODY_LIMIT_BYTES: '20000', MAX_QUERY_DEPTH: '6' });
  base = t.api.url;
});
afterAll(() => t.stop());

const NO_INTERNALS = /at \w+ \(|\.ts:\d+|\.js:\d+|stacktrace|QueryFailedError|node_modules/;

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}`, ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text), headers: res.headers };
}

describe('HTTP behaviour', () => {
  it('answers health and readiness', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('answers a malformed JSON body with 400 BAD_USER_INPUT and no internals', async () => {
    const res = await post('{"query": "{ me { id } }"');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(res.text).not.toMatch(NO_INTERNALS);
  });

  it('answers a body over the limit with 413 LIMIT_EXCEEDED', async () => {
    const res = await post(JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(30000)}` }));
    expect(res.status).toBe(413);
    expect(res.json.errors[0]).toEqual({ message: 'The request body is larger than the limit of 20000 bytes', extensions: { code: 'LIMIT_EXCEEDED' } });
  });

  it('answers a syntax error with BAD_USER_INPUT: 200 for application/json, 400 for application/graphql-response+json', async () => {
    const legacy = await post(JSON.stringify({ query: '{ me { id ' }));
    expect(legacy.status).toBe(200);
    expect(legacy.json.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' });
    const modern = await post(JSON.stringify({ query: '{ me { id ' }), { accept: 'application/graphql-response+json' });
    expect(modern.status).toBe(400);
    expect(modern.headers.get('content-type')).toContain('application/graphql-response+json');
    expect(modern.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers a variable of the wrong type with BAD_USER_INPUT naming the field', async () => {
    const res = await post(JSON.stringify({ query: 'mutation($i: ProviderCreateInput!) { createProvider(input: $i) { id } }', variables: { i: { legalName: 'X', providerCode: 'PR9' } } }));
    expect(res.status).toBe(200);
    expect(res.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.json.errors[0].extensions.fieldErrors[0].field).toBe('providerCode');
  });

  it('refuses queries nested deeper than the limit', async () => {
    const res = await post(JSON.stringify({ query: '{ providers { nodes { settings { provider { settings { provider { settings { id } } } } } } } }' }));
    expect(res.status).toBe(200);
    expect(res.json.errors[0].message).toBe('The query is 8 levels deep; at most 6 are allowed');
    expect(res.json.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
  });

  it('echoes a request id or makes one, and sets security headers', async () => {
    const given = await post(JSON.stringify({ query: '{ me { id } }' }), { 'x-request-id': 'abc-123' });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await post(JSON.stringify({ query: '{ me { id } }' }), { 'x-request-id': 'bad id with spaces' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.headers.get('x-content-type-options')).toBe('nosniff');
    expect(made.headers.get('x-powered-by')).toBeNull();
  });

  it('answers unknown paths with a JSON 404', async () => {
    const res = await fetch(`${base}/nothing-here`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });

  it('passes every GraphQL-over-HTTP server audit, except the deliberate exceptions the README lists with their reasons', async () => {
    const authorised: typeof fetch = (input, init = {}) =>
      fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${t.adminToken}` } });
    const audits = serverAudits({ url: `${base}/graphql`, fetchFn: authorised });
    const notOk: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status !== 'ok') notOk.push(`${audit.id} ${result.status}`);
    }
    expect(audits.length).toBeGreaterThan(40);
    expect(notOk.sort()).toEqual(auditExceptions().sort());
    // An exception may only be a MAY or SHOULD, never a MUST, and never an error or a warning.
    expect(notOk.filter((line) => !line.endsWith(' notice'))).toEqual([]);
  });
});

/** The audits the README's "GraphQL-over-HTTP audit: deliberate exceptions" table lists, as "<id> <status>". */
function auditExceptions(): string[] {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### GraphQL-over-HTTP audit: deliberate exceptions'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| ---')));
  return [...table.matchAll(/^\| `(\w{4})` \| (\w+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
}

describe('when the database is unreachable', () => {
  let other: TestApi;
  beforeAll(async () => {
    other = await startTestApi();
    await other.ok('{ me { id } }');
  });
  afterAll(async () => {
    const name = other.api.db.options.database ?? /[^/]+$/.exec(String((other.api.db.options as { url?: string }).url))![0];
    await withAdmin((c) => c.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`));
    await other.stop();
  });

  it('answers 503 SERVICE_UNAVAILABLE, and /readyz says so', async () => {
    const name = /[^/]+$/.exec(String((other.api.db.options as { url?: string }).url))![0];
    await withAdmin(async (c) => {
      await c.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    });
    const res = await fetch(other.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.adminToken}` },
      body: JSON.stringify({ query: '{ providers { nodes { id } } }' }),
    });
    const text = await res.text();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(JSON.parse(text).errors[0]).toMatchObject({ message: 'The database is not available; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(text).not.toMatch(NO_INTERNALS);
    const ready = await fetch(`${other.api.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('5');
  });
});

describe('when the database is unreachable before the user is known', () => {
  it('answers 503 from sign-in checks too, not 500', async () => {
    const fresh = await startTestApi();
    const name = /[^/]+$/.exec(String((fresh.api.db.options as { url?: string }).url))![0];
    try {
      await withAdmin(async (c) => {
        await c.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      });
      // a token of a session the server has never looked up, so it must be read from the database
      const officer = jwtFor();
      const res = await fetch(fresh.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(res.status).toBe(503);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await withAdmin((c) => c.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`));
      await fresh.stop();
    }
  });
});

/** A valid token for a user id the server has never looked up. */
function jwtFor(): string {
  return jwt.sign({ role: 'ADMIN', sid: '00000000-0000-4000-8000-0000000000bb' }, 'test-secret-that-is-long-enough-to-be-accepted', {
    subject: '00000000-0000-4000-8000-0000000000aa',
    issuer: 'placewise',
    expiresIn: 60,
  });
}
