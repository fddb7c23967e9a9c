import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addDays, todayIso } from '../../server/src/common/dates';
import { formatFinancialYear } from '../../server/src/common/financial-year';
import { createProvider } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';
import { SCREENSHOTS, money, openAdmin, screenshot, ukDate } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

let t: TestApi;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];


const today = todayIso();
const startYear = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);
const year = formatFinancialYear(startYear);
/** The page's default date of a new move: the first of the month after today, or today in March (next month is another year). */
const [ty, tm] = today.split('-').map(Number);
const firstOfNext = tm === 12 ? `${ty + 1}-01-01` : `${ty}-${String(tm + 1).padStart(2, '0')}-01`;
const nextMonth = firstOfNext < `${startYear + 1}-04-01` ? firstOfNext : today;

beforeAll(async () => {
  t = await startTestApi();
  const homes = await createProvider(t, { legalName: 'Seaview Homes Ltd', serviceCategories: ['RESIDENTIAL', 'FOSTERING'] });
  let n = 0;
  const child = async () =>
    (await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', { i: { caseReference: `WI-${++n}`, initials: 'WI', dateOfBirth: '2011-05-01', gender: 'MALE' } })).createChild.id;
  const place = async (placementType: string, weeklyFee: string, startDate: string) =>
    t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id } }', { i: { childId: await child(), providerId: homes.id, placementType, providerCode: 'PR4', startDate, weeklyFee } });
  // Two children's homes and an agency foster placement, all open; two of them began in the last 12 months (the trend).
  await place('K2', '4200.00', addDays(today, -400));
  await place('K2', '3650.00', addDays(today, -120));
  await place('U4', '880.00', addDays(today, -60));
  for (const [category, amount] of [
    ['RESIDENTIAL_CARE', '350000.00'],
    ['FOSTERING_SERVICES', '60000.00'],
  ]) {
    await t.ok('mutation($y: String!, $c: Section251Category!, $a: Money!) { createBudgetLine(financialYear: $y, category: $c, stage: ORIGINAL, amount: $a) { id } }', { y: year, c: category, a: amount });
  }
  ({ browser, page } = await openAdmin(t.api.url, pageErrors));
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const text = (selector: string) => page.locator(selector).first().innerText();
const monthCell = (month: string, field: string) => text(`[data-testid="table-what-if-months"] [data-testid="analytics-row"][data-key="${month}"] [data-field="${field}"]`);

const WHAT_IF = `query($y: String!, $moves: [WhatIfMoveInput!]!) { whatIf(financialYear: $y, moves: $moves) {
  base { outturn budget childrenInCareAtYearEnd months { month forecast cumulativeForecast budgetToDate childrenInCare } }
  scenario { outturn childrenInCareAtYearEnd months { month forecast cumulativeForecast childrenInCare } }
  outturnDifference moves { weeklyCostBefore weeklyCostAfter } } }`;

describe('the what-if page', () => {
  it('opens from the menu on the base forecast, the figures the API gives', async () => {
    await page.click('[data-testid="menu-what-if"]');
    await page.waitForSelector('[data-testid="whatif-base-outturn"]');
    const { whatIf: w } = await t.ok(WHAT_IF, { y: year, moves: [] });
    expect(await text('[data-testid="whatif-base-outturn"]')).toBe(money(w.base.outturn));
    expect(await text('[data-testid="whatif-scenario-outturn"]')).toBe(money(w.base.outturn));
    expect(await text('[data-testid="whatif-difference"]')).toBe('£0.00');
    expect(await text('[data-testid="whatif-budget"]')).toBe('£410,000.00');
    expect(await page.locator('[data-testid="table-what-if-months"] [data-testid="analytics-row"]').count()).toBe(12);
  });

  it('adds a move typed in British money and shows base and scenario beside the budget, as whatIf gives them', async () => {
    await page.click('[data-testid="add-move"]');
    await page.click('[data-testid="add-move"]');
    expect(await page.locator('[data-testid="move-row"]').count()).toBe(2);
    await page.click('[data-testid="move-1-remove"]');
    expect(await page.locator('[data-testid="move-row"]').count()).toBe(1);
    await page.fill('[data-testid="move-0-weeklyFee"]', '£1,150');
    expect(await page.inputValue('[data-testid="move-0-fromDate"]')).toBe(ukDate(nextMonth));
    await page.click('[data-testid="apply-moves"]');
    await page.waitForSelector('[data-testid="table-what-if-moves"]');
    const moves = [{ from: 'K2', to: 'U4', toProviderCode: 'PR1', count: 1, weeklyFee: '1150.00', fromDate: nextMonth }];
    const { whatIf: w } = await t.ok(WHAT_IF, { y: year, moves });
    // The £4,200 home moves (the highest weekly cost): a saving from next month.
    expect(w.moves).toEqual([{ weeklyCostBefore: '4200.00', weeklyCostAfter: '1150.00' }]);
    expect(w.outturnDifference.startsWith('-')).toBe(true);
    expect(await text('[data-testid="whatif-scenario-outturn"]')).toBe(money(w.scenario.outturn));
    expect(await text('[data-testid="whatif-difference"]')).toBe(money(w.outturnDifference));
    expect(await text('[data-testid="whatif-children"]')).toBe(`Children in care on 31 March: ${w.base.childrenInCareAtYearEnd} → ${w.scenario.childrenInCareAtYearEnd}`);
    for (const [i, m] of w.base.months.entries()) {
      const s = w.scenario.months[i];
      expect(await monthCell(m.month, 'baseCumulative')).toBe(money(m.cumulativeForecast));
      expect(await monthCell(m.month, 'scenarioCumulative')).toBe(money(s.cumulativeForecast));
      expect(await monthCell(m.month, 'scenarioForecast')).toBe(money(s.forecast));
      expect(await monthCell(m.month, 'budgetToDate')).toBe(money(m.budgetToDate));
    }
    expect(await text('[data-testid="table-what-if-moves"] [data-field="weeklyCostBefore"]:not(th)')).toBe('£4,200.00');
    // Three lines on the chart: base, scenario and budget.
    expect(await page.locator('[data-testid="whatif-chart"] .recharts-line').count()).toBe(3);
    await page.locator('[data-testid="whatif-chart"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'what-if');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'what-if-full.png'), fullPage: true });
  });

  it('names the move the server refuses on its row', async () => {
    await page.fill('[data-testid="move-0-count"]', '3');
    await page.click('[data-testid="apply-moves"]');
    await page.waitForSelector('[data-testid="whatif-error"]');
    expect(await text('[data-testid="move-0-errors"]')).toBe(`How many: only 2 open K2 placement(s) on ${nextMonth} are left to move`);
    expect(await page.locator('[data-testid="move-row"] .Mui-error input').count()).toBe(1);
    // A fee that is not money and a date that is not real are refused by the page itself, beside the server's message still standing for the count.
    await page.fill('[data-testid="move-0-weeklyFee"]', 'lots');
    await page.fill('[data-testid="move-0-fromDate"]', '31/02/2027');
    await page.click('[data-testid="apply-moves"]');
    expect(await text('[data-testid="move-0-errors"]')).toBe(
      `How many: only 2 open K2 placement(s) on ${nextMonth} are left to move · Weekly fee: not an amount of money · From: not a date (dd/mm/yyyy)`,
    );
    await screenshot(page, 'what-if-refused');
    expect(pageErrors).toEqual([]);
  });
});
