import { createProvider, tableCounts } from '../support/fixtures';
import { ADMIN, startTestApi, type TestApi } from '../support/test-api';

/**
 * Disputing an invoice line by hand and resolving a dispute: the line's status and reasons,
 * the invoice's status following its lines, the spend figures, and every refusal writing nothing.
 */
let t: TestApi;
let providerId: string;
let placementIds: string[] = [];
let n = 0;

// £700.00 a week is exactly £100.00 a night, so every expected amount below is nights × £100.
beforeAll(async () => {
  t = await startTestApi();
  const { createAuthority: a } = await t.ok('mutation { createAuthority(input: { name: "Dispute Council", onsCode: "E06000078" }) { id } }');
  const localityId = (await t.ok('mutation($i: LocalityCreateInput!) { createLocality(input: $i) { id } }', { i: { authorityId: a.id, name: 'North' } })).createLocality.id;
  providerId = (await createProvider(t, { legalName: 'Dispute Fostering Ltd', serviceCategories: ['FOSTERING'] })).id;
  for (let i = 0; i < 4; i++) {
    const child = (await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', { i: { caseReference: `DSP-C${i}`, initials: 'EF', dateOfBirth: '2014-05-01', gender: 'FEMALE', localityId } })).createChild;
    const input = { childId: child.id, providerId, placementType: 'U4', providerCode: 'PR4', startDate: '2026-01-01', weeklyFee: '700.00', reference: `DSP-P${i}` };
    placementIds.push((await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id } }', { i: input })).createPlacement.id);
  }
});
afterAll(() => t.stop());

const LINE = 'id version lineNumber amount expectedAmount difference status disputeReason disputedBy disputedAt resolution resolutionReason resolvedBy resolvedAt';
const INVOICE = `id version status approvalReason lines { ${LINE} }`;
const DISPUTE = `mutation($id: ID!, $v: Int!, $r: String!) { disputeInvoiceLine(id: $id, version: $v, reason: $r) { ${LINE} invoice { id version status } } }`;
const RESOLVE = `mutation($id: ID!, $v: Int!, $res: InvoiceLineResolution!, $r: String!) { resolveInvoiceLine(id: $id, version: $v, resolution: $res, reason: $r) { ${LINE} invoice { id version status } } }`;
const readInvoice = async (id: string) => (await t.ok(`query($id: ID!) { invoice(id: $id) { ${INVOICE} } }`, { id })).invoice;
const spend = async (placementId: string) =>
  (await t.ok('query($id: ID!) { placementSpend(placementId: $id, asOf: "2026-03-01") { expected invoiced paid approved disputed variance } }', { id: placementId })).placementSpend;
const providerDisputed = async () =>
  (await t.ok('query($p: ID!) { providerSpend(providerId: $p, financialYear: "2025-26", asOf: "2026-03-01") { invoiced approved paid disputed } }', { p: providerId })).providerSpend;

/** January (31 nights, £3,100.00: matches) and February (28 nights, expected £2,800.00, invoiced £2,900.00: disputed). */
async function januaryAndFebruary(placementId = placementIds[0]) {
  const lines = [
    { placementId, description: 'Care in January', fromDate: '2026-01-01', toDate: '2026-02-01', amount: '3100.00' },
    { placementId, description: 'Care in February', fromDate: '2026-02-01', toDate: '2026-03-01', amount: '2900.00' },
  ];
  const input = { providerId, reference: `DSP-${++n}`, periodStart: '2026-01-01', periodEnd: '2026-02-28', receivedDate: '2026-03-02', lines };
  return (await t.ok(`mutation($i: InvoiceCreateInput!) { createInvoice(input: $i) { ${INVOICE} } }`, { i: input })).createInvoice;
}

/** Sends a request that must be refused, and checks that no table changed and the invoice reads the same. */
async function refused(invoiceId: string, query: string, variables: Record<string, unknown>, token?: string) {
  const counts = await tableCounts(t);
  const before = await readInvoice(invoiceId);
  const res = await t.gql(query, variables, token);
  expect(res.body.data ?? null).toBeNull();
  expect(await tableCounts(t)).toEqual(counts);
  expect(await readInvoice(invoiceId)).toEqual(before);
  return res.body.errors![0];
}

describe('disputing and resolving invoice lines', () => {
  let invoice: any;

  it('creates the invoice DISPUTED, with one matched and one disputed line and no reasons yet', async () => {
    invoice = await januaryAndFebruary();
    expect(invoice.status).toBe('DISPUTED');
    expect(invoice.lines.map((l: any) => [l.status, l.amount, l.expectedAmount, l.difference, l.disputeReason, l.resolution])).toEqual([
      ['MATCHED', '3100.00', '3100.00', '0.00', null, null],
      ['DISPUTED', '2900.00', '2800.00', '100.00', null, null],
    ]);
    expect(await spend(placementIds[0])).toEqual({ expected: '5900.00', invoiced: '6000.00', paid: '0.00', approved: '0.00', disputed: '2900.00', variance: '100.00' });
  });

  it('disputes the matched line by hand: reason, who and when; the invoice gets a new version', async () => {
    const [january] = invoice.lines;
    const line = (await t.ok(DISPUTE, { id: january.id, v: january.version, r: '  Child was in hospital 10–12 January; no care given  ' })).disputeInvoiceLine;
    expect(line).toMatchObject({
      status: 'DISPUTED',
      version: january.version + 1,
      disputeReason: 'Child was in hospital 10–12 January; no care given',
      disputedBy: ADMIN.email,
      resolution: null,
      resolutionReason: null,
      invoice: { id: invoice.id, version: invoice.version + 1, status: 'DISPUTED' },
    });
    expect(Date.now() - Date.parse(line.disputedAt)).toBeLessThan(60_000);
    const reread = await readInvoice(invoice.id);
    expect(reread.lines.map((l: any) => l.status)).toEqual(['DISPUTED', 'DISPUTED']);
    expect(reread.lines[0].disputeReason).toBe('Child was in hospital 10–12 January; no care given');
    // Disputed now counts both lines, for the placement and for the provider.
    expect(await spend(placementIds[0])).toMatchObject({ invoiced: '6000.00', disputed: '6000.00' });
    expect(await providerDisputed()).toEqual({ invoiced: '6000.00', approved: '0.00', paid: '0.00', disputed: '6000.00' });
    const trail = (await t.ok('query($id: ID!) { auditTrail(entityType: "InvoiceLine", entityId: $id) { action actorEmail changes { field before after } } }', { id: january.id })).auditTrail;
    expect(trail.map((e: any) => e.action)).toEqual(['CREATE', 'UPDATE']);
    expect(trail[1].actorEmail).toBe(ADMIN.email);
    expect(trail[1].changes.filter((c: any) => ['status', 'disputeReason'].includes(c.field))).toEqual([
      { field: 'disputeReason', before: null, after: 'Child was in hospital 10–12 January; no care given' },
      { field: 'status', before: 'MATCHED', after: 'DISPUTED' },
    ]);
    invoice = reread;
  });

  it('refuses an approval from a screen that has not seen the dispute (the invoice’s version moved)', async () => {
    const error = await refused(invoice.id, 'mutation($id: ID!, $v: Int!) { approveInvoice(id: $id, version: $v, reason: "ok") { id } }', { id: invoice.id, v: invoice.version - 1 });
    expect(error.extensions!.code).toBe('CONFLICT');
  });

  it('resolves the overcharged line (credit note): RESOLVED, the invoice stays DISPUTED while another line is', async () => {
    const february = invoice.lines[1];
    const line = (await t.ok(RESOLVE, { id: february.id, v: february.version, res: 'CREDIT_NOTE', r: 'Credit note CN-88 for £100.00 received' })).resolveInvoiceLine;
    expect(line).toMatchObject({ status: 'RESOLVED', version: february.version + 1, resolution: 'CREDIT_NOTE', resolutionReason: 'Credit note CN-88 for £100.00 received', resolvedBy: ADMIN.email, disputeReason: null });
    expect(line.invoice).toEqual({ id: invoice.id, version: invoice.version + 1, status: 'DISPUTED' });
    expect(await spend(placementIds[0])).toMatchObject({ invoiced: '6000.00', disputed: '3100.00', approved: '0.00' });
    invoice = await readInvoice(invoice.id);
  });

  it('resolves the last disputed line: the invoice goes back to MATCHED and nothing is disputed', async () => {
    const january = invoice.lines[0];
    const line = (await t.ok(RESOLVE, { id: january.id, v: january.version, res: 'WITHDRAWN', r: 'Hospital stay was a day visit; care was given' })).resolveInvoiceLine;
    expect(line).toMatchObject({ status: 'RESOLVED', resolution: 'WITHDRAWN', disputeReason: 'Child was in hospital 10–12 January; no care given' });
    expect(line.invoice.status).toBe('MATCHED');
    invoice = await readInvoice(invoice.id);
    expect(invoice.lines.map((l: any) => [l.status, l.resolution])).toEqual([
      ['RESOLVED', 'WITHDRAWN'],
      ['RESOLVED', 'CREDIT_NOTE'],
    ]);
    expect(await spend(placementIds[0])).toEqual({ expected: '5900.00', invoiced: '6000.00', paid: '0.00', approved: '0.00', disputed: '0.00', variance: '100.00' });
    expect(await providerDisputed()).toMatchObject({ disputed: '0.00' });
  });

  it('disputes a resolved line again, clearing its resolution; resolving it again leaves the invoice MATCHED', async () => {
    const february = invoice.lines[1];
    const disputed = (await t.ok(DISPUTE, { id: february.id, v: february.version, r: 'The credit note never came' })).disputeInvoiceLine;
    expect(disputed).toMatchObject({ status: 'DISPUTED', disputeReason: 'The credit note never came', resolution: null, resolutionReason: null, resolvedBy: null, resolvedAt: null });
    expect(disputed.invoice.status).toBe('DISPUTED');
    const resolved = (await t.ok(RESOLVE, { id: february.id, v: disputed.version, res: 'ACCEPTED', r: 'Extra £100 agreed with the manager for holiday activities' })).resolveInvoiceLine;
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: 'ACCEPTED' });
    expect(resolved.invoice.status).toBe('MATCHED');
    invoice = await readInvoice(invoice.id);
  });

  it('approves without the blanket reason once every dispute is resolved, then pays', async () => {
    const approved = (await t.ok(`mutation($id: ID!, $v: Int!) { approveInvoice(id: $id, version: $v) { ${INVOICE} } }`, { id: invoice.id, v: invoice.version })).approveInvoice;
    expect(approved.status).toBe('APPROVED');
    expect(approved.approvalReason).toBeNull();
    expect(approved.lines.map((l: any) => [l.status, l.resolution])).toEqual([
      ['APPROVED', 'WITHDRAWN'],
      ['APPROVED', 'ACCEPTED'],
    ]);
    expect(await spend(placementIds[0])).toMatchObject({ approved: '6000.00', disputed: '0.00' });
    invoice = approved;
  });

  it.each([
    ['dispute', DISPUTE, {}],
    ['resolve', RESOLVE, { res: 'ACCEPTED' }],
  ])('refuses to %s a line of an APPROVED invoice, naming id, writing nothing', async (_label, query, extra) => {
    const line = invoice.lines[0];
    const error = await refused(invoice.id, query, { id: line.id, v: line.version, r: 'too late', ...extra });
    expect(error.extensions!.fieldErrors).toEqual([{ field: 'id', message: 'the invoice is APPROVED; only lines of a MATCHED or DISPUTED invoice can be disputed or resolved' }]);
  });

  it('refuses to dispute a line of a PAID invoice', async () => {
    const paid = (await t.ok(`mutation($id: ID!, $v: Int!) { payInvoice(id: $id, version: $v, paidDate: "2026-03-20") { ${INVOICE} } }`, { id: invoice.id, v: invoice.version })).payInvoice;
    expect(paid.status).toBe('PAID');
    const line = paid.lines[1];
    const error = await refused(invoice.id, DISPUTE, { id: line.id, v: line.version, r: 'too late' });
    expect(error.extensions!.fieldErrors).toEqual([{ field: 'id', message: 'the invoice is PAID; only lines of a MATCHED or DISPUTED invoice can be disputed or resolved' }]);
    expect(await spend(placementIds[0])).toMatchObject({ paid: '6000.00', approved: '0.00', disputed: '0.00' });
  });
});

describe('refusals write nothing', () => {
  let invoice: any;
  let matched: any;
  let disputed: any;
  beforeAll(async () => {
    invoice = await januaryAndFebruary(placementIds[1]);
    [matched, disputed] = invoice.lines;
  });

  it.each([
    ['an empty reason', () => [DISPUTE, { id: matched.id, v: matched.version, r: '   ' }], { field: 'reason', message: 'is required: say why' }],
    ['a reason over 2,000 characters', () => [RESOLVE, { id: disputed.id, v: disputed.version, res: 'ACCEPTED', r: 'x'.repeat(2001) }], { field: 'reason', message: 'must be at most 2000 characters' }],
    ['an id that is not a UUID', () => [DISPUTE, { id: 'line-1', v: 1, r: 'why' }], { field: 'id', message: 'is not a valid id (a UUID)' }],
    ['disputing a line already disputed', () => [DISPUTE, { id: disputed.id, v: disputed.version, r: 'again' }], { field: 'id', message: 'line 2 is already disputed' }],
    ['resolving a line that is not disputed', () => [RESOLVE, { id: matched.id, v: matched.version, res: 'ACCEPTED', r: 'fine' }], { field: 'id', message: 'line 1 is MATCHED; only a DISPUTED line can be resolved' }],
  ])('refuses %s with the field named', async (_label, request, fieldError) => {
    const [query, variables] = request() as [string, Record<string, unknown>];
    const error = await refused(invoice.id, query, variables);
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    expect(error.extensions!.fieldErrors).toEqual([fieldError]);
  });

  it('refuses an unknown line with NOT_FOUND', async () => {
    const error = await refused(invoice.id, DISPUTE, { id: '00000000-0000-4000-8000-000000000099', v: 1, r: 'why' });
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'InvoiceLine' });
  });

  it.each([
    ['dispute', () => [DISPUTE, { id: matched.id, v: matched.version + 1, r: 'why' }]],
    ['resolve', () => [RESOLVE, { id: disputed.id, v: disputed.version - 1, res: 'ACCEPTED', r: 'why' }]],
  ])('refuses to %s with a stale version: CONFLICT', async (_label, request) => {
    const [query, variables] = request() as [string, Record<string, unknown>];
    const error = await refused(invoice.id, query, variables);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', entity: 'InvoiceLine' });
  });

  it('refuses an unknown resolution before running anything', async () => {
    const error = await refused(invoice.id, RESOLVE, { id: disputed.id, v: disputed.version, res: 'FORGIVEN', r: 'why' });
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('refuses analysts (read-only): FORBIDDEN', async () => {
    const analyst = await t.userWithRole('ANALYST');
    const error = await refused(invoice.id, DISPUTE, { id: matched.id, v: matched.version, r: 'why' }, analyst.token);
    expect(error.extensions!.code).toBe('FORBIDDEN');
  });

  it('lets exactly one of two concurrent disputes of the same line win', async () => {
    const results = await Promise.all(['first', 'second'].map((r) => t.gql(DISPUTE, { id: matched.id, v: matched.version, r })));
    expect(results.filter((r) => !r.body.errors)).toHaveLength(1);
    expect(results.filter((r) => r.body.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(1);
  });
});

describe('Placement.invoiceLines', () => {
  it('lists a placement’s lines with their invoice and matching state, oldest nights first', async () => {
    const { placement } = await t.ok('query($id: ID!) { placement(id: $id) { invoiceLines { lineNumber fromDate toDate nights amount expectedAmount difference status invoice { reference } } } }', {
      id: placementIds[1],
    });
    expect(placement.invoiceLines).toEqual([
      { lineNumber: 1, fromDate: '2026-01-01', toDate: '2026-02-01', nights: 31, amount: '3100.00', expectedAmount: '3100.00', difference: '0.00', status: 'DISPUTED', invoice: { reference: 'DSP-2' } },
      { lineNumber: 2, fromDate: '2026-02-01', toDate: '2026-03-01', nights: 28, amount: '2900.00', expectedAmount: '2800.00', difference: '100.00', status: 'DISPUTED', invoice: { reference: 'DSP-2' } },
    ]);
  });

  it('lets analysts read them (read-only, no child), with the records each line points to', async () => {
    const analyst = await t.userWithRole('ANALYST');
    const { placement } = await t.ok(
      'query($id: ID!) { placement(id: $id) { invoiceLines { status amount invoice { id reference } placement { id reference } journey { id } session { id } } } }',
      { id: placementIds[1] },
      analyst.token,
    );
    expect(placement.invoiceLines.map((l: any) => [l.status, l.amount, l.invoice.reference, l.placement.reference, l.journey, l.session])).toEqual([
      ['DISPUTED', '3100.00', 'DSP-2', 'DSP-P1', null, null],
      ['DISPUTED', '2900.00', 'DSP-2', 'DSP-P1', null, null],
    ]);
  });

  it('loads the lines of a page of placements and their invoices in one query each (no N+1)', async () => {
    await januaryAndFebruary(placementIds[2]);
    await januaryAndFebruary(placementIds[3]);
    const QUERY = (first: number) => `{ placements(first: ${first}, orderBy: [{ field: createdAt, direction: ASC }]) { nodes { reference invoiceLines { amount status invoice { reference status } } } } }`;
    await t.ok('{ me { id } }');
    let small: any;
    let large: any;
    const one = await t.countStatements(async () => (small = await t.ok(QUERY(1))));
    const four = await t.countStatements(async () => (large = await t.ok(QUERY(4))));
    expect(small.placements.nodes.map((p: any) => p.invoiceLines.length)).toEqual([2]);
    expect(large.placements.nodes.map((p: any) => [p.reference, p.invoiceLines.length])).toEqual([
      ['DSP-P0', 2],
      ['DSP-P1', 2],
      ['DSP-P2', 2],
      ['DSP-P3', 2],
    ]);
    // one page query, one query for every placement's lines, one for their invoices
    expect(one).toBe(3);
    expect(four).toBe(3);
  });
});
