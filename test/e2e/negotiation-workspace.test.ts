import type { Browser, Page } from 'playwright-core';
import { commissioningFixture } from '../support/commissioning';
import { createProvider } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';
import { dialogOpened, openAdmin, screenshot } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

let t: TestApi;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let contractId = '';
let negotiationId = '';

beforeAll(async () => {
  t = await startTestApi();
  // A framework whose card rate for U4 standard, ages 0–10, is £850.00 a week.
  const { provider, agreement } = await commissioningFixture(t, { reference: 'IFA-WS' });
  const { createContract: contract } = await t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id cardWeeklyFee } }', {
    i: {
      providerId: provider.id,
      agreementId: agreement.id,
      kind: 'CALL_OFF',
      reference: 'CO-WS-0001',
      title: 'Foster placement for WS1',
      startDate: '2026-01-05',
      endDate: '2027-01-04',
      weeklyFee: '850.00',
      placementType: 'U4',
      needLevel: 'STANDARD',
      childAgeAtStart: 8,
    },
  });
  expect(contract.cardWeeklyFee).toBe('850.00');
  contractId = contract.id;
  // The market: three U4 placements with other providers running today at £780.00, £812.40 and £905.00; the median is £812.40.
  const others = await createProvider(t, { legalName: 'Other Fostering Ltd', providerCode: 'PR5' });
  let n = 0;
  for (const fee of ['780.00', '812.40', '905.00']) {
    const { createChild: child } = await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', {
      i: { caseReference: `WS-${++n}`, initials: 'WS', dateOfBirth: '2017-01-01', gender: 'MALE' },
    });
    await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id } }', {
      i: { childId: child.id, providerId: others.id, placementType: 'U4', providerCode: 'PR5', startDate: '2025-09-01', weeklyFee: fee },
    });
  }
  // The provider asked £880.00 a week on 2 January 2026.
  const { startNegotiation } = await t.ok('mutation($i: NegotiationStartInput!) { startNegotiation(input: $i) { id } }', {
    i: { contractId, firstOffer: { party: 'PROVIDER', amount: '880.00', offeredOn: '2026-01-02', note: 'Standard IFA ask' } },
  });
  negotiationId = startNegotiation.id;

  ({ browser, page } = await openAdmin(t.api.url, pageErrors));
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const text = (selector: string) => page.locator(selector).first().innerText();

async function openWorkspace(): Promise<void> {
  await page.goto(`/contracts/${contractId}/show/negotiation`);
  await page.waitForSelector('[data-testid="negotiation-workspace"] [data-testid="offer"]');
  await page.waitForSelector('[data-testid="market-detail"]');
}

test('the workspace shows the offers, the card rate and the market median beside them', async () => {
  await openWorkspace();
  expect(await text('[data-testid="card-rate"]')).toBe('£850.00');
  expect(await text('[data-testid="market-median"]')).toBe('£812.40');
  expect(await text('[data-testid="market-detail"]')).toMatch(/^of 3 U4 placements running on \d\d\/\d\d\/\d{4} \(from £780\.00 to £905\.00\)$/);
  expect(await page.locator('[data-testid="offer"] [data-field="summary"]').allInnerTexts()).toEqual(['1. Provider asked £880.00 on 02/01/2026']);
  expect(await page.locator('[data-testid="offer"] [data-field="note"]').allInnerTexts()).toEqual(['Standard IFA ask']);
  expect(await text('[data-testid="current-offer"]')).toBe('£880.00');
  expect(await text('[data-testid="saving-so-far"]')).toBe('£0.00');
  await screenshot(page, 'negotiation-workspace');
});

test('an offer dated before the last one is refused, with the server’s message under the date; corrected, it is recorded', async () => {
  await page.click('[data-testid="record-offer"]');
  await dialogOpened(page);
  // The council answers (the party follows the last offer's).
  expect(await page.locator('[data-testid="record-offer-dialog"] input[name="party"]').inputValue()).toBe('AUTHORITY');
  await page.fill('[data-testid="action-field-amount"]', 'eight hundred');
  await page.fill('[data-testid="action-field-offeredOn"]', '1/1/26');
  await page.click('[data-testid="record-offer-confirm"]');
  expect(await text('[data-testid="action-error-amount"]')).toBe('must be an amount of money, e.g. 1234.50');

  await page.fill('[data-testid="action-field-amount"]', '£815.5');
  await page.click('[data-testid="record-offer-confirm"]');
  await page.waitForSelector('[data-testid="action-error-offeredOn"]:has-text("must not be before")');
  expect(await text('[data-testid="action-error-offeredOn"]')).toBe('must not be before the previous offer (2026-01-02)');
  await screenshot(page, 'negotiation-offer-refused');
  expect((await t.ok('query($id: ID!) { negotiation(id: $id) { offers { sequence } } }', { id: negotiationId })).negotiation.offers).toHaveLength(1);

  await page.fill('[data-testid="action-field-offeredOn"]', '09/01/2026');
  await page.fill('[data-testid="action-field-note"]', 'Below the card rate');
  await page.click('[data-testid="record-offer-confirm"]');
  await page.waitForSelector('[data-testid="offer"][data-sequence="2"]');
  expect(await page.locator('[data-testid="offer"]').nth(1).locator('[data-field="summary"]').innerText()).toBe('2. We offered £815.50 on 09/01/2026');
  expect(await page.locator('[data-testid="offer"]').nth(1).locator('[data-field="note"]').innerText()).toBe('Below the card rate');
  // 880.00 − 815.50
  await page.waitForSelector('[data-testid="saving-so-far"]:has-text("£64.50")');
  expect(await text('[data-testid="current-offer"]')).toBe('£815.50');
});

test('agreeing writes the fee to the contract; the figures on screen are the API’s, to the penny', async () => {
  await page.click('[data-testid="agree"]');
  await dialogOpened(page);
  expect(await page.locator('[data-testid="action-field-amount"]').inputValue()).toBe('815.50');
  await page.fill('[data-testid="action-field-amount"]', '830');
  await page.fill('[data-testid="action-field-note"]', 'Met in the middle');
  await screenshot(page, 'negotiation-agree-dialog');
  await page.click('[data-testid="agree-confirm"]');
  await page.waitForSelector('[data-testid="negotiation"][data-status="AGREED"]');
  await page.waitForSelector('[data-testid="projected-saving"]');

  const { negotiation, contract } = await t.ok(
    `query($n: ID!, $c: ID!) {
      negotiation(id: $n) { status agreed firstAsk savingPerWeek savingVsCardRate projectedSaving weeks closingNote offers { sequence party amount offeredOn note } }
      contract(id: $c) { weeklyFee }
    }`,
    { n: negotiationId, c: contractId },
  );
  // 05/01/2026 to 04/01/2027 inclusive is 365 nights: (880.00 − 830.00) × 365 / 7 = 2607.142… → £2,607.14; against the card, 850.00 − 830.00 = 20.00.
  expect(negotiation).toEqual({
    status: 'AGREED',
    agreed: '830.00',
    firstAsk: '880.00',
    savingPerWeek: '50.00',
    savingVsCardRate: '20.00',
    projectedSaving: '2607.14',
    weeks: '52.14',
    closingNote: 'Met in the middle',
    offers: [
      { sequence: 1, party: 'PROVIDER', amount: '880.00', offeredOn: '2026-01-02', note: 'Standard IFA ask' },
      { sequence: 2, party: 'AUTHORITY', amount: '815.50', offeredOn: '2026-01-09', note: 'Below the card rate' },
    ],
  });
  expect(contract.weeklyFee).toBe('830.00');
  expect(await text('[data-testid="current-offer"]')).toBe('£830.00');
  expect(await text('[data-testid="saving-so-far"]')).toBe('£50.00');
  expect(await text('[data-testid="projected-saving"]')).toBe('£2,607.14');
  expect(await text('[data-testid="saving-vs-card"]')).toBe('£20.00');
  expect(await text('[data-testid="contract-fee"]')).toBe('£830.00');
  expect(await page.locator('[data-testid="record-offer"]').count()).toBe(0);
  expect(await page.locator('[data-testid="start-negotiation"]').count()).toBe(1);
  await screenshot(page, 'negotiation-agreed');
  expect(pageErrors).toEqual([]);
});

test('the contract’s History tab lists the fee the agreement wrote', async () => {
  await page.goto(`/contracts/${contractId}/show/history`);
  await page.waitForSelector('[data-testid="audit-row"]');
  const rows = await page.locator('[data-testid="audit-row"]').allInnerTexts();
  // Newest first: the agreed fee, then the creation.
  expect(rows).toHaveLength(2);
  expect(rows[0]).toContain('Update');
  expect(await page.locator('[data-testid="audit-row"]').first().locator('[data-change="weeklyFee"]').innerText()).toBe('Weekly fee: £850.00 → £830.00');
  expect(rows[1]).toContain('Create');
  await screenshot(page, 'contract-history');
});

test('a rate line of an agreement not yet in force is negotiated and agreed from the agreement’s page', async () => {
  const { agreement } = await commissioningFixture(t, { reference: 'IFA-RL', activate: false });
  const { agreement: read } = await t.ok('query($id: ID!) { agreement(id: $id) { rateLines { id placementType needLevel minAge weeklyFee } } }', { id: agreement.id });
  const line = read.rateLines.find((l: any) => l.needLevel === 'STANDARD' && l.minAge === 0);
  expect(line.weeklyFee).toBe('850.00');
  await page.goto(`/agreements/${agreement.id}/show/rates`);
  const card = page.locator(`[data-testid="rate-line"][data-id="${line.id}"]`);
  await card.waitFor();
  expect(await card.locator('[data-testid="rate-line-fee"]').innerText()).toBe('£850.00 a week from 01/04/2025');
  await card.locator('[data-testid="rate-line-market"]:has-text("£")').waitFor();
  // The market for U4 (the three placements of the first test): £812.40.
  expect(await card.locator('[data-testid="rate-line-market"]').innerText()).toBe('Market median: £812.40');

  await card.locator('[data-testid="start-rate-negotiation"]').click();
  await dialogOpened(page);
  await page.fill('[data-testid="start-rate-negotiation-dialog"] [data-testid="action-field-amount"]', '900');
  await page.fill('[data-testid="start-rate-negotiation-dialog"] [data-testid="action-field-offeredOn"]', '01/03/2025');
  await page.click('[data-testid="start-rate-negotiation-confirm"]');
  await card.locator('[data-testid="negotiation"][data-status="OPEN"]').waitFor();

  await card.locator('[data-testid="record-offer"]').click();
  await dialogOpened(page);
  await page.fill('[data-testid="record-offer-dialog"] [data-testid="action-field-amount"]', '860.00');
  await page.fill('[data-testid="record-offer-dialog"] [data-testid="action-field-offeredOn"]', '08/03/2025');
  await page.click('[data-testid="record-offer-confirm"]');
  await card.locator('[data-testid="offer"][data-sequence="2"]').waitFor();
  await card.locator('[data-testid="saving-so-far"]:has-text("£40.00")').waitFor();

  await card.locator('[data-testid="agree"]').click();
  await dialogOpened(page);
  await page.fill('[data-testid="agree-dialog"] [data-testid="action-field-amount"]', '870.00');
  await page.click('[data-testid="agree-confirm"]');
  await card.locator('[data-testid="negotiation"][data-status="AGREED"]').waitFor();
  await card.locator('[data-testid="rate-line-fee"]:has-text("£870.00")').waitFor();
  await screenshot(page, 'rate-line-negotiation');

  const { rateLine } = await t.ok('query($id: ID!) { rateLine(id: $id) { weeklyFee negotiations { status agreed firstAsk savingPerWeek savingSoFarPerWeek offers { party amount offeredOn } } } }', { id: line.id });
  expect(rateLine).toEqual({
    weeklyFee: '870.00',
    negotiations: [
      {
        status: 'AGREED',
        agreed: '870.00',
        firstAsk: '900.00',
        savingPerWeek: '30.00',
        savingSoFarPerWeek: '30.00',
        offers: [
          { party: 'PROVIDER', amount: '900.00', offeredOn: '2025-03-01' },
          { party: 'AUTHORITY', amount: '860.00', offeredOn: '2025-03-08' },
        ],
      },
    ],
  });
  expect(await card.locator('[data-testid="saving-so-far"]').innerText()).toBe('£30.00');
  expect(await card.locator('[data-testid="projected-saving"]').count()).toBe(0);
  expect(pageErrors).toEqual([]);
});
