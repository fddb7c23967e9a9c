import type { Browser, Page } from 'playwright-core';
import { createProvider, createSetting } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';
import { dialogOpened, newContext, openAdmin, screenshot, signIn, submitAction } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

let t: TestApi;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApi();
  const provider = await createProvider(t, { legalName: 'Cliffside Fostering Ltd', providerCode: 'PR4', serviceCategories: ['FOSTERING'] });
  ids.provider = provider.id;
  const { createChild: child } = await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', {
    i: { caseReference: 'AC1', initials: 'AC', dateOfBirth: '2015-03-01', gender: 'MALE' },
  });
  const { createPlacement: placement } = await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id } }', {
    i: { childId: child.id, providerId: provider.id, reference: 'PL-AC-1', placementType: 'U4', providerCode: 'PR4', startDate: '2026-01-05', weeklyFee: '700.00' },
  });
  ids.placement = placement.id;
  // 28 nights at £700.00 a week are £2,800.00; the provider invoiced £2,850.00, so the line is disputed.
  const { createInvoice: invoice } = await t.ok('mutation($i: InvoiceCreateInput!) { createInvoice(input: $i) { id status lines { status difference } } }', {
    i: {
      providerId: provider.id,
      reference: 'CF-1001',
      receivedDate: '2026-02-04',
      periodStart: '2026-01-05',
      periodEnd: '2026-02-01',
      lines: [{ description: 'AC1 January', amount: '2850.00', placementId: placement.id, fromDate: '2026-01-05', toDate: '2026-02-02', nights: 28 }],
    },
  });
  expect(invoice).toMatchObject({ status: 'DISPUTED', lines: [{ status: 'DISPUTED', difference: '50.00' }] });
  ids.invoice = invoice.id;
  const { createContract: contract } = await t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id } }', {
    i: { providerId: provider.id, kind: 'SPOT', reference: 'SP-AC-1', title: 'Foster placement for AC1', startDate: '2026-01-05', endDate: '2026-12-31', weeklyFee: '700.00', placementType: 'U4' },
  });
  ids.contract = contract.id;

  // A round for a foster placement near Bournemouth, and two more fostering providers: one 0 miles away, one with no known location (like Cliffside).
  const near = await createProvider(t, { legalName: 'Near Fostering Ltd', providerCode: 'PR4', serviceCategories: ['FOSTERING'] });
  await createSetting(t, { providerId: near.id, name: 'Near office', kind: 'FOSTERING_AGENCY_OFFICE', latitude: 50.7195, longitude: -1.8795 });
  const unknown = await createProvider(t, { legalName: 'Unplaced Fostering Ltd', providerCode: 'PR5', serviceCategories: ['FOSTERING'] });
  ids.near = near.id;
  ids.unknown = unknown.id;
  const { createProcurementRound: round } = await t.ok(
    `mutation { createProcurementRound(input: {
      reference: "RFQ-2026-021", title: "Foster placement for EF56", category: PLACEMENT, childReference: "EF56",
      placementType: U4, needLevel: STANDARD, childAge: 9, startDate: "2026-06-01", endDate: "2026-11-30",
      postcode: "BH2 5AA", latitude: 50.7195, longitude: -1.8795, radiusMiles: 20, closesAt: "2030-01-15T12:00:00Z",
      scoringMatrix: [{ criterion: "Matching", maxPoints: 60 }, { criterion: "Safeguarding", maxPoints: 40 }]
    }) { id } }`,
  );
  ids.round = round.id;

  ({ browser, page } = await openAdmin(t.api.url, pageErrors));
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const text = (selector: string) => page.locator(selector).first().innerText();

/** Opens an action's dialog, fills its fields and confirms. */
const act = (testId: string, values: Record<string, string> = {}) => submitAction(page, testId, values);

test('a disputed invoice is approved with a reason and paid; the server’s refusals show under the fields they name', async () => {
  await page.goto(`/invoices/${ids.invoice}/show`);
  await page.waitForSelector('[data-testid="approve-invoice"]');
  expect(await page.locator('[data-testid="pay-invoice"]').count()).toBe(0);
  await act('approve-invoice');
  await page.waitForSelector('[data-testid="action-error-reason"]:has-text("disputed")');
  expect(await text('[data-testid="action-error-reason"]')).toBe('1 line(s) are disputed (1): record why the invoice is approved anyway');
  await screenshot(page, 'invoice-approve-refused');
  await page.fill('[data-testid="action-field-reason"]', 'Extra £50 agreed for a school trip');
  await page.click('[data-testid="approve-invoice-confirm"]');
  await page.waitForSelector('[data-testid="show-status"]:has-text("Approved")');
  expect(await text('[data-testid="show-approvalReason"]')).toBe('Extra £50 agreed for a school trip');

  // Paid before it was received: refused under the date.
  await act('pay-invoice', { paidDate: '03/02/2026' });
  await page.waitForSelector('[data-testid="action-error-paidDate"]:has-text("must not be before")');
  expect(await text('[data-testid="action-error-paidDate"]')).toBe('must not be before the invoice was received (2026-02-04)');
  await page.fill('[data-testid="action-field-paidDate"]', '27/2/26');
  await page.click('[data-testid="pay-invoice-confirm"]');
  await page.waitForSelector('[data-testid="show-status"]:has-text("Paid")');
  expect(await text('[data-testid="show-paidDate"]')).toBe('27/02/2026');
  await screenshot(page, 'invoice-paid');

  const { invoice } = await t.ok('query($id: ID!) { invoice(id: $id) { status paidDate approvalReason total version lines { status amount expectedAmount } } }', { id: ids.invoice });
  expect(invoice).toEqual({
    status: 'PAID',
    paidDate: '2026-02-27',
    approvalReason: 'Extra £50 agreed for a school trip',
    total: '2850.00',
    version: 3,
    lines: [{ status: 'PAID', amount: '2850.00', expectedAmount: '2800.00' }],
  });
  expect(await page.locator('[data-testid="approve-invoice"], [data-testid="pay-invoice"]').count()).toBe(0);
});

test('a contract moves along its lifecycle from its page', async () => {
  await page.goto(`/contracts/${ids.contract}/show`);
  await page.waitForSelector('[data-testid="show-status"]:has-text("Draft")');
  await page.click('[data-testid="change-status"]');
  await dialogOpened(page);
  await page.click('[data-testid="change-status-dialog"] [role="combobox"]');
  const options = await page.locator('[role="listbox"] [role="option"]').allInnerTexts();
  expect(options).toEqual(['Awaiting signature', 'Terminated']);
  await page.locator('[role="listbox"] [role="option"]', { hasText: 'Awaiting signature' }).click();
  await page.click('[data-testid="change-status-confirm"]');
  await page.waitForSelector('[data-testid="show-status"]:has-text("Awaiting signature")');
  const { contract } = await t.ok('query($id: ID!) { contract(id: $id) { status version } }', { id: ids.contract });
  expect(contract).toEqual({ status: 'AWAITING_SIGNATURE', version: 2 });
});

test('a placement’s fee changes from a date, keeping the earlier fee in its history', async () => {
  await page.goto(`/placements/${ids.placement}/show`);
  await page.waitForSelector('[data-testid="fees-row"]');
  await act('change-fee', { effectiveFrom: '1/3/26', weeklyFee: '£735', reason: 'Uplift' });
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-testid="fees-row"]').length === 2);
  const rows = await page.locator('[data-testid="fees-row"]').evaluateAll((trs: any[]) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td: any) => td.innerText)));
  expect(rows).toEqual(expect.arrayContaining([['05/01/2026', '£700.00', ''], ['01/03/2026', '£735.00', 'Uplift']]));
  const { placement } = await t.ok('query($id: ID!) { placement(id: $id) { fees { effectiveFrom weeklyFee reason } } }', { id: ids.placement });
  expect(placement.fees).toEqual(
    expect.arrayContaining([
      { effectiveFrom: '2026-01-05', weeklyFee: '700.00', reason: null },
      { effectiveFrom: '2026-03-01', weeklyFee: '735.00', reason: 'Uplift' },
    ]),
  );
  expect(placement.fees).toHaveLength(2);
  await screenshot(page, 'placement-fee-changed');
});

test('a procurement round is invited, opened, closed and awarded from its page, with the evaluation’s arithmetic', async () => {
  await page.goto(`/procurementRounds/${ids.round}/show/bids`);
  await page.waitForSelector('[data-testid="round-workspace"][data-status="DRAFT"]');
  await page.click('[data-testid="invite-providers"]');
  await dialogOpened(page);
  await page.waitForSelector('[data-testid="invite-providers-dialog"] input[type="checkbox"]');
  expect(await page.locator('[data-testid="invite-providers-dialog"] label').allInnerTexts()).toEqual([
    'Near Fostering Ltd · 0 mi',
    'Cliffside Fostering Ltd · Not known',
    'Unplaced Fostering Ltd · Not known',
  ]);
  await page.getByRole('checkbox', { name: /^Near Fostering Ltd/ }).check();
  await page.getByRole('checkbox', { name: /^Unplaced Fostering Ltd/ }).check();
  await page.click('[data-testid="invite-providers-confirm"]');
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-testid="invitation-row"]').length === 2);
  // Both were invited at the same moment: the API gives them in no particular order.
  const invitations = await page.locator('[data-testid="invitation-row"]').evaluateAll((trs: any[]) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, 2).map((td: any) => td.innerText)));
  expect(invitations.sort()).toEqual([
    ['Near Fostering Ltd', '0 mi'],
    ['Unplaced Fostering Ltd', 'Not known'],
  ]);

  await act('open-round');
  await page.waitForSelector('[data-testid="round-workspace"][data-status="OPEN"]');
  // Bids arrive through the API (a provider portal or an officer's entry).
  const bid = async (providerId: string, amount: string, matching: number, safeguarding: number) =>
    t.ok('mutation($r: ID!, $i: BidInput!) { submitBid(roundId: $r, input: $i) { id } }', {
      r: ids.round,
      i: { providerId, amount, qualityMarks: [{ criterion: 'Matching', points: matching }, { criterion: 'Safeguarding', points: safeguarding }] },
    });
  const cheap = (await bid(ids.near, '845.00', 48, 36)).submitBid.id;
  const better = (await bid(ids.unknown, '900.00', 55, 38)).submitBid.id;

  await page.reload();
  await page.waitForSelector('[data-testid="close-round"]');
  await act('close-round');
  await page.waitForSelector('[data-testid="round-workspace"][data-status="CLOSED"]');
  await page.waitForSelector('[data-testid="evaluation-row"]');
  const cells = async (bidId: string) => {
    const row = page.locator(`[data-testid="evaluation-row"][data-bid="${bidId}"]`);
    const out: Record<string, string> = {};
    for (const f of ['rank', 'provider', 'amount', 'quality', 'qualityPoints', 'qualityFormula', 'pricePoints', 'priceFormula', 'total']) out[f] = await row.locator(`[data-field="${f}"]`).innerText();
    return out;
  };
  // Unplaced: quality 60 × 93 / 100 = 55.80; price 40 × 845 / 900 = 37.555… → 37.56; total 93.3555… → 93.36, first.
  expect(await cells(better)).toEqual({
    rank: '1',
    provider: 'Unplaced Fostering Ltd',
    amount: '£900.00',
    quality: '93 / 100 (93.00%)',
    qualityPoints: '55.80',
    qualityFormula: '60 × 93 / 100',
    pricePoints: '37.56',
    priceFormula: '40 × £845.00 / £900.00',
    total: '93.36',
  });
  // Near: quality 60 × 84 / 100 = 50.40; price 40 × 845 / 845 = 40.00; total 90.40, second.
  expect(await cells(cheap)).toEqual({
    rank: '2',
    provider: 'Near Fostering Ltd',
    amount: '£845.00',
    quality: '84 / 100 (84.00%)',
    qualityPoints: '50.40',
    qualityFormula: '60 × 84 / 100',
    pricePoints: '40.00',
    priceFormula: '40 × £845.00 / £845.00',
    total: '90.40',
  });
  const { procurementRound: evaluated } = await t.ok('query($id: ID!) { procurementRound(id: $id) { evaluation { rank qualityPoints pricePoints total bid { id } } } }', { id: ids.round });
  expect(evaluated.evaluation).toEqual([
    { rank: 1, qualityPoints: '55.80', pricePoints: '37.56', total: '93.36', bid: { id: better } },
    { rank: 2, qualityPoints: '50.40', pricePoints: '40.00', total: '90.40', bid: { id: cheap } },
  ]);
  await screenshot(page, 'round-evaluation');

  // Award: the first-ranked bid is chosen already; a missing contract reference is refused before anything is sent.
  await page.click('[data-testid="award-round"]');
  await dialogOpened(page);
  expect(await page.locator('[data-testid="award-round-dialog"] input[name="bidId"]').inputValue()).toBe(better);
  await page.click('[data-testid="award-round-confirm"]');
  expect(await text('[data-testid="action-error-reference"]')).toBe('Required');
  await page.fill('[data-testid="action-field-reference"]', 'IPA-2026-0147');
  await screenshot(page, 'round-award-dialog');
  await page.click('[data-testid="award-round-confirm"]');
  await page.waitForSelector('[data-testid="round-workspace"][data-status="AWARDED"]');
  expect(await text('[data-testid="round-contract"]')).toBe('Contract: IPA-2026-0147 · £900.00');
  const { procurementRound: awarded } = await t.ok(
    'query($id: ID!) { procurementRound(id: $id) { status awardedBidId contract { reference kind status weeklyFee startDate endDate provider { legalName } negotiations { status agreed } } } }',
    { id: ids.round },
  );
  expect(awarded).toEqual({
    status: 'AWARDED',
    awardedBidId: better,
    contract: {
      reference: 'IPA-2026-0147',
      kind: 'SPOT',
      status: 'DRAFT',
      weeklyFee: '900.00',
      startDate: '2026-06-01',
      endDate: '2026-11-30',
      provider: { legalName: 'Unplaced Fostering Ltd' },
      negotiations: [{ status: 'AGREED', agreed: '900.00' }],
    },
  });
  await screenshot(page, 'round-awarded');
  expect(pageErrors).toEqual([]);
});

test('a change someone else made first is refused with CONFLICT in the dialog, and the page reads the record again', async () => {
  await page.goto(`/contracts/${ids.contract}/show`);
  await page.waitForSelector('[data-testid="show-status"]:has-text("Awaiting signature")');
  await page.click('[data-testid="change-status"]');
  await dialogOpened(page);
  // Meanwhile another officer signs the contract off.
  const { contract: before } = await t.ok('query($id: ID!) { contract(id: $id) { version } }', { id: ids.contract });
  await t.ok('mutation($id: ID!, $v: Int!) { changeContractStatus(id: $id, version: $v, status: LIVE) { id } }', { id: ids.contract, v: before.version });
  await page.click('[data-testid="change-status-confirm"]');
  await page.waitForSelector('[data-testid="action-problem"]');
  expect(await text('[data-testid="action-problem"]')).toBe('Someone else changed this record after you opened it: it has been read again. Check it and try once more.');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="show-status"]:has-text("Live")');
  const { contract } = await t.ok('query($id: ID!) { contract(id: $id) { status } }', { id: ids.contract });
  expect(contract.status).toBe('LIVE');
});

test('roles see only the actions the API allows them: analysts none, finance approve and pay but not contract steps', async () => {
  const { createInvoice: invoice } = await t.ok('mutation($i: InvoiceCreateInput!) { createInvoice(input: $i) { id } }', {
    i: {
      providerId: ids.provider,
      reference: 'CF-1002',
      receivedDate: '2026-03-04',
      periodStart: '2026-02-02',
      periodEnd: '2026-02-28',
      lines: [{ description: 'AC1 February', amount: '2700.00', placementId: ids.placement, fromDate: '2026-02-02', toDate: '2026-03-01', nights: 27 }],
    },
  });
  for (const [role, expected] of [
    ['ANALYST', { approve: 0, status: 0, fee: 0, workspace: 0 }],
    ['FINANCE', { approve: 1, status: 0, fee: 0, workspace: 0 }],
    ['CONTRACT_OFFICER', { approve: 1, status: 1, fee: 1, workspace: 1 }],
  ] as const) {
    const user = await t.userWithRole(role);
    const other = await (await newContext(browser, t.api.url)).newPage();
    await signIn(other, user.email, 'a-long-enough-password', undefined, 'dashboard');
    await other.goto(`/invoices/${invoice.id}/show`);
    await other.waitForSelector('[data-testid="show-status"]:has-text("Matched")');
    const seen = { approve: await other.locator('[data-testid="approve-invoice"]').count(), status: 0, fee: 0, workspace: 0 };
    await other.goto(`/contracts/${ids.contract}/show/negotiation`);
    await other.waitForSelector('[data-testid="negotiation-workspace"]');
    seen.status = await other.locator('[data-testid="change-status"]').count();
    seen.workspace = await other.locator('[data-testid="start-negotiation"]').count();
    if (role !== 'ANALYST') {
      await other.goto(`/placements/${ids.placement}/show`);
      await other.waitForSelector('[data-testid="fees-row"]');
      seen.fee = await other.locator('[data-testid="change-fee"]').count();
    }
    expect({ role, ...seen }).toEqual({ role, ...expected });
    await other.context().close();
  }
});
