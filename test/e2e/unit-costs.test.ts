import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { unitCostFixture } from '../support/unit-cost-fixture';
import { startTestApi, type TestApi } from '../support/test-api';
import { money, openAdmin, screenshot } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

// The fixture's figures are worked in test/api/unit-costs.test.ts.
declare const document: any;

const ON = '2026-06-01';
let t: TestApi;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];


beforeAll(async () => {
  t = await startTestApi();
  await unitCostFixture(t);
  ({ browser, page } = await openAdmin(t.api.url, pageErrors));
  await page.click('[data-testid="menu-unit-costs"]');
  await page.waitForSelector('[data-testid="analytics-unit-costs"]');
  // British dates, as everywhere in the admin.
  await page.fill('[data-testid="filter-onDate"]', '01/06/2026');
  await page.press('[data-testid="filter-onDate"]', 'Enter');
  await page.waitForSelector('[data-testid="table-unit-costs-groups"] [data-testid="analytics-row"]');
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const cells = (table: string, field: string) => page.locator(`[data-testid="table-${table}"] [data-testid="analytics-row"] td[data-field="${field}"]`).allInnerTexts();

async function exported(table: string): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.click(`[data-testid="table-${table}"] [data-testid="export-csv"]`);
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

async function openTab(tab: string, table: string) {
  await page.click(`[data-testid="tab-${tab}"]`);
  await page.waitForSelector(`[data-testid="table-${table}"] [data-testid="analytics-row"]`);
}

test('shows the spread by type and need level as the API gives it, with a box per group', async () => {
  const { unitCosts } = await t.ok(`{ unitCosts(onDate: "${ON}") { byPlacementTypeAndNeed { median upperQuartile } } }`);
  expect(await cells('unit-costs-groups', 'median')).toEqual(unitCosts.byPlacementTypeAndNeed.map((g: any) => money(g.median)));
  expect(await cells('unit-costs-groups', 'upperQuartile')).toEqual(['£1,025.02', '£1,300.00', '£777.77', '£8,625.25', '£10,000.00']);
  expect(await cells('unit-costs-groups', 'needLevel')).toEqual(['Standard', 'Complex', 'Not known', 'Complex', 'Not known']);
  expect(await page.locator('[data-testid="box-plot"] [data-testid="box"]').count()).toBe(5);
  expect(await page.inputValue('[data-testid="filter-onDate"]')).toBe('01/06/2026');
  await screenshot(page, 'unit-costs-groups');
});

test('exports exactly the rows and columns of the table', async () => {
  const { name, text } = await exported('unit-costs-groups');
  expect(name).toBe(`unit-costs-groups-${ON}.csv`);
  expect(text).toBe(
    '\uFEFF' +
      [
        'Type,Need level,Placements,Lowest,Lower quartile,Median,Upper quartile,Highest',
        'U4,Standard,4,930.00,945.00,975.01,1025.02,1100.04',
        'U4,Complex,1,1300.00,1300.00,1300.00,1300.00,1300.00',
        'U4,Not known,1,777.77,777.77,777.77,777.77,777.77',
        'K2,Complex,3,4000.00,4625.25,5250.50,8625.25,12000.00',
        'K2,Not known,1,10000.00,10000.00,10000.00,10000.00,10000.00',
      ].join('\r\n') +
      '\r\n',
  );
});

test('counts own provision when switched on', async () => {
  await page.click('[data-testid="filter-own"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="table-unit-costs-groups"] td[data-field="median"]')[2]?.innerText === '£638.89');
  expect(await cells('unit-costs-groups', 'placements')).toEqual(['4', '1', '2', '3', '1']);
  await page.click('[data-testid="filter-own"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="table-unit-costs-groups"] td[data-field="median"]')[2]?.innerText === '£777.77');
});

test('shows each provider against the median and its card, and exports that table', async () => {
  await openTab('providers', 'unit-costs-providers');
  const { unitCosts } = await t.ok(`{ unitCosts(onDate: "${ON}") { byProvider { differenceFromMedian percentFromCard } } }`);
  expect(await cells('unit-costs-providers', 'differenceFromMedian')).toEqual(unitCosts.byProvider.map((r: any) => money(r.differenceFromMedian)));
  expect(await cells('unit-costs-providers', 'percentFromCard')).toEqual(['', '', '0.55%', '1.25%', '', '']);
  // The chart: the rows furthest above their median first, by the server's percentages.
  await page.waitForSelector('[data-testid="providers-chart"] .recharts-yAxis-tick-labels text');
  // A long label wraps into lines (tspans): read them back with a space between.
  const ticks = await page.$$eval('[data-testid="providers-chart"] .recharts-yAxis-tick-labels text', (texts) =>
    texts.map((t: any) => Array.from(t.querySelectorAll('tspan'), (s: any) => s.textContent.trim()).join(' ')),
  );
  expect(ticks).toEqual([
    'Hillside Homes Ltd · K2 · Complex',
    'Birch Fostering Ltd · U4 · Standard',
    'Birch Fostering Ltd · U4 · Not known',
    'Harbour Fostering A · U4 · Complex',
    'Hillside Homes Ltd · K2 · Not known',
    'Harbour Fostering A · U4 · Standard',
  ]);
  await screenshot(page, 'unit-costs-providers');
  const { text } = await exported('unit-costs-providers');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe(
    'Provider,Type,Need level,Placements,Average cost,Group median,Above median,Above median %,With card rate,Average fee,Average card,Above card,Above card %',
  );
  expect(lines.slice(1)).toEqual([
    'Birch Fostering Ltd,U4,Standard,2,1050.03,975.01,75.02,7.69,0,,,,',
    'Birch Fostering Ltd,U4,Not known,1,777.77,777.77,0.00,0.00,0,,,,',
    'Harbour Fostering A,U4,Standard,2,940.00,975.01,-35.01,-3.59,2,915.00,910.00,5.00,0.55',
    'Harbour Fostering A,U4,Complex,1,1300.00,1300.00,0.00,0.00,1,1300.00,1283.95,16.05,1.25',
    'Hillside Homes Ltd,K2,Complex,3,7083.50,5250.50,1833.00,34.91,0,,,,',
    'Hillside Homes Ltd,K2,Not known,1,10000.00,10000.00,0.00,0.00,0,,,,',
    '',
  ]);
});

test('shows the spot premium with its chart, the Ofsted spread and the £10,000 list', async () => {
  await openTab('premium', 'unit-costs-premium');
  expect(await cells('unit-costs-premium', 'premium')).toEqual(['£110.03', '', '']);
  expect(await cells('unit-costs-premium', 'premiumPercent')).toEqual(['11.71%', '', '']);
  await page.waitForSelector('[data-testid="premium-chart"] .recharts-bar-rectangle');
  await screenshot(page, 'unit-costs-premium');

  await openTab('ofsted', 'unit-costs-ofsted');
  expect(await cells('unit-costs-ofsted', 'ofstedRating')).toEqual(['Outstanding', 'Good', 'Requires improvement', 'Not known']);
  expect(await cells('unit-costs-ofsted', 'upperQuartile')).toEqual(['£5,250.50', '£4,000.00', '£12,000.00', '£1,200.02']);
  await screenshot(page, 'unit-costs-ofsted');

  await openTab('highCost', 'unit-costs-high-cost');
  expect(await cells('unit-costs-high-cost', 'reference')).toEqual(['UC-K3', 'UC-K4']);
  expect(await cells('unit-costs-high-cost', 'weeklyCost')).toEqual(['£12,000.00', '£10,000.00']);
  expect(await page.locator('[data-testid="high-cost-chart"] .recharts-bar-rectangle').count()).toBe(2);
  await screenshot(page, 'unit-costs-high-cost');
  const { name, text } = await exported('unit-costs-high-cost');
  expect(name).toBe(`unit-costs-high-cost-${ON}.csv`);
  expect(text).toBe(
    '\uFEFFPlacement,Provider,Type,Need level,Contract,Weekly fee,Weekly cost,Card rate,Above card\r\n' +
      'UC-K3,Hillside Homes Ltd,K2,Complex,Spot,12000.00,12000.00,,\r\n' +
      'UC-K4,Hillside Homes Ltd,K2,Not known,No contract,10000.00,10000.00,,\r\n',
  );
  expect(pageErrors).toEqual([]);
});
