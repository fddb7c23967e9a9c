import type { Browser, Page } from 'playwright-core';
import { createProvider, createSetting, tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';
import { dialogOpened, openAdmin, screenshot } from './support/browser';

// A guard against a hung browser, not a timing assertion.
jest.setTimeout(180_000);

let t: TestApi;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const ids: Record<string, string> = {};

const EVALUATION = 'rank amount qualityPointsGiven qualityPointsAvailable qualityScore qualityPoints pricePoints total bid { id version notes provider { legalName } qualityMarks { criterion points } }';

beforeAll(async () => {
  t = await startTestApi();
  // Two fostering providers: one 0 miles from the need, one with no known location; both eligible.
  const harbour = await createProvider(t, { legalName: 'Harbour Fostering Ltd', providerCode: 'PR4', serviceCategories: ['FOSTERING'] });
  await createSetting(t, { providerId: harbour.id, name: 'Harbour office', kind: 'FOSTERING_AGENCY_OFFICE', latitude: 50.7195, longitude: -1.8795 });
  const heath = await createProvider(t, { legalName: 'Heath Fostering Ltd', providerCode: 'PR5', serviceCategories: ['FOSTERING'] });
  ids.harbour = harbour.id;
  ids.heath = heath.id;
  const { createProcurementRound: round } = await t.ok(
    `mutation { createProcurementRound(input: {
      reference: "RFQ-2026-033", title: "Foster placement for GH78", category: PLACEMENT, childReference: "GH78",
      placementType: U4, needLevel: STANDARD, childAge: 7, startDate: "2026-07-01", endDate: "2026-12-31",
      postcode: "BH2 5AA", latitude: 50.7195, longitude: -1.8795, radiusMiles: 20, closesAt: "2030-01-15T12:00:00Z",
      scoringMatrix: [{ criterion: "Matching", maxPoints: 60 }, { criterion: "Safeguarding", maxPoints: 40 }]
    }) { id version } }`,
  );
  ids.round = round.id;
  await t.ok('mutation($id: ID!, $v: Int!, $p: [ID!]!) { inviteProviders(roundId: $id, version: $v, providerIds: $p) { id } }', { id: round.id, v: round.version, p: [harbour.id, heath.id] });

  ({ browser, page } = await openAdmin(t.api.url, pageErrors));
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const text = (selector: string) => page.locator(selector).first().innerText();
const evaluationRows = () => page.locator('[data-testid="evaluation-row"]');
const roundOverApi = async () =>
  (await t.ok(`query($id: ID!) { procurementRound(id: $id) { status version evaluation { ${EVALUATION} } } }`, { id: ids.round })).procurementRound;

/** Opens an action's dialog and fills its fields (texts typed as an officer would). */
async function openAction(testId: string, values: Record<string, string> = {}): Promise<void> {
  await page.click(`[data-testid="${testId}"]`);
  await dialogOpened(page);
  for (const [name, value] of Object.entries(values)) await page.fill(`[data-testid="${testId}-dialog"] [data-testid="action-field-${name}"]`, value);
}

/** Record bid: the provider picked by name, then the price and notes. */
async function recordBid(provider: string, amount: string, notes: string): Promise<void> {
  await openAction('record-bid', { amount, notes });
  await page.click('[data-testid="record-bid-dialog"] [role="combobox"]');
  await page.getByRole('option', { name: provider, exact: true }).click();
  await page.click('[data-testid="record-bid-confirm"]');
}

async function score(bidId: string, matching: string, safeguarding: string): Promise<void> {
  await openAction(`score-bid-${bidId}`, { mark0: matching, mark1: safeguarding });
  await page.click(`[data-testid="score-bid-${bidId}-confirm"]`);
}

/** A row of the evaluation table as shown. */
async function shownRow(bidId: string): Promise<Record<string, string>> {
  const row = page.locator(`[data-testid="evaluation-row"][data-bid="${bidId}"]`);
  const out: Record<string, string> = {};
  for (const f of ['rank', 'provider', 'amount', 'quality', 'qualityPoints', 'pricePoints', 'total']) out[f] = await row.locator(`[data-field="${f}"]`).innerText();
  return out;
}

test('bids are recorded and scored from the round’s page, its evaluation is the API’s to the penny and point, and it is awarded', async () => {
  await page.goto(`/procurementRounds/${ids.round}/show/bids`);
  await page.waitForSelector('[data-testid="round-workspace"][data-status="DRAFT"]');
  expect(await page.locator('[data-testid="record-bid"]').count()).toBe(0);
  await page.click('[data-testid="open-round"]');
  await dialogOpened(page);
  await page.click('[data-testid="open-round-confirm"]');
  await page.waitForSelector('[data-testid="round-workspace"][data-status="OPEN"]');

  // The provider list offers the invited providers only.
  await page.click('[data-testid="record-bid"]');
  await dialogOpened(page);
  await page.click('[data-testid="record-bid-dialog"] [role="combobox"]');
  expect((await page.locator('[role="listbox"] [role="option"]').allInnerTexts()).sort()).toEqual(['Harbour Fostering Ltd', 'Heath Fostering Ltd']);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="record-bid-dialog"]', { state: 'detached' });

  // A weekly fee of £0 is refused by the server under the fee, and nothing is written.
  const before = await tableCounts(t);
  await recordBid('Heath Fostering Ltd', '£0', 'Free of charge?');
  await page.waitForSelector('[data-testid="record-bid-dialog"] [data-testid="action-error-amount"]:has-text("zero")');
  expect(await text('[data-testid="action-error-amount"]')).toBe('must be more than zero');
  expect(await page.locator('[data-testid="record-bid-dialog"] [data-testid="action-problem"]').count()).toBe(0);
  await screenshot(page, 'round-bid-refused');
  expect(await tableCounts(t)).toEqual(before);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="record-bid-dialog"]', { state: 'detached' });

  await recordBid('Harbour Fostering Ltd', '£812.50', 'Carer lives two streets from the school');
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-testid="evaluation-row"]').length === 1);
  await recordBid('Heath Fostering Ltd', '870', 'Therapeutic carers');
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-testid="evaluation-row"]').length === 2);
  // Every invited provider has bid: nobody is left to record a bid for.
  expect(await page.locator('[data-testid="record-bid"]').isDisabled()).toBe(true);

  const recorded = await roundOverApi();
  const bidOf = (name: string) => recorded.evaluation.find((e: any) => e.bid.provider.legalName === name).bid;
  const harbour = bidOf('Harbour Fostering Ltd');
  const heath = bidOf('Heath Fostering Ltd');
  expect(harbour).toMatchObject({ version: 1, notes: 'Carer lives two streets from the school', qualityMarks: [] });
  expect(heath).toMatchObject({ version: 1, notes: 'Therapeutic carers', qualityMarks: [] });
  expect(recorded.evaluation.map((e: any) => [e.bid.provider.legalName, e.amount, e.rank, e.total]).sort()).toEqual([
    ['Harbour Fostering Ltd', '812.50', null, null],
    ['Heath Fostering Ltd', '870.00', null, null],
  ]);
  expect(await shownRow(heath.id)).toMatchObject({ rank: 'Not scored', amount: '£870.00', quality: 'Not scored', total: '—' });

  // Too many points for Matching (out of 60): the server's message is under that criterion's input.
  await openAction(`score-bid-${harbour.id}`, { mark0: '61', mark1: '30' });
  // Each criterion with its maximum, both required (MUI marks them with an asterisk).
  const labels = await page.locator(`[data-testid="score-bid-${harbour.id}-dialog"] label`).allInnerTexts();
  expect(labels.map((l) => l.replace(/\s+\*$/, ''))).toEqual(['Matching (0 to 60)', 'Safeguarding (0 to 40)']);
  await page.click(`[data-testid="score-bid-${harbour.id}-confirm"]`);
  await page.waitForSelector('[data-testid="action-error-mark0"]:has-text("at most")');
  expect(await text('[data-testid="action-error-mark0"]')).toBe('must be at most 60');
  expect(await text('[data-testid="action-error-mark1"]')).toBe('40 of the 100 quality points');
  await screenshot(page, 'round-score-dialog');
  await page.fill('[data-testid="action-field-mark0"]', '50');
  await page.click(`[data-testid="score-bid-${harbour.id}-confirm"]`);
  await page.waitForSelector(`[data-testid="evaluation-row"][data-bid="${harbour.id}"] [data-field="rank"]:has-text("1")`);

  // Someone else scores Heath's bid while the dialog is open: CONFLICT, and the scores are read again.
  await openAction(`score-bid-${heath.id}`, { mark0: '57', mark1: '39' });
  await t.ok('mutation($id: ID!, $v: Int!) { scoreBid(id: $id, version: $v, qualityMarks: [{ criterion: "Matching", points: 40 }, { criterion: "Safeguarding", points: 20 }]) { id } }', { id: heath.id, v: heath.version });
  await page.click(`[data-testid="score-bid-${heath.id}-confirm"]`);
  await page.waitForSelector(`[data-testid="score-bid-${heath.id}-dialog"] [data-testid="action-problem"]`);
  expect(await text('[data-testid="action-problem"]')).toBe('Someone else changed this record after you opened it: it has been read again. Check it and try once more.');
  await page.locator(`[data-testid="score-bid-${heath.id}-dialog"]`).getByRole('button', { name: 'Cancel' }).click();
  await page.waitForSelector(`[data-testid="score-bid-${heath.id}-dialog"]`, { state: 'detached' });
  await page.waitForSelector(`[data-testid="evaluation-row"][data-bid="${heath.id}"] [data-field="quality"]:has-text("60 / 100")`);
  // Scored again over the other officer's marks, with the version now on screen.
  await score(heath.id, '57', '39');
  await page.waitForSelector(`[data-testid="evaluation-row"][data-bid="${heath.id}"] [data-field="quality"]:has-text("96 / 100")`);

  // Heath: quality 60 × 96 / 100 = 57.60; price 40 × 812.50 / 870.00 = 37.356… → 37.36; total 94.956… → 94.96, first.
  // Harbour: quality 60 × 80 / 100 = 48.00; price 40.00 (the lowest bid); total 88.00, second.
  const expected = {
    [heath.id]: { rank: '1', provider: 'Heath Fostering Ltd', amount: '£870.00', quality: '96 / 100 (96.00%)', qualityPoints: '57.60', pricePoints: '37.36', total: '94.96' },
    [harbour.id]: { rank: '2', provider: 'Harbour Fostering Ltd', amount: '£812.50', quality: '80 / 100 (80.00%)', qualityPoints: '48.00', pricePoints: '40.00', total: '88.00' },
  };
  expect(await shownRow(heath.id)).toEqual(expected[heath.id]);
  expect(await shownRow(harbour.id)).toEqual(expected[harbour.id]);
  // The table is the API's evaluation, in its order, figure for figure.
  const scored = await roundOverApi();
  expect(await evaluationRows().evaluateAll((trs: any[]) => trs.map((tr) => tr.dataset.bid))).toEqual(scored.evaluation.map((e: any) => e.bid.id));
  for (const e of scored.evaluation) {
    expect(await shownRow(e.bid.id)).toEqual({
      rank: String(e.rank),
      provider: e.bid.provider.legalName,
      amount: `£${e.amount}`,
      quality: `${e.qualityPointsGiven} / ${e.qualityPointsAvailable} (${e.qualityScore}%)`,
      qualityPoints: e.qualityPoints,
      pricePoints: e.pricePoints,
      total: e.total,
    });
  }
  expect(scored.evaluation.map((e: any) => ({ id: e.bid.id, marks: e.bid.qualityMarks, version: e.bid.version }))).toEqual([
    { id: heath.id, marks: [{ criterion: 'Matching', points: 57 }, { criterion: 'Safeguarding', points: 39 }], version: 3 },
    { id: harbour.id, marks: [{ criterion: 'Matching', points: 50 }, { criterion: 'Safeguarding', points: 30 }], version: 2 },
  ]);
  await screenshot(page, 'round-bids-scored');

  // Close and award from the page: the first-ranked bid is chosen already.
  await page.click('[data-testid="close-round"]');
  await dialogOpened(page);
  await page.click('[data-testid="close-round-confirm"]');
  await page.waitForSelector('[data-testid="round-workspace"][data-status="CLOSED"]');
  await openAction('award-round', { reference: 'IPA-2026-0233' });
  expect(await page.locator('[data-testid="award-round-dialog"] input[name="bidId"]').inputValue()).toBe(heath.id);
  await page.click('[data-testid="award-round-confirm"]');
  await page.waitForSelector('[data-testid="round-workspace"][data-status="AWARDED"]');
  expect(await text('[data-testid="round-contract"]')).toBe('Contract: IPA-2026-0233 · £870.00');
  // Scores stand once awarded: no Score buttons, no Record bid.
  expect(await page.locator('[data-testid^="score-bid-"], [data-testid="record-bid"]').count()).toBe(0);

  const { procurementRound: awarded } = await t.ok(
    'query($id: ID!) { procurementRound(id: $id) { status awardedBidId contract { reference kind weeklyFee startDate endDate provider { legalName } } } }',
    { id: ids.round },
  );
  expect(awarded).toEqual({
    status: 'AWARDED',
    awardedBidId: heath.id,
    contract: { reference: 'IPA-2026-0233', kind: 'SPOT', weeklyFee: '870.00', startDate: '2026-07-01', endDate: '2026-12-31', provider: { legalName: 'Heath Fostering Ltd' } },
  });
  expect(pageErrors).toEqual([]);
});
