import type { Browser, Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { createProvider } from '../support/fixtures';
import { ADMIN, startTestApi, type TestApi } from '../support/test-api';
import { dialogOpened, launchBrowser, newContext, recordGraphQL, screenshot, signIn } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

let t: TestApi;
let browser: Browser;
let page: Page;

interface PlacementRow {
  reference: string;
  startDate: string;
  plannedEndDate: string | null;
  placementType: string;
  providerCode: string;
  currentWeeklyCost: string;
  child: { caseReference: string };
  provider: { legalName: string };
}

async function placements(): Promise<{ totalCount: number; nodes: PlacementRow[] }> {
  const data = await t.ok<{ placements: { totalCount: number; nodes: PlacementRow[] } }>(
    `{ placements(first: 100, orderBy: [{ field: startDate, direction: ASC }]) {
        totalCount nodes { reference startDate plannedEndDate placementType providerCode currentWeeklyCost child { caseReference } provider { legalName } } } }`,
  );
  return data.placements;
}

async function openImport(fileName: string, mimeType: string, buffer: Buffer) {
  await page.click('[data-testid="import-open"]');
  await dialogOpened(page);
  await page.setInputFiles('[data-testid="import-file"]', { name: fileName, mimeType, buffer });
  await page.waitForSelector('[data-testid="import-dialog"][data-step="map"]');
}

/** The import columns the mapping step chose for each column of the file. */
async function mapping(columns: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < columns; i++) out.push(await page.locator(`[data-testid="import-map-${i}"]`).inputValue());
  return out;
}

function previewCell(row: number, column: string) {
  return page.locator(`[data-testid="import-preview-table"] tr[data-row="${row}"] td[data-column="${column}"]`);
}

beforeAll(async () => {
  t = await startTestApi();
  await createProvider(t, { legalName: 'Harbour Homes Ltd', providerCode: 'PR4', serviceCategories: ['RESIDENTIAL'] });
  for (const [ref, dob] of [
    ['C-100', '2011-03-03'],
    ['C-101', '2012-05-06'],
    ['C-102', '2013-07-08'],
    ['C-103', '2010-01-02'],
    ['C-104', '2009-09-09'],
  ]) {
    await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', { i: { caseReference: ref, initials: 'AB', dateOfBirth: dob, gender: 'FEMALE' } });
  }
  browser = await launchBrowser();
  page = await (await newContext(browser, t.api.url)).newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/placements');
  await page.waitForSelector('[data-testid="spreadsheet-grid"][data-resource="placements"]');
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

test('imports a CSV all or nothing: a row the server refuses is shown in the preview and nothing is written; corrected, every row is', async () => {
  const csv = [
    'Placement reference,Child,Provider,Type,Provider code,Start,Weekly fee,Notes',
    'IMP-1,C-100,Harbour Homes Ltd,K2,PR4,01/04/2025,"£4,500.00",first',
    'IMP-2,C-999,Harbour Homes Ltd,Children’s home,PR4,2/4/25,4510.5,second',
    'IMP-3,C-102,harbour homes ltd,K2,PR4,2025-04-03,£4520.07,third',
  ].join('\r\n');
  expect((await placements()).totalCount).toBe(0);
  const operations = recordGraphQL(page);

  await openImport('placements.csv', 'text/csv', Buffer.from(`\uFEFF${csv}\r\n`, 'utf8'));
  // Guessed from the headings; the column the import has no use for is left out.
  expect(await mapping(8)).toEqual(['placement_reference', 'child_reference', 'supplier', 'placement_type', 'provider_code', 'start_date', 'weekly_fee', '']);
  await screenshot(page, 'grid-import-mapping');
  await page.click('[data-testid="import-preview"]');
  await page.waitForSelector('[data-testid="import-dialog"][data-step="preview"]');
  // Values as they will be written: British dates read, codes from their descriptions, money to the penny.
  expect(await previewCell(1, 'placement_type').innerText()).toBe('K2 · Children’s home');
  expect(await previewCell(1, 'start_date').innerText()).toBe('02/04/2025');
  expect(await previewCell(1, 'weekly_fee').innerText()).toBe('£4,510.50');

  await page.click('[data-testid="import-apply"]');
  await page.waitForSelector('[data-testid="import-error"]');
  // The server refused the file because of row 2 only, and said why on its cell.
  expect(await page.locator('[data-testid="import-error"]').innerText()).toContain('Nothing was saved: 1 row(s) have errors; nothing was imported');
  expect(await page.locator('td[data-error="true"]').count()).toBe(1);
  expect(await previewCell(1, 'child_reference').getAttribute('data-error')).toBe('true');
  expect(await previewCell(1, 'child_reference').innerText()).toContain('no child has the case reference "C-999"');
  await screenshot(page, 'grid-import-refused');
  expect((await placements()).totalCount).toBe(0);
  const imports = operations.filter((o) => o.field === 'importPlacements');
  expect(imports).toHaveLength(1);
  // The file sent: the import's own column names and the server's formats.
  expect(imports[0].variables.csv).toBe(
    [
      'placement_reference,child_reference,supplier,placement_type,provider_code,start_date,weekly_fee',
      'IMP-1,C-100,Harbour Homes Ltd,K2,PR4,2025-04-01,4500.00',
      'IMP-2,C-999,Harbour Homes Ltd,K2,PR4,2025-04-02,4510.50',
      'IMP-3,C-102,harbour homes ltd,K2,PR4,2025-04-03,4520.07',
      '',
    ].join('\r\n'),
  );

  // Corrected in the preview, the whole file goes in.
  await page.fill('[data-testid="import-fix-1-child_reference"]', 'C-101');
  await page.keyboard.press('Enter');
  expect(await page.locator('td[data-error="true"]').count()).toBe(0);
  await page.click('[data-testid="import-apply"]');
  await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
  const after = await placements();
  expect(after.totalCount).toBe(3);
  expect(after.nodes.map((p) => [p.reference, p.child.caseReference, p.provider.legalName, p.placementType, p.startDate, p.currentWeeklyCost])).toEqual([
    ['IMP-1', 'C-100', 'Harbour Homes Ltd', 'K2', '2025-04-01', '4500.00'],
    ['IMP-2', 'C-101', 'Harbour Homes Ltd', 'K2', '2025-04-02', '4510.50'],
    ['IMP-3', 'C-102', 'Harbour Homes Ltd', 'K2', '2025-04-03', '4520.07'],
  ]);
  // The grid shows the new rows.
  await page.waitForSelector('.pw-cell[data-field="reference"]:text-is("IMP-3")');
  expect(await page.locator('[data-testid="grid-count"]').innerText()).toBe('3 of 3 rows loaded');
  await screenshot(page, 'grid-import-done');
});

test('imports an XLSX file with real dates and numbers; a value that cannot be used stops the import before anything is sent', async () => {
  const header = ['placement_reference', 'child_reference', 'supplier', 'placement_type', 'provider_code', 'start_date', 'planned_end_date', 'weekly_fee'];
  const row = (ref: string, child: string, start: Date, end: Date | null, fee: number | string) => [
    { value: ref },
    { value: child },
    { value: 'Harbour Homes Ltd' },
    { value: 'K2' },
    { value: 'PR4' },
    { value: start, type: Date, format: 'dd/mm/yyyy' },
    end ? { value: end, type: Date, format: 'dd/mm/yyyy' } : null,
    typeof fee === 'number' ? { value: fee, type: Number, format: '"£"#,##0.00' } : { value: fee },
  ];
  const buffer = await writeXlsxFile([
    header.map((h) => ({ value: h })),
    row('XL-1', 'C-103', new Date(Date.UTC(2025, 5, 30)), new Date(Date.UTC(2026, 2, 31)), 5123.45),
    row('XL-2', 'C-104', new Date(Date.UTC(2025, 6, 1)), null, 'about £5000'),
  ] as never).toBuffer();
  const operations = recordGraphQL(page);

  await openImport('placements.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer);
  expect(await mapping(8)).toEqual(header);
  await page.click('[data-testid="import-preview"]');
  await page.waitForSelector('[data-testid="import-dialog"][data-step="preview"]');
  expect(await previewCell(0, 'start_date').innerText()).toBe('30/06/2025');
  expect(await previewCell(0, 'planned_end_date').innerText()).toBe('31/03/2026');
  expect(await previewCell(0, 'weekly_fee').innerText()).toBe('£5,123.45');
  // Found before anything is sent: the import cannot start.
  expect(await previewCell(1, 'weekly_fee').innerText()).toContain('must be an amount of money');
  expect(await page.locator('[data-testid="import-apply"]').isDisabled()).toBe(true);

  await page.fill('[data-testid="import-fix-1-weekly_fee"]', '5000');
  await page.keyboard.press('Enter');
  await page.click('[data-testid="import-apply"]');
  await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
  expect(operations.filter((o) => o.field === 'importPlacements')).toHaveLength(1);
  const imported = (await placements()).nodes.filter((p) => p.reference.startsWith('XL-'));
  expect(imported.map((p) => [p.reference, p.child.caseReference, p.startDate, p.plannedEndDate, p.currentWeeklyCost])).toEqual([
    ['XL-1', 'C-103', '2025-06-30', '2026-03-31', '5123.45'],
    ['XL-2', 'C-104', '2025-07-01', null, '5000.00'],
  ]);
});
