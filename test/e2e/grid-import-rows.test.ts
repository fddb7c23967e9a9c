import type { Browser, Page } from 'playwright-core';
import { createProvider } from '../support/fixtures';
import { ADMIN, startTestApi, type TestApi } from '../support/test-api';
import { dialogOpened, launchBrowser, newContext, recordGraphQL, screenshot, signIn } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

/**
 * Providers have no import mutation: a file of rows naming providers by id (an export with the
 * Id column shown) is saved through updateProviderRows, all or nothing.
 */

let t: TestApi;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};

interface ProviderRow {
  id: string;
  version: number;
  legalName: string;
  tradingName: string | null;
  companyNumber: string | null;
  status: string;
  serviceCategories: string[];
}

async function providers(): Promise<Record<string, ProviderRow>> {
  const data = await t.ok<{ providers: { nodes: ProviderRow[] } }>('{ providers(first: 50) { nodes { id version legalName tradingName companyNumber status serviceCategories } } }');
  return Object.fromEntries(data.providers.nodes.map((p) => [p.legalName.split(' ')[0], p]));
}

async function openImport(csv: string) {
  await page.click('[data-testid="import-open"]');
  await dialogOpened(page);
  await page.setInputFiles('[data-testid="import-file"]', { name: 'providers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForSelector('[data-testid="import-dialog"][data-step="map"]');
}

const previewCell = (row: number, column: string) => page.locator(`[data-testid="import-preview-table"] tr[data-row="${row}"] td[data-column="${column}"]`);

beforeAll(async () => {
  t = await startTestApi();
  for (const name of ['Alder', 'Beech', 'Cherry']) ids[name] = (await createProvider(t, { legalName: `${name} Care Ltd`, serviceCategories: ['RESIDENTIAL'] })).id;
  browser = await launchBrowser();
  page = await (await newContext(browser, t.api.url)).newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.waitForURL(/\/providers/);
  await page.waitForSelector(`.pw-cell[data-row-id="${ids.Cherry}"]`);
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

test('a row naming a record the list does not have is refused before anything is saved', async () => {
  const before = await providers();
  const operations = recordGraphQL(page);
  await openImport(['Id,Trading name', `${ids.Alder},Alder Homes`, '00000000-0000-4000-8000-000000000000,Nobody'].join('\n'));
  expect(await page.locator('[data-testid="import-map-0"]').inputValue()).toBe('id');
  expect(await page.locator('[data-testid="import-map-1"]').inputValue()).toBe('tradingName');
  await page.click('[data-testid="import-preview"]');
  await page.click('[data-testid="import-apply"]');
  await page.waitForSelector('[data-testid="import-error"]');
  expect(await previewCell(1, 'id').getAttribute('data-error')).toBe('true');
  expect(await previewCell(1, 'id').innerText()).toContain('no record of this list has the id 00000000-0000-4000-8000-000000000000');
  expect(operations.filter((o) => o.field === 'updateProviderRows')).toHaveLength(0);
  expect(await providers()).toEqual(before);
  await page.getByRole('button', { name: 'Cancel' }).click();
});

test('a value the server refuses is shown on its row and nothing is written; corrected, every changed row is saved in one mutation', async () => {
  const before = await providers();
  const operations = recordGraphQL(page);
  const csv = [
    'id,Legal name,Trading name,Company number,Status,Service categories',
    `${ids.Alder},Alder Care Ltd,Alder Homes,01234567,ACTIVE,RESIDENTIAL`,
    `${ids.Beech},Beech Care Ltd,,12,Active,RESIDENTIAL`,
    `${ids.Cherry},Cherry Care Ltd,,,ACTIVE,RESIDENTIAL`,
  ].join('\n');
  await openImport(csv);
  await page.click('[data-testid="import-preview"]');
  await page.click('[data-testid="import-apply"]');
  await page.waitForSelector('[data-testid="import-error"]');
  await screenshot(page, 'grid-import-rows-refused');
  // Beech's company number "12" is refused by the server, on its cell; nothing is written.
  expect(await previewCell(1, 'companyNumber').getAttribute('data-error')).toBe('true');
  const sent = operations.filter((o) => o.field === 'updateProviderRows');
  expect(sent).toHaveLength(1);
  // Only what differs is sent; Cherry has no change and is left out.
  expect(sent[0].variables.rows).toEqual([
    { id: ids.Alder, version: before.Alder.version, input: { tradingName: 'Alder Homes', companyNumber: '01234567' } },
    { id: ids.Beech, version: before.Beech.version, input: { companyNumber: '12' } },
  ]);
  expect(await providers()).toEqual(before);

  await page.fill('[data-testid="import-fix-1-companyNumber"]', '07654321');
  await page.keyboard.press('Enter');
  await page.click('[data-testid="import-apply"]');
  await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
  await page.waitForSelector('.MuiSnackbar-root:has-text("Saved the changes of 2 rows (1 unchanged)")');
  const after = await providers();
  expect(after.Alder).toEqual({ ...before.Alder, tradingName: 'Alder Homes', companyNumber: '01234567', version: before.Alder.version + 1 });
  expect(after.Beech).toEqual({ ...before.Beech, companyNumber: '07654321', version: before.Beech.version + 1 });
  expect(after.Cherry).toEqual(before.Cherry);
  expect(operations.filter((o) => o.field === 'updateProviderRows')).toHaveLength(2);
});

test('a file exported before someone else changed a row (its version column) is refused with CONFLICT and nothing is written', async () => {
  const before = await providers();
  await t.ok('mutation($id: ID!, $v: Int!) { updateProvider(id: $id, version: $v, input: { notes: "changed meanwhile" }) { version } }', { id: ids.Cherry, v: before.Cherry.version });
  const meanwhile = await providers();
  await openImport(['id,version,Trading name', `${ids.Alder},${before.Alder.version},Alder Lodge`, `${ids.Cherry},${before.Cherry.version},Cherry Lodge`].join('\n'));
  expect(await page.locator('[data-testid="import-map-1"]').inputValue()).toBe('version');
  await page.click('[data-testid="import-preview"]');
  await page.click('[data-testid="import-apply"]');
  await page.waitForSelector('[data-testid="import-error"]');
  expect(await page.locator('[data-testid="import-preview-table"] tr[data-row="1"] [data-testid="import-row-error"]').innerText()).toMatch(/changed/i);
  expect(await providers()).toEqual(meanwhile);
  await page.getByRole('button', { name: 'Cancel' }).click();
});
