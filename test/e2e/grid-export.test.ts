import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { addDays, todayIso } from '../../server/src/common/dates';
import { formatPence, parsePence } from '../../server/src/common/money';
import { createProvider } from '../support/fixtures';
import { ADMIN, startTestApi, type TestApi } from '../support/test-api';
import { cellText, launchBrowser, newContext, screenshot, settled, signIn, typeIntoCell } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(240_000);

declare const localStorage: any;

/** The columns the officer keeps visible, in their order; every other field of Contract is hidden. */
const VISIBLE = ['reference', 'kind', 'providerId', 'startDate', 'endDate', 'weeklyFee', 'ceilingValue', 'noticePeriodDays', 'updatedAt'];
const HEADERS = ['Reference', 'Kind', 'Provider', 'Start', 'End', 'Weekly fee', 'Ceiling value', 'Notice (days)', 'Last changed'];
const MATCHING = 505;

let t: TestApi;
let browser: Browser;
let page: Page;

/** Pence as the grid shows money: 123456n → "£1,234.56". */
function pounds(pence: bigint): string {
  const whole = (pence / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `£${whole}.${(pence % 100n).toString().padStart(2, '0')}`;
}

const dateOf = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
/** An instant as the UK wall-clock time, the way a spreadsheet without time zones shows it. */
function wallClock(iso: string): number {
  const p = Object.fromEntries(london.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
}

beforeAll(async () => {
  t = await startTestApi();
  const harbour = await createProvider(t, { legalName: 'Harbour Homes Ltd', serviceCategories: ['RESIDENTIAL'] });
  const create = (i: Record<string, unknown>) => t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id } }', { i: { providerId: harbour.id, title: 'Spot purchase', ...i } });
  for (let n = 1; n <= MATCHING; n++) {
    await create({
      kind: 'SPOT',
      reference: `EXP-${String(n).padStart(3, '0')}`,
      startDate: `2025-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
      endDate: n % 4 === 0 ? null : '2027-03-31',
      weeklyFee: `${1000 + n}.${String(n % 100).padStart(2, '0')}`,
      ceilingValue: n % 3 === 0 ? null : `${250000 + n * 7}.05`,
      noticePeriodDays: n % 5 === 0 ? 90 : 28,
    });
  }
  for (const reference of ['OTHER-1', 'OTHER-2']) await create({ kind: 'SPOT', reference, startDate: '2025-04-01', weeklyFee: '999.99' });

  browser = await launchBrowser();
  page = await (await newContext(browser, t.api.url)).newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  const me = await t.ok<{ me: { id: string } }>('{ me { id } }');
  const contract = buildSchema(readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8')).getType('Contract') as GraphQLObjectType;
  const hidden = Object.keys(contract.getFields()).filter((f) => !VISIBLE.includes(f));
  await page.evaluate(([key, prefs]) => localStorage.setItem(key, prefs), [`placewise.grid.${me.me.id}.contracts`, JSON.stringify({ order: VISIBLE, hidden })]);
  await page.goto(`/contracts?filter=${encodeURIComponent(JSON.stringify({ q: 'EXP-' }))}&sort=reference&order=DESC`);
  await page.waitForSelector('[data-testid="spreadsheet-grid"][data-resource="contracts"] .rdg-row');
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

test('exports the current view to XLSX: its filter and order, every page, the visible columns, money as £ numbers and dates as dates', async () => {
  expect(await page.locator('[data-testid="grid-count"]').innerText()).toBe(`250 of ${MATCHING} rows loaded`);
  const download = page.waitForEvent('download');
  await page.click('[data-testid="export-xlsx"]');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^contracts-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const filePath = (await file.path())!;
  await screenshot(page, 'grid-export-xlsx');

  // Read back with the library the admin imports XLSX with.
  const [header, ...rows] = await readSheet(filePath);
  expect(header).toEqual(HEADERS);

  // The same view from the API: same filter, same order, every page.
  const expected: unknown[][] = [];
  let after: string | null = null;
  do {
    const data: any = await t.ok(
      `query($after: String) { contracts(filter: { search: "EXP-" }, orderBy: [{ field: reference, direction: DESC }], first: 200, after: $after) {
        nodes { reference kind provider { legalName } startDate endDate weeklyFee ceilingValue noticePeriodDays updatedAt } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    for (const c of data.contracts.nodes) {
      expected.push([
        c.reference,
        c.kind,
        c.provider.legalName,
        dateOf(c.startDate),
        dateOf(c.endDate),
        c.weeklyFee === null ? null : Number(c.weeklyFee),
        c.ceilingValue === null ? null : Number(c.ceilingValue),
        c.noticePeriodDays,
        wallClock(c.updatedAt),
      ]);
    }
    after = data.contracts.pageInfo.hasNextPage ? data.contracts.pageInfo.endCursor : null;
  } while (after);
  expect(expected).toHaveLength(MATCHING);
  expect(rows).toHaveLength(MATCHING);
  // A spreadsheet keeps a time to the millisecond only approximately: compare "Last changed" to the second.
  const comparable = rows.map((r) => [...r.slice(0, 8), Math.round((r[8] as unknown as Date).getTime() / 1000) * 1000]);
  expect(comparable).toEqual(expected.map((r) => [...r.slice(0, 8), Math.round((r[8] as number) / 1000) * 1000]));
  // Spot checks with exact figures: the first row is the last reference; pence survive as numbers.
  expect(rows[0].slice(0, 8)).toEqual(['EXP-505', 'SPOT', 'Harbour Homes Ltd', new Date('2025-02-02T00:00:00Z'), new Date('2027-03-31T00:00:00Z'), 1505.05, 253535.05, 90]);
  expect(rows[MATCHING - 4].slice(0, 8)).toEqual(['EXP-004', 'SPOT', 'Harbour Homes Ltd', new Date('2025-05-05T00:00:00Z'), null, 1004.04, 250028.05, 28]);

  // The cells carry their formats: £ with pence for money, British dates, the heading frozen.
  const zip = unzipSync(readFileSync(filePath));
  const styles = strFromU8(zip['xl/styles.xml']);
  expect(styles).toContain('formatCode="&quot;£&quot;#,##0.00;-&quot;£&quot;#,##0.00"');
  expect(styles).toContain('formatCode="dd/mm/yyyy"');
  expect(strFromU8(zip['xl/worksheets/sheet1.xml'])).toMatch(/<pane [^>]*ySplit="1"/);
});

test('the totals row shows the server’s sums over the whole filtered list (not the loaded rows) and follows an edit', async () => {
  // The fixture's sums, worked out here in pence.
  let weekly = 0n;
  let ceiling = 0n;
  for (let n = 1; n <= MATCHING; n++) {
    weekly += BigInt(1000 + n) * 100n + BigInt(n % 100);
    if (n % 3 !== 0) ceiling += BigInt(250000 + n * 7) * 100n + 5n;
  }
  const api = await t.ok<{ contracts: { totals: Array<{ field: string; sum: string }> } }>('{ contracts(filter: { search: "EXP-" }, first: 0) { totals { field sum } } }');
  expect(api.contracts.totals).toEqual([
    { field: 'weeklyFee', sum: '633012.65' },
    { field: 'ceilingValue', sum: '84846255.85' },
    // Spot contracts have no card rate.
    { field: 'cardWeeklyFee', sum: '0.00' },
  ]);
  expect([pounds(weekly), pounds(ceiling)]).toEqual(['£633,012.65', '£84,846,255.85']);

  await page.waitForSelector('[data-testid="total-weeklyFee"]');
  expect(await page.locator('[data-testid="total-weeklyFee"]').innerText()).toBe('£633,012.65');
  expect(await page.locator('[data-testid="total-ceilingValue"]').innerText()).toBe('£84,846,255.85');
  // Only 250 of the 505 rows are loaded: the sum is not the browser's.
  expect(await page.locator('[data-testid="grid-count"]').innerText()).toBe(`250 of ${MATCHING} rows loaded`);
  await screenshot(page, 'grid-totals');

  // An edit changes the total: read again from the server.
  const { contracts } = await t.ok<{ contracts: { nodes: Array<{ id: string }> } }>('{ contracts(filter: { reference: { eq: "EXP-505" } }) { nodes { id } } }');
  await typeIntoCell(page, contracts.nodes[0].id, 'weeklyFee', '1600');
  await settled(page);
  expect(await cellText(page, contracts.nodes[0].id, 'weeklyFee')).toBe('£1,600.00');
  await page.waitForFunction(() => (globalThis as any).document.querySelector('[data-testid="total-weeklyFee"]')?.textContent === '£633,107.60');
  const after = await t.ok<{ contracts: { totals: Array<{ field: string; sum: string }> } }>('{ contracts(filter: { search: "EXP-" }, first: 0) { totals { field sum } } }');
  expect(after.contracts.totals[0]).toEqual({ field: 'weeklyFee', sum: '633107.60' });
});

test('the placements grid totals its computed costs from the API, and a new planned end moves the committed total', async () => {
  const today = todayIso();
  const d = (days: number) => addDays(today, days);
  const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const cove = await createProvider(t, { legalName: 'Cove Care Ltd', serviceCategories: ['RESIDENTIAL'] });
  const other = await createProvider(t, { legalName: 'Other Care Ltd', serviceCategories: ['RESIDENTIAL'] });
  let children = 0;
  const place = async (providerId: string, input: Record<string, unknown>) => {
    const child = await t.ok<{ createChild: { id: string } }>('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', {
      i: { caseReference: `GT-${++children}`, initials: 'GT', dateOfBirth: '2012-05-01', gender: 'MALE', legalStatus: 'C2' },
    });
    const created = await t.ok<{ createPlacement: { id: string } }>('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id } }', {
      i: { childId: child.createChild.id, providerId, placementType: 'K2', providerCode: 'PR4', reference: `GT-${children}`, ...input },
    });
    return created.createPlacement.id;
  };
  // A fee change mid-period, a weekly service and a one-off; a placement ended a month ago; one planned to end in 20 days.
  const changing = await place(cove.id, { startDate: d(-120), weeklyFee: '1850.35' });
  await t.ok('mutation($id: ID!, $d: Date!) { changePlacementFee(id: $id, version: 1, input: { weeklyFee: "1999.99", effectiveFrom: $d }) { id } }', { id: changing, d: d(-45) });
  await t.ok('mutation($id: ID!, $d: Date!) { addAdditionalService(placementId: $id, version: 2, input: { description: "1:1 support", charge: WEEKLY, amount: "333.33", startDate: $d }) { id } }', { id: changing, d: d(-20) });
  await t.ok('mutation($id: ID!, $d: Date!) { addAdditionalService(placementId: $id, version: 3, input: { description: "Repairs", charge: ONE_OFF, amount: "87.65", startDate: $d }) { id } }', { id: changing, d: d(-3) });
  const ended = await place(cove.id, { startDate: d(-300), weeklyFee: '3210.98' });
  await t.ok('mutation($id: ID!, $d: Date!) { endPlacement(id: $id, version: 1, endDate: $d, endReason: E4A) { id } }', { id: ended, d: d(-30) });
  const planned = await place(cove.id, { startDate: d(-10), weeklyFee: '4200.00', plannedEndDate: d(20) });
  await place(other.id, { startDate: d(-60), weeklyFee: '999.99' });

  type Totals = { placements: { totals: Array<{ field: string; sum: string }>; nodes: Array<Record<string, string | null>> } };
  const fromApi = () =>
    t.ok<Totals>('query($p: ID!) { placements(filter: { providerId: { eq: $p } }, first: 50) { nodes { costToDate committedCost currentWeeklyCost } totals { field sum } } }', { p: cove.id });
  const shown = (field: string) => page.locator(`[data-testid="total-${field}"]`).innerText();
  const pence = (money: string | null) => (money === null ? 0n : parsePence(money)!);

  const before = await fromApi();
  const fields = ['costToDate', 'committedCost', 'currentWeeklyCost'];
  // the API's totals are the sums of its rows, and not zero
  expect(before.placements.totals).toEqual(fields.map((field) => ({ field, sum: formatPence(before.placements.nodes.reduce((s, n) => s + pence(n[field]), 0n)) })));
  expect(before.placements.totals.every((x) => pence(x.sum) > 0n)).toBe(true);

  const me = await t.ok<{ me: { id: string } }>('{ me { id } }');
  const visible = ['reference', 'startDate', 'plannedEndDate', 'endDate', 'currentWeeklyCost', 'costToDate', 'committedCost'];
  const type = buildSchema(readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8')).getType('Placement') as GraphQLObjectType;
  const hidden = Object.keys(type.getFields()).filter((f) => !visible.includes(f));
  await page.evaluate(([key, prefs]) => localStorage.setItem(key, prefs), [`placewise.grid.${me.me.id}.placements`, JSON.stringify({ order: visible, hidden })]);
  await page.goto(`/placements?filter=${encodeURIComponent(JSON.stringify({ providerId: cove.id }))}&sort=startDate&order=ASC`);
  await page.waitForSelector('[data-testid="spreadsheet-grid"][data-resource="placements"] .rdg-row');
  await page.waitForSelector('[data-testid="total-committedCost"]');
  expect(await page.locator('[data-testid="grid-count"]').innerText()).toBe('3 of 3 rows loaded');
  for (const { field, sum } of before.placements.totals) expect(await shown(field)).toBe(pounds(pence(sum)));
  await screenshot(page, 'grid-totals-placements');

  // Ten more days planned: ten more nights at £4,200.00 a week committed (£6,000.00), read again from the server.
  await typeIntoCell(page, planned, 'plannedEndDate', ukDate(d(30)));
  await settled(page);
  expect(await cellText(page, planned, 'plannedEndDate')).toBe(ukDate(d(30)));
  const after = await fromApi();
  const committed = (x: Totals) => pence(x.placements.totals.find((s) => s.field === 'committedCost')!.sum);
  expect(committed(after) - committed(before)).toBe(600000n);
  await page.waitForFunction((text) => (globalThis as any).document.querySelector('[data-testid="total-committedCost"]')?.textContent === text, pounds(committed(after)));
  for (const { field, sum } of after.placements.totals) expect(await shown(field)).toBe(pounds(pence(sum)));
});
