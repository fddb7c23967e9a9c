import type { Browser, Page } from 'playwright-core';
import { formatMoney } from '../../admin/src/i18n/formats';
import { createProvider } from '../support/fixtures';
import { ADMIN, startTestApi, type TestApi } from '../support/test-api';
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
  const provider = await createProvider(t, { legalName: 'Harbourside Fostering Ltd', providerCode: 'PR4', serviceCategories: ['FOSTERING'] });
  const { createChild: child } = await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', {
    i: { caseReference: 'HD1', initials: 'HD', dateOfBirth: '2013-07-01', gender: 'FEMALE' },
  });
  // £700.00 a week is £100.00 a night.
  const { createPlacement: placement } = await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id } }', {
    i: { childId: child.id, providerId: provider.id, reference: 'PL-HD-1', placementType: 'U4', providerCode: 'PR4', startDate: '2026-01-01', weeklyFee: '700.00' },
  });
  ids.placement = placement.id;
  // January: 31 nights, £3,100.00 as expected. February: 28 nights, expected £2,800.00, invoiced £2,900.00.
  const { createInvoice: invoice } = await t.ok('mutation($i: InvoiceCreateInput!) { createInvoice(input: $i) { id status lines { status } } }', {
    i: {
      providerId: provider.id,
      reference: 'HF-2026-03',
      receivedDate: '2026-03-03',
      periodStart: '2026-01-01',
      periodEnd: '2026-02-28',
      lines: [
        { description: 'HD1 January', amount: '3100.00', placementId: placement.id, fromDate: '2026-01-01', toDate: '2026-02-01' },
        { description: 'HD1 February', amount: '2900.00', placementId: placement.id, fromDate: '2026-02-01', toDate: '2026-03-01' },
      ],
    },
  });
  expect(invoice).toEqual({ id: invoice.id, status: 'DISPUTED', lines: [{ status: 'MATCHED' }, { status: 'DISPUTED' }] });
  ids.invoice = invoice.id;

  ({ browser, page } = await openAdmin(t.api.url, pageErrors));
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const row = (source: string, index: number) => page.locator(`[data-testid="${source}-row"]`).nth(index);
const cellOf = (source: string, index: number, field: string) => row(source, index).locator(`[data-field="${field}"]`).innerText();
const state = (line: number) => page.locator(`[data-testid="line-state-${line}"]`);
/** A line's state as its lines of text: the status, then why. */
const stateText = async (line: number) => (await state(line).innerText()).split(/\n+/).join(' | ');

test('an officer disputes a matched line and resolves the other from the invoice page, then approves and pays', async () => {
  await page.goto(`/invoices/${ids.invoice}/show`);
  await page.waitForSelector('[data-testid="lines-row"]');
  expect(await page.locator('[data-testid="lines-row"]').count()).toBe(2);
  // Expected against invoiced and the difference, in pounds.
  expect([await cellOf('lines', 0, 'expectedAmount'), await cellOf('lines', 0, 'amount'), await cellOf('lines', 0, 'difference')]).toEqual(['£3,100.00', '£3,100.00', '£0.00']);
  expect([await cellOf('lines', 1, 'expectedAmount'), await cellOf('lines', 1, 'amount'), await cellOf('lines', 1, 'difference')]).toEqual(['£2,800.00', '£2,900.00', '£100.00']);
  expect(await cellOf('lines', 0, 'placement')).toBe('PL-HD-1');
  // The table with its actions fits the screen: nothing to scroll sideways.
  expect(await page.locator('[data-testid="embedded-lines"]').evaluate((table: any) => table.parentElement.scrollWidth - table.parentElement.clientWidth)).toBe(0);
  expect(await stateText(1)).toBe('Matched');
  expect(await stateText(2)).toBe('Disputed | Differs from the agreed fees by £100.00');
  // A matched line can only be disputed, a disputed one only resolved.
  expect(await page.locator('[data-testid="resolve-line-1"], [data-testid="dispute-line-2"]').count()).toBe(0);

  // Dispute line 1 by hand: without a reason it is refused under the field.
  await submitAction(page, 'dispute-line-1');
  await page.waitForSelector('[data-testid="dispute-line-1-dialog"] [data-testid="action-error-reason"]:has-text("Required")');
  await page.fill('[data-testid="dispute-line-1-dialog"] [data-testid="action-field-reason"]', 'Respite weekend 16–18 January: no care given those nights');
  await page.click('[data-testid="dispute-line-1-confirm"]');
  await page.waitForSelector('[data-testid="line-state-1"][data-status="DISPUTED"]');
  expect(await stateText(1)).toMatch(/^Disputed \| Disputed by admin@test\.placewise on \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}: Respite weekend 16–18 January: no care given those nights$/);

  // Resolve line 2: the provider sends a credit note.
  await page.click('[data-testid="resolve-line-2"]');
  await dialogOpened(page);
  await page.click('[data-testid="resolve-line-2-dialog"] [role="combobox"]');
  expect(await page.locator('[role="listbox"] [role="option"]').allInnerTexts()).toEqual(['Difference accepted', 'Credit note from the provider', 'Dispute withdrawn (raised in error)']);
  await page.locator('[role="listbox"] [role="option"]', { hasText: 'Credit note' }).click();
  await page.fill('[data-testid="resolve-line-2-dialog"] [data-testid="action-field-reason"]', 'Credit note CN-311 for £100.00');
  await screenshot(page, 'invoice-disputes-resolve-dialog');
  await page.click('[data-testid="resolve-line-2-confirm"]');
  await page.waitForSelector('[data-testid="line-state-2"][data-status="RESOLVED"]');
  expect(await stateText(2)).toMatch(
    /^Resolved \| Differs from the agreed fees by £100\.00 \| Credit note from the provider by admin@test\.placewise on \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}: Credit note CN-311 for £100\.00$/,
  );
  expect(await page.locator('[data-testid="show-status"]').innerText()).toBe('Disputed');
  await screenshot(page, 'invoice-disputes-invoice');

  const { invoice } = await t.ok(
    'query($id: ID!) { invoice(id: $id) { status version lines { status disputeReason disputedBy resolution resolutionReason resolvedBy } } }',
    { id: ids.invoice },
  );
  expect(invoice).toEqual({
    status: 'DISPUTED',
    version: 3,
    lines: [
      { status: 'DISPUTED', disputeReason: 'Respite weekend 16–18 January: no care given those nights', disputedBy: ADMIN.email, resolution: null, resolutionReason: null, resolvedBy: null },
      { status: 'RESOLVED', disputeReason: null, disputedBy: null, resolution: 'CREDIT_NOTE', resolutionReason: 'Credit note CN-311 for £100.00', resolvedBy: ADMIN.email },
    ],
  });

  // Line 1 is still disputed, so the approval needs its reason; then pay.
  await submitAction(page, 'approve-invoice', { reason: 'Two nights to be recovered from the April invoice' });
  await page.waitForSelector('[data-testid="show-status"]:has-text("Approved")');
  expect(await page.locator('[data-testid^="dispute-line-"], [data-testid^="resolve-line-"]').count()).toBe(0);
  await submitAction(page, 'pay-invoice', { paidDate: '20/03/2026' });
  await page.waitForSelector('[data-testid="show-status"]:has-text("Paid")');
  expect(await state(1).getAttribute('data-status')).toBe('PAID');
  const { invoice: paid } = await t.ok('query($id: ID!) { invoice(id: $id) { status paidDate approvalReason lines { status resolution disputeReason } } }', { id: ids.invoice });
  expect(paid).toEqual({
    status: 'PAID',
    paidDate: '2026-03-20',
    approvalReason: 'Two nights to be recovered from the April invoice',
    lines: [
      { status: 'PAID', resolution: null, disputeReason: 'Respite weekend 16–18 January: no care given those nights' },
      { status: 'PAID', resolution: 'CREDIT_NOTE', disputeReason: null },
    ],
  });
  expect(pageErrors).toEqual([]);
});

test('the placement page lists its invoice lines with their state, and the figures placementSpend gives', async () => {
  await page.goto(`/placements/${ids.placement}/show`);
  await page.waitForSelector('[data-testid="invoiceLines-row"]');
  await page.waitForSelector('[data-testid="placement-spend-costToDate"]');
  expect(await page.locator('[data-testid="invoiceLines-row"]').count()).toBe(2);
  expect(await cellOf('invoiceLines', 0, 'invoice')).toBe('HF-2026-03');
  expect(await row('invoiceLines', 0).locator('[data-field="invoice"] a').getAttribute('href')).toBe(`/invoices/${ids.invoice}/show`);
  expect(
    await Promise.all(['period', 'nights', 'expectedAmount', 'amount', 'difference'].map((f) => cellOf('invoiceLines', 1, f))),
  ).toEqual(['01/02/2026\u00a0–\u00a001/03/2026', '28', '£2,800.00', '£2,900.00', '£100.00']);
  expect(await stateText(1)).toMatch(/^Paid \| Disputed by admin@test\.placewise on .*: Respite weekend 16–18 January: no care given those nights$/);
  expect(await stateText(2)).toMatch(/^Paid \| Differs from the agreed fees by £100\.00 \| Credit note from the provider by .*: Credit note CN-311 for £100\.00$/);

  const { placementSpend: spend, placement } = await t.ok('query($id: ID!) { placementSpend(placementId: $id) { expected invoiced approved paid disputed variance } placement(id: $id) { committedCost } }', {
    id: ids.placement,
  });
  expect(spend).toMatchObject({ invoiced: '6000.00', approved: '0.00', paid: '6000.00', disputed: '0.00' });
  const figure = (key: string) => page.locator(`[data-testid="placement-spend-${key}"]`).innerText();
  expect({
    costToDate: await figure('costToDate'),
    committed: await figure('committed'),
    invoiced: await figure('invoiced'),
    approved: await figure('approved'),
    paid: await figure('paid'),
    disputed: await figure('disputed'),
    variance: await figure('variance'),
  }).toEqual({
    costToDate: formatMoney(spend.expected),
    committed: formatMoney(placement.committedCost),
    invoiced: '£6,000.00',
    approved: '£0.00',
    paid: '£6,000.00',
    disputed: '£0.00',
    variance: formatMoney(spend.variance),
  });
  await page.locator('[data-testid="embedded-invoiceLines"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'invoice-disputes-placement');
  expect(pageErrors).toEqual([]);
});

test('analysts read the lines and their state but get no Dispute or Resolve', async () => {
  const { createInvoice: invoice } = await t.ok('mutation($i: InvoiceCreateInput!) { createInvoice(input: $i) { id status } }', {
    i: {
      providerId: (await t.ok('query($id: ID!) { placement(id: $id) { providerId } }', { id: ids.placement })).placement.providerId,
      reference: 'HF-2026-04',
      receivedDate: '2026-04-02',
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      lines: [{ description: 'HD1 March', amount: '3000.00', placementId: ids.placement, fromDate: '2026-03-01', toDate: '2026-04-01' }],
    },
  });
  expect(invoice.status).toBe('DISPUTED');
  const analyst = await t.userWithRole('ANALYST');
  const other = await (await newContext(browser, t.api.url)).newPage();
  await signIn(other, analyst.email, 'a-long-enough-password', undefined, 'dashboard');
  await other.goto(`/invoices/${invoice.id}/show`);
  await other.waitForSelector('[data-testid="line-state-1"][data-status="DISPUTED"]');
  expect((await other.locator('[data-testid="line-state-1"]').innerText()).split(/\n+/)).toEqual(['Disputed', 'Differs from the agreed fees by -£100.00']);
  expect(await other.locator('[data-testid^="dispute-line-"], [data-testid^="resolve-line-"]').count()).toBe(0);
  await other.context().close();
});
