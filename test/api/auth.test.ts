import jwt from 'jsonwebtoken';
import { tableCounts } from '../support/fixtures';
import { ADMIN, startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
const SECRET = 'test-secret-that-is-long-enough-to-be-accepted';
beforeAll(async () => {
  t = await startTestApi({ SESSION_TTL_HOURS: '2' });
});
afterAll(() => t.stop());

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt refreshExpiresAt user { email role lastLoginAt } } }';
const CREATE = 'mutation($i: ProviderCreateInput!) { createProvider(input: $i) { id } }';

describe('sign-in', () => {
  it('returns a signed access token of 15 minutes, in a sign-in that lasts the configured time', async () => {
    const before = Date.now();
    const data = await t.ok(LOGIN, { e: '  ADMIN@test.placewise ', p: ADMIN.password }, null);
    expect(data.login.user).toMatchObject({ email: ADMIN.email, role: 'ADMIN' });
    const claims = jwt.verify(data.login.token, SECRET) as jwt.JwtPayload;
    expect(claims.role).toBe('ADMIN');
    expect(claims.exp! - claims.iat!).toBeGreaterThanOrEqual(15 * 60 - 1);
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(15 * 60);
    const expires = new Date(data.login.expiresAt).getTime();
    expect(expires - before).toBeGreaterThanOrEqual(15 * 60 * 1000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(15 * 60 * 1000 + 5000);
    const ends = new Date(data.login.refreshExpiresAt).getTime();
    expect(ends - before).toBeGreaterThanOrEqual(2 * 3600 * 1000 - 1000);
    expect(ends - before).toBeLessThanOrEqual(2 * 3600 * 1000 + 5000);
  });

  it('refuses a wrong password or an unknown email with the same message', async () => {
    const wrong = await t.gql(LOGIN, { e: ADMIN.email, p: 'not-the-password' }, null);
    const unknown = await t.gql(LOGIN, { e: 'nobody@test.placewise', p: 'whatever-password' }, null);
    for (const res of [wrong, unknown]) {
      expect(res.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(res.body.errors![0].message).toBe('Wrong email or password, or the account is not active');
    }
  });

  it('does not let a deactivated user sign in or use an old token', async () => {
    const officer = await t.userWithRole('CONTRACT_OFFICER');
    expect((await t.ok('{ me { email } }', {}, officer.token)).me.email).toBe(officer.email);
    await t.ok('mutation($id: ID!) { updateUser(id: $id, version: 1, input: { active: false }) { active } }', { id: officer.id });
    const res = await t.gql('{ me { email } }', {}, officer.token);
    expect(res.status).toBe(401);
    expect(res.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const login = await t.gql(LOGIN, { e: officer.email, p: 'a-long-enough-password' }, null);
    expect(login.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an email after 10 failed sign-ins, even with the right password', async () => {
    const user = await t.userWithRole('FINANCE');
    for (let i = 0; i < 10; i++) {
      const res = await t.gql(LOGIN, { e: user.email, p: `wrong-password-${i}` }, null);
      expect(res.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    const locked = await t.gql(LOGIN, { e: user.email, p: 'a-long-enough-password' }, null);
    expect(locked.status).toBe(429);
    expect(locked.body.errors![0].extensions!.code).toBe('LIMIT_EXCEEDED');
    expect(locked.body.errors![0].message).toBe('Too many failed sign-ins for this email (10 within 15 minutes); try again in 15 minute(s)');
  });

  it('stores only a scrypt hash of the password', async () => {
    const [row] = await t.api.db.query('SELECT password_hash FROM user_account WHERE email = $1', [ADMIN.email]);
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{80,}$/);
    expect(row.password_hash).not.toContain(ADMIN.password);
  });
});

describe('every operation but login needs a valid token', () => {
  it.each([
    ['no token', null, 'Sign in first: send Authorization: Bearer <token> from the login mutation'],
    ['a token signed with another secret', jwt.sign({ role: 'ADMIN' }, 'x'.repeat(40), { subject: 'u', issuer: 'placewise' }), 'The token is not valid; sign in again'],
    ['an expired token', 'EXPIRED', 'Your session has expired; sign in again'],
    ['a malformed token', 'abc.def.ghi', 'The token is not valid; sign in again'],
  ])('%s → 401 UNAUTHENTICATED, nothing written', async (_label, token, message) => {
    let bearer = token;
    if (token === 'EXPIRED') {
      const me = await t.ok('{ me { id } }');
      bearer = jwt.sign({ role: 'ADMIN' }, SECRET, { subject: me.me.id, issuer: 'placewise', expiresIn: -10 });
    }
    const before = await tableCounts(t);
    const res = await t.gql(CREATE, { i: { legalName: 'Sneaky Ltd', providerCode: 'PR4' } }, bearer);
    expect(res.status).toBe(401);
    expect(res.body.errors![0]).toMatchObject({ message, extensions: { code: 'UNAUTHENTICATED' } });
    expect(res.body.data ?? null).toBeNull();
    expect(await tableCounts(t)).toEqual(before);
  });

  it('also guards queries and introspection', async () => {
    for (const query of ['{ providers { nodes { id } } }', '{ __schema { queryType { name } } }', '{ me { id } }']) {
      const res = await t.gql(query, {}, null);
      expect(res.status).toBe(401);
      expect(res.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors[0].message).toBe('The Authorization header must be "Bearer <token>"');
  });
});

describe('roles', () => {
  it.each([
    ['ANALYST', 'createProvider'],
    ['FINANCE', 'createProvider'],
    ['SERVICE', 'createProvider'],
    ['CONTRACT_OFFICER', 'createUser'],
  ])('%s may not call %s: FORBIDDEN, nothing written', async (role, mutation) => {
    const user = await t.userWithRole(role);
    const before = await tableCounts(t);
    const res =
      mutation === 'createProvider'
        ? await t.gql(CREATE, { i: { legalName: 'Forbidden Ltd', providerCode: 'PR4' } }, user.token)
        : await t.gql('mutation { createUser(input: { email: "x@y.org", displayName: "X", role: ADMIN, password: "long-enough-pass" }) { id } }', {}, user.token);
    expect(res.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(res.body.errors![0].message).toContain(`Your role (${role}) may not use ${mutation}`);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('lets every role read the register, and a contract officer change it', async () => {
    for (const role of ['ANALYST', 'FINANCE', 'CONTRACT_OFFICER']) {
      const user = await t.userWithRole(role);
      const data = await t.ok('{ providers { nodes { id } } }', {}, user.token);
      expect(Array.isArray(data.providers.nodes)).toBe(true);
    }
    const officer = await t.userWithRole('CONTRACT_OFFICER');
    const created = await t.ok(CREATE, { i: { legalName: 'Officer Made Ltd', providerCode: 'PR4' } }, officer.token);
    const trail = await t.ok('query($id: ID!) { auditTrail(entityType: "Provider", entityId: $id) { actorEmail actorId } }', { id: created.createProvider.id });
    expect(trail.auditTrail).toEqual([{ actorEmail: officer.email, actorId: officer.id }]);
  });

  it('keeps user administration to administrators', async () => {
    const analyst = await t.userWithRole('ANALYST');
    const res = await t.gql('{ users { nodes { email } } }', {}, analyst.token);
    expect(res.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const data = await t.ok('{ users(first: 100) { totalCount nodes { email role } } }');
    expect(data.users.nodes).toContainEqual({ email: analyst.email, role: 'ANALYST' });
  });

  it('refuses a duplicate user email naming the field', async () => {
    const res = await t.gql('mutation { createUser(input: { email: "ADMIN@test.placewise", displayName: "Dup", role: ANALYST, password: "long-enough-pass" }) { id } }');
    expect(res.body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'email', message: 'another user already has this email' }] });
  });
});
