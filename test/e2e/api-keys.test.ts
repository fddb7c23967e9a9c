import type { Browser, Page } from 'playwright-core';
import { createProvider } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';
import { dialogOpened, openAdmin, screenshot } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

let t: TestApi;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  t = await startTestApi();
  await createProvider(t, { legalName: 'Harbour Fostering Ltd' });
  await t.ok('mutation { createApiKey(name: "Old portal key", scopes: [PROVIDERS_READ]) { secret } }');
  ({ browser, page } = await openAdmin(t.api.url, pageErrors));
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const row = (name: string) => page.locator(`[data-testid="api-key-row-${name}"]`);
const readProviders = (secret: string) => t.gql('{ providers { nodes { legalName } } }', {}, secret);

describe('the API keys page', () => {
  it('lists the keys without secrets, from the menu of an administrator', async () => {
    await page.click('[data-testid="menu-api-keys"]');
    await page.waitForSelector('[data-testid="api-key-row-Old portal key"]');
    expect(await row('Old portal key').locator('td').allInnerTexts()).toEqual(['Old portal key', 'SERVICE', 'Providers and settings: Read', 'Active', expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/), 'Never', expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/), 'ROTATEREVOKE']);
    expect(await page.locator('[data-testid="api-keys-page"]').innerText()).not.toContain('pwk_');
  });

  it('creates a key with its scopes and shows its secret once, which then works with exactly those scopes', async () => {
    await page.click('[data-testid="api-key-create"]');
    await dialogOpened(page);
    await page.fill('[data-testid="api-key-name"]', 'Finance ledger');
    await page.click('[data-testid="scope-INVOICES-WRITE"]');
    await page.click('[data-testid="scope-PROVIDERS-READ"]');
    await page.fill('[data-testid="api-key-expires"]', '31/03/2027');
    await screenshot(page, 'api-key-create');
    await page.click('[data-testid="api-key-create-confirm"]');
    await page.waitForSelector('[data-testid="api-key-secret-dialog"]');
    await dialogOpened(page);
    const secret = await page.inputValue('[data-testid="api-key-secret"]');
    expect(secret).toMatch(/^pwk_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'api-key-secret');
    await page.click('[data-testid="api-key-secret-done"]');
    await page.waitForSelector('[data-testid="api-key-secret-dialog"]', { state: 'detached' });
    await row('Finance ledger').waitFor();
    expect(await row('Finance ledger').locator('td').nth(2).innerText()).toBe('Providers and settings: Read\nInvoices: Read and change');
    expect(await row('Finance ledger').locator('td').nth(4).innerText()).toBe('31/03/2027');
    await screenshot(page, 'api-keys');

    const { apiKeys } = await t.ok('{ apiKeys { name scopes expiresAt } }');
    expect(apiKeys[0]).toEqual({ name: 'Finance ledger', scopes: ['INVOICES_WRITE', 'PROVIDERS_READ'], expiresAt: '2027-03-31T23:59:59.000Z' });
    expect((await readProviders(secret)).body.data!.providers.nodes).toEqual([{ legalName: 'Harbour Fostering Ltd' }]);
    expect((await t.gql('{ contracts { nodes { id } } }', {}, secret)).status).toBe(403);
  });

  it('refuses a key with no scope: nothing is created', async () => {
    await page.click('[data-testid="api-key-create"]');
    await dialogOpened(page);
    await page.fill('[data-testid="api-key-name"]', 'Nothing at all');
    await page.click('[data-testid="api-key-create-confirm"]');
    expect(await page.locator('[data-testid="api-key-scopes-error"]').innerText()).toBe('Give the key at least one scope');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="api-key-create-dialog"]', { state: 'detached' });
    expect((await t.ok('{ apiKeys { name } }')).apiKeys.map((k: { name: string }) => k.name)).toEqual(['Finance ledger', 'Old portal key']);
  });

  it('rotates a key: a new secret shown once, the old one refused at once', async () => {
    const old = (await t.ok('mutation { createApiKey(name: "Case system", scopes: [PROVIDERS_READ]) { secret } }')).createApiKey.secret;
    await page.reload();
    await row('Case system').waitFor();
    await row('Case system').locator('[data-testid="api-key-rotate"]').click();
    await page.click('[data-testid="api-key-confirm"]');
    await page.waitForSelector('[data-testid="api-key-secret-dialog"]');
    const secret = await page.inputValue('[data-testid="api-key-secret"]');
    await page.click('[data-testid="api-key-secret-done"]');
    expect(secret).not.toBe(old);
    expect((await readProviders(old)).status).toBe(401);
    expect((await readProviders(secret)).status).toBe(200);
  });

  it('revokes a key: refused from its next request, shown as revoked with no actions', async () => {
    const secret = (await t.ok('mutation { createApiKey(name: "Regional portal", scopes: [PROVIDERS_READ]) { secret } }')).createApiKey.secret;
    expect((await readProviders(secret)).status).toBe(200);
    await page.reload();
    await row('Regional portal').locator('[data-testid="api-key-revoke"]').click();
    await dialogOpened(page);
    await page.click('[data-testid="api-key-confirm"]');
    await row('Regional portal').locator('[data-testid="api-key-status"]:has-text("Revoked")').waitFor();
    expect(await row('Regional portal').locator('[data-testid="api-key-revoke"]').count()).toBe(0);
    const refused = await readProviders(secret);
    expect(refused.status).toBe(401);
    expect(refused.body.errors![0].message).toBe('The API key is not valid or was revoked');
  });

  it('is not in the menu of anyone but administrators, and refuses them if they open it', async () => {
    const officer = await t.userWithRole('CONTRACT_OFFICER');
    const other = await openAdmin(t.api.url, pageErrors, { email: officer.email, password: 'a-long-enough-password' });
    try {
      expect(await other.page.locator('[data-testid="menu-api-keys"]').count()).toBe(0);
      await other.page.goto('/api-keys');
      expect(await other.page.locator('[data-testid="api-keys-forbidden"]').innerText()).toBe('Only administrators manage API keys.');
    } finally {
      await other.browser.close();
    }
  });

  it('the page reported no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
