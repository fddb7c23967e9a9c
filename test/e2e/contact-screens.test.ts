import type { Browser, Page } from 'playwright-core';
import type { Row } from '../support/fixtures';
import { createChild, providerWithContract } from '../support/services';
import { startTestApi, type TestApi } from '../support/test-api';
import { cell, cellText, dialogOpened, openAdmin, pasteText, recordGraphQL, screenshot, settled } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

const SESSION = 'id version date startTime plannedHours actualHours status cancelledAt chargeable cost';
const MUTATION = /^(create|update|add|generate)[A-Z]/;

/** The financial year the child's page shows (1 April to 31 March, by the UTC date as the admin takes it). */
const today = new Date().toISOString().slice(0, 10);
const fyStart = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);
const FROM = `${fyStart}-04-01`;
const TO = `${fyStart + 1}-04-01`;
/** An ISO day `n` days after `iso`. */
const plus = (iso: string, n: number) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};
const british = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
// Three weekly sessions from the second week of the year.
const FIRST = plus(FROM, 7);
const DATES = [FIRST, plus(FIRST, 7), plus(FIRST, 14)];

let t: TestApi;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let contract: Row;
let child: Row;
let arrangement: Row;

const sessionsOf = async (id: string) =>
  (await t.ok(`query($a: ID!) { contactSessions(filter: { arrangementId: { eq: $a } }, orderBy: [{ field: date }]) { nodes { ${SESSION} } } }`, { a: id })).contactSessions.nodes as Row[];

beforeAll(async () => {
  t = await startTestApi();
  ({ contract } = await providerWithContract(t, 'SUPERVISED_CONTACT', FROM, `${fyStart + 1}-03-31`));
  child = await createChild(t, 'CT-1');
  // £32.75 an hour supervised, £15.00 for the venue: a planned 2-hour session is £80.50.
  await t.ok('mutation($i: ContactRateInput!) { createContactRate(input: $i) { id } }', {
    i: { contractId: contract.id, supervisionLevel: 'SUPERVISED', hourlyRate: '32.75', venueCharge: '15.00', cancellation: { freeHours: 48, latePercent: 50 }, effectiveFrom: FROM },
  });
  arrangement = (
    await t.ok('mutation($i: ContactArrangementInput!) { createContactArrangement(input: $i) { id version reference } }', {
      i: {
        reference: 'CA-1', childId: child.id, contactWith: ['MOTHER', 'SIBLING'], frequency: 'WEEKLY', supervisionLevel: 'SUPERVISED',
        venue: 'Hightown Family Centre', sessionHours: '2.00', startDate: FROM, contractId: contract.id,
      },
    })
  ).createContactArrangement;

  ({ browser, page } = await openAdmin(t.api.url, pageErrors));
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const text = (selector: string) => page.locator(selector).first().innerText();

test('the arrangements list shows the arrangement with its child, roles and supervision', async () => {
  await page.goto('/contactArrangements');
  await page.waitForSelector('[data-testid="spreadsheet-grid"][data-resource="contactArrangements"] .rdg-row');
  expect(await text('[data-testid="grid-count"]')).toBe('1 of 1 rows loaded');
  expect(await cellText(page, arrangement.id, 'reference')).toBe('CA-1');
  expect(await cellText(page, arrangement.id, 'childId')).toBe('CT-1');
  expect(await cellText(page, arrangement.id, 'frequency')).toBe('Weekly');
  await screenshot(page, 'contact-arrangements-grid');
});

test('"Add sessions" adds three weekly sessions in one addContactSessions, each £80.50 while planned', async () => {
  await page.goto(`/contactArrangements/${arrangement.id}/show`);
  await page.waitForSelector('[data-testid="show-reference"]');
  expect(await text('[data-testid="show-contactWith"]')).toBe('Mother, Sibling');
  expect(await text('[data-testid="show-startDate"]')).toBe(british(FROM));
  const operations = recordGraphQL(page);
  await page.click('[data-testid="add-sessions"]');
  await dialogOpened(page);
  // The first date starts at the arrangement's start and the interval at its frequency's (weekly: 7 days).
  expect(await page.locator('[data-testid="action-field-date"]').inputValue()).toBe(british(FROM));
  expect(await page.locator('[data-testid="action-field-every"]').inputValue()).toBe('7');
  expect(await page.locator('[data-testid="action-field-plannedHours"]').inputValue()).toBe('2.00');
  await page.fill('[data-testid="action-field-date"]', british(FIRST));
  await page.fill('[data-testid="action-field-count"]', '3');
  await page.fill('[data-testid="action-field-startTime"]', '14:00');
  await screenshot(page, 'contact-add-sessions');
  await page.click('[data-testid="add-sessions-confirm"]');
  await page.waitForSelector('[data-testid="arrangement-sessions-grid"] [data-testid="grid-count"]:has-text("3 of 3")');
  const writes = operations.filter((o) => MUTATION.test(o.field));
  expect(writes.map((o) => o.field)).toEqual(['addContactSessions']);
  expect(writes[0].variables).toEqual({
    arrangementId: arrangement.id,
    version: arrangement.version,
    sessions: DATES.map((date) => ({ date, startTime: '14:00', plannedHours: '2.00' })),
  });
  const sessions = await sessionsOf(arrangement.id);
  expect(sessions.map((s) => [s.date, s.startTime, s.status, s.chargeable, s.cost])).toEqual(DATES.map((d) => [d, '14:00', 'PLANNED', null, '80.50']));
  expect(await cellText(page, sessions[0].id, 'date')).toBe(british(DATES[0]));
  expect(await cellText(page, sessions[0].id, 'cost')).toBe('£80.50');
  await screenshot(page, 'contact-arrangement-page');
});

test('two sessions marked attended in one paste (1.75 and 2 hours) are saved in one updateContactSessionRows: £72.31 and £80.50', async () => {
  const [a, b, c] = await sessionsOf(arrangement.id);
  const operations = recordGraphQL(page);
  // Status and actual hours sit side by side: two rows copied from a spreadsheet.
  await cell(page, a.id, 'status').click();
  await pasteText(page, 'ATTENDED\t1.75\r\nAttended\t2\r\n');
  const preview = page.locator('[data-testid="paste-preview"]');
  await preview.waitFor();
  expect(await preview.locator('#pw-paste-title').innerText()).toBe('Paste 2 rows × 2 columns');
  await dialogOpened(page);
  await screenshot(page, 'contact-sessions-paste');
  await preview.locator('[data-testid="paste-save"]').click();
  await preview.waitFor({ state: 'detached' });
  await settled(page);
  const writes = operations.filter((o) => MUTATION.test(o.field));
  expect(writes.map((o) => o.field)).toEqual(['updateContactSessionRows']);
  expect(writes[0].variables.rows).toEqual([
    { id: a.id, version: a.version, input: { status: 'ATTENDED', actualHours: '1.75' } },
    { id: b.id, version: b.version, input: { status: 'ATTENDED', actualHours: '2' } },
  ]);
  // 1.75 × £32.75 + £15.00 = £72.3125 → £72.31; 2 × £32.75 + £15.00 = £80.50.
  const after = await sessionsOf(arrangement.id);
  expect(after.map((s) => [s.status, s.actualHours, s.chargeable, s.cost, s.version])).toEqual([
    ['ATTENDED', '1.75', true, '72.31', a.version + 1],
    ['ATTENDED', '2.00', true, '80.50', b.version + 1],
    ['PLANNED', null, null, '80.50', c.version],
  ]);
  expect(await cellText(page, a.id, 'status')).toBe('Attended');
  expect(await cellText(page, a.id, 'chargeable')).toBe('Yes');
  expect(await cellText(page, a.id, 'cost')).toBe('£72.31');
  expect(await cellText(page, b.id, 'cost')).toBe('£80.50');
  await screenshot(page, 'contact-sessions-attended');
});

test('the contract’s page lists its contact rate', async () => {
  await page.goto(`/contracts/${contract.id}/show`);
  const row = page.locator('[data-testid="contactRates-row"]');
  await row.first().waitFor();
  expect(await row.count()).toBe(1);
  expect(await row.locator('[data-field="hourlyRate"]').innerText()).toBe('£32.75');
  expect(await row.locator('[data-field="venueCharge"]').innerText()).toBe('£15.00');
  expect(await row.locator('[data-field="effectiveFrom"]').innerText()).toBe(british(FROM));
  expect(await row.locator('[data-field="cancellation"]').innerText()).toBe('free until 48 h before; late 50%; no-show 100%');
  expect(await page.locator('[data-testid="embedded-priceSchedules"]').count()).toBe(0);
  await screenshot(page, 'contact-contract-rates');
});

test('the child’s page shows this financial year’s care cost: the sessions, £233.31, as careCosts gives it', async () => {
  const { careCosts } = await t.ok('query($c: ID!, $f: Date!, $t: Date!) { careCosts(childId: $c, from: $f, to: $t) { placements transport contact total lines { source reference amount } } }', {
    c: child.id,
    f: FROM,
    t: TO,
  });
  // £72.31 + £80.50 + £80.50 (the third still planned, at its planned cost)
  expect(careCosts).toEqual({ placements: '0.00', transport: '0.00', contact: '233.31', total: '233.31', lines: [{ source: 'CONTACT', reference: 'CA-1', amount: '233.31' }] });
  await page.goto(`/children/${child.id}/show`);
  await page.waitForSelector('[data-testid="care-cost-line"]');
  expect(await text('[data-testid="care-costs"] h6')).toBe(`Care cost, ${fyStart}-${String((fyStart + 1) % 100).padStart(2, '0')}`);
  expect(await text('[data-testid="care-cost-placements"]')).toBe('£0.00');
  expect(await text('[data-testid="care-cost-transport"]')).toBe('£0.00');
  expect(await text('[data-testid="care-cost-contact"]')).toBe('£233.31');
  expect(await text('[data-testid="care-cost-total"]')).toBe('£233.31');
  const line = page.locator('[data-testid="care-cost-line"]');
  expect(await line.count()).toBe(1);
  expect(await line.locator('[data-field="source"]').innerText()).toBe('Contact');
  expect(await line.locator('[data-field="reference"]').innerText()).toBe('CA-1');
  expect(await line.locator('[data-field="amount"]').innerText()).toBe('£233.31');
  await screenshot(page, 'child-care-costs');
  expect(pageErrors).toEqual([]);
});
