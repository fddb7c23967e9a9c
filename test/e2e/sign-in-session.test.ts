import type { Browser, Page } from 'playwright-core';
import { createProvider } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';
import { openAdmin, readLocalStorage, screenshot } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

declare const localStorage: any;

let t: TestApi;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const ENDED = 'Your session has ended (signed out, or the password or account changed); sign in again';

beforeAll(async () => {
  t = await startTestApi();
  await createProvider(t, { legalName: 'Harbour Fostering Ltd' });
  ({ browser, page } = await openAdmin(t.api.url, pageErrors));
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

interface Stored {
  token: string;
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
}
const stored = async (): Promise<Stored> => JSON.parse((await readLocalStorage(page))['placewise.session']);

describe('the admin’s session', () => {
  it('keeps the short access token and the refresh token of the sign-in', async () => {
    const session = await stored();
    expect(session.refreshToken).toMatch(/^pwr_/);
    expect(Date.parse(session.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
    expect(Date.parse(session.refreshExpiresAt) - Date.now()).toBeGreaterThan(11 * 3600 * 1000);
  });

  it('renews the access token with the refresh token when it is about to expire, and carries on', async () => {
    const before = await stored();
    // As if 14 minutes had passed: the token has under a minute left.
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('placewise.session'));
      localStorage.setItem('placewise.session', JSON.stringify({ ...s, expiresAt: new Date(Date.now() + 20_000).toISOString() }));
    });
    await page.reload();
    await page.locator('a.RaMenuItemLink-root[href="/providers"]').first().click();
    await page.waitForSelector('[data-testid="spreadsheet-grid"] .rdg-row');
    const after = await stored();
    expect(after.token).not.toBe(before.token);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(Date.parse(after.expiresAt) - Date.now()).toBeGreaterThan(14 * 60 * 1000);
    // The sign-in keeps its end: renewing does not stretch it.
    expect(after.refreshExpiresAt).toBe(before.refreshExpiresAt);
    expect((await t.ok('{ me { email } }', {}, after.token)).me.email).toBe('admin@test.placewise');
  });

  it('changes the password from the user menu: field errors beside the inputs, then the old tokens are refused and the admin carries on', async () => {
    const before = await stored();
    await page.click('button[aria-label="Profile"]');
    await page.click('[data-testid="change-password"]');
    await page.waitForSelector('[data-testid="change-password-dialog"]');
    await page.fill('[data-testid="password-currentPassword"]', 'admin-password-for-tests');
    await page.fill('[data-testid="password-newPassword"]', 'password1234');
    await page.fill('[data-testid="password-repeat"]', 'password1234');
    await page.click('[data-testid="change-password-confirm"]');
    await page.waitForSelector('.Mui-error:has-text("is one of the most common passwords; choose another")');
    await screenshot(page, 'change-password');
    await page.fill('[data-testid="password-newPassword"]', 'a-better-admin-passphrase');
    await page.fill('[data-testid="password-repeat"]', 'a-better-admin-passphrase');
    await page.click('[data-testid="change-password-confirm"]');
    await page.waitForSelector('[data-testid="change-password-dialog"]', { state: 'detached' });
    const after = await stored();
    expect(after.token).not.toBe(before.token);
    expect((await t.gql('{ me { email } }', {}, before.token)).body.errors![0].message).toBe(ENDED);
    await page.reload();
    await page.waitForSelector('[data-testid="spreadsheet-grid"] .rdg-row');
    expect((await t.gql(`mutation { login(email: "admin@test.placewise", password: "a-better-admin-passphrase") { token } }`, {}, null)).body.errors).toBeUndefined();
  });

  it('signs out on the server too: the tokens it held are refused from the next request', async () => {
    const session = await stored();
    await page.click('button[aria-label="Profile"]');
    await page.click('li:has-text("Logout")');
    await page.waitForURL(/\/login/);
    expect((await readLocalStorage(page))['placewise.session']).toBeUndefined();
    const me = await t.gql('{ me { email } }', {}, session.token);
    expect(me.status).toBe(401);
    expect(me.body.errors![0].message).toBe(ENDED);
    const refresh = await t.gql('mutation($r: String!) { refreshSession(refreshToken: $r) { token } }', { r: session.refreshToken }, null);
    expect(refresh.body.errors![0]).toMatchObject({ message: ENDED, extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('the page reported no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
