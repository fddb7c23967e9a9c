import { createProvider, tableCounts, type Row } from '../support/fixtures';
import { createChild } from '../support/services';
import { startTestApi, type TestApi } from '../support/test-api';

// From need to matched invoice: a school route and a contact arrangement are bought through
// procurement rounds, their journeys and sessions priced by what the award created, invoiced
// and matched; then the child's whole care cost and the budget position show them.
const ROUND = 'id version status needDescription startDate endDate transportRouteId contactArrangementId';
let t: TestApi;
let child: Row;
let carriers: { a: Row; b: Row; other: Row };
let contactProvider: Row;
let route: Row;
let transportContract: Row;
let journeys: Row[];
let arrangement: Row;

const createRound = (i: Record<string, unknown>) =>
  t.ok(`mutation($i: ProcurementRoundCreateInput!) { createProcurementRound(input: $i) { ${ROUND} } }`, { i: { closesAt: new Date(Date.now() + 3600_000).toISOString(), ...i } }).then((d) => d.createProcurementRound);
const invite = (id: string, v: number, ids: string[]) => t.ok(`mutation($id: ID!, $v: Int!, $ids: [ID!]!) { inviteProviders(roundId: $id, version: $v, providerIds: $ids) { ${ROUND} } }`, { id, v, ids }).then((d) => d.inviteProviders);
const open = (id: string, v: number) => t.ok(`mutation($id: ID!, $v: Int!) { openProcurementRound(id: $id, version: $v) { ${ROUND} } }`, { id, v }).then((d) => d.openProcurementRound);
const close = (id: string, v: number) => t.ok(`mutation($id: ID!, $v: Int!) { closeProcurementRound(id: $id, version: $v) { ${ROUND} } }`, { id, v }).then((d) => d.closeProcurementRound);
const bid = (roundId: string, providerId: string, amount: string, quality: number) =>
  t.ok('mutation($r: ID!, $i: BidInput!) { submitBid(roundId: $r, input: $i) { id } }', { r: roundId, i: { providerId, amount, qualityMarks: [{ criterion: 'Quality', points: quality }] } }).then((d) => d.submitBid);
const invoice = (providerId: string, reference: string, lines: unknown[]) =>
  t.gql('mutation($i: InvoiceCreateInput!) { createInvoice(input: $i) { id version status total lines { lineNumber status amount expectedAmount difference fromDate toDate journey { date } session { date } } } }', {
    i: { providerId, reference, periodStart: '2026-09-01', periodEnd: '2026-09-30', receivedDate: '2026-10-02', lines },
  });

beforeAll(async () => {
  t = await startTestApi();
  child = await createChild(t, 'E2E-1');
  carriers = {
    a: await createProvider(t, { legalName: 'Alpha Cars', serviceCategories: ['TRANSPORT'] }),
    b: await createProvider(t, { legalName: 'Beta Taxis', serviceCategories: ['TRANSPORT'] }),
    other: await createProvider(t, { legalName: 'Gamma Coaches', serviceCategories: ['TRANSPORT'] }),
  };
  contactProvider = await createProvider(t, { legalName: 'Family Time CIC', serviceCategories: ['SUPERVISED_CONTACT'] });
});
afterAll(() => t.stop());

describe('transport: need → round → bids → evaluation → award → contract → journeys → invoice → matched', () => {
  it('buys a route through a round and prices its journeys at the winning bid', async () => {
    route = (
      await t.ok('mutation($i: TransportRouteInput!) { createTransportRoute(input: $i) { id version reference contractId } }', {
        i: {
          reference: 'R-E2E', purpose: 'SCHOOL', vehicleType: 'CAR', childIds: [child.id], fromPostcode: 'LU1 1AA', toPostcode: 'LU3 2AB', miles: '8.00',
          days: ['MON', 'WED', 'FRI'], pickupTime: '08:00', termStart: '2026-09-07', termEnd: '2026-10-16',
        },
      })
    ).createTransportRoute;
    let round = await createRound({ reference: 'RFQ-T1', title: 'School run for E2E-1', category: 'TRANSPORT', transportRouteId: route.id });
    expect(round).toMatchObject({ startDate: '2026-09-07', endDate: '2026-10-16', transportRouteId: route.id });
    expect(round.needDescription).toBe('Route R-E2E: SCHOOL, CAR, LU1 1AA to LU3 2AB, 8 miles each way, MON WED FRI at 08:00, 2026-09-07 to 2026-10-16. Price per journey.');
    round = await invite(round.id, round.version, [carriers.a.id, carriers.b.id]);
    round = await open(round.id, round.version);
    const alpha = await bid(round.id, carriers.a.id, '30.00', 80);
    await bid(round.id, carriers.b.id, '27.50', 60);
    round = await close(round.id, round.version);

    const { procurementRound } = await t.ok('query($id: ID!) { procurementRound(id: $id) { evaluation { rank amount qualityPoints pricePoints total bid { provider { legalName } } } } }', { id: round.id });
    // Alpha: 60 × 80/100 = 48.00 quality + 40 × 27.50/30.00 = 36.67 price = 84.67; Beta: 36.00 + 40.00 = 76.00.
    expect(procurementRound.evaluation).toEqual([
      { rank: 1, amount: '30.00', qualityPoints: '48.00', pricePoints: '36.67', total: '84.67', bid: { provider: { legalName: 'Alpha Cars' } } },
      { rank: 2, amount: '27.50', qualityPoints: '36.00', pricePoints: '40.00', total: '76.00', bid: { provider: { legalName: 'Beta Taxis' } } },
    ]);

    const award = await t.ok(
      `mutation($id: ID!, $v: Int!, $bid: ID!) { awardProcurementRound(id: $id, version: $v, bidId: $bid, contract: { reference: "TC-E2E", escortRate: "10.00", cancellation: { freeHours: 12 } }) {
        status contract { id kind weeklyFee startDate endDate provider { legalName } negotiations { id }
          priceSchedules { vehicleType pricingBasis rate escortRate waitingRatePerHour cancellation { freeHours latePercent noShowPercent } effectiveFrom effectiveTo } } } }`,
      { id: round.id, v: round.version, bid: alpha.id },
    );
    transportContract = award.awardProcurementRound.contract;
    expect(award.awardProcurementRound.status).toBe('AWARDED');
    expect(transportContract).toMatchObject({ kind: 'TRANSPORT', weeklyFee: null, startDate: '2026-09-07', endDate: '2026-10-16', provider: { legalName: 'Alpha Cars' }, negotiations: [] });
    expect(transportContract.priceSchedules).toEqual([
      { vehicleType: 'CAR', pricingBasis: 'PER_JOURNEY', rate: '30.00', escortRate: '10.00', waitingRatePerHour: '0.00', cancellation: { freeHours: 12, latePercent: 100, noShowPercent: 100 }, effectiveFrom: '2026-09-07', effectiveTo: '2026-10-16' },
    ]);
    const { transportRoute } = await t.ok('query($id: ID!) { transportRoute(id: $id) { version contractId } }', { id: route.id });
    expect(transportRoute.contractId).toBe(transportContract.id);
    route = { ...route, ...transportRoute };

    // Six weeks of Mondays, Wednesdays and Fridays: 18 journeys at £30.
    const generated = await t.ok('mutation($id: ID!, $v: Int!) { generateTermJourneys(routeId: $id, version: $v) { created route { totals { journeys cost } } } }', { id: route.id, v: route.version });
    expect(generated.generateTermJourneys).toEqual({ created: 18, route: { totals: { journeys: 18, cost: '540.00' } } });
    journeys = (await t.ok('query($r: ID!) { transportJourneys(filter: { routeId: { eq: $r } }) { nodes { id version date cost } } }', { r: route.id })).transportJourneys.nodes;
    const [first] = journeys;
    const done = await t.ok('mutation($id: ID!, $v: Int!) { updateTransportJourney(id: $id, version: $v, input: { status: COMPLETED, escort: true }) { date status cost } }', {
      id: first.id,
      v: first.version,
    });
    expect(done.updateTransportJourney).toEqual({ date: '2026-09-07', status: 'COMPLETED', cost: '40.00' });
  });

  it('refuses an invoice line for another provider’s journey, writing nothing', async () => {
    const before = await tableCounts(t);
    const res = await invoice(carriers.other.id, 'G-1', [{ journeyId: journeys[1].id, description: 'School run', amount: '30.00' }]);
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'lines.0.journeyId', message: 'is a journey of another provider' }]);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('matches the journeys invoiced against their cost and disputes the one that differs', async () => {
    const res = await invoice(carriers.a.id, 'A-0926', [
      { journeyId: journeys[0].id, description: 'School run with escort', amount: '40.00' },
      { journeyId: journeys[1].id, description: 'School run', amount: '32.00' },
    ]);
    expect(res.body.errors).toBeUndefined();
    const inv = res.body.data!.createInvoice;
    expect(inv.status).toBe('DISPUTED');
    expect(inv.total).toBe('72.00');
    expect(inv.lines).toEqual([
      { lineNumber: 1, status: 'MATCHED', amount: '40.00', expectedAmount: '40.00', difference: '0.00', fromDate: '2026-09-07', toDate: '2026-09-08', journey: { date: '2026-09-07' }, session: null },
      { lineNumber: 2, status: 'DISPUTED', amount: '32.00', expectedAmount: '30.00', difference: '2.00', fromDate: '2026-09-09', toDate: '2026-09-10', journey: { date: '2026-09-09' }, session: null },
    ]);
    await t.ok('mutation($id: ID!, $v: Int!) { approveInvoice(id: $id, version: $v, reason: "Waiting time agreed by phone") { status } }', { id: inv.id, v: inv.version });
  });
});

describe('invoice lines for journeys from a file', () => {
  it('imports a journey line by its id, matched against its cost, and refuses a file naming an unknown journey', async () => {
    const header = 'supplier,invoice_number,invoice_date,journey_id,from_date,to_date,amount,description';
    const bad = await t.gql('mutation($csv: String!) { importInvoiceLines(csv: $csv) { invoices } }', {
      csv: `${header}\nAlpha Cars,A-1026,2026-10-02,${journeys[2].id},,,30.00,School run\nAlpha Cars,A-1026,2026-10-02,00000000-0000-4000-8000-000000000000,,,30.00,School run\n`,
    });
    expect(bad.body.errors![0].extensions!.rowErrors).toEqual([{ line: 3, field: 'journey_id', message: 'no journey has this id' }]);
    const good = await t.ok('mutation($csv: String!) { importInvoiceLines(csv: $csv) { invoices lines matched disputed } }', {
      csv: `${header}\nAlpha Cars,A-1026,2026-10-02,${journeys[2].id},,,30.00,School run 11/09\nAlpha Cars,A-1026,2026-10-02,${journeys[3].id},2026-09-14,,31.50,School run 14/09\n`,
    });
    expect(good.importInvoiceLines).toEqual({ invoices: 1, lines: 2, matched: 1, disputed: 1 });
  });
});

describe('contact: an arrangement bought through a round, a session priced at the bid and matched', () => {
  it('awards the hourly rate and prices sessions at hours × rate + venue', async () => {
    arrangement = (
      await t.ok('mutation($i: ContactArrangementInput!) { createContactArrangement(input: $i) { id version reference } }', {
        i: { reference: 'CA-E2E', childId: child.id, contactWith: ['FATHER'], frequency: 'FORTNIGHTLY', supervisionLevel: 'SUPERVISED', venue: 'Town Contact Centre', sessionHours: '2.00', startDate: '2026-09-01', endDate: '2027-02-28' },
      })
    ).createContactArrangement;
    let round = await createRound({ reference: 'RFQ-C1', title: 'Contact for E2E-1', category: 'SUPERVISED_CONTACT', contactArrangementId: arrangement.id });
    expect(round.needDescription).toBe('Arrangement CA-E2E: SUPERVISED contact with FATHER, FORTNIGHTLY, 2 hours a session at Town Contact Centre, from 2026-09-01 to 2027-02-28. Price per hour.');
    round = await invite(round.id, round.version, [contactProvider.id]);
    round = await open(round.id, round.version);
    const only = await bid(round.id, contactProvider.id, '35.00', 70);
    round = await close(round.id, round.version);
    const award = await t.ok(
      `mutation($id: ID!, $v: Int!, $bid: ID!) { awardProcurementRound(id: $id, version: $v, bidId: $bid, contract: { reference: "CC-E2E", venueCharge: "12.00" }) {
        contract { id kind contactRates { supervisionLevel hourlyRate venueCharge effectiveFrom effectiveTo } } } }`,
      { id: round.id, v: round.version, bid: only.id },
    );
    expect(award.awardProcurementRound.contract).toMatchObject({
      kind: 'SUPERVISED_CONTACT',
      contactRates: [{ supervisionLevel: 'SUPERVISED', hourlyRate: '35.00', venueCharge: '12.00', effectiveFrom: '2026-09-01', effectiveTo: '2027-02-28' }],
    });
    const { contactArrangement } = await t.ok('query($id: ID!) { contactArrangement(id: $id) { version providerId contractId } }', { id: arrangement.id });
    expect(contactArrangement).toMatchObject({ providerId: contactProvider.id, contractId: award.awardProcurementRound.contract.id });
    const added = await t.ok('mutation($id: ID!, $v: Int!) { addContactSessions(arrangementId: $id, version: $v, sessions: [{ date: "2026-09-10", startTime: "16:00" }]) { id } }', {
      id: arrangement.id,
      v: contactArrangement.version,
    });
    expect(added.addContactSessions.id).toBe(arrangement.id);
    const [session] = (await t.ok('query($a: ID!) { contactSessions(filter: { arrangementId: { eq: $a } }) { nodes { id date cost } } }', { a: arrangement.id })).contactSessions.nodes;
    expect(session).toMatchObject({ date: '2026-09-10', cost: '82.00' }); // 2 × 35 + 12
    const res = await invoice(contactProvider.id, 'FT-0926', [{ sessionId: session.id, description: 'Contact 10/09', amount: '82.00' }]);
    expect(res.body.data!.createInvoice).toMatchObject({ status: 'MATCHED', lines: [{ status: 'MATCHED', expectedAmount: '82.00', session: { date: '2026-09-10' } }] });
  });
});

describe('the whole cost', () => {
  it('careCosts: placement + transport + contact for September, with its lines', async () => {
    const foster = await createProvider(t, { legalName: 'Hearth Fostering', serviceCategories: ['FOSTERING'] });
    const placed = await t.gql('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id reference } }', {
      i: { childId: child.id, providerId: foster.id, placementType: 'U6', providerCode: 'PR4', startDate: '2026-09-01', weeklyFee: '700.00', reference: 'PL-E2E' },
    });
    expect(placed.body.errors).toBeUndefined();
    const { careCosts } = await t.ok('query($c: ID!) { careCosts(childId: $c, from: "2026-09-01", to: "2026-10-01") { placements transport contact total lines { source reference amount } } }', { c: child.id });
    // 30 nights × £700 / 7 = £3,000; 11 journeys in September (Mondays, Wednesdays, Fridays from the 7th): £40 + 10 × £30 = £340; one session £82.
    expect(careCosts).toEqual({
      placements: '3000.00',
      transport: '340.00',
      contact: '82.00',
      total: '3422.00',
      lines: [
        { source: 'PLACEMENTS', reference: 'PL-E2E', amount: '3000.00' },
        { source: 'TRANSPORT', reference: 'R-E2E', amount: '340.00' },
        { source: 'CONTACT', reference: 'CA-E2E', amount: '82.00' },
      ],
    });
  });

  it('budgetPosition: transport and contact in other looked-after services, invoiced as actual and the rest committed', async () => {
    const { budgetPosition } = await t.ok('{ budgetPosition(financialYear: "2026-27", asOf: "2026-09-01") { lines { category actual committed bySource { source actual committed } } } }');
    const other = budgetPosition.lines.find((l: Row) => l.category === 'OTHER_LOOKED_AFTER');
    // Transport: the approved invoice (£72) is actual; the 16 journeys not invoiced (£480) are committed.
    // Contact: the session's invoice is not approved yet, so its £82 is committed.
    expect(other).toEqual({
      category: 'OTHER_LOOKED_AFTER',
      actual: '72.00',
      committed: '562.00',
      bySource: [
        { source: 'PLACEMENTS', actual: '0.00', committed: '0.00' },
        { source: 'TRANSPORT', actual: '72.00', committed: '480.00' },
        { source: 'CONTACT', actual: '0.00', committed: '82.00' },
      ],
    });
  });
});
