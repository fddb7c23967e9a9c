import type { Browser, Page } from 'playwright-core';
import { tableCounts, type Row } from '../support/fixtures';
import { createChild, providerWithContract } from '../support/services';
import { startTestApi, type TestApi } from '../support/test-api';
import { dialogOpened, openAdmin, screenshot } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

let t: TestApi;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let contract: Row;
let routeId: string;
const children: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApi();
  ({ contract } = await providerWithContract(t, 'TRANSPORT'));
  // A contact contract too: the route's contract picker must not offer it.
  await providerWithContract(t, 'SUPERVISED_CONTACT');
  // Created out of order: the odd penny of a shared journey goes to the first by case reference, RF-A.
  for (const reference of ['RF-C', 'RF-B', 'RF-A']) children[reference] = (await createChild(t, reference)).id;
  await t.ok('mutation($i: TransportPriceScheduleInput!) { createTransportPriceSchedule(input: $i) { id } }', {
    i: {
      contractId: contract.id, vehicleType: 'CAR', pricingBasis: 'PER_MILE', rate: '0.45', escortRate: '12.00', waitingRatePerHour: '18.00', freeWaitingMinutes: 10,
      effectiveFrom: '2026-04-01', effectiveTo: '2027-03-31',
    },
  });
  ({ browser, page } = await openAdmin(t.api.url, pageErrors));
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const text = (selector: string) => page.locator(selector).first().innerText();

/** Picks a code from a select input by its label, as an officer would. */
async function pick(label: RegExp, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Searches a reference input and picks the option named. */
async function search(input: string, typed: string, option: string): Promise<void> {
  await page.fill(`input[name="${input}"]`, '');
  await page.locator(`input[name="${input}"]`).pressSequentially(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a route is created from the admin’s form with two children, its days and a break in its term', async () => {
  await page.goto('/transportRoutes');
  await page.waitForSelector('[data-testid="spreadsheet-grid"][data-resource="transportRoutes"]');
  await page.getByRole('link', { name: 'Create' }).click();
  await page.waitForURL(/\/transportRoutes\/create$/);
  await page.fill('input[name="reference"]', 'R-FORM-1');
  await pick(/^Purpose/, 'SCHOOL – To and from school.');
  await pick(/^Vehicle/, 'CAR – A car or taxi.');
  // Children: searched by case reference, each a chip.
  await search('childIds', 'RF-B', 'RF-B');
  await search('childIds', 'RF-A', 'RF-A');
  expect(await page.locator('.MuiChip-label').allInnerTexts()).toEqual(['RF-B', 'RF-A']);
  // Only transport contracts are offered, whatever is typed.
  await page.locator('input[name="contractId"]').pressSequentially('contract');
  await page.getByRole('option', { name: 'TRANSPORT contract 1', exact: true }).waitFor();
  expect(await page.locator('[role="listbox"] [role="option"]').allInnerTexts()).toEqual(['TRANSPORT contract 1']);
  await search('contractId', 'TRANSPORT contract', 'TRANSPORT contract 1');
  await page.fill('input[name="fromPostcode"]', 'LU1 1AA');
  await page.fill('input[name="toPostcode"]', 'LU2 7BB');
  await page.fill('input[name="miles"]', '12.35');
  // Days: Monday to Sunday in the list, Monday, Wednesday and Friday chosen.
  await page.getByRole('combobox', { name: /^Days/ }).click();
  expect(await page.locator('[role="listbox"] [role="option"]').allInnerTexts()).toEqual([
    'MON – Monday', 'TUE – Tuesday', 'WED – Wednesday', 'THU – Thursday', 'FRI – Friday', 'SAT – Saturday', 'SUN – Sunday',
  ]);
  for (const day of ['MON – Monday', 'WED – Wednesday', 'FRI – Friday']) await page.getByRole('option', { name: day }).click();
  await page.keyboard.press('Escape');
  await page.fill('input[name="pickupTime"]', '08:15');
  await page.fill('input[name="returnPickupTime"]', '15:30');
  await page.fill('input[name="termStart"]', '20/4/26');
  await page.fill('input[name="termEnd"]', '01/05/2026');
  // One break in the term: Monday 27 April (an inset day).
  await page.locator('.RaSimpleFormIterator-add button, button.button-add').first().click();
  await page.fill('input[name="termBreaks.0.from"]', '27/04/2026');
  await page.fill('input[name="termBreaks.0.to"]', '27/04/2026');
  await screenshot(page, 'route-create-form');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/transportRoutes$/);

  const { transportRoutes } = await t.ok(
    '{ transportRoutes(filter: { reference: { eq: "R-FORM-1" } }) { nodes { id version purpose vehicleType contractId children { caseReference } days miles pickupTime returnPickupTime termStart termEnd termBreaks { from to } runsOnBankHolidays fromPostcode toPostcode } } }',
  );
  expect(transportRoutes.nodes).toHaveLength(1);
  const route = transportRoutes.nodes[0];
  routeId = route.id;
  expect(route).toEqual({
    id: routeId,
    version: 1,
    purpose: 'SCHOOL',
    vehicleType: 'CAR',
    contractId: contract.id,
    children: [{ caseReference: 'RF-A' }, { caseReference: 'RF-B' }],
    days: ['MON', 'WED', 'FRI'],
    miles: '12.35',
    pickupTime: '08:15',
    returnPickupTime: '15:30',
    termStart: '2026-04-20',
    termEnd: '2026-05-01',
    termBreaks: [{ from: '2026-04-27', to: '2026-04-27' }],
    runsOnBankHolidays: false,
    fromPostcode: 'LU1 1AA',
    toPostcode: 'LU2 7BB',
  });
  expect(pageErrors).toEqual([]);
});

/** Types one row of the Add journeys table. */
async function fillJourney(index: number, row: { date: string; leg?: 'Outbound' | 'Return'; miles?: string; escort?: boolean; waitingMinutes?: string }): Promise<void> {
  const dialog = page.locator('[data-testid="add-journeys-dialog"]');
  await dialog.locator(`[data-testid="journey-${index}-date"]`).fill(row.date);
  if (row.leg) {
    await dialog.locator('[data-testid="add-journeys-row"]').nth(index).getByRole('combobox').click();
    await page.getByRole('option', { name: row.leg, exact: true }).click();
  }
  if (row.miles) await dialog.locator(`[data-testid="journey-${index}-miles"]`).fill(row.miles);
  if (row.escort) await dialog.locator(`[data-testid="journey-${index}-escort"]`).check();
  if (row.waitingMinutes) await dialog.locator(`[data-testid="journey-${index}-waitingMinutes"]`).fill(row.waitingMinutes);
}

test('one-off journeys are added from the route’s page; a day the route does not run is refused on its row and nothing is written', async () => {
  await page.goto(`/transportRoutes/${routeId}/show`);
  await page.waitForSelector('[data-testid="route-totals"]');
  expect(await text('[data-testid="route-journeys"]')).toBe('0');
  await page.click('[data-testid="add-journeys"]');
  await dialogOpened(page);
  // Wednesday 22 April outbound with an escort and 40 minutes' wait; Tuesday 21 April, which the route does not run.
  await fillJourney(0, { date: '22/04/2026', escort: true, waitingMinutes: '40' });
  await page.click('[data-testid="add-journeys-row-button"]');
  await fillJourney(1, { date: '21/4/26', leg: 'Return', miles: '14.2' });
  const before = await tableCounts(t);
  await page.click('[data-testid="add-journeys-confirm"]');
  await page.waitForSelector('[data-testid="journey-error-1-date"]');
  expect(await text('[data-testid="journey-error-1-date"]')).toBe('is a Tuesday; the route runs on Monday, Wednesday, Friday');
  expect(await page.locator('[data-testid="journey-error-0-date"]').count()).toBe(0);
  expect(await page.locator('[data-testid="add-journeys-dialog"] [data-testid="action-problem"]').count()).toBe(0);
  await screenshot(page, 'route-add-journeys-refused');
  expect(await tableCounts(t)).toEqual(before);

  // Friday 24 April instead: both are added in one go.
  await page.fill('[data-testid="journey-1-date"]', '24/04/2026');
  expect(await page.locator('[data-testid="journey-error-1-date"]').count()).toBe(0);
  await screenshot(page, 'route-add-journeys-dialog');
  await page.click('[data-testid="add-journeys-confirm"]');
  await page.waitForSelector('[data-testid="add-journeys-dialog"]', { state: 'detached' });
  await page.waitForSelector('[data-testid="route-journeys"]:has-text("2")');
  // 45p × 12.35 mi = 555.75p, escort £12.00, (40 − 10) min × £18.00 / 60 = £9.00: 2,655.75p → £26.56.
  // 45p × 14.20 mi = £6.39. Together £32.95.
  expect(await text('[data-testid="route-cost"]')).toBe('£32.95');

  const read = await t.ok(
    'query($id: ID!) { transportRoute(id: $id) { version totals { journeys cost } } transportJourneys(filter: { routeId: { eq: $id } }, orderBy: [{ field: date }]) { nodes { date leg miles escort waitingMinutes status cost shares { childId amount } } } }',
    { id: routeId },
  );
  // The odd penny of a share goes to the first child by case reference, RF-A.
  const [a, b] = [children['RF-A'], children['RF-B']];
  expect(read.transportJourneys.nodes).toEqual([
    { date: '2026-04-22', leg: 'OUTBOUND', miles: '12.35', escort: true, waitingMinutes: 40, status: 'PLANNED', cost: '26.56', shares: [{ childId: a, amount: '13.28' }, { childId: b, amount: '13.28' }] },
    { date: '2026-04-24', leg: 'RETURN', miles: '14.20', escort: false, waitingMinutes: 0, status: 'PLANNED', cost: '6.39', shares: [{ childId: a, amount: '3.20' }, { childId: b, amount: '3.19' }] },
  ]);
  const transportRoute = read.transportRoute;
  expect(transportRoute).toEqual({ version: 2, totals: { journeys: 2, cost: '32.95' } });
  expect(pageErrors).toEqual([]);
});

test('the route’s edit form shows its children as chips and adds a third; the journeys are then shared three ways', async () => {
  await page.goto(`/transportRoutes/${routeId}`);
  await page.waitForSelector('input[name="childIds"]');
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.MuiChip-label').length >= 2);
  expect((await page.locator('.MuiAutocomplete-root .MuiChip-label').allInnerTexts()).sort()).toEqual(['RF-A', 'RF-B']);
  await search('childIds', 'RF-C', 'RF-C');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/transportRoutes$/);
  const read = await t.ok(
    'query($id: ID!) { transportRoute(id: $id) { version childIds totals { cost } } transportJourneys(filter: { routeId: { eq: $id } }, orderBy: [{ field: date }]) { nodes { cost shares { childId amount } } } }',
    { id: routeId },
  );
  expect(read.transportRoute.version).toBe(3);
  expect([...read.transportRoute.childIds].sort()).toEqual([children['RF-A'], children['RF-B'], children['RF-C']].sort());
  // £26.56 in three: £8.86 to RF-A (the odd penny), £8.85 each to RF-B and RF-C; £6.39 in three is £2.13 each.
  const [a, b, c] = [children['RF-A'], children['RF-B'], children['RF-C']];
  expect(read.transportJourneys.nodes).toEqual([
    { cost: '26.56', shares: [{ childId: a, amount: '8.86' }, { childId: b, amount: '8.85' }, { childId: c, amount: '8.85' }] },
    { cost: '6.39', shares: [{ childId: a, amount: '2.13' }, { childId: b, amount: '2.13' }, { childId: c, amount: '2.13' }] },
  ]);
  expect(read.transportRoute.totals.cost).toBe('32.95');
  expect(pageErrors).toEqual([]);
});
