import jwt from 'jsonwebtoken';
import { tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
const SECRET = 'test-secret-that-is-long-enough-to-be-accepted';
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

const PASSWORD = 'a-long-enough-password';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token refreshToken } }';
const REFRESH = 'mutation($r: String!) { refreshSession(refreshToken: $r) { token expiresAt refreshToken user { email } } }';
const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token refreshToken } }';
const ENDED = 'Your session has ended (signed out, or the password or account changed); sign in again';

async function signIn(email: string, password = PASSWORD): Promise<{ token: string; refreshToken: string }> {
  return (await t.ok(LOGIN, { e: email, p: password }, null)).login;
}

/** A read and a write with the token are both refused with this message, and nothing is written. */
async function refusedWith(token: string, message: string) {
  const before = await tableCounts(t);
  for (const query of ['{ me { email } }', 'mutation { createProvider(input: { legalName: "Old Token Ltd", providerCode: PR4 }) { id } }']) {
    const res = await t.gql(query, {}, token);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
  }
  expect(await tableCounts(t)).toEqual(before);
}

describe('refresh', () => {
  it('swaps the refresh token for a new access token and the next refresh token, without a token', async () => {
    const user = await t.userWithRole('FINANCE');
    const first = await signIn(user.email);
    expect(first.refreshToken).toMatch(/^pwr_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    const next = (await t.ok(REFRESH, { r: first.refreshToken }, null)).refreshSession;
    expect(next.user.email).toBe(user.email);
    expect(next.refreshToken).not.toBe(first.refreshToken);
    expect((await t.ok('{ me { email } }', {}, next.token)).me.email).toBe(user.email);
    const claims = jwt.verify(next.token, SECRET) as jwt.JwtPayload;
    expect(claims.sid).toBe(first.refreshToken.slice(4, 40));
  });

  it('ends the session when a refresh token is used twice (it was copied): both holders must sign in again', async () => {
    const user = await t.userWithRole('FINANCE');
    const first = await signIn(user.email);
    const next = (await t.ok(REFRESH, { r: first.refreshToken }, null)).refreshSession;
    const reused = await t.gql(REFRESH, { r: first.refreshToken }, null);
    expect(reused.status).toBe(401);
    expect(reused.body.errors![0]).toMatchObject({
      message: 'This refresh token was used before, so the session is signed out in case it was copied; sign in again',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await refusedWith(next.token, ENDED);
    const after = await t.gql(REFRESH, { r: next.refreshToken }, null);
    expect(after.body.errors![0].message).toBe(ENDED);
    const [row] = await t.api.db.query('SELECT revoked_reason FROM user_session WHERE id = $1', [first.refreshToken.slice(4, 40)]);
    expect(row.revoked_reason).toBe('REFRESH_REUSED');
  });

  it('refuses a forged or malformed refresh token', async () => {
    const user = await t.userWithRole('FINANCE');
    const { refreshToken } = await signIn(user.email);
    const forged = refreshToken.slice(0, -1) + (refreshToken.endsWith('A') ? 'B' : 'A');
    for (const r of [forged, 'pwr_nonsense', `pwr_00000000-0000-4000-8000-000000000000_${'x'.repeat(43)}`]) {
      const res = await t.gql(REFRESH, { r }, null);
      expect(res.body.errors![0]).toMatchObject({ message: 'The refresh token is not valid; sign in again', extensions: { code: 'UNAUTHENTICATED' } });
    }
    // A forgery does not end the real session.
    expect((await t.gql(REFRESH, { r: refreshToken }, null)).body.errors).toBeUndefined();
  });
});

describe('old sessions', () => {
  it('are deleted at the next sign-in once they ended over 30 days ago; recent ones stay', async () => {
    const user = await t.userWithRole('FINANCE');
    const old = await signIn(user.email);
    const recent = await signIn(user.email);
    await t.api.db.query(`UPDATE user_session SET revoked_at = now() - interval '31 days' WHERE id = $1`, [old.refreshToken.slice(4, 40)]);
    await t.api.db.query(`UPDATE user_session SET revoked_at = now() - interval '29 days' WHERE id = $1`, [recent.refreshToken.slice(4, 40)]);
    await signIn(user.email);
    const rows = await t.api.db.query('SELECT id FROM user_session WHERE user_id = $1', [user.id]);
    // userWithRole's own sign-in, the recent one and the new one.
    expect(rows.map((r: { id: string }) => r.id)).not.toContain(old.refreshToken.slice(4, 40));
    expect(rows).toHaveLength(3);
  });
});

describe('sign-out', () => {
  it('ends the session: its access token and its refresh token are refused from the next request; other sessions go on', async () => {
    const user = await t.userWithRole('CONTRACT_OFFICER');
    const here = await signIn(user.email);
    const elsewhere = await signIn(user.email);
    expect((await t.ok('mutation { signOut }', {}, here.token)).signOut).toBe(true);
    await refusedWith(here.token, ENDED);
    const refresh = await t.gql(REFRESH, { r: here.refreshToken }, null);
    expect(refresh.status).toBe(401);
    expect(refresh.body.errors![0]).toMatchObject({ message: ENDED, extensions: { code: 'UNAUTHENTICATED' } });
    expect((await t.ok('{ me { email } }', {}, elsewhere.token)).me.email).toBe(user.email);
  });

  it('refuses a token without a session (as made before sessions) or signed with another secret', async () => {
    const me = await t.ok('{ me { id } }');
    await refusedWith(jwt.sign({ role: 'ADMIN' }, SECRET, { subject: me.me.id, issuer: 'placewise', expiresIn: 600 }), 'The token is not valid; sign in again');
    const { token } = await signIn('admin@test.placewise', 'admin-password-for-tests');
    const claims = jwt.decode(token) as jwt.JwtPayload;
    await refusedWith(jwt.sign({ role: 'ADMIN', sid: claims.sid }, 'another-secret-that-is-long-enough-too', { subject: me.me.id, issuer: 'placewise', expiresIn: 600 }), 'The token is not valid; sign in again');
    // The right secret and a real session, but another user's id: refused.
    await refusedWith(jwt.sign({ role: 'ADMIN', sid: claims.sid }, SECRET, { subject: '00000000-0000-4000-8000-000000000000', issuer: 'placewise', expiresIn: 600 }), 'The token is not valid; sign in again');
  });
});

describe('password change', () => {
  it('ends every session of the user, old tokens and refresh tokens alike, and returns a new one', async () => {
    const user = await t.userWithRole('CONTRACT_OFFICER');
    const here = await signIn(user.email);
    const elsewhere = await signIn(user.email);
    const changed = (await t.ok(CHANGE, { c: PASSWORD, n: 'a-new-and-better-passphrase' }, here.token)).changePassword;
    await refusedWith(here.token, ENDED);
    await refusedWith(elsewhere.token, ENDED);
    expect((await t.gql(REFRESH, { r: elsewhere.refreshToken }, null)).body.errors![0].message).toBe(ENDED);
    expect((await t.ok('{ me { email passwordChangedAt } }', {}, changed.token)).me.passwordChangedAt).toEqual(expect.any(String));
    expect((await t.gql(LOGIN, { e: user.email, p: PASSWORD }, null)).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    await signIn(user.email, 'a-new-and-better-passphrase');
    const trail = await t.ok('query($id: ID!) { auditTrail(entityType: "User", entityId: $id) { action actorEmail changes { field } } }', { id: user.id });
    expect(trail.auditTrail.at(-1)).toEqual({ action: 'UPDATE', actorEmail: user.email, changes: [{ field: 'passwordChangedAt' }] });
  });

  it('needs the current password and a new one that passes the rules; a refusal changes nothing', async () => {
    const user = await t.userWithRole('FINANCE');
    const { token } = await signIn(user.email);
    const before = await tableCounts(t);
    const cases: Array<[string, string, { field: string; message: string }]> = [
      ['not-my-password', 'a-new-and-better-passphrase', { field: 'currentPassword', message: 'is not your current password' }],
      [PASSWORD, 'short', { field: 'newPassword', message: 'must be at least 12 characters' }],
      [PASSWORD, 'Password1234', { field: 'newPassword', message: 'is one of the most common passwords; choose another' }],
      [PASSWORD, PASSWORD, { field: 'newPassword', message: 'must differ from the current password' }],
    ];
    for (const [c, n, fieldError] of cases) {
      const res = await t.gql(CHANGE, { c, n }, token);
      expect(res.body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [fieldError] });
    }
    expect(await tableCounts(t)).toEqual(before);
    expect((await t.ok('{ me { email } }', {}, token)).me.email).toBe(user.email);
  });
});

describe('an administrator', () => {
  it('resets a password with updateUser: the user is signed out everywhere and signs in with the new one', async () => {
    const user = await t.userWithRole('ANALYST');
    const session = await signIn(user.email);
    const common = await t.gql('mutation($id: ID!) { updateUser(id: $id, version: 1, input: { password: "qwertyuiop123" }) { id } }', { id: user.id });
    expect(common.body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'password', message: 'is one of the most common passwords; choose another' }] });
    await t.ok('mutation($id: ID!) { updateUser(id: $id, version: 1, input: { password: "reset-by-the-administrator" }) { version } }', { id: user.id });
    await refusedWith(session.token, ENDED);
    expect((await t.gql(REFRESH, { r: session.refreshToken }, null)).body.errors![0].message).toBe(ENDED);
    await signIn(user.email, 'reset-by-the-administrator');
  });

  it('deactivates a user: their tokens and refresh tokens stop at once', async () => {
    const user = await t.userWithRole('FINANCE');
    const session = await signIn(user.email);
    await t.ok('mutation($id: ID!) { updateUser(id: $id, version: 1, input: { active: false }) { active } }', { id: user.id });
    await refusedWith(session.token, ENDED);
    expect((await t.gql(REFRESH, { r: session.refreshToken }, null)).body.errors![0].message).toBe(ENDED);
  });

  it('creates users only with passwords that pass the rules', async () => {
    const res = await t.gql('mutation { createUser(input: { email: "new@test.placewise", displayName: "New", role: ANALYST, password: "password1234" }) { id } }');
    expect(res.body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'password', message: 'is one of the most common passwords; choose another' }] });
  });
});
