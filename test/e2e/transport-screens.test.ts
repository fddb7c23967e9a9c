import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Row } from '../support/fixtures';
import { createChild, providerWithContract } from '../support/services';
import { startTestApi, type TestApi } from '../support/test-api';
import { cell, cellText, dialogOpened, openAdmin, pasteText, recordGraphQL, screenshot, settled } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

// Two school weeks, 20 April to 1 May 2026 (no bank holiday in them): 10 days, 20 journeys.
const TERM = { termStart: '2026-04-20', termEnd: '2026-05-01' };
const JOURNEY = 'id version date leg status escort waitingMinutes cancelledAt cost shares { childId amount }';

let t: TestApi;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let contract: Row;
let children: Row[];
let generated: Row;
let fresh: Row;

const createRoute = async (reference: string) =>
  (
    await t.ok('mutation($i: TransportRouteInput!) { createTransportRoute(input: $i) { id version } }', {
      i: {
        reference, purpose: 'SCHOOL', vehicleType: 'CAR', childIds: children.map((c) => c.id), contractId: contract.id,
        fromPostcode: 'LU1 1AA', toPostcode: 'LU2 7BB', miles: '12.35', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], pickupTime: '08:15', returnPickupTime: '15:30', ...TERM,
      },
    })
  ).createTransportRoute as Row;
const journeysOf = async (routeId: string) =>
  (await t.ok(`query($r: ID!) { transportJourneys(filter: { routeId: { eq: $r } }, orderBy: [{ field: date }, { field: leg }], first: 500) { nodes { ${JOURNEY} } } }`, { r: routeId })).transportJourneys.nodes as Row[];
const totals = async (routeId: string) => (await t.ok('query($id: ID!) { transportRoute(id: $id) { version totals { journeys cost } } }', { id: routeId })).transportRoute;

beforeAll(async () => {
  t = await startTestApi();
  ({ contract } = await providerWithContract(t, 'TRANSPORT'));
  // Created out of order: the odd penny of a shared journey goes to the first by case reference, TR-A.
  children = [await createChild(t, 'TR-C'), await createChild(t, 'TR-A'), await createChild(t, 'TR-B')];
  await t.ok('mutation($i: TransportPriceScheduleInput!) { createTransportPriceSchedule(input: $i) { id } }', {
    i: {
      contractId: contract.id, vehicleType: 'CAR', pricingBasis: 'PER_MILE', rate: '0.45', escortRate: '12.00', waitingRatePerHour: '18.00', freeWaitingMinutes: 10,
      cancellation: { freeHours: 24, latePercent: 50 }, effectiveFrom: '2026-04-01', effectiveTo: '2027-03-31',
    },
  });
  // One route with its journeys generated over the API, one without any yet.
  generated = await createRoute('R-SCHOOL-1');
  const gen = await t.ok('mutation($id: ID!, $v: Int!) { generateTermJourneys(routeId: $id, version: $v) { created route { totals { journeys cost } } } }', { id: generated.id, v: generated.version });
  // 45p × 12.35 miles = 555.75p → £5.56 a journey, 20 journeys.
  expect(gen.generateTermJourneys).toEqual({ created: 20, route: { totals: { journeys: 20, cost: '111.20' } } });
  fresh = await createRoute('R-SCHOOL-2');

  ({ browser, page } = await openAdmin(t.api.url, pageErrors));
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const MUTATION = /^(create|update|add|generate)[A-Z]/;
const text = (selector: string) => page.locator(selector).first().innerText();

async function openRoute(id: string): Promise<void> {
  await page.goto(`/transportRoutes/${id}/show`);
  await page.waitForSelector('[data-testid="route-totals"]');
}

test('the routes list shows both routes in the grid', async () => {
  await page.goto('/transportRoutes');
  await page.waitForSelector('[data-testid="spreadsheet-grid"][data-resource="transportRoutes"] .rdg-row');
  expect(await text('[data-testid="grid-count"]')).toBe('2 of 2 rows loaded');
  expect(await cellText(page, generated.id, 'reference')).toBe('R-SCHOOL-1');
  expect(await cellText(page, generated.id, 'purpose')).toBe('School');
  expect(await cellText(page, generated.id, 'miles')).toBe('12.35');
  await screenshot(page, 'transport-routes-grid');
});

test('a route generated over the API shows its children, totals and 20 journeys at £5.56', async () => {
  await openRoute(generated.id);
  expect(await text('[data-testid="show-reference"]')).toBe('R-SCHOOL-1');
  expect(await text('[data-testid="show-termStart"]')).toBe('20/04/2026');
  // providerWithContract titles its contracts "<kind> contract <n>".
  expect(await text('[data-testid="show-contractId"]')).toMatch(/^TRANSPORT contract \d+$/);
  expect(await page.locator('[data-testid="children-row"] [data-field="caseReference"]').allInnerTexts()).toEqual(expect.arrayContaining(['TR-A', 'TR-B', 'TR-C']));
  expect(await text('[data-testid="route-journeys"]')).toBe('20');
  expect(await text('[data-testid="route-cost"]')).toBe('£111.20');
  await page.waitForSelector('[data-testid="route-journeys-grid"] .rdg-row');
  expect(await text('[data-testid="route-journeys-grid"] [data-testid="grid-count"]')).toBe('20 of 20 rows loaded');
  const first = (await journeysOf(generated.id))[0];
  expect(await cellText(page, first.id, 'date')).toBe('20/04/2026');
  expect(await cellText(page, first.id, 'cost')).toBe('£5.56');
  await screenshot(page, 'transport-route-page');
});

test('"Generate term journeys" on a route without journeys creates the term’s 20', async () => {
  await openRoute(fresh.id);
  expect(await text('[data-testid="route-journeys"]')).toBe('0');
  const operations = recordGraphQL(page);
  await page.click('[data-testid="generate-journeys"]');
  await dialogOpened(page);
  expect(await text('[data-testid="generate-journeys-dialog"]')).toContain('from 20/04/2026 to 01/05/2026');
  await page.click('[data-testid="generate-journeys-confirm"]');
  await page.waitForSelector('[data-testid="route-journeys"]:has-text("20")');
  expect(operations.filter((o) => o.field === 'generateTermJourneys').map((o) => o.variables)).toEqual([{ routeId: fresh.id, version: fresh.version }]);
  expect(await text('[data-testid="route-cost"]')).toBe('£111.20');
  await page.waitForSelector('[data-testid="route-journeys-grid"] [data-testid="grid-count"]:has-text("20 of 20")');
  expect(await totals(fresh.id)).toEqual({ version: fresh.version + 1, totals: { journeys: 20, cost: '111.20' } });
  expect(await journeysOf(fresh.id)).toHaveLength(20);
  await screenshot(page, 'transport-route-generated');
});

test('the journeys grid on a route’s page totals and exports that route’s journeys only, not every route’s', async () => {
  // Both routes have their 20 journeys now: the whole list would be 40 rows and £222.40.
  await openRoute(fresh.id);
  const grid = '[data-testid="route-journeys-grid"]';
  await page.waitForSelector(`${grid} [data-testid="total-cost"]`);
  expect(await text(`${grid} [data-testid="total-cost"]`)).toBe('£111.20');
  const download = page.waitForEvent('download');
  await page.click(`${grid} [data-testid="export-csv"]`);
  const csv = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const header = csv[0].split(',');
  const dates = csv.slice(1).map((line) => line.split(',')[header.indexOf('Date')]);
  expect(dates).toEqual((await journeysOf(fresh.id)).map((j) => j.date));
  expect(dates).toHaveLength(20);
});

test('a journey marked completed with an escort and 25 minutes’ waiting, pasted in one row, costs £22.06 split 7.36/7.35/7.35', async () => {
  await openRoute(generated.id);
  await page.waitForSelector('[data-testid="route-journeys-grid"] .rdg-row');
  const [first, second] = await journeysOf(generated.id);
  const operations = recordGraphQL(page);
  // Status, escort and waiting minutes sit side by side: one row copied from a spreadsheet.
  await cell(page, first.id, 'status').click();
  await pasteText(page, 'COMPLETED\tYes\t25\r\n');
  const preview = page.locator('[data-testid="paste-preview"]');
  await preview.waitFor();
  await dialogOpened(page);
  await screenshot(page, 'transport-journey-paste');
  await preview.locator('[data-testid="paste-save"]').click();
  await preview.waitFor({ state: 'detached' });
  await settled(page);
  // Reads may follow (the list, the shares); the one write is the bulk mutation.
  const writes = operations.filter((o) => MUTATION.test(o.field));
  expect(writes.map((o) => o.field)).toEqual(['updateTransportJourneyRows']);
  expect(writes[0].variables.rows).toEqual([{ id: first.id, version: first.version, input: { status: 'COMPLETED', escort: true, waitingMinutes: 25 } }]);

  // 555.75p + £12.00 escort + 15 minutes beyond the free 10 at £18.00 an hour (£4.50) = 2205.75p → £22.06.
  const after = (await journeysOf(generated.id)).find((j) => j.id === first.id)!;
  const [tra, trb, trc] = ['TR-A', 'TR-B', 'TR-C'].map((ref) => children.find((c) => c.caseReference === ref)!.id);
  expect(after).toMatchObject({ status: 'COMPLETED', escort: true, waitingMinutes: 25, cost: '22.06', version: first.version + 1 });
  expect(after.shares).toEqual([
    { childId: tra, amount: '7.36' },
    { childId: trb, amount: '7.35' },
    { childId: trc, amount: '7.35' },
  ]);
  expect(await cellText(page, first.id, 'cost')).toBe('£22.06');
  expect(await cellText(page, first.id, 'status')).toBe('Completed');
  expect(await cellText(page, first.id, 'escort')).toBe('Yes');
  expect(await cellText(page, second.id, 'cost')).toBe('£5.56');
  // 19 × £5.56 + £22.06
  expect((await totals(generated.id)).totals).toEqual({ journeys: 20, cost: '127.70' });

  // The shares: each child's part of the route, and each journey's.
  await page.click('[data-testid="route-shares-refresh"]');
  await page.waitForSelector('[data-testid="shares-total"]:has-text("£127.70")');
  // 19 journeys of 556p split 186/185/185, and 7.36/7.35/7.35: TR-A 19 × 1.86 + 7.36 = 42.70; TR-B and TR-C 19 × 1.85 + 7.35 = 42.50.
  expect(await page.locator('[data-testid="child-share"]').evaluateAll((rows) => rows.map((r: any) => [r.getAttribute('data-child'), r.querySelector('[data-field="amount"]').innerText]))).toEqual(
    expect.arrayContaining([
      ['TR-A', '£42.70'],
      ['TR-B', '£42.50'],
      ['TR-C', '£42.50'],
    ]),
  );
  await page.click('[data-testid="journey-shares"] .MuiAccordionSummary-root');
  const row = page.locator(`[data-testid="journey-share-row"][data-journey="${first.id}"]`);
  await row.waitFor();
  expect(await row.locator('[data-field="cost"]').innerText()).toBe('£22.06');
  expect(await row.locator('[data-field="share"][data-child="TR-A"]').innerText()).toBe('£7.36');
  expect(await row.locator('[data-field="share"][data-child="TR-B"]').innerText()).toBe('£7.35');
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, 'transport-journey-completed');
});

test('a late cancellation without its time shows the server’s error on the cell and saves nothing', async () => {
  const journeys = await journeysOf(generated.id);
  const second = journeys[1];
  const operations = recordGraphQL(page);
  await page.locator('[data-testid="route-journeys-grid"]').scrollIntoViewIfNeeded();
  await cell(page, second.id, 'status').click();
  await pasteText(page, 'CANCELLED_LATE');
  const refused = page.locator(`.pw-cell[data-row-id="${second.id}"][data-field="status"][data-state="error"]`);
  await refused.waitFor();
  expect(operations.filter((o) => MUTATION.test(o.field)).map((o) => o.field)).toEqual(['updateTransportJourney']);
  const problem = page.locator('[data-testid="grid-problem"]');
  await problem.waitFor();
  expect(await problem.locator('[data-testid="problem-message"]').innerText()).toContain('is required when the journey is CANCELLED_LATE');
  // A journey has no name: the panel names it by its date and leg, not its id.
  expect(await problem.locator('.MuiAlertTitle-root').innerText()).toBe('20/04/2026 · Return · What happened');
  expect(await refused.getAttribute('title')).toContain('is required when the journey is CANCELLED_LATE');
  await screenshot(page, 'transport-cancellation-refused');
  expect(await journeysOf(generated.id)).toEqual(journeys);
  expect(pageErrors).toEqual([]);
});

test('a late cancellation pasted with its time (UK time, DD/MM/YYYY HH:MM) is saved and costs half: £2.78', async () => {
  const journeys = await journeysOf(generated.id);
  const third = journeys[2]; // Tuesday 21 April, outbound: pick-up 08:15 BST, 07:15 UTC
  expect([third.date, third.leg]).toEqual(['2026-04-21', 'OUTBOUND']);
  const operations = recordGraphQL(page);
  await page.locator('[data-testid="route-journeys-grid"]').scrollIntoViewIfNeeded();
  await cell(page, third.id, 'status').click();
  // What happened, escort, waiting, miles and cancelled at, side by side as copied from a sheet.
  await pasteText(page, 'CANCELLED_LATE\tNo\t0\t12.35\t20/04/2026 20:00\r\n');
  const preview = page.locator('[data-testid="paste-preview"]');
  await preview.waitFor();
  await preview.locator('[data-testid="paste-save"]').click();
  await preview.waitFor({ state: 'detached' });
  await settled(page);
  const writes = operations.filter((o) => MUTATION.test(o.field));
  expect(writes.map((o) => o.field)).toEqual(['updateTransportJourneyRows']);
  expect(writes[0].variables.rows[0].input).toMatchObject({ status: 'CANCELLED_LATE', cancelledAt: '2026-04-20T19:00:00.000Z' });
  // Cancelled 12¼ hours before, inside the 24 hours' notice: 50% × 555.75p = 277.875p → £2.78.
  const after = (await journeysOf(generated.id)).find((j) => j.id === third.id)!;
  expect(after).toMatchObject({ status: 'CANCELLED_LATE', cancelledAt: '2026-04-20T19:00:00.000Z', cost: '2.78', version: third.version + 1 });
  expect(await cellText(page, third.id, 'cancelledAt')).toBe('20/04/2026 20:00');
  expect(await cellText(page, third.id, 'cost')).toBe('£2.78');
  await screenshot(page, 'transport-cancellation-with-time');
});

test('the transport contract’s page lists its price schedule', async () => {
  await page.goto(`/contracts/${contract.id}/show`);
  const row = page.locator('[data-testid="priceSchedules-row"]');
  await row.first().waitFor();
  expect(await row.count()).toBe(1);
  expect(await row.locator('[data-field="vehicleType"]').innerText()).toBe('Car');
  expect(await row.locator('[data-field="rate"]').innerText()).toBe('£0.45');
  expect(await row.locator('[data-field="escortRate"]').innerText()).toBe('£12.00');
  expect(await row.locator('[data-field="waitingRatePerHour"]').innerText()).toBe('£18.00');
  expect(await row.locator('[data-field="freeWaitingMinutes"]').innerText()).toBe('10');
  expect(await row.locator('[data-field="cancellation"]').innerText()).toBe('free until 24 h before; late 50%; no-show 100%');
  expect(await row.locator('[data-field="effectiveFrom"]').innerText()).toBe('01/04/2026');
  expect(await row.locator('[data-field="effectiveTo"]').innerText()).toBe('31/03/2027');
  expect(await page.locator('[data-testid="embedded-contactRates"]').count()).toBe(0);
  await screenshot(page, 'transport-contract-schedules');
  expect(pageErrors).toEqual([]);
});
