import type { Browser, Page } from 'playwright-core';
import { createProvider } from '../support/fixtures';
import { ADMIN, startTestApi, type TestApi } from '../support/test-api';
import { cell, cellText, dialogOpened, launchBrowser, newContext, recordGraphQL, screenshot, settled, signIn, typeIntoCell } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

const NEW_ROW = 'pw-new-row';

let t: TestApi;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};

interface ProviderRow {
  id: string;
  version: number;
  legalName: string;
  tradingName: string | null;
  providerCode: string;
  status: string;
  companyNumber: string | null;
}

async function providers(): Promise<Record<string, ProviderRow>> {
  const data = await t.ok<{ providers: { nodes: ProviderRow[] } }>('{ providers(first: 50) { nodes { id version legalName tradingName providerCode status companyNumber } } }');
  return Object.fromEntries(data.providers.nodes.map((p) => [p.legalName.split(' ')[0], p]));
}

function pick(all: Record<string, ProviderRow>, names: string[], field: keyof ProviderRow) {
  return names.map((n) => all[n][field]);
}

async function snackbar(text: string) {
  await page.waitForSelector(`.MuiSnackbar-root:has-text("${text}")`);
  await page.waitForSelector('.MuiSnackbar-root', { state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

function rowCheckbox(name: string) {
  return page.locator(`.rdg-row:has(.pw-cell[data-row-id="${ids[name]}"]) input[type="checkbox"]`);
}

async function chooseOption(label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

beforeAll(async () => {
  t = await startTestApi();
  for (const name of ['Ash', 'Birch', 'Cedar', 'Damson', 'Elm', 'Fir']) {
    const created = await createProvider(t, {
      legalName: `${name} Care Ltd`,
      providerCode: name === 'Ash' ? 'PR5' : 'PR4',
      tradingName: name === 'Ash' ? 'Ash Homes' : null,
      serviceCategories: ['RESIDENTIAL'],
    });
    ids[name] = created.id;
  }
  browser = await launchBrowser();
  page = await (await newContext(browser, t.api.url)).newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.waitForURL(/\/providers/);
  await page.waitForSelector(`.pw-cell[data-row-id="${ids.Fir}"]`);
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

test('fills down a selected range of a column with Ctrl+D, in one all-or-nothing mutation', async () => {
  const operations = recordGraphQL(page);
  // Shift+click selects from the active cell down to the clicked one.
  await cell(page, ids.Ash, 'providerCode').click();
  await cell(page, ids.Damson, 'providerCode').click({ modifiers: ['Shift'] });
  expect(await page.locator('.rdg-cell.pw-cell-range').count()).toBe(4);
  await screenshot(page, 'grid-fill-range');
  await page.keyboard.press('Control+d');
  await snackbar('Saved 3 rows');
  let all = await providers();
  expect(pick(all, ['Ash', 'Birch', 'Cedar', 'Damson', 'Elm'], 'providerCode')).toEqual(['PR5', 'PR5', 'PR5', 'PR5', 'PR4']);
  expect(pick(all, ['Ash', 'Birch', 'Cedar', 'Damson', 'Elm'], 'version')).toEqual([1, 2, 2, 2, 1]);
  const fills = operations.filter((o) => o.field === 'updateProviderRows');
  expect(fills).toHaveLength(1);
  expect(fills[0].variables.rows).toEqual([ids.Birch, ids.Cedar, ids.Damson].map((id) => ({ id, version: 1, input: { providerCode: 'PR5' } })));
  expect(await cellText(page, ids.Damson, 'providerCode')).toBe('PR5 · Voluntary or third sector provision');

  // From the keyboard: Shift+Down extends the range, Ctrl+D fills it.
  await cell(page, ids.Ash, 'tradingName').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  expect(await page.locator('.rdg-cell.pw-cell-range').count()).toBe(3);
  await page.keyboard.press('Control+d');
  await snackbar('Saved 2 rows');
  all = await providers();
  expect(pick(all, ['Ash', 'Birch', 'Cedar', 'Damson'], 'tradingName')).toEqual(['Ash Homes', 'Ash Homes', 'Ash Homes', null]);
  expect(operations.filter((o) => o.field === 'updateProviderRows')).toHaveLength(2);
});

test('sets one field on the selected rows in one mutation; a refused value changes none of them', async () => {
  const operations = recordGraphQL(page);
  for (const name of ['Birch', 'Cedar', 'Elm']) await rowCheckbox(name).check();
  await page.click('[data-testid="bulk-open"]');
  await dialogOpened(page);
  await chooseOption('Field', 'Status');
  await chooseOption('New value', /^SUSPENDED/);
  await screenshot(page, 'grid-bulk-set');
  await page.click('[data-testid="bulk-apply"]');
  await page.waitForSelector('[data-testid="bulk-set-dialog"]', { state: 'detached' });
  let all = await providers();
  expect(pick(all, ['Ash', 'Birch', 'Cedar', 'Damson', 'Elm', 'Fir'], 'status')).toEqual(['ACTIVE', 'SUSPENDED', 'SUSPENDED', 'ACTIVE', 'SUSPENDED', 'ACTIVE']);
  const sets = operations.filter((o) => o.field === 'updateProviders');
  expect(sets).toHaveLength(1);
  expect(new Set(sets[0].variables.ids)).toEqual(new Set([ids.Birch, ids.Cedar, ids.Elm]));
  expect(sets[0].variables.input).toEqual({ status: 'SUSPENDED' });
  await page.waitForFunction(() => !(globalThis as any).document.querySelector('[data-testid="bulk-open"]'));
  expect(await cellText(page, ids.Elm, 'status')).toBe('Suspended');

  // A value the server refuses: the dialog says why and nothing is written.
  const before = await providers();
  for (const name of ['Birch', 'Fir']) await rowCheckbox(name).check();
  await page.click('[data-testid="bulk-open"]');
  await dialogOpened(page);
  await chooseOption('Field', 'Company number');
  await page.fill('[data-testid="bulk-value"]', 'abc');
  await page.click('[data-testid="bulk-apply"]');
  await page.waitForSelector('[data-testid="bulk-error"]');
  expect(await page.locator('[data-testid="bulk-error"]').innerText()).toContain('must be a Companies House number');
  all = await providers();
  expect(all).toEqual(before);
  await page.getByRole('button', { name: 'Cancel' }).click();
  for (const name of ['Birch', 'Fir']) await rowCheckbox(name).uncheck();
});

test('undoes the last change with Ctrl+Z, saving the old value over the new version', async () => {
  const operations = recordGraphQL(page);
  await typeIntoCell(page, ids.Elm, 'tradingName', 'Elm Lodge');
  await settled(page);
  let all = await providers();
  expect(all.Elm).toMatchObject({ tradingName: 'Elm Lodge', version: 3 });

  await page.keyboard.press('Control+z');
  await snackbar('Undone on 1 row');
  all = await providers();
  expect(all.Elm).toMatchObject({ tradingName: null, version: 4 });
  expect(operations.filter((o) => o.field === 'updateProvider').map((o) => [o.variables.version, o.variables.input])).toEqual([
    [2, { tradingName: 'Elm Lodge' }],
    [3, { tradingName: null }],
  ]);
  expect(await cellText(page, ids.Elm, 'tradingName')).toBe('');

  // The change before it: the status set on three rows, taken back in one mutation.
  await page.keyboard.press('Control+z');
  await snackbar('Undone on 3 rows');
  all = await providers();
  expect(pick(all, ['Birch', 'Cedar', 'Elm'], 'status')).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE']);
  expect(pick(all, ['Birch', 'Cedar', 'Elm'], 'version')).toEqual([5, 5, 5]);
  const undoRows = operations.filter((o) => o.field === 'updateProviderRows');
  expect(undoRows).toHaveLength(1);
  expect(undoRows[0].variables.rows).toEqual(
    expect.arrayContaining([
      { id: ids.Birch, version: 4, input: { status: 'ACTIVE' } },
      { id: ids.Cedar, version: 4, input: { status: 'ACTIVE' } },
      { id: ids.Elm, version: 4, input: { status: 'ACTIVE' } },
    ]),
  );
});

test('adds a row inline: what is missing is said on its cells before anything is sent, then it is created', async () => {
  const operations = recordGraphQL(page);
  await page.click('[data-testid="add-row"]');
  await page.waitForSelector('[data-testid="new-row-bar"]');
  await page.click('[data-testid="new-row-save"]');
  expect(await page.locator(`.pw-cell[data-row-id="${NEW_ROW}"][data-state="error"]`).evaluateAll((cells) => cells.map((c: any) => c.dataset.field))).toEqual([
    'legalName',
    'providerCode',
  ]);
  expect(operations.filter((o) => o.field === 'createProvider')).toHaveLength(0);

  await typeIntoCell(page, NEW_ROW, 'legalName', 'Juniper Care Ltd');
  await typeIntoCell(page, NEW_ROW, 'companyNumber', '01234567');
  await cell(page, NEW_ROW, 'providerCode').click();
  await page.keyboard.press('Enter');
  await page.locator('.rdg-editor-container select').selectOption('PR5');
  await page.keyboard.press('Enter');
  await screenshot(page, 'grid-new-row');
  await page.click('[data-testid="new-row-save"]');
  await page.waitForSelector('[data-testid="new-row-bar"]', { state: 'detached' });
  const creates = operations.filter((o) => o.field === 'createProvider');
  expect(creates).toHaveLength(1);
  expect(creates[0].variables.input).toEqual({ legalName: 'Juniper Care Ltd', providerCode: 'PR5', companyNumber: '01234567' });
  const all = await providers();
  expect(all.Juniper).toMatchObject({ legalName: 'Juniper Care Ltd', providerCode: 'PR5', companyNumber: '01234567', status: 'ACTIVE', version: 1 });
  await page.waitForSelector(`.pw-cell[data-row-id="${all.Juniper.id}"][data-field="legalName"]`);
  expect(await page.locator('[data-testid="grid-count"]').innerText()).toBe('7 of 7 rows loaded');
});

test('undo takes back the row just added by archiving it (kept with its history, gone from the list)', async () => {
  const juniper = (await providers()).Juniper;
  const operations = recordGraphQL(page);
  await page.click('[data-testid="undo"]');
  await snackbar('Undone: Juniper Care Ltd added in the grid is archived');
  expect(operations.filter((o) => /^(archive|update|create)[A-Z]/.test(o.field)).map((o) => [o.field, o.variables])).toEqual([['archiveProvider', { id: juniper.id, version: 1 }]]);
  const reread = await t.ok<{ provider: { archivedAt: string | null; version: number } }>('query($id: ID!) { provider(id: $id) { archivedAt version } }', { id: juniper.id });
  expect(reread.provider.archivedAt).not.toBeNull();
  expect(reread.provider.version).toBe(2);
  expect((await providers()).Juniper).toBeUndefined();
  await page.waitForSelector(`.pw-cell[data-row-id="${juniper.id}"]`, { state: 'detached' });
  expect(await page.locator('[data-testid="grid-count"]').innerText()).toBe('6 of 6 rows loaded');
});
