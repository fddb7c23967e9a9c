import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createProvider } from '../support/fixtures';
import { startTestApi, ADMIN, type TestApi } from '../support/test-api';
import { cellText, launchBrowser, money, newContext, screenshot, settled, signIn, typeIntoCell } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

const OFFICER_PASSWORD = 'a-long-enough-password';

let t: TestApi;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const ids: Record<string, string> = {};
/** Values the server computes (cost to date moves with the calendar), read back through the API. */
let placementCosts: { costToDate: string; committedCost: string; currentWeeklyCost: string };


beforeAll(async () => {
  t = await startTestApi();
  const { createAuthority: authority } = await t.ok('mutation { createAuthority(input: { name: "Screens Council", onsCode: "E06000098" }) { id } }');
  const provider = await createProvider(t, { legalName: 'Harbour Fostering Ltd', providerCode: 'PR4', serviceCategories: ['FOSTERING'] });
  ids.authority = authority.id;
  ids.provider = provider.id;

  const { createAgreement: agreement } = await t.ok(
    'mutation($i: AgreementCreateInput!) { createAgreement(input: $i) { id version } }',
    {
      i: {
        providerId: provider.id,
        authorityId: authority.id,
        title: 'Independent Fostering Framework',
        reference: 'IFA-2025-01',
        startDate: '2025-04-01',
        endDate: '2029-03-31',
        tier: 1,
        upliftRule: 'FIXED_PERCENT',
        upliftPercent: '3.50',
        rateLines: [
          { placementType: 'U4', needLevel: 'STANDARD', minAge: 0, maxAge: 10, weeklyFee: '1045.50', effectiveFrom: '2025-04-01' },
          { placementType: 'U4', needLevel: 'COMPLEX', minAge: 0, maxAge: 17, weeklyFee: '1234.57', effectiveFrom: '2025-04-01' },
        ],
      },
    },
  );
  await t.ok('mutation($id: ID!, $v: Int!) { changeAgreementStatus(id: $id, version: $v, status: ACTIVE) { id } }', { id: agreement.id, v: agreement.version });
  ids.agreement = agreement.id;

  const { createContract: contract } = await t.ok(
    'mutation($i: ContractCreateInput!) { createContract(input: $i) { id } }',
    {
      i: {
        providerId: provider.id,
        agreementId: agreement.id,
        kind: 'CALL_OFF',
        reference: 'CO-2026-0001',
        title: 'Foster placement for AB12',
        startDate: '2026-01-05',
        endDate: '2027-01-04',
        reviewDate: '2026-07-01',
        weeklyFee: '1000.00',
        placementType: 'U4',
        needLevel: 'STANDARD',
        childAgeAtStart: 9,
      },
    },
  );
  ids.contract = contract.id;
  // A negotiation on the contract: the provider asked £1,045.50 a week, the council offered £1,000.
  const { startNegotiation: negotiation } = await t.ok(
    'mutation($i: NegotiationStartInput!) { startNegotiation(input: $i) { id version } }',
    { i: { contractId: contract.id, firstOffer: { party: 'PROVIDER', amount: '1045.50', offeredOn: '2025-12-01' } } },
  );
  const { recordOffer } = await t.ok('mutation($id: ID!, $v: Int!, $i: OfferInput!) { recordOffer(id: $id, version: $v, input: $i) { id version } }', {
    id: negotiation.id,
    v: negotiation.version,
    i: { party: 'AUTHORITY', amount: '1000.00', offeredOn: '2025-12-03' },
  });
  await t.ok('mutation($id: ID!, $v: Int!) { agreeNegotiation(id: $id, version: $v, amount: "1000.00") { id } }', { id: negotiation.id, v: recordOffer.version });

  const { createChild: child } = await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', {
    i: { caseReference: 'AB12', initials: 'AB', dateOfBirth: '2016-05-01', gender: 'FEMALE' },
  });
  ids.child = child.id;

  const { createPlacement: placement } = await t.ok(
    'mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id costToDate committedCost currentWeeklyCost } }',
    {
      i: {
        childId: child.id,
        providerId: provider.id,
        contractId: contract.id,
        reference: 'PL-2026-0001',
        placementType: 'U4',
        providerCode: 'PR4',
        startDate: '2026-01-05',
        plannedEndDate: '2027-01-04',
        weeklyFee: '1000.00',
      },
    },
  );
  ids.placement = placement.id;
  placementCosts = placement;

  const { createInvoice: invoice } = await t.ok(
    'mutation($i: InvoiceCreateInput!) { createInvoice(input: $i) { id total } }',
    {
      i: {
        providerId: provider.id,
        reference: 'INV-7731',
        receivedDate: '2026-02-03',
        periodStart: '2026-01-05',
        periodEnd: '2026-02-01',
        lines: [{ description: 'AB12 January', amount: '3857.14', placementId: placement.id, fromDate: '2026-01-05', toDate: '2026-02-01', nights: 27 }],
      },
    },
  );
  ids.invoice = invoice.id;

  const { createProcurementRound: round } = await t.ok(
    `mutation { createProcurementRound(input: {
      reference: "RFQ-2026-014", title: "Foster placement for CD34", category: PLACEMENT, childReference: "CD34",
      placementType: U4, needLevel: STANDARD, childAge: 9, startDate: "2026-06-01", endDate: "2026-11-30",
      postcode: "BH2 5AA", radiusMiles: 20, closesAt: "2030-01-15T12:00:00Z",
      scoringMatrix: [{ criterion: "Matching", maxPoints: 60 }, { criterion: "Safeguarding", maxPoints: 40 }]
    }) { id } }`,
  );
  ids.round = round.id;
  expect(invoice.total).toBe('3857.14');

  browser = await launchBrowser();
  context = await newContext(browser, t.api.url);
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** Opens a list from the menu and waits for its grid's rows. */
async function openList(p: Page, resource: string): Promise<void> {
  await p.locator(`a.RaMenuItemLink-root[href="/${resource}"]`).first().click();
  await p.waitForSelector(`[data-testid="spreadsheet-grid"][data-resource="${resource}"] .rdg-row .pw-cell`);
}

/** Scrolls the grid so a column is rendered (the grid renders only the columns in view). */
async function scrollTo(p: Page, x: number | 'end'): Promise<void> {
  await p.locator('.rdg').evaluate((grid: any, left: number | 'end') => (grid.scrollLeft = left === 'end' ? grid.scrollWidth : left), x);
  await p.waitForTimeout(50);
}

test('the new lists show the records with British money and dates', async () => {
  await signIn(page, ADMIN.email, ADMIN.password);
  for (const label of ['Agreements', 'Contracts', 'Procurement rounds', 'Children', 'Placements', 'Invoices']) {
    await expect(page.locator('.RaSidebar-fixed, .MuiDrawer-root').first().getByText(label, { exact: true }).count()).resolves.toBe(1);
  }

  await openList(page, 'agreements');
  expect(await cellText(page, ids.agreement, 'reference')).toBe('IFA-2025-01');
  expect(await cellText(page, ids.agreement, 'title')).toBe('Independent Fostering Framework');
  expect(await cellText(page, ids.agreement, 'providerId')).toBe('Harbour Fostering Ltd');
  expect(await cellText(page, ids.agreement, 'authorityId')).toBe('Screens Council');
  expect(await cellText(page, ids.agreement, 'status')).toBe('Active');
  expect(await cellText(page, ids.agreement, 'startDate')).toBe('01/04/2025');
  expect(await cellText(page, ids.agreement, 'endDate')).toBe('31/03/2029');
  await screenshot(page, 'agreements-grid');

  await openList(page, 'contracts');
  expect(await cellText(page, ids.contract, 'reference')).toBe('CO-2026-0001');
  expect(await cellText(page, ids.contract, 'kind')).toBe('Call off');
  expect(await cellText(page, ids.contract, 'status')).toBe('Draft');
  expect(await cellText(page, ids.contract, 'providerId')).toBe('Harbour Fostering Ltd');
  expect(await cellText(page, ids.contract, 'startDate')).toBe('05/01/2026');
  expect(await cellText(page, ids.contract, 'endDate')).toBe('04/01/2027');
  await screenshot(page, 'contracts-grid');
  await scrollTo(page, 900);
  expect(await cellText(page, ids.contract, 'weeklyFee')).toBe('£1,000.00');
  expect(await cellText(page, ids.contract, 'reviewDate')).toBe('01/07/2026');
  // Contracts have an update mutation: cells are edited in place, typed the British way.
  await typeIntoCell(page, ids.contract, 'reviewDate', '1/8/26');
  await settled(page);
  expect(await cellText(page, ids.contract, 'reviewDate')).toBe('01/08/2026');
  const { contract: saved } = await t.ok('query($id: ID!) { contract(id: $id) { reviewDate version } }', { id: ids.contract });
  expect(saved).toEqual({ reviewDate: '2026-08-01', version: 2 });

  await openList(page, 'children');
  expect(await cellText(page, ids.child, 'caseReference')).toBe('AB12');
  expect(await cellText(page, ids.child, 'dateOfBirth')).toBe('01/05/2016');
  expect(await cellText(page, ids.child, 'gender')).toBe('Female');
  await screenshot(page, 'children-grid');

  await openList(page, 'placements');
  expect(await cellText(page, ids.placement, 'reference')).toBe('PL-2026-0001');
  expect(await cellText(page, ids.placement, 'childId')).toBe('AB12');
  expect(await cellText(page, ids.placement, 'providerId')).toBe('Harbour Fostering Ltd');
  expect(await cellText(page, ids.placement, 'placementType')).toMatch(/^U4 · /);
  expect(await cellText(page, ids.placement, 'startDate')).toBe('05/01/2026');
  await screenshot(page, 'placements-grid');
  await scrollTo(page, 1100);
  expect(await cellText(page, ids.placement, 'currentWeeklyCost')).toBe(money(placementCosts.currentWeeklyCost));
  expect(await cellText(page, ids.placement, 'costToDate')).toBe(money(placementCosts.costToDate));
  expect(await cellText(page, ids.placement, 'committedCost')).toBe(money(placementCosts.committedCost));
  expect(await cellText(page, ids.placement, 'costToDate')).toMatch(/^£[\d,]+\.\d{2}$/);

  await openList(page, 'invoices');
  expect(await cellText(page, ids.invoice, 'reference')).toBe('INV-7731');
  expect(await cellText(page, ids.invoice, 'providerId')).toBe('Harbour Fostering Ltd');
  expect(await cellText(page, ids.invoice, 'status')).toBe('Matched');
  expect(await cellText(page, ids.invoice, 'receivedDate')).toBe('03/02/2026');
  expect(await cellText(page, ids.invoice, 'total')).toBe('£3,857.14');
  // No update mutation for invoices: the grid is read only, even for an administrator.
  expect(await page.locator('[data-testid="read-only"]').innerText()).toBe('Read only: these records change through their own steps, not in the grid');
  await screenshot(page, 'invoices-grid');

  await openList(page, 'procurementRounds');
  expect(await cellText(page, ids.round, 'reference')).toBe('RFQ-2026-014');
  expect(await cellText(page, ids.round, 'status')).toBe('Draft');
  expect(await cellText(page, ids.round, 'childReference')).toBe('CD34');
  // No update mutation for rounds: read only.
  expect(await page.locator('[data-testid="read-only"]').count()).toBe(1);
  await screenshot(page, 'procurement-rounds-grid');
});

test('the agreement page lists its rate lines; the contract and placement pages their negotiations and fees', async () => {
  await openList(page, 'agreements');
  await page.locator(`.rdg-row:has(.pw-cell[data-row-id="${ids.agreement}"]) a[data-testid="open-show"]`).click();
  await page.waitForURL(new RegExp(`/agreements/${ids.agreement}/show`));
  const rateLines = page.locator('[data-testid="rateLines-row"]');
  await rateLines.first().waitFor();
  const rows = await rateLines.evaluateAll((trs: any[]) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td: any) => td.innerText)));
  expect(rows).toHaveLength(2);
  expect(rows).toEqual(
    expect.arrayContaining([
      [expect.stringMatching(/^U4/), 'Standard', '0', '10', '£1,045.50', '01/04/2025'],
      [expect.stringMatching(/^U4/), 'Complex', '0', '17', '£1,234.57', '01/04/2025'],
    ]),
  );
  expect(await page.locator('[data-testid="show-status"]').innerText()).toBe('Active');
  expect(await page.locator('[data-testid="show-providerId"]').innerText()).toBe('Harbour Fostering Ltd');
  await screenshot(page, 'agreement-show');

  await page.goto(`/contracts/${ids.contract}/show`);
  const negotiation = page.locator('[data-testid="negotiations-row"]');
  await negotiation.first().waitFor();
  expect(await negotiation.locator('[data-field="firstAsk"]').innerText()).toBe('£1,045.50');
  expect(await negotiation.locator('[data-field="agreed"]').innerText()).toBe('£1,000.00');
  expect(await negotiation.locator('[data-field="savingPerWeek"]').innerText()).toBe('£45.50');
  expect(await negotiation.locator('[data-field="offers"]').innerText()).toBe('1. Provider £1,045.50 (01/12/2025); 2. Authority £1,000.00 (03/12/2025)');
  await screenshot(page, 'contract-show');

  await page.goto(`/placements/${ids.placement}/show`);
  const fee = page.locator('[data-testid="fees-row"]');
  await fee.first().waitFor();
  expect(await fee.locator('[data-field="effectiveFrom"]').innerText()).toBe('05/01/2026');
  expect(await fee.locator('[data-field="weeklyFee"]').innerText()).toBe('£1,000.00');
  expect(await page.locator('[data-testid="show-costToDate"]').innerText()).toBe(money(placementCosts.costToDate));
  expect(await page.locator('[data-testid="show-committedCost"]').innerText()).toBe(money(placementCosts.committedCost));
  expect(await page.locator('[data-testid="show-childId"]').innerText()).toBe('AB12');
  await screenshot(page, 'placement-show');

  await page.goto(`/invoices/${ids.invoice}/show`);
  const line = page.locator('[data-testid="lines-row"]');
  await line.first().waitFor();
  expect(await line.locator('[data-field="amount"]').innerText()).toBe('£3,857.14');
  await screenshot(page, 'invoice-show');
});

test('the edit and create forms of the new resources open with their values', async () => {
  const forms: Array<[string, string, string]> = [
    [`/agreements/${ids.agreement}`, 'title', 'Independent Fostering Framework'],
    [`/contracts/${ids.contract}`, 'reference', 'CO-2026-0001'],
    [`/children/${ids.child}`, 'caseReference', 'AB12'],
    [`/placements/${ids.placement}`, 'reference', 'PL-2026-0001'],
  ];
  for (const [path, field, value] of forms) {
    await page.goto(path);
    const input = page.locator(`input[name="${field}"]`);
    await input.waitFor();
    expect(await input.inputValue()).toBe(value);
  }
  await screenshot(page, 'placement-edit');
  for (const resource of ['agreements', 'contracts', 'procurementRounds', 'children', 'placements', 'invoices']) {
    await page.goto(`/${resource}/create`);
    await page.locator('form input').first().waitFor();
  }
  await screenshot(page, 'invoice-create');
  expect(await page.locator('.MuiSnackbarContent-root, .MuiAlert-root').count()).toBe(0);
});

test('an analyst is not offered children', async () => {
  const analyst = await t.userWithRole('ANALYST');
  const analystContext = await newContext(browser, t.api.url);
  const other = await analystContext.newPage();
  try {
    await signIn(other, analyst.email, OFFICER_PASSWORD);
    const menu = other.locator('.RaSidebar-fixed, .MuiDrawer-root').first();
    await menu.getByText('Agreements', { exact: true }).waitFor();
    expect(await menu.getByText('Placements', { exact: true }).count()).toBe(1);
    expect(await menu.getByText('Children', { exact: true }).count()).toBe(0);
    expect(await other.locator('a[href*="/children"]').count()).toBe(0);
    await screenshot(other, 'analyst-menu');

    // Analysts read placements, without the child (the API does not give it to them).
    const otherErrors: string[] = [];
    other.on('pageerror', (error) => otherErrors.push(error.message));
    await openList(other, 'placements');
    expect(await cellText(other, ids.placement, 'reference')).toBe('PL-2026-0001');
    expect(await cellText(other, ids.placement, 'providerId')).toBe('Harbour Fostering Ltd');
    expect(await other.locator('.pw-cell[data-field="childId"]').count()).toBe(0);
    expect(await other.locator('[data-testid="read-only"]').innerText()).toBe('Read only: your role cannot change these records');
    await other.locator(`.rdg-row:has(.pw-cell[data-row-id="${ids.placement}"]) a[data-testid="open-show"]`).click();
    await other.locator('[data-testid="fees-row"]').first().waitFor();
    expect(await other.locator('[data-testid="show-costToDate"]').innerText()).toBe(money(placementCosts.costToDate));
    expect(await other.locator('[data-testid="show-childId"]').count()).toBe(0);
    await screenshot(other, 'analyst-placement-show');
    expect(otherErrors).toEqual([]);
  } finally {
    await analystContext.close();
  }
});

test('the page reported no errors', () => {
  expect(pageErrors).toEqual([]);
});
