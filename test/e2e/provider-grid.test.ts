import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createProvider } from '../support/fixtures';
import { ADMIN, startTestApi, type TestApi } from '../support/test-api';
import {
  cell,
  cellText,
  dialogOpened,
  launchBrowser,
  newContext,
  parseCsv,
  pasteText,
  readLocalStorage,
  recordGraphQL,
  screenshot,
  settled,
  signIn,
  typeIntoCell,
} from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

declare const document: any;

const PROVIDER = 'id version legalName tradingName companyNumber charityNumber providerCode status serviceCategories notes';
const OFFICER_PASSWORD = 'a-long-enough-password';

let t: TestApi;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const ids: Record<string, string> = {};
const pageErrors: string[] = [];

async function provider(id: string) {
  const data = await t.ok<{ provider: Record<string, any> }>(`query($id: ID!) { provider(id: $id) { ${PROVIDER} } }`, { id });
  return data.provider;
}

async function auditCount(id: string): Promise<number> {
  const data = await t.ok<{ auditTrail: unknown[] }>('query($id: ID!) { auditTrail(entityType: "Provider", entityId: $id) { id } }', { id });
  return data.auditTrail.length;
}

beforeAll(async () => {
  t = await startTestApi();
  const names = ['Alder Care Ltd', 'Beech Fostering Ltd', 'Cedar Homes Ltd', 'Damson Support Ltd', 'Elm Transport Ltd', 'Fir Education Ltd', 'Gorse Contact Ltd'];
  for (const name of names) {
    const created = await createProvider(t, { legalName: name, providerCode: 'PR4', serviceCategories: ['RESIDENTIAL'] });
    ids[name.split(' ')[0]] = created.id;
  }
  browser = await launchBrowser();
  context = await newContext(browser, t.api.url);
  page = await context.newPage();
  // Anything the page reports as an error (a script error, a refused Content-Security-Policy, a failed asset) fails the last test.
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

test('signs in through the sign-in page and lands on the providers grid', async () => {
  await signIn(page, ADMIN.email, ADMIN.password, 'sign-in');
  await page.waitForURL(/\/providers/);
  expect(await page.locator('[data-testid="grid-count"]').innerText()).toBe('7 of 7 rows loaded');
  // Sorted by legal name on the server; British formats in the "Last changed" column.
  const names = await page.locator('[data-field="legalName"]').allInnerTexts();
  expect(names).toEqual(['Alder Care Ltd', 'Beech Fostering Ltd', 'Cedar Homes Ltd', 'Damson Support Ltd', 'Elm Transport Ltd', 'Fir Education Ltd', 'Gorse Contact Ltd']);
  await screenshot(page, 'providers-grid');
  // The grid renders only the columns in view: scroll right to the last one.
  await page.locator('.rdg').evaluate((grid: any) => (grid.scrollLeft = grid.scrollWidth));
  expect(await cellText(page, ids.Alder, 'updatedAt')).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await page.locator('.rdg').evaluate((grid: any) => (grid.scrollLeft = 0));
  expect(await cellText(page, ids.Alder, 'providerCode')).toBe('PR4 · Private provision');
  expect(await cellText(page, ids.Alder, 'status')).toBe('Active');
  expect(await cellText(page, ids.Alder, 'serviceCategories')).toBe('Residential');
});

test('edits a cell in place: Enter starts, Enter saves with the version and moves down, Esc cancels', async () => {
  const operations = recordGraphQL(page);
  await typeIntoCell(page, ids.Alder, 'legalName', 'Alder Care Group Ltd');
  await settled(page);
  expect(await cellText(page, ids.Alder, 'legalName')).toBe('Alder Care Group Ltd');
  // Enter moved the active cell down to the next row, same column.
  await expect(cell(page, ids.Beech, 'legalName').getAttribute('aria-selected')).resolves.toBe('true');
  const saved = await provider(ids.Alder);
  expect(saved).toMatchObject({ legalName: 'Alder Care Group Ltd', version: 2 });
  expect(operations.filter((o) => o.field === 'updateProvider')).toHaveLength(1);

  // Typing starts editing too; Esc throws the typing away and sends nothing.
  await cell(page, ids.Cedar, 'tradingName').click();
  await page.keyboard.type('Never saved');
  await page.keyboard.press('Escape');
  expect(await cellText(page, ids.Cedar, 'tradingName')).toBe('');
  expect(operations.filter((o) => o.field === 'updateProvider')).toHaveLength(1);

  // An enum cell: a list of the official codes with their descriptions.
  await cell(page, ids.Cedar, 'status').click();
  await page.keyboard.press('Enter');
  const select = page.locator('.rdg-editor-container select');
  expect(await select.locator('option').allInnerTexts()).toEqual([
    'ACTIVE – The authority can place with and buy from this provider.',
    'EXITED – The provider has left the market or the authority’s supplier list.',
    'SUSPENDED – No new placements or purchases until the suspension is lifted (e.g. after an Inadequate judgement).',
  ]);
  await select.selectOption('SUSPENDED');
  await page.keyboard.press('Enter');
  await settled(page);
  expect(await provider(ids.Cedar)).toMatchObject({ status: 'SUSPENDED', version: 2 });
  expect(await cellText(page, ids.Cedar, 'status')).toBe('Suspended');

  // A list of codes: tick boxes under the cell, Enter saves.
  await cell(page, ids.Cedar, 'serviceCategories').click();
  await page.keyboard.press('Enter');
  await page.locator('.pw-floating-editor label', { hasText: 'FOSTERING' }).click();
  await page.keyboard.press('Enter');
  await settled(page);
  expect(await provider(ids.Cedar)).toMatchObject({ serviceCategories: ['FOSTERING', 'RESIDENTIAL'], version: 3 });
  expect(await cellText(page, ids.Cedar, 'serviceCategories')).toBe('Fostering, Residential');
});

test('a value the server refuses stays in the cell with the server message, and nothing is written', async () => {
  const before = await provider(ids.Damson);
  const auditBefore = await auditCount(ids.Damson);
  await typeIntoCell(page, ids.Damson, 'legalName', '');
  const problem = page.locator(`[data-testid="grid-problem"][data-row-id="${ids.Damson}"][data-field="legalName"]`);
  await problem.waitFor();
  expect(await problem.locator('[data-testid="problem-message"]').innerText()).toBe('must not be empty');
  expect(await page.locator(`.pw-cell[data-row-id="${ids.Damson}"][data-field="legalName"]`).getAttribute('data-state')).toBe('error');
  await screenshot(page, 'validation-error');
  expect(await provider(ids.Damson)).toEqual(before);
  expect(await auditCount(ids.Damson)).toBe(auditBefore);

  // Correcting the value saves it and clears the problem.
  await typeIntoCell(page, ids.Damson, 'legalName', 'Damson Supported Living Ltd');
  await settled(page);
  await problem.waitFor({ state: 'detached' });
  expect(await provider(ids.Damson)).toMatchObject({ legalName: 'Damson Supported Living Ltd', version: before.version + 1 });
});

test('two officers change the same row: the second sees the first one’s value and keeps theirs or takes it', async () => {
  const officer = await t.userWithRole('CONTRACT_OFFICER');
  const otherContext = await newContext(browser, t.api.url);
  const other = await otherContext.newPage();
  try {
    await signIn(other, officer.email, OFFICER_PASSWORD);
    await page.reload();
    await page.waitForSelector('[data-testid="spreadsheet-grid"] .rdg-row');

    // Both have Elm at version 1. The admin saves first; the officer's save is refused.
    await typeIntoCell(page, ids.Elm, 'legalName', 'Elm Transport (admin) Ltd');
    await settled(page);
    await typeIntoCell(other, ids.Elm, 'legalName', 'Elm Transport (officer) Ltd');
    const problem = other.locator(`[data-testid="grid-problem"][data-row-id="${ids.Elm}"][data-field="legalName"]`);
    await problem.waitFor();
    expect(await problem.getAttribute('data-kind')).toBe('conflict');
    expect(await problem.locator('[data-testid="problem-message"]').innerText()).toBe(
      'Someone else changed this after you loaded it. Their value: Elm Transport (admin) Ltd. Yours: Elm Transport (officer) Ltd.',
    );
    await screenshot(other, 'conflict');
    expect(await provider(ids.Elm)).toMatchObject({ legalName: 'Elm Transport (admin) Ltd', version: 2 });

    // Keep mine: saved again over the new version.
    await problem.locator('[data-testid="keep-mine"]').click();
    await problem.waitFor({ state: 'detached' });
    await settled(other);
    expect(await provider(ids.Elm)).toMatchObject({ legalName: 'Elm Transport (officer) Ltd', version: 3 });

    // Take theirs: the officer's value is dropped and the admin's stays.
    await typeIntoCell(page, ids.Fir, 'tradingName', 'Fir Learning');
    await settled(page);
    await typeIntoCell(other, ids.Fir, 'tradingName', 'Fir Tutors');
    const second = other.locator(`[data-testid="grid-problem"][data-row-id="${ids.Fir}"][data-field="tradingName"]`);
    await second.waitFor();
    await second.locator('[data-testid="take-theirs"]').click();
    await second.waitFor({ state: 'detached' });
    expect(await cellText(other, ids.Fir, 'tradingName')).toBe('Fir Learning');
    expect(await provider(ids.Fir)).toMatchObject({ tradingName: 'Fir Learning', version: 2 });
  } finally {
    await otherContext.close();
  }
});

test('a pasted 5×3 block is previewed and saved in one updateProviderRows mutation', async () => {
  await page.reload();
  await page.waitForSelector('[data-testid="spreadsheet-grid"] .rdg-row');
  const order = ['Alder', 'Beech', 'Cedar', 'Damson', 'Elm'];
  const before = await Promise.all(order.map((k) => provider(ids[k])));
  const operations = recordGraphQL(page);
  // From Excel: trading name, provider code (by code or by description) and status.
  const block = [
    ['Alder Homes', 'PR5', 'ACTIVE'],
    ['Beech Families', 'Voluntary or third sector provision', 'ACTIVE'],
    ['Cedar Homes', 'PR4', 'EXITED'],
    ['Damson Living', 'PR3', 'SUSPENDED'],
    ['Elm Travel', 'PR4', 'ACTIVE'],
  ];
  await cell(page, ids.Alder, 'tradingName').click();
  await pasteText(page, `${block.map((r) => r.join('\t')).join('\r\n')}\r\n`);
  const preview = page.locator('[data-testid="paste-preview"]');
  await preview.waitFor();
  expect(await preview.locator('#pw-paste-title').innerText()).toBe('Paste 5 rows × 3 columns');
  await dialogOpened(page);
  await screenshot(page, 'paste-preview');
  expect(operations).toHaveLength(0);
  await preview.locator('[data-testid="paste-save"]').click();
  await preview.waitFor({ state: 'detached' });
  await settled(page);

  expect(operations.map((o) => o.field)).toEqual(['updateProviderRows']);
  const after = await Promise.all(order.map((k) => provider(ids[k])));
  expect(after.map((p) => [p.tradingName, p.providerCode, p.status])).toEqual([
    ['Alder Homes', 'PR5', 'ACTIVE'],
    ['Beech Families', 'PR5', 'ACTIVE'],
    ['Cedar Homes', 'PR4', 'EXITED'],
    ['Damson Living', 'PR3', 'SUSPENDED'],
    ['Elm Travel', 'PR4', 'ACTIVE'],
  ]);
  after.forEach((p, i) => expect(p.version).toBe(before[i].version + 1));
  expect(await cellText(page, ids.Damson, 'tradingName')).toBe('Damson Living');
});

test('a pasted block the server refuses highlights the failing cell from fieldErrors and saves nothing', async () => {
  const order = ['Alder', 'Beech', 'Cedar'];
  const before = await Promise.all(order.map((k) => provider(ids[k])));
  const operations = recordGraphQL(page);
  await cell(page, ids.Alder, 'companyNumber').click();
  await pasteText(page, '01234567\t1123456\n12345678\t\nNOT-A-NUMBER\t1123457\n');
  const preview = page.locator('[data-testid="paste-preview"]');
  await preview.waitFor();
  await preview.locator('[data-testid="paste-save"]').click();
  const failing = preview.locator(`tr[data-row-id="${ids.Cedar}"] td[data-field="companyNumber"][data-error="true"]`);
  await failing.waitFor();
  expect(await failing.locator('.pw-paste-message').innerText()).toMatch(/^must be a Companies House number/);
  expect(await preview.locator('td[data-error="true"]').count()).toBe(1);
  await screenshot(page, 'paste-refused');
  expect(operations.map((o) => o.field)).toEqual(['updateProviderRows']);
  expect(await Promise.all(order.map((k) => provider(ids[k])))).toEqual(before);
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await preview.waitFor({ state: 'detached' });
});

test('the edit form saves only what changed, with the loaded version', async () => {
  const before = await provider(ids.Gorse);
  // The grid opens the provider's page; its Edit button opens the form.
  await page.locator(`.rdg-row:has(.pw-cell[data-row-id="${ids.Gorse}"]) a.pw-open-link`).click();
  await page.waitForURL(new RegExp(`/providers/${ids.Gorse}/show$`));
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.waitForURL(new RegExp(`/providers/${ids.Gorse}$`));
  const notes = page.locator('textarea[name="notes"]');
  await notes.waitFor();
  expect(await page.locator('input[name="legalName"]').inputValue()).toBe('Gorse Contact Ltd');
  await notes.fill('Visited on 31/03/2026');
  await screenshot(page, 'provider-edit');
  const operations = recordGraphQL(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/providers$/);
  const update = operations.find((o) => o.field === 'updateProvider')!;
  expect(update.variables).toEqual({ id: ids.Gorse, version: before.version, input: { notes: 'Visited on 31/03/2026' } });
  expect(await provider(ids.Gorse)).toMatchObject({ notes: 'Visited on 31/03/2026', version: before.version + 1, legalName: 'Gorse Contact Ltd' });
});

test('exports the current view (filter, order and visible columns) to CSV through every page of the API', async () => {
  // 520 matching providers: more than one page of 500.
  for (let batch = 0; batch < 520 / 104; batch++) {
    const fields = Array.from({ length: 104 }, (_, i) => {
      const n = String(batch * 104 + i + 1).padStart(3, '0');
      return `p${n}: createProvider(input: { legalName: "Bulk provider ${n}", providerCode: PR${n.endsWith('7') ? 5 : 4}, serviceCategories: [FOSTERING, EDUCATION], notes: "note, with \\"quotes\\"" }) { id }`;
    });
    await t.ok(`mutation { ${fields.join('\n')} }`);
  }
  await page.goto('/providers');
  await page.waitForSelector('[data-testid="spreadsheet-grid"] .rdg-row');
  await page.fill('input[name="q"]', 'Bulk provider');
  await page.waitForFunction(() => document.querySelector('[data-testid="grid-count"]')?.textContent === '250 of 520 rows loaded');

  // Hide the charity number column; the choice is kept for this user.
  await page.click('[data-testid="column-chooser"]');
  await page.click('input[data-column="charityNumber"]');
  await page.keyboard.press('Escape');
  expect(await page.locator('[data-field="charityNumber"]').count()).toBe(0);
  const me = await t.ok<{ me: { id: string } }>('{ me { id } }');
  expect(JSON.parse((await readLocalStorage(page))[`placewise.grid.${me.me.id}.providers`]).hidden).toEqual(['charityNumber']);

  const download = page.waitForEvent('download');
  await page.click('[data-testid="export-csv"]');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^providers-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await file.path())!, 'utf8');
  await screenshot(page, 'export');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...lines] = parseCsv(text.slice(1));
  expect(header).toEqual(['Legal name', 'Trading name', 'Provider code', 'Status', 'Service categories', 'Company number', 'Notes', 'Last changed']);

  // The same view read from the API.
  const expected: string[][] = [];
  let after: string | null = null;
  do {
    const data: any = await t.ok(
      `query($after: String) { providers(filter: { search: "Bulk provider" }, orderBy: [{ field: legalName, direction: ASC }], first: 200, after: $after) {
        nodes { legalName tradingName providerCode status serviceCategories companyNumber notes updatedAt } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    for (const p of data.providers.nodes) {
      expected.push([p.legalName, p.tradingName ?? '', p.providerCode, p.status, p.serviceCategories.join('; '), p.companyNumber ?? '', p.notes ?? '', p.updatedAt]);
    }
    after = data.providers.pageInfo.hasNextPage ? data.providers.pageInfo.endCursor : null;
  } while (after);
  expect(expected).toHaveLength(520);
  expect(lines).toEqual(expected);
  expect(lines[6]).toEqual(['Bulk provider 007', '', 'PR5', 'ACTIVE', 'FOSTERING; EDUCATION', '', 'note, with "quotes"', expect.stringMatching(/Z$/)]);

  // Still hidden after a reload.
  await page.reload();
  await page.waitForSelector('[data-testid="spreadsheet-grid"] .rdg-row');
  expect(await page.locator('[data-field="charityNumber"]').count()).toBe(0);
  expect(await page.locator('[data-field="notes"]').count()).toBeGreaterThan(0);
});

test('the page reported no errors (scripts, Content-Security-Policy, assets)', () => {
  expect(pageErrors).toEqual([]);
});
