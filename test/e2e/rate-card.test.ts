import type { Browser, BrowserContext, Page } from 'playwright-core';
import { divideRoundHalfUp, formatPence, parsePence } from '../../server/src/common/money';
import { commissioningFixture } from '../support/commissioning';
import { ADMIN, startTestApi, type TestApi } from '../support/test-api';
import { dialogOpened, launchBrowser, newContext, pasteText, recordGraphQL, screenshot, signIn, type SentOperation } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

let t: TestApi;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let sent: SentOperation[];
const pageErrors: string[] = [];
let agreementId = '';

const LINES = `query($id: ID!) { agreement(id: $id) { version status rateLines { placementType needLevel minAge maxAge weeklyFee effectiveFrom } } }`;
const readCard = async () => (await t.ok(LINES, { id: agreementId })).agreement;
/** The lines of one version as "U4 0-10 STANDARD 850.00", sorted. */
const linesOn = (lines: any[], date: string) =>
  lines
    .filter((l) => l.effectiveFrom === date)
    .map((l) => `${l.placementType} ${l.minAge}-${l.maxAge} ${l.needLevel} ${l.weeklyFee}`)
    .sort();

beforeAll(async () => {
  t = await startTestApi();
  // A draft framework (1 April 2025 to 31 March 2029) whose card has three lines from 1 April 2025:
  // U4 standard 0–10 £850.00, U4 standard 11–17 £900.00, U4 complex 0–17 £1,234.57.
  const { agreement } = await commissioningFixture(t, { reference: 'IFA-CARD', activate: false });
  agreementId = agreement.id;
  browser = await launchBrowser();
  context = await newContext(browser, t.api.url);
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  sent = recordGraphQL(page);
  await signIn(page, ADMIN.email, ADMIN.password, undefined, 'dashboard');
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const grid = (testId = 'rate-card-grid') => page.locator(`[data-testid="${testId}"]`);
const cellOf = (key: string, testId?: string) => grid(testId).locator(`.rdg-cell:has(> [data-cell="${key}"])`);
const cellText = async (key: string, testId?: string) => (await grid(testId).locator(`[data-cell="${key}"]`).textContent()) ?? '';
/** Waits until a cell of the card shows a text (its fee, then its change). */
const waitCell = (key: string, text: string) =>
  page.waitForFunction(([k, v]) => (globalThis as any).document.querySelector(`[data-testid="rate-card-grid"] [data-cell="${k}"]`)?.textContent === v, [key, text]);
const saves = () => sent.filter((s) => s.field === 'saveRateCard');

async function openCard(): Promise<void> {
  await page.goto(`/agreements/${agreementId}/show/rate-card`);
  await page.waitForSelector('[data-testid="rate-card-grid"] [data-cell]');
}

/** Selects a cell and types over it, as in a spreadsheet: the first key opens the editor, Enter saves and moves down. */
async function typeOver(key: string, text: string): Promise<void> {
  await cellOf(key).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function waitSaved(): Promise<void> {
  await page.waitForFunction(() => !(globalThis as any).document.querySelector('[data-testid="rate-card-grid"] [data-state="saving"]'));
  await page.waitForLoadState('networkidle');
}

test('the pivot shows a row per placement type and age band and a column per need level', async () => {
  await openCard();
  const labels = await grid().locator('[data-testid="rate-row-label"]').allInnerTexts();
  expect(labels).toEqual([
    'U4 · ages 0–10\nFoster placement with other foster carer: long-term fostering',
    'U4 · ages 0–17\nFoster placement with other foster carer: long-term fostering',
    'U4 · ages 11–17\nFoster placement with other foster carer: long-term fostering',
  ]);
  const headers = await grid().locator('.rdg-header-row .rdg-cell').allInnerTexts();
  expect(headers.map((h) => h.trim())).toEqual(['Placement type and ages', 'Standard', 'Enhanced', 'Complex', 'Parent and child', 'Solo']);
  expect(await cellText('U4|0|10|STANDARD')).toBe('£850.00');
  expect(await cellText('U4|0|17|COMPLEX')).toBe('£1,234.57');
  expect(await cellText('U4|0|10|ENHANCED')).toBe('');
});

test('typed fees are saved in place: a new cell adds a line, a changed cell updates it, an emptied cell removes it', async () => {
  await openCard();
  await typeOver('U4|0|10|ENHANCED', '£905.50');
  await waitSaved();
  // Enter, then type the whole value.
  await cellOf('U4|0|10|STANDARD').click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('862.40');
  await page.keyboard.press('Enter');
  await waitSaved();
  await waitCell('U4|0|10|STANDARD', '£862.40');
  expect(await cellText('U4|0|10|ENHANCED')).toBe('£905.50');
  // Delete empties a cell: its line is removed, and the row with it when it was the row's last.
  await cellOf('U4|0|17|COMPLEX').click();
  await page.keyboard.press('Delete');
  await grid().locator('[data-cell="U4|0|17|COMPLEX"]').waitFor({ state: 'detached' });
  const card = await readCard();
  expect(linesOn(card.rateLines, '2025-04-01')).toEqual(['U4 0-10 ENHANCED 905.50', 'U4 0-10 STANDARD 862.40', 'U4 11-17 STANDARD 900.00']);
});

test('a new row is added, and a 2×3 block pasted from Excel is saved as one change', async () => {
  await openCard();
  await page.locator('[data-testid="rate-add-row"] [role="combobox"]').click();
  await page.locator('li[data-value="U6"]').click();
  await page.fill('[data-testid="rate-add-min"]', '0');
  await page.fill('[data-testid="rate-add-max"]', '17');
  await page.click('[data-testid="rate-add-button"]');
  await grid().locator('[data-cell="U6|0|17|STANDARD"]').waitFor();
  const before = saves().length;
  // From U4 11–17 standard: two rows (U4 11–17, U6 0–17) by three need levels (standard, enhanced, complex).
  await cellOf('U4|11|17|STANDARD').click();
  await pasteText(page, '910.00\t960.25\t1,234.57\n700\t745.5\t£980.99\n');
  await waitSaved();
  await waitCell('U6|0|17|STANDARD', '£700.00'); // typed as 700: shown as saved
  expect(saves().length - before).toBe(1);
  expect(saves().at(-1)!.variables).toMatchObject({ update: [{ input: { weeklyFee: '910.00' } }] });
  expect(saves().at(-1)!.variables.add).toHaveLength(5);
  const card = await readCard();
  expect(linesOn(card.rateLines, '2025-04-01')).toEqual([
    'U4 0-10 ENHANCED 905.50',
    'U4 0-10 STANDARD 862.40',
    'U4 11-17 COMPLEX 1234.57',
    'U4 11-17 ENHANCED 960.25',
    'U4 11-17 STANDARD 910.00',
    'U6 0-17 COMPLEX 980.99',
    'U6 0-17 ENHANCED 745.50',
    'U6 0-17 STANDARD 700.00',
  ]);
  expect(card.rateLines).toHaveLength(8);
  await screenshot(page, 'rate-card-draft');
});

test('a refused value stays in its cell with the server’s message, and nothing is written', async () => {
  await openCard();
  const before = await readCard();
  await typeOver('U6|0|17|SOLO', '0');
  await page.waitForSelector('[data-cell="U6|0|17|SOLO"][data-state="error"]');
  expect(await cellText('U6|0|17|SOLO')).toBe('0');
  expect(await grid().locator('[data-cell="U6|0|17|SOLO"]').getAttribute('title')).toBe('must be more than zero');
  expect(await page.locator('[data-testid="rate-card-errors"]').innerText()).toBe('U6 0–17 · Solo: must be more than zero');
  // Not money at all: refused before anything is sent.
  await typeOver('U6|0|17|PARENT_AND_CHILD', '12.345');
  await page.waitForSelector('[data-cell="U6|0|17|PARENT_AND_CHILD"][data-state="error"]');
  expect(await grid().locator('[data-cell="U6|0|17|PARENT_AND_CHILD"]').getAttribute('title')).toBe('must be an amount of money, e.g. 1234.50');
  await screenshot(page, 'rate-card-refused');
  expect((await readCard()).rateLines).toEqual(before.rateLines);
  // Corrected: both cells go in together.
  await typeOver('U6|0|17|PARENT_AND_CHILD', '1500');
  // Sent again with the refused zero, so refused again: the whole change waits for the zero to be corrected.
  await page.waitForSelector('[data-cell="U6|0|17|PARENT_AND_CHILD"][data-state="error"][title^="not saved"]');
  expect(await grid().locator('[data-cell="U6|0|17|SOLO"]').getAttribute('title')).toBe('must be more than zero');
  await typeOver('U6|0|17|SOLO', '2100.00');
  await waitSaved();
  await waitCell('U6|0|17|SOLO', '£2,100.00');
  expect(await page.locator('[data-testid="rate-card-errors"]').count()).toBe(0);
  expect(linesOn((await readCard()).rateLines, '2025-04-01').filter((l) => l.startsWith('U6'))).toEqual([
    'U6 0-17 COMPLEX 980.99',
    'U6 0-17 ENHANCED 745.50',
    'U6 0-17 PARENT_AND_CHILD 1500.00',
    'U6 0-17 SOLO 2100.00',
    'U6 0-17 STANDARD 700.00',
  ]);
});

test('once ACTIVE, a 2.5 % uplift from a date makes a second version, each fee rounded half up to the penny', async () => {
  const { version } = await readCard();
  await t.ok('mutation($id: ID!, $v: Int!) { changeAgreementStatus(id: $id, version: $v, status: ACTIVE) { id } }', { id: agreementId, v: version });
  await openCard();
  expect(await page.locator('[data-testid="rate-add-row"]').count()).toBe(0);
  await page.click('[data-testid="new-rate-version"]');
  await dialogOpened(page);
  await page.fill('[data-testid="action-field-effectiveFrom"]', '01/04/2026');
  await page.fill('[data-testid="action-field-upliftPercent"]', '2.5');
  await page.fill('[data-testid="action-field-reason"]', 'CPI to September 2025');
  await page.waitForSelector('[data-testid="uplift-preview-grid"] [data-cell]');
  // 123457p × 1.025 = 126543.425p → £1,265.43; 98099p × 1.025 = 100551.475p → £1,005.51; 74550p × 1.025 = 76413.75p → £764.14.
  expect(await cellText('U4|11|17|COMPLEX', 'uplift-preview-grid')).toBe('£1,265.43+2.50%');
  expect(await cellText('U6|0|17|COMPLEX', 'uplift-preview-grid')).toBe('£1,005.51+2.50%');
  expect(await cellText('U6|0|17|ENHANCED', 'uplift-preview-grid')).toBe('£764.14+2.50%');
  expect(await page.locator('[data-testid="uplift-preview"]').innerText()).toContain('£272.48 a week more across the card');
  await screenshot(page, 'rate-card-uplift-dialog');

  // Someone changes the agreement meanwhile: CONFLICT, read again, then it goes through.
  await t.ok('mutation($id: ID!, $v: Int!) { updateAgreement(id: $id, version: $v, input: { notes: "Signed 2 April 2025" }) { id } }', { id: agreementId, v: version + 1 });
  await page.click('[data-testid="new-rate-version-confirm"]');
  await page.waitForSelector('[data-testid="action-problem"]');
  expect(await page.locator('[data-testid="action-problem"]').innerText()).toBe(
    'Someone else changed this record after you opened it: it has been read again. Check it and try once more.',
  );
  await page.waitForLoadState('networkidle');
  await page.click('[data-testid="new-rate-version-confirm"]');
  await page.waitForSelector('[data-testid="new-rate-version-dialog"]', { state: 'detached' });

  const card = await readCard();
  const first = card.rateLines.filter((l: any) => l.effectiveFrom === '2025-04-01');
  const second = card.rateLines.filter((l: any) => l.effectiveFrom === '2026-04-01');
  expect(second).toHaveLength(10);
  const key = (l: any) => `${l.placementType} ${l.minAge}-${l.maxAge} ${l.needLevel}`;
  const raised = new Map(second.map((l: any) => [key(l), l.weeklyFee]));
  for (const l of first) expect([key(l), raised.get(key(l))]).toEqual([key(l), formatPence(divideRoundHalfUp(parsePence(l.weeklyFee)! * 10250n, 10000n))]);
  expect(linesOn(card.rateLines, '2026-04-01')).toEqual([
    'U4 0-10 ENHANCED 928.14', // 90550 × 1.025 = 92813.75
    'U4 0-10 STANDARD 883.96', // 86240 × 1.025 = 88396
    'U4 11-17 COMPLEX 1265.43',
    'U4 11-17 ENHANCED 984.26', // 96025 × 1.025 = 98425.625
    'U4 11-17 STANDARD 932.75',
    'U6 0-17 COMPLEX 1005.51',
    'U6 0-17 ENHANCED 764.14',
    'U6 0-17 PARENT_AND_CHILD 1537.50',
    'U6 0-17 SOLO 2152.50',
    'U6 0-17 STANDARD 717.50',
  ]);
});

test('the version picker lists both versions, the current one marked, and each cell shows its change', async () => {
  await openCard();
  await waitCell('U4|11|17|COMPLEX', '£1,265.43+2.50%');
  expect(await cellText('U4|0|10|STANDARD')).toBe('£883.96+2.50%');
  expect(await grid().locator('[data-cell="U4|0|10|STANDARD"]').getAttribute('title')).toBe('Was £862.40 in the version before');
  await screenshot(page, 'rate-card-versions');
  await page.locator('[data-testid="rate-card"] [role="combobox"]').first().click();
  expect(await page.locator('[data-testid="rate-version-option"]').allInnerTexts()).toEqual(['from 01/04/2025', 'from 01/04/2026 (current)']);
  await page.locator('[data-testid="rate-version-option"]').first().click();
  await waitCell('U4|0|10|STANDARD', '£862.40');
  expect(await grid().locator('[data-testid="rate-change"]').count()).toBe(0);
});

test('a new version can be edited from a copy of the current one and is recorded whole', async () => {
  await openCard();
  await page.click('[data-testid="new-rate-version"]');
  await dialogOpened(page);
  await page.fill('[data-testid="action-field-effectiveFrom"]', '01/04/2027');
  await page.locator('[data-testid="new-rate-version-dialog"] [role="combobox"]').click();
  await page.locator('li[data-value="edit"]').click();
  const copy = 'new-card-grid';
  await grid(copy).locator('[data-cell]').first().waitFor();
  expect(await cellText('U4|0|10|STANDARD', copy)).toBe('£883.96');
  await cellOf('U4|0|10|STANDARD', copy).click();
  await page.keyboard.type('900');
  await page.keyboard.press('Enter');
  await cellOf('U6|0|17|SOLO', copy).click();
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => (globalThis as any).document.querySelector('[data-testid="new-card-grid"] [data-cell="U6|0|17|SOLO"]')?.textContent === '');
  expect(await cellText('U4|0|10|STANDARD', copy)).toBe('£900.00+1.81%');
  expect(await cellText('U4|0|10|ENHANCED', copy)).toBe('£928.14');
  await screenshot(page, 'rate-card-new-version-edit');

  // A fee of 0 is money to the admin but the server refuses it: its message goes on the cell
  // it was typed in, the dialog stays open with what was typed, and nothing is written.
  const before = await readCard();
  await cellOf('U4|11|17|COMPLEX', copy).click();
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await page.click('[data-testid="new-rate-version-confirm"]');
  const refusedCell = '[data-testid="new-card-grid"] [data-cell="U4|11|17|COMPLEX"][data-state="error"]';
  await page.waitForSelector(refusedCell);
  expect(await grid(copy).locator('[data-cell="U4|11|17|COMPLEX"]').getAttribute('title')).toBe('must be more than zero');
  expect(await cellText('U4|11|17|COMPLEX', copy)).toBe('£0.00');
  expect(await page.locator('[data-testid="new-card-errors"]').innerText()).toBe('U4 11–17 · Complex: must be more than zero');
  expect(await page.locator('[data-testid="action-problem"]').count()).toBe(0);
  expect(await grid(copy).locator('[data-state="error"]').count()).toBe(1);
  expect(await cellText('U4|0|10|STANDARD', copy)).toBe('£900.00+1.81%');
  expect(await cellText('U6|0|17|SOLO', copy)).toBe('');
  expect(await page.inputValue('[data-testid="action-field-effectiveFrom"]')).toBe('01/04/2027');
  expect(await readCard()).toEqual(before);
  // The server names the line by its place in what was sent: sent again, the same refusal.
  const variation = sent.filter((s) => s.field === 'addRateCardVariation').at(-1)!;
  const index = variation.variables.input.lines.findIndex((l: any) => l.placementType === 'U4' && l.minAge === 11 && l.needLevel === 'COMPLEX');
  expect(variation.variables.input.lines[index].weeklyFee).toBe('0.00');
  const replay = await t.gql(
    'mutation($agreementId: ID!, $version: Int!, $input: RateCardVariationInput!) { addRateCardVariation(agreementId: $agreementId, version: $version, input: $input) { id } }',
    variation.variables,
  );
  expect(replay.body.errors?.map((e) => e.extensions?.fieldErrors)).toEqual([[{ field: `lines.${index}.weeklyFee`, message: 'must be more than zero' }]]);
  await page.locator(refusedCell).scrollIntoViewIfNeeded();
  await screenshot(page, 'rate-card-new-version-refused');

  // Corrected, the mark goes and the card is recorded.
  await cellOf('U4|11|17|COMPLEX', copy).click();
  await page.keyboard.type('1300');
  await page.keyboard.press('Enter');
  await page.waitForSelector(refusedCell, { state: 'detached' });
  expect(await page.locator('[data-testid="new-card-errors"]').count()).toBe(0);
  // 126543 → 130000: 3457 × 10000 / 126543 = 273.19 → +2.73%.
  expect(await cellText('U4|11|17|COMPLEX', copy)).toBe('£1,300.00+2.73%');
  await page.click('[data-testid="new-rate-version-confirm"]');
  await page.waitForSelector('[data-testid="new-rate-version-dialog"]', { state: 'detached' });
  const card = await readCard();
  expect(card.version).toBe(before.version + 1);
  expect(linesOn(card.rateLines, '2027-04-01')).toEqual([
    'U4 0-10 ENHANCED 928.14',
    'U4 0-10 STANDARD 900.00',
    'U4 11-17 COMPLEX 1300.00',
    'U4 11-17 ENHANCED 984.26',
    'U4 11-17 STANDARD 932.75',
    'U6 0-17 COMPLEX 1005.51',
    'U6 0-17 ENHANCED 764.14',
    'U6 0-17 PARENT_AND_CHILD 1537.50',
    'U6 0-17 STANDARD 717.50',
  ]);
  // 88396 → 90000: 1604 × 10000 / 88396 = 181.46 → +1.81%. The 2027 version is not yet in force.
  await page.locator('[data-testid="rate-card"] [role="combobox"]').first().click();
  expect(await page.locator('[data-testid="rate-version-option"]').allInnerTexts()).toEqual(['from 01/04/2025', 'from 01/04/2026 (current)', 'from 01/04/2027']);
  await page.locator('[data-testid="rate-version-option"]').last().click();
  await waitCell('U4|0|10|STANDARD', '£900.00+1.81%');
  // Unchanged from the version before: its fee and a change of 0.00%.
  expect(await cellText('U4|0|10|ENHANCED')).toBe('£928.140.00%');
  expect(pageErrors).toEqual([]);
});
