import { databaseFingerprint } from '../support/database-fingerprint';
import { ADMIN, startTestApi, type TestApi } from '../support/test-api';

const NO_INTERNALS = /at \w+ \(|\.ts:\d+|\.js:\d+|stacktrace|QueryFailedError|node_modules|SELECT|FROM "|name_gone|does not exist/i;
const ALLOWED = 'https://admin.council.example';

// Production mode, as the container runs it, with a browser origin allowed.
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ NODE_ENV: 'production', SESSION_SECRET: '3f9a1c7e5b2d8046af19c3e7b5d20864e1f0a2b3', CORS_ORIGINS: ALLOWED });
});
afterAll(() => t.stop());

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

describe('security headers', () => {
  it('sets them on API answers and on errors alike', async () => {
    for (const res of [await fetch(`${t.api.url}/healthz`), await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })]) {
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(t.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });

  it('answers a preflight from a configured origin, without credentials', async () => {
    const res = await preflight(ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });

  it('gives any other origin no CORS headers, so a browser will not let it read the answer', async () => {
    for (const origin of ['https://evil.example', 'https://admin.council.example.evil.example', 'null']) {
      const res = await preflight(origin);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const post = await fetch(t.url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(post.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('cookies and cross-site requests', () => {
  it('sets no cookie anywhere: sessions are bearer tokens, which a browser never sends by itself', async () => {
    const answers = [
      await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LOGIN, variables: { e: ADMIN.email, p: ADMIN.password } }) }),
      await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` }, body: JSON.stringify({ query: '{ me { id } }' }) }),
      await fetch(`${t.api.url}/`),
      await fetch(`${t.api.url}/readyz`),
    ];
    expect(answers.map((res) => res.headers.get('set-cookie'))).toEqual([null, null, null, null]);
  });

  it('refuses a mutation a page on another site could send without a preflight, and runs nothing', async () => {
    const before = await databaseFingerprint(t);
    const mutation = `mutation { createProvider(input: { legalName: "Cross Site Ltd", providerCode: PR4, serviceCategories: [RESIDENTIAL] }) { id } }`;
    // A form post (text/plain, a "simple" request) and a GET, each carrying the token as a browser extension might.
    const form = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${t.adminToken}` }, body: JSON.stringify({ query: mutation }) });
    const get = await fetch(`${t.url}?query=${encodeURIComponent(mutation)}`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    expect([form.status, get.status]).toEqual([400, 400]);
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it('serves a GET query that carries a header a browser cannot add cross-site without a preflight (the README audit exceptions)', async () => {
    const url = `${t.url}?query=${encodeURIComponent('{ me { email } }')}`;
    const bare = await fetch(url, { headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as any).errors[0].message).toMatch(/Cross-Site Request Forgery/);
    const marked = await fetch(url, { headers: { authorization: `Bearer ${t.adminToken}`, 'apollo-require-preflight': 'true' } });
    expect(marked.status).toBe(200);
    expect(((await marked.json()) as any).data.me.email).toBe(ADMIN.email);
  });
});

describe('errors in production mode', () => {
  it('says nothing of stacks or SQL when the database refuses unexpectedly', async () => {
    await t.api.db.query('ALTER TABLE authority RENAME COLUMN name TO name_gone');
    try {
      const res = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
        body: JSON.stringify({ query: '{ authorities { nodes { id name } } }' }),
      });
      const text = await res.text();
      const body = JSON.parse(text);
      expect(body.errors[0]).toMatchObject({
        message: 'Something went wrong on the server; it has been logged with the request id',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: res.headers.get('x-request-id') },
      });
      expect(Object.keys(body.errors[0].extensions).sort()).toEqual(['code', 'requestId']);
      expect(text).not.toMatch(NO_INTERNALS);
    } finally {
      await t.api.db.query('ALTER TABLE authority RENAME COLUMN name_gone TO name');
    }
  });
});
