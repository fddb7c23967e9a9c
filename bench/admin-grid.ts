/**
 * The admin grid's speed with a large data set, in headless Chromium (not a timed test):
 *  1. navigation → the placements grid showing its first 100 rows (a full page load, and a
 *     move from another page of the app);
 *  2. a block of 200 rows × 5 columns pasted into the providers grid: the preview, and the save
 *     (one updateProviderRows) until the grid shows the saved values.
 *
 * npm run bench:admin                       seeds `large` (scale 1) into a scratch PostgreSQL
 * BENCH_SHAPE=demo npm run bench:admin      the demo data set instead
 * BENCH_SCALE=0.25 npm run bench:admin      a share of `large`
 * BENCH_DATABASE_URL=postgres://…           an existing database (seeded first when it has no providers)
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { seedDatabase, type Shape } from '../seeds';
import { createLogger } from '../server/src/common/logger';
import { loadConfig } from '../server/src/config/config';
import { startEmbeddedPostgres } from '../server/src/database/embedded-postgres';
import { startApi } from '../server/src/server';
import { launchBrowser, newContext } from '../test/e2e/support/browser';

declare const document: any;
declare const DataTransfer: any;
declare const ClipboardEvent: any;

const EMAIL = 'bench@placewise.local';
const PASSWORD = 'bench-password-123';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const ms = (start: number) => Math.round(performance.now() - start);
const summary = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]} ms (min ${sorted[0]}, max ${sorted[sorted.length - 1]}; ${xs.join(', ')})`;
};

/** Until the grid of a resource has at least `rows` records loaded and its first rows painted. */
async function gridShows(page: Page, resource: string, rows: number) {
  await page.waitForFunction(
    ([name, wanted]) => {
      const grid = document.querySelector(`[data-testid="spreadsheet-grid"][data-resource="${name}"]`);
      const count = grid?.querySelector('[data-testid="grid-count"]')?.textContent ?? '';
      const loaded = Number((/^([\d,]+)/.exec(count)?.[1] ?? '0').replace(/,/g, ''));
      return loaded >= wanted && grid.querySelectorAll('.rdg-row .pw-cell').length > 0;
    },
    [resource, rows] as const,
    { timeout: 60_000, polling: 'raf' },
  );
}

async function signIn(page: Page) {
  await page.goto('/login');
  await page.fill('input[name="username"]', EMAIL);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function main() {
  const shape = (process.env.BENCH_SHAPE ?? 'large') as Shape;
  const scale = process.env.BENCH_SCALE ? Number(process.env.BENCH_SCALE) : undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'placewise-bench-'));
  chmodSync(dir, 0o755);
  const logger = createLogger('warn');
  const pg = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres(dir, null, logger);
  const url = process.env.BENCH_DATABASE_URL ?? pg!.url;
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ADMIN_EMAIL: EMAIL, ADMIN_PASSWORD: PASSWORD, DEMO_DATA: 'off' });
  const api = await startApi(config, logger, url);
  const browser = await launchBrowser();
  try {
    const gql = async <T>(query: string, token?: string): Promise<T> => {
      const res = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { data: T; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 1000));
      return body.data;
    };
    const token = (await gql<{ login: { token: string } }>(`mutation { login(email: "${EMAIL}", password: "${PASSWORD}") { token } }`)).login.token;
    const count = async () => (await gql<{ placements: { totalCount: number }; providers: { totalCount: number } }>('{ placements(first: 0) { totalCount } providers(first: 0) { totalCount } }', token));
    if ((await count()).providers.totalCount === 0) {
      const started = performance.now();
      await seedDatabase(url, { shape, scale });
      console.log(`seeded shape ${shape}${scale ? ` at scale ${scale}` : ''} in ${(ms(started) / 1000).toFixed(1)} s`);
    }
    const sizes = await count();
    console.log(`data: ${sizes.placements.totalCount.toLocaleString('en-GB')} placements, ${sizes.providers.totalCount.toLocaleString('en-GB')} providers`);

    const page = await (await newContext(browser, api.url)).newPage();
    await signIn(page);

    // 1. Navigation → the placements grid's first 100 rows.
    const fullLoad: number[] = [];
    const inApp: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      await page.goto('/placements');
      await gridShows(page, 'placements', 100);
      fullLoad.push(ms(start));
      await page.goto('/providers');
      await gridShows(page, 'providers', 1);
      start = performance.now();
      await page.click('a[href="/placements"]');
      await gridShows(page, 'placements', 100);
      inApp.push(ms(start));
    }
    console.log(`placements grid, page load → first 100 rows: ${summary(fullLoad)}`);
    console.log(`placements grid, menu click → first 100 rows: ${summary(inApp)}`);

    // 2. A pasted block of 200 rows × 5 columns, saved in one mutation.
    const pasteRows = Math.min(200, sizes.providers.totalCount);
    await page.goto('/providers');
    await gridShows(page, 'providers', pasteRows);
    const previewTimes: number[] = [];
    const saveTimes: number[] = [];
    for (let run = 0; run < Math.min(RUNS, 3); run++) {
      const block = Array.from({ length: pasteRows }, (_, i) =>
        [`Bench ${run}-${i}`, i % 2 === run % 2 ? 'PR4' : 'PR5', 'Active', run % 2 ? 'Residential; Fostering' : 'Residential', String(10_000_000 + run * 1000 + i)].join('\t'),
      ).join('\n');
      const firstId = await page.locator('.rdg-row .pw-cell[data-field="tradingName"]').first().getAttribute('data-row-id');
      await page.locator(`.rdg-cell:has(> .pw-cell[data-row-id="${firstId}"][data-field="tradingName"])`).click();
      let start = performance.now();
      await page.evaluate((tsv: string) => {
        const data = new DataTransfer();
        data.setData('text/plain', tsv);
        document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, block);
      await page.waitForSelector('[data-testid="paste-preview"] [data-testid="paste-save"]:not([disabled])');
      previewTimes.push(ms(start));
      start = performance.now();
      await page.click('[data-testid="paste-save"]');
      await page.waitForSelector('[data-testid="paste-preview"]', { state: 'detached', timeout: 60_000 });
      await page.waitForSelector(`.pw-cell[data-row-id="${firstId}"][data-field="tradingName"]:text-is("Bench ${run}-0")`);
      saveTimes.push(ms(start));
    }
    console.log(`paste ${pasteRows} × 5 into the providers grid → preview shown: ${summary(previewTimes)}`);
    console.log(`paste ${pasteRows} × 5 → Save → saved (one updateProviderRows) and shown: ${summary(saveTimes)}`);
  } finally {
    await browser.close();
    await api.stop();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
