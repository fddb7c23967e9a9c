import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ADMIN } from '../../support/test-api';

/** Debian's chromium, installed by test/e2e/support/ensure-chromium.mjs before jest starts. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const SCREENSHOTS = path.resolve(__dirname, '../../../test-results/screenshots');

/** Browser code runs in the page, where these exist; the test's TypeScript has no DOM library. */
declare const document: any;
declare const DataTransfer: any;
declare const ClipboardEvent: any;
declare const localStorage: any;
declare const getComputedStyle: any;

/**
 * Starts headless chromium. Playwright gives every launch a fresh, temporary user-data
 * directory (removed on close), so no profile, cache or storage survives between runs.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run "apt-get install -y chromium" (npm test does it as root)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A separate browser profile (cookies, localStorage) on the admin, in British English and UK time. */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
}

/** A signed-in admin in its own browser: the page (on the dashboard) collects the page's script errors into `pageErrors`. */
export async function openAdmin(baseURL: string, pageErrors: string[], user: { email: string; password: string } = ADMIN): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  const browser = await launchBrowser();
  const context = await newContext(browser, baseURL);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signIn(page, user.email, user.password, undefined, 'dashboard');
  return { browser, context, page };
}

/** Signs in; the admin opens on the dashboard, and the tests of lists then go on from the providers grid, as before the dashboard. */
export async function signIn(page: Page, email: string, password: string, screenshotName?: string, landing: 'providers' | 'dashboard' = 'providers'): Promise<void> {
  await page.goto('/');
  await page.waitForURL(/\/login/);
  await page.fill('input[name="username"]', email);
  await page.fill('input[name="password"]', password);
  if (screenshotName) await screenshot(page, screenshotName);
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="dashboard"]');
  if (landing === 'dashboard') return;
  await page.locator('a.RaMenuItemLink-root[href="/providers"]').first().click();
  await page.waitForSelector('[data-testid="spreadsheet-grid"] .rdg-row');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The grid cell of a record's field. */
export function cell(page: Page, rowId: string, field: string): Locator {
  return page.locator(`.rdg-cell:has(> [data-row-id="${rowId}"][data-field="${field}"])`);
}

export function cellText(page: Page, rowId: string, field: string): Promise<string> {
  return page.locator(`.pw-cell[data-row-id="${rowId}"][data-field="${field}"]`).innerText();
}

/** Types a new value into a cell as an officer would: select it, Enter, replace the text, Enter. */
export async function typeIntoCell(page: Page, rowId: string, field: string, text: string): Promise<void> {
  await cell(page, rowId, field).click();
  await page.keyboard.press('Enter');
  const editor = page.locator('.rdg-editor-container input.pw-editor');
  await editor.waitFor();
  await page.keyboard.press('Control+A');
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Waits until a dialog has finished opening (for a clean screenshot). */
export async function dialogOpened(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const container = document.querySelector('.MuiDialog-container');
    return container !== null && getComputedStyle(container).opacity === '1';
  });
}

/** Opens an action's dialog (admin/src/actions/ActionDialog.tsx), fills its text fields by name and confirms. */
export async function submitAction(page: Page, testId: string, values: Record<string, string> = {}): Promise<void> {
  await page.click(`[data-testid="${testId}"]`);
  await dialogOpened(page);
  for (const [name, value] of Object.entries(values)) await page.fill(`[data-testid="${testId}-dialog"] [data-testid="action-field-${name}"]`, value);
  await page.click(`[data-testid="${testId}-confirm"]`);
}

/** Waits until no cell of the grid is saving. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-testid="grid-saving"]') && !document.querySelector('[data-state="saving"]'));
}

/** Pastes text into the focused element as a paste from the clipboard (Excel and Sheets copy tab-separated text). */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((tsv: string) => {
    const data = new DataTransfer();
    data.setData('text/plain', tsv);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.activeElement.dispatchEvent(event);
  }, text);
}

export function readLocalStorage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      out[key] = localStorage.getItem(key);
    }
    return out;
  });
}

export interface SentOperation {
  /** The first root field, e.g. `updateProviderRows`. */
  field: string;
  variables: Record<string, any>;
}

/** GraphQL operations the page sends from now on, for counting requests and checking their variables. */
export function recordGraphQL(page: Page): SentOperation[] {
  const seen: SentOperation[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = JSON.parse(request.postData() ?? '{}');
    const match = /^\s*(?:query|mutation)[^{]*\{\s*(?:\w+\s*:\s*)?(\w+)/.exec(body.query ?? '');
    seen.push({ field: match ? match[1] : String(body.query), variables: body.variables ?? {} });
  });
  return seen;
}

/** A minimal RFC 4180 reader for the exported file. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The admin's money format: "1045.5" → "£1,045.50", "-3" → "-£3.00". */
export function money(value: string): string {
  const [whole, fraction = ''] = value.replace(/^-/, '').split('.');
  return `${value.startsWith('-') ? '-' : ''}£${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(fraction + '00').slice(0, 2)}`;
}

/** The admin's date format: "2026-03-01" → "01/03/2026". */
export const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
