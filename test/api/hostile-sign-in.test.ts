import jwt from 'jsonwebtoken';
import { databaseFingerprint } from '../support/database-fingerprint';
import { startTestApi, type TestApi } from '../support/test-api';

const SECRET = 'test-secret-that-is-long-enough-to-be-accepted';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const CREATE = 'mutation { createProvider(input: { legalName: "Intruder Ltd", providerCode: PR4, serviceCategories: [RESIDENTIAL] }) { id } }';

let t: TestApi;
let adminId: string;
let sid: string;
beforeAll(async () => {
  t = await startTestApi();
  adminId = (await t.ok('{ me { id } }')).me.id;
  // The admin's own sign-in session: the forged tokens below carry it, so only their signature or expiry is wrong.
  sid = (jwt.decode(t.adminToken) as { sid: string }).sid;
});
afterAll(() => t.stop());

/** Posts from a given client address (the server trusts X-Forwarded-For from its loopback proxy). */
async function from(ip: string, query: string, variables: Record<string, unknown>, token: string | null = null) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': ip };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(t.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as any };
}

describe('tokens that are not ours', () => {
  const cases: Array<[string, () => string, string]> = [
    ['a forged token', () => 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJBRE1JTiJ9.bm90LWEtc2lnbmF0dXJl', 'The token is not valid; sign in again'],
    ['an unsigned token (alg none)', () => jwt.sign({ role: 'ADMIN', sid }, '', { algorithm: 'none', subject: adminId, issuer: 'placewise' }), 'The token is not valid; sign in again'],
    ['a token signed with another secret', () => jwt.sign({ role: 'ADMIN', sid }, 'another-secret-that-is-also-long-enough', { subject: adminId, issuer: 'placewise', expiresIn: 600 }), 'The token is not valid; sign in again'],
    ['an expired token', () => jwt.sign({ role: 'ADMIN', sid, exp: Math.floor(Date.now() / 1000) - 60 }, SECRET, { subject: adminId, issuer: 'placewise' }), 'Your session has expired; sign in again'],
    ['a token from another issuer', () => jwt.sign({ role: 'ADMIN', sid }, SECRET, { subject: adminId, issuer: 'elsewhere', expiresIn: 600 }), 'The token is not valid; sign in again'],
  ];

  it.each(cases)('refuses %s with 401 UNAUTHENTICATED and writes nothing', async (_name, token, message) => {
    const before = await databaseFingerprint(t);
    const res = await t.gql(CREATE, {}, token());
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(await databaseFingerprint(t)).toBe(before);
  });

  it('accepts the same claims signed with the server secret (so the refusals above are about the signature and expiry)', async () => {
    const token = jwt.sign({ role: 'ADMIN', sid }, SECRET, { subject: adminId, issuer: 'placewise', expiresIn: 600 });
    expect((await t.ok('{ me { id } }', {}, token)).me.id).toBe(adminId);
  });
});

describe('introspection', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';

  it('is refused without a token, and so is a single type', async () => {
    for (const query of [INTROSPECT, '{ __type(name: "Child") { fields { name } } }']) {
      const res = await t.gql(query, {}, null);
      expect(res.status).toBe(401);
      expect(res.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(res.body.data).toBeUndefined();
    }
  });

  it('gives no field suggestions without a token, but does to a signed-in user', async () => {
    const anonymous = await t.gql('{ provder { id } }', {}, null);
    expect(anonymous.body.errors![0].message).toBe('Cannot query field "provder" on type "Query".');
    const signedIn = await t.gql('{ provder { id } }');
    expect(signedIn.body.errors![0].message).toMatch(/^Cannot query field "provder" on type "Query". Did you mean "provider"/);
  });

  it('answers a signed-in user', async () => {
    expect((await t.ok(INTROSPECT)).__schema.queryType.name).toBe('Query');
  });
});

describe('50 wrong passwords in a row', () => {
  async function fiftyWrong(email: string, ip: string) {
    const answers: string[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await from(ip, LOGIN, { e: email, p: `wrong-password-${i}` });
      answers.push(`${res.status} ${res.body.errors[0].extensions.code} ${res.body.errors[0].message}`);
    }
    return answers;
  }
  const WRONG = '401 UNAUTHENTICATED Wrong email or password, or the account is not active';
  const LOCKED = '429 LIMIT_EXCEEDED Too many failed sign-ins for this email (10 within 15 minutes); try again in 15 minute(s)';

  it('locks the email after 10, answering exactly the same whether or not the account exists', async () => {
    const user = await t.userWithRole('FINANCE');
    const before = await databaseFingerprint(t);
    const real = await fiftyWrong(user.email, '198.51.100.1');
    const madeUp = await fiftyWrong('nobody-at-all@test.placewise', '198.51.100.2');
    expect(real).toEqual([...Array(10).fill(WRONG), ...Array(40).fill(LOCKED)]);
    expect(madeUp).toEqual(real);
    expect(await databaseFingerprint(t)).toBe(before);
    // Locked even with the right password, from anywhere.
    const right = await from('198.51.100.3', LOGIN, { e: user.email, p: 'a-long-enough-password' });
    expect(right.body.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
    expect(right.body.data).toBeNull();
  });

  it('locks an address after 50 refused sign-ins, for every email', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 50; i++) {
      const res = await from(ip, LOGIN, { e: `guess-${i}@test.placewise`, p: 'wrong-password' });
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const user = await t.userWithRole('ANALYST');
    const blocked = await from(ip, LOGIN, { e: user.email, p: 'a-long-enough-password' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.errors[0]).toMatchObject({
      message: 'Too many failed sign-ins from this address (50 within 15 minutes); try again in 15 minute(s)',
      extensions: { code: 'LIMIT_EXCEEDED' },
    });
    // The same user from another address signs in.
    const elsewhere = await from('203.0.113.10', LOGIN, { e: user.email, p: 'a-long-enough-password' });
    expect(elsewhere.body.data.login.token).toEqual(expect.any(String));
  });
});
