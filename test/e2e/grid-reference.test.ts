import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createProvider, createSetting } from '../support/fixtures';
import { ADMIN, startTestApi, type TestApi } from '../support/test-api';
import { cell, cellText, dialogOpened, launchBrowser, newContext, parseCsv, pasteText, recordGraphQL, screenshot, settled, signIn } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

declare const localStorage: any;

let t: TestApi;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};

/** The placements grid shows only these columns here, so the reference columns are in view. */
const PLACEMENT_COLUMNS = ['reference', 'providerId', 'settingId', 'contractId'];
const PLACEMENT_HIDDEN = ['childId', 'placementType', 'providerCode', 'startDate', 'plannedEndDate', 'endDate', 'currentWeeklyCost', 'costToDate', 'committedCost', 'nightsToDate', 'distanceMiles', 'within20Miles', 'endReason', 'updatedAt'];
const SETTING_COLUMNS = ['name', 'providerId', 'localityId', 'postcode'];
const SETTING_HIDDEN = ['kind', 'ofstedUrn', 'ofstedRating', 'inspectionDate', 'registeredPlaces', 'latitude', 'longitude', 'updatedAt'];

async function placement() {
  const data = await t.ok<{ placement: Record<string, any> }>('query($id: ID!) { placement(id: $id) { version settingId contractId } }', { id: ids.placement });
  return data.placement;
}

async function localitiesOfSettings(names: string[]) {
  const data = await t.ok<{ settings: { nodes: Array<{ name: string; localityId: string | null; version: number }> } }>('{ settings(first: 50) { nodes { name localityId version } } }');
  const byName = new Map(data.settings.nodes.map((s) => [s.name, s]));
  return names.map((n) => byName.get(n)!);
}

async function openList(resource: string) {
  await page.locator(`a.RaMenuItemLink-root[href="/${resource}"]`).first().click();
  await page.waitForSelector(`[data-testid="spreadsheet-grid"][data-resource="${resource}"] .rdg-row .pw-cell`);
}

/** The reference editor's list, once it has answered for what was typed. */
async function optionTexts(): Promise<string[]> {
  const list = page.locator('[data-testid="reference-options"]');
  await list.waitFor();
  await page.waitForFunction(() => !(globalThis as any).document.querySelector('.pw-reference-status')?.textContent?.startsWith('Searching'));
  return list.locator('[role="option"]').allInnerTexts();
}

beforeAll(async () => {
  t = await startTestApi();
  const harbour = await createProvider(t, { legalName: 'Harbour Fostering Ltd', serviceCategories: ['RESIDENTIAL'] });
  const oak = await createProvider(t, { legalName: 'Oak Tree Care Ltd', serviceCategories: ['RESIDENTIAL'] });
  const { createAuthority: authority } = await t.ok('mutation { createAuthority(input: { name: "Coast Council", onsCode: "E06000058" }) { id } }');
  for (const [key, name, code] of [
    ['poole', 'Poole North', 'PN'],
    ['bournemouth', 'Bournemouth Central', 'BC'],
  ]) {
    ids[key] = (await t.ok('mutation($i: LocalityCreateInput!) { createLocality(input: $i) { id } }', { i: { authorityId: authority.id, name, code } })).createLocality.id;
  }
  // A second "Westbourne", in another council: that name alone names no single locality.
  const { createAuthority: other } = await t.ok('mutation { createAuthority(input: { name: "Heath Council", onsCode: "E06000059" }) { id } }');
  for (const [key, authorityId] of [
    ['westbourneCoast', authority.id],
    ['westbourneHeath', other.id],
  ]) {
    ids[key] = (await t.ok('mutation($i: LocalityCreateInput!) { createLocality(input: $i) { id } }', { i: { authorityId, name: 'Westbourne' } })).createLocality.id;
  }
  const settings: Array<[string, string, string, string]> = [
    ['brookHouse', 'Brook House', 'BH1 1AA', harbour.id],
    ['brookfield', 'Brookfield Lodge', 'BH2 2AA', harbour.id],
    ['cliff', 'Cliff Lodge', 'BH3 3AA', harbour.id],
    ['brookFarm', 'Brook Farm', 'SO1 1AA', oak.id],
  ];
  for (const [key, name, postcode, providerId] of settings) ids[key] = (await createSetting(t, { providerId, name, postcode })).id;
  const contract = async (providerId: string, reference: string, title: string) =>
    (
      await t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id } }', {
        i: { providerId, kind: 'SPOT', reference, title, startDate: '2026-01-01', endDate: '2027-12-31', weeklyFee: '1000.00', placementType: 'U4' },
      })
    ).createContract.id;
  ids.harbourContract = await contract(harbour.id, 'SP-2026-001', 'Harbour spot purchase');
  ids.oakContract = await contract(oak.id, 'SP-2026-002', 'Oak spot purchase');
  const { createChild: child } = await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', {
    i: { caseReference: 'RF01', initials: 'RF', dateOfBirth: '2014-02-01', gender: 'MALE' },
  });
  const { createPlacement: created } = await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id } }', {
    i: {
      childId: child.id,
      providerId: harbour.id,
      settingId: ids.cliff,
      contractId: ids.harbourContract,
      reference: 'PL-REF-1',
      placementType: 'U4',
      providerCode: 'PR4',
      startDate: '2026-02-02',
      weeklyFee: '1000.00',
    },
  });
  ids.placement = created.id;

  browser = await launchBrowser();
  page = await (await newContext(browser, t.api.url)).newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  const me = await t.ok<{ me: { id: string } }>('{ me { id } }');
  await page.evaluate(
    (prefs: string[][]) => prefs.forEach(([key, value]) => localStorage.setItem(key, value)),
    [
      [`placewise.grid.${me.me.id}.placements`, JSON.stringify({ order: PLACEMENT_COLUMNS, hidden: PLACEMENT_HIDDEN })],
      [`placewise.grid.${me.me.id}.settings`, JSON.stringify({ order: SETTING_COLUMNS, hidden: SETTING_HIDDEN })],
    ],
  );
  await openList('placements');
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

test('a reference cell is searched as you type, picked with the keyboard and saved as the id', async () => {
  expect(await cellText(page, ids.placement, 'settingId')).toBe('Cliff Lodge');
  const operations = recordGraphQL(page);
  await cell(page, ids.placement, 'settingId').click();
  await page.keyboard.press('Enter');
  // Opened: the cell's label, the first settings by name, the current one highlighted.
  const editor = page.locator('.rdg-editor-container input.pw-editor');
  expect(await editor.inputValue()).toBe('Cliff Lodge');
  expect(await optionTexts()).toHaveLength(5);
  expect(await page.locator('[role="option"][aria-selected="true"]').getAttribute('data-id')).toBe(ids.cliff);

  await page.keyboard.type('brook');
  // One search for what was typed (debounced), on the server, sorted by name; each with what tells it apart.
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-testid="reference-options"] [role="option"]').length === 4);
  expect(await optionTexts()).toEqual(['(none)', 'Brook Farm\nSO1 1AA · Oak Tree Care Ltd', 'Brook House\nBH1 1AA · Harbour Fostering Ltd', 'Brookfield Lodge\nBH2 2AA · Harbour Fostering Ltd']);
  const searches = operations.filter((o) => o.field === 'settings');
  expect(searches.map((s) => s.variables)).toEqual([
    { first: 20, orderBy: [{ field: 'name', direction: 'ASC' }] },
    { filter: { search: 'brook' }, first: 20, orderBy: [{ field: 'name', direction: 'ASC' }] },
  ]);
  expect(await page.locator('[role="option"][aria-selected="true"]').innerText()).toMatch(/^Brook Farm/);
  await page.keyboard.press('ArrowDown');
  expect(await page.locator('[role="option"][aria-selected="true"]').innerText()).toMatch(/^Brook House/);
  await screenshot(page, 'grid-reference-editor');
  await page.keyboard.press('Enter');
  await settled(page);

  expect(await placement()).toEqual({ version: 2, settingId: ids.brookHouse, contractId: ids.harbourContract });
  const saves = operations.filter((o) => o.field === 'updatePlacement');
  expect(saves).toHaveLength(1);
  expect(saves[0].variables).toEqual({ id: ids.placement, version: 1, input: { settingId: ids.brookHouse } });
  expect(await cellText(page, ids.placement, 'settingId')).toBe('Brook House');

  // Esc leaves the cell as it was, and sends nothing.
  const before = operations.length;
  await cell(page, ids.placement, 'settingId').click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Cliff');
  expect(await optionTexts()).toEqual(['(none)', 'Cliff Lodge\nBH3 3AA · Harbour Fostering Ltd']);
  await page.keyboard.press('Escape');
  expect(await cellText(page, ids.placement, 'settingId')).toBe('Brook House');
  expect(operations.slice(before).filter((o) => o.field.startsWith('update'))).toHaveLength(0);
  expect((await placement()).version).toBe(2);
});

test('a reference the server refuses shows its message on the cell, keeps the choice for correction and writes nothing', async () => {
  const operations = recordGraphQL(page);
  await cell(page, ids.placement, 'contractId').click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Oak');
  expect(await optionTexts()).toEqual(['(none)', 'Oak spot purchase\nSP-2026-002 · Oak Tree Care Ltd']);
  await page.keyboard.press('Enter');
  const problem = page.locator(`[data-testid="grid-problem"][data-row-id="${ids.placement}"][data-field="contractId"]`);
  await problem.waitFor();
  expect(await problem.locator('[data-testid="problem-message"]').innerText()).toBe('is with another provider');
  const refused = page.locator(`.pw-cell[data-row-id="${ids.placement}"][data-field="contractId"]`);
  expect(await refused.getAttribute('data-state')).toBe('error');
  expect(await refused.getAttribute('title')).toBe('is with another provider');
  expect(await refused.innerText()).toBe('Oak spot purchase');
  expect(operations.filter((o) => o.field === 'updatePlacement').map((o) => o.variables.input)).toEqual([{ contractId: ids.oakContract }]);
  expect(await placement()).toEqual({ version: 2, settingId: ids.brookHouse, contractId: ids.harbourContract });

  // Corrected in the same cell: the refused choice is what the editor opens with.
  await cell(page, ids.placement, 'contractId').click();
  await page.keyboard.press('Enter');
  expect(await page.locator('.rdg-editor-container input.pw-editor').inputValue()).toBe('Oak spot purchase');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Harbour');
  expect(await optionTexts()).toEqual(['(none)', 'Harbour spot purchase\nSP-2026-001 · Harbour Fostering Ltd']);
  await page.keyboard.press('Enter');
  await problem.waitFor({ state: 'detached' });
  await settled(page);
  expect(await cellText(page, ids.placement, 'contractId')).toBe('Harbour spot purchase');
  // Back to the contract it had: nothing to save.
  expect(await placement()).toEqual({ version: 2, settingId: ids.brookHouse, contractId: ids.harbourContract });
});

test('pasted names are looked up in one request per column: an unknown one is flagged and nothing saved; known ones save in one mutation', async () => {
  await openList('settings');
  const names = ['Brook Farm', 'Brook House', 'Brookfield Lodge', 'Cliff Lodge'];
  expect(await page.locator('.pw-cell[data-field="name"]').allInnerTexts()).toEqual(names);
  const operations = recordGraphQL(page);
  await cell(page, ids.brookHouse, 'localityId').click();
  await pasteText(page, 'Poole North\nNowhere Town\n');
  const preview = page.locator('[data-testid="paste-preview"]');
  await preview.waitFor();
  await dialogOpened(page);
  const unknown = preview.locator(`tr[data-row-id="${ids.brookfield}"] td[data-field="localityId"][data-error="true"]`);
  expect(await unknown.locator('.pw-paste-message').innerText()).toBe('No locality called “Nowhere Town”');
  expect(await preview.locator(`tr[data-row-id="${ids.brookHouse}"] td[data-field="localityId"] .pw-paste-after`).innerText()).toBe('Poole North');
  expect(await preview.locator('td[data-error="true"]').count()).toBe(1);
  expect(await preview.locator('[data-testid="paste-save"]').isDisabled()).toBe(true);
  await screenshot(page, 'grid-reference-paste-unknown');
  // One look-up for the column's names, exact, and no change sent.
  expect(operations.map((o) => o.field)).toEqual(['localities']);
  expect(operations[0].variables.filter).toEqual({ name: { inIgnoringCase: ['Poole North', 'Nowhere Town'] } });
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await preview.waitFor({ state: 'detached' });
  expect((await localitiesOfSettings(names)).map((s) => [s.localityId, s.version])).toEqual([
    [null, 1],
    [null, 1],
    [null, 1],
    [null, 1],
  ]);

  operations.length = 0;
  await cell(page, ids.brookHouse, 'localityId').click();
  // Names as typed in a spreadsheet, in any case.
  await pasteText(page, 'poole north\nBOURNEMOUTH Central\n');
  await preview.waitFor();
  expect(await preview.locator('td[data-error="true"]').count()).toBe(0);
  await preview.locator('[data-testid="paste-save"]').click();
  await preview.waitFor({ state: 'detached' });
  await settled(page);
  expect(operations.map((o) => o.field)).toEqual(['localities', 'updateSettingRows']);
  expect(operations[1].variables.rows).toEqual([
    { id: ids.brookHouse, version: 1, input: { localityId: ids.poole } },
    { id: ids.brookfield, version: 1, input: { localityId: ids.bournemouth } },
  ]);
  expect((await localitiesOfSettings(names)).map((s) => [s.localityId, s.version])).toEqual([
    [null, 1],
    [ids.poole, 2],
    [ids.bournemouth, 2],
    [null, 1],
  ]);
  expect(await cellText(page, ids.brookfield, 'localityId')).toBe('Bournemouth Central');
});

test('exported reference columns hold the label, and the exported labels paste back', async () => {
  const download = page.waitForEvent('download');
  await page.click('[data-testid="export-csv"]');
  const file = await download;
  const [header, ...rows] = parseCsv(readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, ''));
  const column = header.indexOf('Locality');
  expect(rows.map((r) => [r[0], r[column]])).toEqual([
    ['Brook Farm', ''],
    ['Brook House', 'Poole North'],
    ['Brookfield Lodge', 'Bournemouth Central'],
    ['Cliff Lodge', ''],
  ]);

  // The officer moves the exported labels one row down in the sheet and pastes them back.
  const operations = recordGraphQL(page);
  await cell(page, ids.brookfield, 'localityId').click();
  await pasteText(page, `${rows[1][column]}\n${rows[2][column]}\n`);
  const preview = page.locator('[data-testid="paste-preview"]');
  await preview.waitFor();
  await preview.locator('[data-testid="paste-save"]').click();
  await preview.waitFor({ state: 'detached' });
  await settled(page);
  expect(operations.map((o) => o.field)).toEqual(['localities', 'updateSettingRows']);
  expect((await localitiesOfSettings(['Brook House', 'Brookfield Lodge', 'Cliff Lodge'])).map((s) => s.localityId)).toEqual([ids.poole, ids.poole, ids.bournemouth]);

  // Fill down takes the first row's id: no look-up, one mutation.
  operations.length = 0;
  await cell(page, ids.brookHouse, 'localityId').click();
  await cell(page, ids.cliff, 'localityId').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+d');
  await page.waitForSelector('.MuiSnackbar-root:has-text("Saved 1 row")');
  expect(operations.map((o) => o.field)).toEqual(['updateSettingRows']);
  expect(operations[0].variables.rows).toEqual([{ id: ids.cliff, version: 2, input: { localityId: ids.poole } }]);
  expect(await cellText(page, ids.cliff, 'localityId')).toBe('Poole North');
});

test('a field set on ticked rows takes a name, looked up once; a name shared by two records is refused in the dialog', async () => {
  const rowCheckbox = (id: string) => page.locator(`.rdg-row:has(.pw-cell[data-row-id="${id}"]) input[type="checkbox"]`);
  const operations = recordGraphQL(page);
  for (const id of [ids.brookFarm, ids.cliff]) await rowCheckbox(id).check();
  await page.click('[data-testid="bulk-open"]');
  await dialogOpened(page);
  await page.getByRole('combobox', { name: 'Field' }).click();
  await page.getByRole('option', { name: 'Locality' }).click();
  await page.fill('[data-testid="bulk-value"]', 'Westbourne');
  await page.click('[data-testid="bulk-apply"]');
  await page.waitForSelector('[data-testid="bulk-error"]');
  expect(await page.locator('[data-testid="bulk-error"]').innerText()).toBe('Locality “Westbourne” matches 2 localities: use the id to say which');
  expect(operations.map((o) => o.field)).toEqual(['localities']);

  await page.fill('[data-testid="bulk-value"]', 'Bournemouth Central');
  await page.click('[data-testid="bulk-apply"]');
  await page.waitForSelector('[data-testid="bulk-set-dialog"]', { state: 'detached' });
  await settled(page);
  expect(operations.map((o) => o.field)).toEqual(['localities', 'localities', 'updateSettingRows']);
  expect(operations[2].variables.rows).toEqual([
    { id: ids.brookFarm, version: 1, input: { localityId: ids.bournemouth } },
    { id: ids.cliff, version: 3, input: { localityId: ids.bournemouth } },
  ]);
  expect((await localitiesOfSettings(['Brook Farm', 'Brook House', 'Brookfield Lodge', 'Cliff Lodge'])).map((s) => s.localityId)).toEqual([
    ids.bournemouth,
    ids.poole,
    ids.poole,
    ids.bournemouth,
  ]);
  expect(await cellText(page, ids.brookFarm, 'localityId')).toBe('Bournemouth Central');
});

test('a name pasted on one reference cell is looked up and saved, or refused on the cell without a request to change it', async () => {
  const operations = recordGraphQL(page);
  await cell(page, ids.brookHouse, 'localityId').click();
  await pasteText(page, 'Nowhere Town');
  const problem = page.locator(`[data-testid="grid-problem"][data-row-id="${ids.brookHouse}"][data-field="localityId"]`);
  await problem.waitFor();
  expect(await problem.locator('[data-testid="problem-message"]').innerText()).toBe('No locality called “Nowhere Town”');
  expect(await cellText(page, ids.brookHouse, 'localityId')).toBe('Nowhere Town');
  expect(operations.map((o) => o.field)).toEqual(['localities']);

  await cell(page, ids.brookHouse, 'localityId').click();
  await pasteText(page, 'Bournemouth Central');
  await problem.waitFor({ state: 'detached' });
  await settled(page);
  expect(operations.map((o) => o.field)).toEqual(['localities', 'localities', 'updateSetting']);
  expect(operations[2].variables).toEqual({ id: ids.brookHouse, version: 2, input: { localityId: ids.bournemouth } });
  expect((await localitiesOfSettings(['Brook House'])).map((s) => [s.localityId, s.version])).toEqual([[ids.bournemouth, 3]]);
  expect(await cellText(page, ids.brookHouse, 'localityId')).toBe('Bournemouth Central');
});

test('a file of changes by id may name references: looked up in one request per column before the preview, an unknown name marked and corrected in place', async () => {
  const operations = recordGraphQL(page);
  const before = await localitiesOfSettings(['Brook Farm', 'Cliff Lodge']);
  await page.click('[data-testid="import-open"]');
  await dialogOpened(page);
  const csv = ['Id,Name,Locality', `${ids.brookFarm},Brook Farm,Poole North`, `${ids.cliff},Cliff Lodge,Atlantis`].join('\n');
  await page.setInputFiles('[data-testid="import-file"]', { name: 'settings.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForSelector('[data-testid="import-dialog"][data-step="map"]');
  expect(await page.locator('[data-testid="import-map-2"]').inputValue()).toBe('localityId');
  await page.click('[data-testid="import-preview"]');
  const previewCell = (row: number, column: string) => page.locator(`[data-testid="import-preview-table"] tr[data-row="${row}"] td[data-column="${column}"]`);
  await previewCell(1, 'localityId').and(page.locator('[data-error="true"]')).waitFor();
  expect(await previewCell(1, 'localityId').locator('.pw-paste-message').innerText()).toBe('No locality called “Atlantis”');
  expect(await previewCell(0, 'localityId').innerText()).toBe('Poole North');
  expect(await page.locator('[data-testid="import-apply"]').isDisabled()).toBe(true);
  await screenshot(page, 'grid-reference-import-unknown');
  expect(operations.map((o) => o.field)).toEqual(['localities']);
  expect(operations[0].variables.filter).toEqual({ name: { inIgnoringCase: ['Poole North', 'Atlantis'] } });

  await page.fill('[data-testid="import-fix-1-localityId"]', 'Poole North');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !(globalThis as any).document.querySelector('[data-testid="import-preview-table"] td[data-error="true"]'));
  expect(await previewCell(1, 'localityId').innerText()).toBe('Poole North');
  expect(await localitiesOfSettings(['Brook Farm', 'Cliff Lodge'])).toEqual(before);
  await page.click('[data-testid="import-apply"]');
  await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
  expect(operations.map((o) => o.field)).toEqual(['localities', 'localities', 'settings', 'updateSettingRows', 'settings']);
  expect(operations[3].variables.rows).toEqual([
    { id: ids.brookFarm, version: before[0].version, input: { localityId: ids.poole } },
    { id: ids.cliff, version: before[1].version, input: { localityId: ids.poole } },
  ]);
  expect(await localitiesOfSettings(['Brook Farm', 'Cliff Lodge'])).toEqual([
    { name: 'Brook Farm', localityId: ids.poole, version: before[0].version + 1 },
    { name: 'Cliff Lodge', localityId: ids.poole, version: before[1].version + 1 },
  ]);
});

test('Enter picks, saves and moves down as in the other editors; an empty text picks (none) and clears the reference', async () => {
  const operations = recordGraphQL(page);
  const before = await localitiesOfSettings(['Brook Farm', 'Brook House']);
  await cell(page, ids.brookFarm, 'localityId').click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('bournem');
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-testid="reference-options"] [role="option"]').length === 2);
  expect(await optionTexts()).toEqual(['(none)', 'Bournemouth Central\nBC · Coast Council']);
  await page.keyboard.press('Enter');
  await settled(page);
  expect(await page.locator('.rdg-cell[aria-selected="true"] > .pw-cell').getAttribute('data-row-id')).toBe(ids.brookHouse);

  await page.keyboard.press('Enter');
  await optionTexts();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => (globalThis as any).document.querySelector('[role="option"][aria-selected="true"]')?.textContent === '(none)');
  await page.keyboard.press('Enter');
  await settled(page);
  expect(operations.filter((o) => o.field === 'updateSetting').map((o) => o.variables)).toEqual([
    { id: ids.brookFarm, version: before[0].version, input: { localityId: ids.bournemouth } },
    { id: ids.brookHouse, version: before[1].version, input: { localityId: null } },
  ]);
  expect(await localitiesOfSettings(['Brook Farm', 'Brook House'])).toEqual([
    { name: 'Brook Farm', localityId: ids.bournemouth, version: before[0].version + 1 },
    { name: 'Brook House', localityId: null, version: before[1].version + 1 },
  ]);
  expect(await cellText(page, ids.brookHouse, 'localityId')).toBe('');
});
