import type { Browser, Page } from 'playwright-core';
import { createProvider, createSetting } from '../support/fixtures';
import { ADMIN, startTestApi, type TestApi } from '../support/test-api';
import { cell, cellText, launchBrowser, newContext, recordGraphQL, screenshot, settled, signIn, typeIntoCell } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

declare const document: any;

let t: TestApi;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};
let providerIdOfSettings = '';

async function setting(id: string) {
  const data = await t.ok<{ setting: Record<string, any> }>(
    'query($id: ID!) { setting(id: $id) { id version name ofstedRating inspectionDate registeredPlaces postcode } }',
    { id },
  );
  return data.setting;
}

beforeAll(async () => {
  t = await startTestApi();
  const harbour = await createProvider(t, { legalName: 'Harbour Care Ltd', serviceCategories: ['RESIDENTIAL'] });
  providerIdOfSettings = harbour.id;
  const rows = [
    { name: 'Seaview House', ofstedUrn: '1234567', ofstedRating: 'GOOD', inspectionDate: '2025-06-30', registeredPlaces: 4, postcode: 'BH1 1AA' },
    { name: 'Cliff Lodge', ofstedUrn: '2345678', ofstedRating: 'REQUIRES_IMPROVEMENT', inspectionDate: '2024-11-02', registeredPlaces: 3, postcode: 'BH2 5AA' },
    { name: 'Dune Cottage', ofstedUrn: '3456789', ofstedRating: 'GOOD', inspectionDate: '2023-01-15', registeredPlaces: 2, postcode: 'BH3 7AB' },
  ];
  for (const row of rows) ids[row.name.split(' ')[0]] = (await createSetting(t, { providerId: harbour.id, ...row })).id;
  browser = await launchBrowser();
  page = await (await newContext(browser, t.api.url)).newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/settings');
  await page.waitForSelector('[data-testid="spreadsheet-grid"][data-resource="settings"] .rdg-row');
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

test('shows settings with their provider, British dates and codes in words', async () => {
  expect(await page.locator('.pw-cell[data-field="name"]').allInnerTexts()).toEqual(['Cliff Lodge', 'Dune Cottage', 'Seaview House']);
  expect(await cellText(page, ids.Seaview, 'providerId')).toBe('Harbour Care Ltd');
  expect(await cellText(page, ids.Seaview, 'inspectionDate')).toBe('30/06/2025');
  expect(await cellText(page, ids.Seaview, 'kind')).toBe('Childrens home');
  expect(await cellText(page, ids.Cliff, 'ofstedRating')).toBe('Requires improvement');
  expect(await cellText(page, ids.Seaview, 'registeredPlaces')).toBe('4');
  await screenshot(page, 'settings-grid');
});

test('edits a date typed the British way, and refuses a date that does not exist without asking the server', async () => {
  await typeIntoCell(page, ids.Seaview, 'inspectionDate', '31/3/2025');
  await settled(page);
  expect(await setting(ids.Seaview)).toMatchObject({ inspectionDate: '2025-03-31', version: 2 });
  expect(await cellText(page, ids.Seaview, 'inspectionDate')).toBe('31/03/2025');

  const operations = recordGraphQL(page);
  await typeIntoCell(page, ids.Dune, 'inspectionDate', '31/02/2025');
  const problem = page.locator(`[data-testid="grid-problem"][data-row-id="${ids.Dune}"][data-field="inspectionDate"]`);
  await problem.waitFor();
  expect(await problem.locator('[data-testid="problem-message"]').innerText()).toBe('must be a date as DD/MM/YYYY');
  expect(await cellText(page, ids.Dune, 'inspectionDate')).toBe('31/02/2025');
  expect(operations).toHaveLength(0);
  await problem.locator('[data-testid="discard"]').click();
  expect(await cellText(page, ids.Dune, 'inspectionDate')).toBe('15/01/2023');

  // A whole number, and a value the server refuses (places are 0 to 500).
  await typeIntoCell(page, ids.Cliff, 'registeredPlaces', '600');
  const places = page.locator(`[data-testid="grid-problem"][data-row-id="${ids.Cliff}"][data-field="registeredPlaces"]`);
  await places.waitFor();
  expect(await places.locator('[data-testid="problem-message"]').innerText()).toBe('must be at most 500');
  await typeIntoCell(page, ids.Cliff, 'registeredPlaces', '5');
  await places.waitFor({ state: 'detached' });
  await settled(page);
  expect(await setting(ids.Cliff)).toMatchObject({ registeredPlaces: 5, version: 2 });
});

test('sorting a column and filtering become orderBy and filter on the server', async () => {
  const operations = recordGraphQL(page);
  await page.locator('.rdg-header-row [role="columnheader"]', { hasText: 'Inspection date' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.pw-cell[data-field="name"]')[0]?.textContent === 'Dune Cottage');
  expect(await page.locator('.pw-cell[data-field="name"]').allInnerTexts()).toEqual(['Dune Cottage', 'Cliff Lodge', 'Seaview House']);
  const list = operations.filter((o) => o.field === 'settings');
  expect(list[list.length - 1].variables.orderBy).toEqual([{ field: 'inspectionDate', direction: 'ASC' }]);

  await page.goto(`/settings?filter=${encodeURIComponent(JSON.stringify({ ofstedRating: ['GOOD'] }))}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="grid-count"]')?.textContent === '2 of 2 rows loaded');
  expect(await page.locator('.pw-cell[data-field="name"]').allInnerTexts()).toEqual(['Dune Cottage', 'Seaview House']);
  const filtered = operations.filter((o) => o.field === 'settings');
  expect(filtered[filtered.length - 1].variables.filter).toEqual({ ofstedRating: { in: ['GOOD'] } });
  await screenshot(page, 'settings-filtered');
});

test('the setting form shows its provider by name (getMany) and a new provider can be created (create)', async () => {
  // A provider filter from the URL: the picker shows the provider by name (getMany), the server filters by id.
  const operations = recordGraphQL(page);
  await page.goto(`/settings?filter=${encodeURIComponent(JSON.stringify({ providerId: providerIdOfSettings }))}`);
  await page.waitForFunction(() => document.querySelector('input[name="providerId"]')?.value === 'Harbour Care Ltd');
  await page.waitForFunction(() => document.querySelector('[data-testid="grid-count"]')?.textContent === '3 of 3 rows loaded');
  const list = operations.filter((o) => o.field === 'settings');
  expect(list[list.length - 1].variables.filter).toEqual({ providerId: { eq: providerIdOfSettings } });
  expect(operations.some((o) => o.field === 'provider' && o.variables.id0 === providerIdOfSettings)).toBe(true);
  await screenshot(page, 'settings-by-provider');

  await page.goto(`/settings/${ids.Seaview}`);
  await page.locator('input[name="name"]').waitFor();
  expect(await page.locator('input[name="name"]').inputValue()).toBe('Seaview House');
  expect(await page.locator('input[name="inspectionDate"]').inputValue()).toBe('31/03/2025');
  await page.fill('input[name="inspectionDate"]', '1/4/25');
  await screenshot(page, 'setting-edit');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/settings$/);
  expect(await setting(ids.Seaview)).toMatchObject({ inspectionDate: '2025-04-01', version: 3 });

  await page.goto('/providers/create');
  await page.fill('input[name="legalName"]', 'Quay Fostering Ltd');
  await page.getByRole('combobox', { name: /^Provider code/ }).click();
  await page.getByRole('option', { name: 'PR5 – Voluntary or third sector provision' }).click();
  await screenshot(page, 'provider-create');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/providers$/);
  const found = await t.ok<{ providers: { nodes: Array<Record<string, unknown>> } }>(
    '{ providers(filter: { legalName: { eq: "Quay Fostering Ltd" } }) { nodes { legalName providerCode status version } } }',
  );
  expect(found.providers.nodes).toEqual([{ legalName: 'Quay Fostering Ltd', providerCode: 'PR5', status: 'ACTIVE', version: 1 }]);
});

test('an analyst sees the grid read only', async () => {
  const analyst = await t.userWithRole('ANALYST');
  const context = await newContext(browser, t.api.url);
  const other = await context.newPage();
  try {
    await signIn(other, analyst.email, 'a-long-enough-password');
    await other.goto('/settings');
    await other.waitForSelector('[data-testid="spreadsheet-grid"][data-resource="settings"] .rdg-row');
    expect(await other.locator('[data-testid="read-only"]').innerText()).toBe('Read only: your role cannot change these records');
    await cell(other, ids.Seaview, 'name').click();
    await other.keyboard.press('Enter');
    expect(await other.locator('.rdg-editor-container').count()).toBe(0);
    expect(await other.locator('a[href*="/users"]').count()).toBe(0);
    await screenshot(other, 'read-only');
  } finally {
    await context.close();
  }
});
