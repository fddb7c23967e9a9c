import type { Browser, Page } from 'playwright-core';
import { todayIso } from '../../server/src/common/dates';
import { formatFinancialYear } from '../../server/src/common/financial-year';
import { commissioningFixture } from '../support/commissioning';
import { createSetting } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';
import { money, openAdmin, screenshot } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

let t: TestApi;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const ids: Record<string, string> = {};


const today = todayIso();
const year = formatFinancialYear(Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0));

beforeAll(async () => {
  t = await startTestApi();
  const { provider, agreement } = await commissioningFixture(t, { reference: 'IFA-PP' });
  ids.provider = provider.id;
  ids.agreement = agreement.id;
  await t.ok('mutation($id: ID!, $v: Int!, $i: ProviderUpdateInput!) { updateProvider(id: $id, version: $v, input: $i) { id } }', {
    id: provider.id,
    v: provider.version,
    i: { tradingName: 'Harbour Fostering', contacts: [{ name: 'Referrals team', email: 'referrals@harbour.example', phone: '01202 123456' }] },
  });
  const office = await createSetting(t, { providerId: provider.id, name: 'Harbour Bournemouth office', kind: 'FOSTERING_AGENCY_OFFICE', ofstedRating: 'GOOD', inspectionDate: '2025-06-30', latitude: 50.72, longitude: -1.88 });
  await createSetting(t, { providerId: provider.id, name: 'Harbour Luton office', kind: 'FOSTERING_AGENCY_OFFICE', ofstedRating: 'REQUIRES_IMPROVEMENT', inspectionDate: '2024-11-12' });
  ids.office = office.id;
  const { createContract: contract } = await t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id } }', {
    i: {
      providerId: provider.id,
      agreementId: agreement.id,
      kind: 'CALL_OFF',
      reference: 'CO-PP-0001',
      title: 'Foster placement for PP1',
      startDate: '2025-04-07',
      endDate: '2029-03-31',
      weeklyFee: '850.00',
      placementType: 'U4',
      needLevel: 'STANDARD',
      childAgeAtStart: 9,
    },
  });
  ids.contract = contract.id;
  const child = async (ref: string, located: boolean) =>
    (
      await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', {
        i: { caseReference: ref, initials: 'PP', dateOfBirth: '2016-01-01', gender: 'FEMALE', ...(located ? { homeLatitude: 50.72, homeLongitude: -1.88 } : {}) },
      })
    ).createChild.id;
  const live = await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id } }', {
    i: { childId: await child('PP1', true), providerId: provider.id, settingId: office.id, contractId: contract.id, reference: 'PL-PP-1', placementType: 'U4', providerCode: 'PR4', startDate: '2025-04-07', weeklyFee: '850.00' },
  });
  ids.live = live.createPlacement.id;
  const noHome = await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id } }', {
    i: { childId: await child('PP2', false), providerId: provider.id, settingId: office.id, reference: 'PL-PP-2', placementType: 'U4', providerCode: 'PR4', startDate: '2025-02-03', weeklyFee: '900.00' },
  });
  ids.noHome = noHome.createPlacement.id;
  const ended = await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id version } }', {
    i: { childId: await child('PP3', true), providerId: provider.id, reference: 'PL-PP-3', placementType: 'U4', providerCode: 'PR4', startDate: '2024-05-01', weeklyFee: '800.00' },
  });
  await t.ok('mutation($id: ID!, $v: Int!) { endPlacement(id: $id, version: $v, endDate: "2024-12-01", endReason: E4A) { id } }', { id: ended.createPlacement.id, v: ended.createPlacement.version });

  ({ browser, page } = await openAdmin(t.api.url, pageErrors));
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const tab = (name: string) => page.getByRole('tab', { name });
const rows = (testId: string) => page.locator(`[data-testid="${testId}-row"]`);
const column = (testId: string, field: string) => page.locator(`[data-testid="${testId}-row"] [data-field="${field}"]`).allInnerTexts();

test('the provider page shows its details, contacts and spend this year as providerSpend gives it', async () => {
  await page.goto(`/providers/${ids.provider}/show`);
  await page.waitForSelector('[data-testid="provider-spend"] [data-testid="spend-forecast"]');
  expect(await page.locator('[data-testid="show-tradingName"]').innerText()).toBe('Harbour Fostering');
  expect(await page.locator('[data-testid="contacts-row"] [data-field="phone"]').innerText()).toBe('01202 123456');
  const { providerSpend: s } = await t.ok(
    'query($p: ID!, $y: String!) { providerSpend(providerId: $p, financialYear: $y) { financialYear livePlacements costToDate committed forecast invoiced approved paid disputed } }',
    { p: ids.provider, y: year },
  );
  expect(s.livePlacements).toBe(2);
  expect(s.forecast).not.toBe('0.00');
  for (const key of ['costToDate', 'committed', 'forecast', 'invoiced', 'approved', 'paid', 'disputed']) {
    expect(await page.locator(`[data-testid="spend-${key}"]`).innerText()).toBe(money(s[key]));
  }
  expect(await page.locator('[data-testid="provider-spend"] h6, [data-testid="provider-spend"] .MuiTypography-subtitle1').first().innerText()).toBe(`Spend ${year}: 2 live placements, 0 invoices`);
  await screenshot(page, 'provider-page');
});

test('its tabs list the settings with their Ofsted judgements, its agreements and contracts, and its live placements', async () => {
  await tab('Settings and Ofsted').click();
  await rows('provider-settings').first().waitFor();
  expect(await column('provider-settings', 'name')).toEqual(['Harbour Bournemouth office', 'Harbour Luton office']);
  expect(await column('provider-settings', 'ofstedRating')).toEqual(['Good', 'Requires improvement']);
  expect(await column('provider-settings', 'inspectionDate')).toEqual(['30/06/2025', '12/11/2024']);
  await screenshot(page, 'provider-settings');

  await tab('Agreements and contracts').click();
  await rows('provider-contracts').first().waitFor();
  expect(await column('provider-agreements', 'reference')).toEqual(['IFA-PP']);
  expect(await column('provider-agreements', 'status')).toEqual(['Active']);
  expect(await column('provider-contracts', 'reference')).toEqual(['CO-PP-0001']);
  expect(await column('provider-contracts', 'weeklyFee')).toEqual(['£850.00']);

  await tab('Live placements').click();
  await rows('provider-placements').first().waitFor();
  // The placement that ended in 2024 is not live; the child with no home location has a distance "Not known".
  expect(await column('provider-placements', 'reference')).toEqual(['PL-PP-1', 'PL-PP-2']);
  expect(await column('provider-placements', 'distanceMiles')).toEqual(['0 mi', 'Not known']);
  expect(await column('provider-placements', 'currentWeeklyCost')).toEqual(['£850.00', '£900.00']);
  expect(await column('provider-placements', 'settingId')).toEqual(['Harbour Bournemouth office', 'Harbour Bournemouth office']);
  await screenshot(page, 'provider-placements');
  // A live placement opens its own page, where an unknown distance reads "Not known" too.
  await rows('provider-placements').nth(1).locator('a').click();
  await page.waitForURL(new RegExp(`/placements/${ids.noHome}/show$`));
  await page.waitForSelector('[data-testid="show-distanceMiles"]');
  expect(await page.locator('[data-testid="show-distanceMiles"]').innerText()).toBe('Not known');
  expect(await page.locator('[data-testid="show-within20Miles"]').innerText()).toBe('Not known');
});

test('every record page has a History tab from the audit trail', async () => {
  await page.goto(`/providers/${ids.provider}/show/history`);
  await page.waitForSelector('[data-testid="audit-row"]');
  const { auditEvents } = await t.ok(
    'query($id: ID!) { auditEvents(filter: { entityType: { eq: "Provider" }, entityId: { eq: $id } }, orderBy: [{ field: occurredAt, direction: DESC }]) { totalCount nodes { action actorEmail } } }',
    { id: ids.provider },
  );
  expect(auditEvents.totalCount).toBe(2);
  expect(await page.locator('[data-testid="audit-row"] [data-field="action"]').allInnerTexts()).toEqual(auditEvents.nodes.map((n: { action: string }) => n.action.charAt(0) + n.action.slice(1).toLowerCase()));
  expect(await page.locator('[data-testid="audit-row"]').first().locator('[data-change="tradingName"]').innerText()).toBe('Trading name: (empty) → Harbour Fostering');
  // A list of contacts reads as text, not JSON.
  expect(await page.locator('[data-testid="audit-row"]').first().locator('[data-change="contacts"]').innerText()).toBe(
    'Contacts: (empty) → Referrals team, referrals@harbour.example, 01202 123456',
  );
  await screenshot(page, 'provider-history');

  for (const [resource, id] of [
    ['agreements', ids.agreement],
    ['contracts', ids.contract],
    ['placements', ids.live],
  ]) {
    await page.goto(`/${resource}/${id}/show`);
    await tab('History').click();
    await page.waitForSelector('[data-testid="audit-row"]');
    expect(await page.locator('[data-testid="audit-row"] [data-field="action"]').last().innerText()).toBe('Create');
  }
  // Linked records by name, not id: the placement's contract and child as the trail recorded them.
  const created = page.locator('[data-testid="audit-row"]').last();
  await created.locator('[data-change="contractId"]:has-text("Foster placement for PP1")').waitFor();
  expect(await created.locator('[data-change="contractId"]').innerText()).toBe('Contract: (empty) → Foster placement for PP1');
  expect(await created.locator('[data-change="providerId"]').innerText()).toBe('Provider: (empty) → Harbour Fostering IFA-PP');
  // The record's own id is the page it is on: not listed as a change.
  expect(await created.locator('[data-change="id"]').count()).toBe(0);
  expect(await created.locator('[data-change="childId"]').innerText()).toBe('Child: (empty) → PP1');
  await screenshot(page, 'placement-history');
  expect(pageErrors).toEqual([]);
});
