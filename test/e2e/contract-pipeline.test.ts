import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { pipelineFixture } from '../support/pipeline-fixture';
import { startTestApi, type TestApi } from '../support/test-api';
import { money, openAdmin, screenshot } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

// The fixture's figures are worked in test/api/contract-pipeline.test.ts.
const ON = '2026-06-01';
let t: TestApi;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];


beforeAll(async () => {
  t = await startTestApi();
  await pipelineFixture(t);
  ({ browser, page } = await openAdmin(t.api.url, pageErrors));
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const column = (field: string) => page.locator(`[data-testid="table-contract-pipeline"] [data-testid="analytics-row"] td[data-field="${field}"]`).allInnerTexts();
async function rowsAre(references: string[]) {
  await page.waitForFunction(
    (want) => Array.from((globalThis as any).document.querySelectorAll('[data-testid="table-contract-pipeline"] td[data-field="reference"]')).map((c: any) => c.innerText).join(' ') === want,
    references.join(' '),
  );
}

test('opens from the dashboard’s contracts-ending card and shows the 90 days’ lines with the API’s figures', async () => {
  await page.click('[data-testid="dashboard-ending"] [data-testid="pipeline-link"]');
  await page.waitForSelector('[data-testid="analytics-contract-pipeline"]');
  await page.fill('[data-testid="filter-onDate"]', '01/06/2026');
  await page.press('[data-testid="filter-onDate"]', 'Enter');
  await rowsAre(['SP-O', 'SP-R', 'TR-1', 'AG-Q', 'CO-A', 'BL-1']);
  expect(await page.locator('[data-testid="pipeline-window"]').innerText()).toBe('From 01/06/2026 to 30/08/2026');

  const { contractPipeline: api } = await t.ok(`{ contractPipeline(onDate: "${ON}") { items { annualValue spendAtStake } totals { recordType annualValue spendAtStake } } }`);
  expect(await column('annualValue')).toEqual(api.items.map((i: any) => (i.annualValue === null ? '' : money(i.annualValue))));
  expect(await column('spendAtStake')).toEqual(api.items.map((i: any) => money(i.spendAtStake)));
  expect(await column('dueFor')).toEqual(['Review', 'Review', 'Ending', 'Ending', 'Ending', 'Ending and review']);
  expect(await column('daysLeft')).toEqual(['-31', '19', '29', '44', '44', '61']);
  expect(await page.locator('[data-testid="annual-CONTRACT"]').innerText()).toBe(money(api.totals[0].annualValue));
  expect(await page.locator('[data-testid="stake-CONTRACT"]').innerText()).toBe('£223,428.57');
  expect(await page.locator('[data-testid="annual-AGREEMENT"]').innerText()).toBe('£25,514.29');
  expect(await page.locator('[data-testid="pipeline-chart"] .recharts-scatter-symbol').count()).toBe(5);
  await screenshot(page, 'contract-pipeline-90');
});

test('sorts by a column in the server, both ways', async () => {
  await page.click('[data-testid="sort-annualValue"]');
  await rowsAre(['TR-1', 'AG-Q', 'CO-A', 'SP-R', 'BL-1', 'SP-O']);
  await page.click('[data-testid="sort-annualValue"]');
  await rowsAre(['BL-1', 'SP-R', 'CO-A', 'AG-Q', 'TR-1', 'SP-O']);
  const { contractPipeline } = await t.ok(`{ contractPipeline(onDate: "${ON}", orderBy: [{ field: annualValue, direction: DESC }]) { items { reference } } }`);
  expect(await column('reference')).toEqual(contractPipeline.items.map((i: any) => i.reference));
  await page.click('[data-testid="sort-dueDate"]');
  await rowsAre(['SP-O', 'SP-R', 'TR-1', 'AG-Q', 'CO-A', 'BL-1']);
});

test('narrows to 30 days and exports exactly what the table shows', async () => {
  await page.click('[data-testid="filter-within-30"]');
  await rowsAre(['SP-O', 'SP-R', 'TR-1']);
  expect(await page.locator('[data-testid="totals-AGREEMENT"]').count()).toBe(0);
  await screenshot(page, 'contract-pipeline-30');
  const download = page.waitForEvent('download');
  await page.click('[data-testid="table-contract-pipeline"] [data-testid="export-csv"]');
  const file = await download;
  expect(file.suggestedFilename()).toBe('contract-pipeline-2026-06-01-30-days.csv');
  expect(readFileSync((await file.path())!, 'utf8')).toBe(
    '\uFEFF' +
      [
        'Reference,Type,Title,Provider,Due for,Due,Days left,Ends,Review,Annual value,Worked out from,Placements,Spend at stake',
        'SP-O,Contract · Spot,Contract SP-O,Rock Homes Ltd,Review,2026-05-01,-31,2027-03-31,2026-05-01,,,0,0.00',
        'SP-R,Contract · Spot,Contract SP-R,Rock Homes Ltd,Review,2026-06-20,19,2026-12-31,2026-06-20,260000.00,Weekly fee × 52,1,217642.86',
        'TR-1,Contract · Transport,Contract TR-1,Tide Transport Ltd,Ending,2026-06-30,29,2026-06-30,,20165.75,Ceiling over the term,0,0.00',
      ].join('\r\n') +
      '\r\n',
  );
  expect(pageErrors).toEqual([]);
});

test('is in the menu of an analyst, with the unit costs', async () => {
  const analyst = await t.userWithRole('ANALYST');
  const errors: string[] = [];
  const own = await openAdmin(t.api.url, errors, { email: analyst.email, password: 'a-long-enough-password' });
  try {
    await own.page.click('[data-testid="menu-contract-pipeline"]');
    await own.page.waitForSelector('[data-testid="table-contract-pipeline"]');
    expect(await own.page.locator('[data-testid="menu-unit-costs"]').count()).toBe(1);
    expect(errors).toEqual([]);
  } finally {
    await own.browser.close();
  }
});
