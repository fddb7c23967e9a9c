import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addDays, todayIso } from '../../server/src/common/dates';
import { financialYearRange, formatFinancialYear } from '../../server/src/common/financial-year';
import { createProvider, createSetting } from '../support/fixtures';
import { ADMIN, startTestApi, type TestApi } from '../support/test-api';
import { SCREENSHOTS, launchBrowser, money, newContext, screenshot, signIn, ukDate } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

const PASSWORD = 'a-long-enough-password';

let t: TestApi;
let browser: Browser;
const pageErrors: string[] = [];


const today = todayIso();
const startYear = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);
const year = formatFinancialYear(startYear);
const { from: yearStart } = financialYearRange(startYear);

beforeAll(async () => {
  t = await startTestApi();
  const council = await createProvider(t, { legalName: 'Council Fostering Service', providerCode: 'PR1', serviceCategories: ['FOSTERING'] });
  const ifa = await createProvider(t, { legalName: 'Harbour Fostering Ltd', providerCode: 'PR4', serviceCategories: ['FOSTERING'] });
  const homes = await createProvider(t, { legalName: 'Seaview Homes Ltd', providerCode: 'PR4', serviceCategories: ['RESIDENTIAL'] });
  const seaview = await createSetting(t, { providerId: homes.id, name: 'Seaview House', latitude: 50.72, longitude: -1.88 });
  const farOffice = await createSetting(t, { providerId: ifa.id, name: 'Luton office', kind: 'FOSTERING_AGENCY_OFFICE', latitude: 51.88, longitude: -0.42 });
  let n = 0;
  const child = async (located: boolean) =>
    (
      await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', {
        i: { caseReference: `DB-${++n}`, initials: 'DB', dateOfBirth: '2014-02-01', gender: 'FEMALE', ...(located ? { homeLatitude: 50.72, homeLongitude: -1.88 } : {}) },
      })
    ).createChild.id;
  const place = async (i: Record<string, unknown>) => (await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id } }', { i })).createPlacement.id;
  // Three children in care tonight: one in a children's home 0 miles from home, one with an agency far away, one in-house with no setting (distance not known).
  const residential = await place({ childId: await child(true), providerId: homes.id, settingId: seaview.id, reference: 'PL-RES-1', placementType: 'K2', providerCode: 'PR4', startDate: '2025-01-06', weeklyFee: '5250.00' });
  await place({ childId: await child(true), providerId: ifa.id, settingId: farOffice.id, reference: 'PL-IFA-1', placementType: 'U4', providerCode: 'PR4', startDate: '2025-02-03', weeklyFee: '912.45' });
  await place({ childId: await child(true), providerId: council.id, reference: 'PL-INH-1', placementType: 'U4', providerCode: 'PR1', startDate: '2025-03-03', weeklyFee: '545.00' });

  for (const [category, amount] of [
    ['RESIDENTIAL_CARE', '250000.00'],
    ['FOSTERING_SERVICES', '40000.00'],
    ['FOSTERING_OWN_CARERS', '30000.00'],
  ]) {
    await t.ok('mutation($y: String!, $c: Section251Category!, $a: Money!) { createBudgetLine(financialYear: $y, category: $c, stage: ORIGINAL, amount: $a) { id } }', { y: year, c: category, a: amount });
  }
  // A week of the children's home this year, invoiced and approved: actual spend.
  const { createInvoice: invoice } = await t.ok('mutation($i: InvoiceCreateInput!) { createInvoice(input: $i) { id version status } }', {
    i: {
      providerId: homes.id,
      reference: 'SV-0001',
      receivedDate: today,
      periodStart: yearStart,
      periodEnd: addDays(yearStart, 7),
      lines: [{ description: 'A week at Seaview House', amount: '5250.00', placementId: residential, fromDate: yearStart, toDate: addDays(yearStart, 7), nights: 7 }],
    },
  });
  expect(invoice.status).toBe('MATCHED');
  await t.ok('mutation($id: ID!, $v: Int!) { approveInvoice(id: $id, version: $v) { id } }', { id: invoice.id, v: invoice.version });

  // Two contracts ending within 90 days and one ending later; one of them negotiated down from £1,000 to £950 today.
  const contract = async (reference: string, endDate: string) =>
    (
      await t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id } }', {
        i: { providerId: ifa.id, kind: 'SPOT', reference, title: `Foster placement ${reference}`, startDate: '2025-06-01', endDate, weeklyFee: '1000.00', placementType: 'U4' },
      })
    ).createContract.id;
  const soon = await contract('SP-0001', addDays(today, 30));
  await contract('SP-0002', addDays(today, 89));
  await contract('SP-0003', addDays(today, 200));
  const { startNegotiation: negotiation } = await t.ok('mutation($i: NegotiationStartInput!) { startNegotiation(input: $i) { id version } }', {
    i: { contractId: soon, firstOffer: { party: 'PROVIDER', amount: '1000.00' } },
  });
  await t.ok('mutation($id: ID!, $v: Int!) { agreeNegotiation(id: $id, version: $v, amount: "950.00") { id } }', { id: negotiation.id, v: negotiation.version });

  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function openDashboard(email: string, password: string, name: string): Promise<Page> {
  const context = await newContext(browser, t.api.url);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signIn(page, email, password, undefined, 'dashboard');
  await page.waitForSelector('[data-testid="budget-row"]');
  await page.waitForSelector('[data-testid="trend-latest"]');
  await page.waitForSelector('[data-testid="highest-row"]');
  await page.waitForSelector('[data-testid="projected-saving"]');
  await page.waitForSelector('[data-testid="contracts-ending"]');
  await page.waitForSelector('.recharts-bar-rectangle');
  await screenshot(page, name);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-full.png`), fullPage: true });
  return page;
}

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

describe('the dashboard', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openDashboard(ADMIN.email, ADMIN.password, 'dashboard');
  });

  it('is the home page and shows the figures the API gives, in British formats', async () => {
    const { careSnapshot: s } = await t.ok('{ careSnapshot { onDate childrenInCare over20Miles within20Miles distanceNotKnown percentOver20Miles byGroup { group children percent } } }');
    expect(s).toMatchObject({ childrenInCare: 3, over20Miles: 1, within20Miles: 1, distanceNotKnown: 1, percentOver20Miles: '50.00' });
    expect(await text(page, '[data-testid="children-in-care"]')).toBe(String(s.childrenInCare));
    expect(await text(page, '[data-testid="percent-over-20-miles"]')).toBe('50.00%');
    expect(await text(page, '[data-testid="distance-counts"]')).toBe('Over 20 miles: 1 · 20 miles or less: 1 · Not known: 1');
    expect(await text(page, '[data-testid="dashboard-snapshot"] h2')).toBe(`Children in care on ${ukDate(s.onDate)}`);
    for (const g of s.byGroup) {
      const row = page.locator(`[data-testid="group-row"][data-group="${g.group}"]`);
      expect(await row.locator('[data-field="children"]').innerText()).toBe(String(g.children));
      expect(await row.locator('[data-field="percent"]').innerText()).toBe(`${g.percent}%`);
    }
  });

  it('shows spend against budget per line with the forecast, exactly as budgetPosition gives it', async () => {
    const { budgetPosition } = await t.ok('query($y: String!) { budgetPosition(financialYear: $y) { lines { category budget actual committed forecast variance } } }', { y: year });
    const lines: Array<Record<string, string | null>> = budgetPosition.lines;
    expect(new Set(lines.map((l) => l.category))).toEqual(new Set(['RESIDENTIAL_CARE', 'FOSTERING_OWN_CARERS', 'FOSTERING_SERVICES', null]));
    const residential = lines.find((l) => l.category === 'RESIDENTIAL_CARE')!;
    expect(residential).toMatchObject({ budget: '250000.00', actual: '5250.00' });
    const total = lines.find((l) => l.category === null)!;
    expect(total.budget).toBe('320000.00');
    const rows = page.locator('[data-testid="budget-row"]');
    expect(await rows.count()).toBe(lines.length);
    for (const line of lines) {
      const row = page.locator(`[data-testid="budget-row"][data-category="${line.category ?? 'TOTAL'}"]`);
      for (const field of ['budget', 'actual', 'committed', 'forecast', 'variance']) {
        expect(await row.locator(`[data-field="${field}"]`).innerText()).toBe(money(line[field]!));
      }
    }
    expect(await text(page, '[data-testid="dashboard-budget"] h2')).toBe(`Spend against budget, ${year}`);
    // A bar for each budget, actual and forecast of a line that is not zero (a zero has no height and draws nothing).
    const bars = lines.filter((l) => l.category !== null).flatMap((l) => [l.budget, l.actual, l.forecast]).filter((v) => v !== '0.00');
    expect(await page.locator('[data-testid="dashboard-budget"] .recharts-bar-rectangle').count()).toBe(bars.length);
  });

  it('shows the month-by-month care trend and its latest point as careTrend gives it', async () => {
    const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    first.setUTCMonth(first.getUTCMonth() - 23);
    const { careTrend } = await t.ok('query($f: Date!, $to: Date!) { careTrend(from: $f, to: $to) { onDate childrenInCare inHouseFostering ifaFostering residential } }', {
      f: first.toISOString().slice(0, 10),
      to: today,
    });
    expect(careTrend).toHaveLength(24);
    const latest = careTrend[23];
    expect(latest).toEqual({ onDate: `${today.slice(0, 7)}-01`, childrenInCare: 3, inHouseFostering: 1, ifaFostering: 1, residential: 1 });
    expect(await text(page, '[data-testid="trend-latest"]')).toBe(
      `On ${ukDate(latest.onDate)}: 3 in care, of whom 1 in in-house fostering, 1 in agency fostering and 1 in residential care.`,
    );
    expect(await page.locator('[data-testid="dashboard-trend"] .recharts-area').count()).toBe(3);
  });

  it('lists the highest-cost placements tonight in the API’s order, with distance "Not known" where it is', async () => {
    const { highestCostPlacements } = await t.ok('{ highestCostPlacements(first: 10) { weeklyCost placement { id reference distanceMiles } } }');
    expect(highestCostPlacements.map((r: any) => [r.placement.reference, r.weeklyCost])).toEqual([
      ['PL-RES-1', '5250.00'],
      ['PL-IFA-1', '912.45'],
      ['PL-INH-1', '545.00'],
    ]);
    const rows = page.locator('[data-testid="highest-row"]');
    expect(await rows.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const r = highestCostPlacements[i];
      expect(await rows.nth(i).getAttribute('data-id')).toBe(r.placement.id);
      expect(await rows.nth(i).locator('[data-field="weeklyCost"]').innerText()).toBe(money(r.weeklyCost));
    }
    expect(await rows.nth(0).locator('[data-field="distance"]').innerText()).toBe('0 mi');
    expect(await rows.nth(2).locator('[data-field="distance"]').innerText()).toBe('Not known');
  });

  it('counts the contracts ending within 90 days and the savings this year as the API does', async () => {
    const { contracts, savingsSummary } = await t.ok(
      'query($y: String!) { contracts(filter: { expiringWithinDays: 90 }) { totalCount } savingsSummary(financialYear: $y) { negotiationsAgreed savingPerWeek savingVsCardRatePerWeek projectedSaving } }',
      { y: year },
    );
    expect(contracts.totalCount).toBe(2);
    expect(await text(page, '[data-testid="contracts-ending"]')).toBe('2');
    expect(await page.locator('[data-testid="ending-row"]').allInnerTexts()).toEqual([
      expect.stringContaining(`SP-0001 · Foster placement SP-0001`),
      expect.stringContaining(`SP-0002 · Foster placement SP-0002`),
    ]);
    // £50 a week saved over the contract's term, from 01/06/2025 to today + 30 days.
    expect(savingsSummary).toMatchObject({ negotiationsAgreed: 1, savingPerWeek: '50.00' });
    expect(await text(page, '[data-testid="projected-saving"]')).toBe(money(savingsSummary.projectedSaving));
    expect(await text(page, '[data-testid="saving-per-week"]')).toBe('£50.00');
    expect(await text(page, '[data-testid="saving-vs-card"]')).toBe(money(savingsSummary.savingVsCardRatePerWeek));
    expect(pageErrors).toEqual([]);
  });
});

it('shows analysts the same dashboard (they read every aggregate)', async () => {
  const analyst = await t.userWithRole('ANALYST');
  const page = await openDashboard(analyst.email, PASSWORD, 'dashboard-analyst');
  expect(await text(page, '[data-testid="children-in-care"]')).toBe('3');
  expect(await page.locator('[data-testid="highest-row"]').count()).toBe(3);
  expect(await page.locator('[data-testid="dashboard"] .MuiAlert-colorError').count()).toBe(0);
  expect(pageErrors).toEqual([]);
});
