import { createChild, providerWithContract } from '../support/services';
import { tableCounts, type Row } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

// The summer term 2026: 20 April to 17 July, half-term 25–29 May (with the spring bank
// holiday in it), and the early May bank holiday on 4 May: 59 school days, 118 journeys.
const TERM = { termStart: '2026-04-20', termEnd: '2026-07-17', termBreaks: [{ from: '2026-05-25', to: '2026-05-29' }] };
const SCHEDULE = `id version vehicleType pricingBasis rate escortRate waitingRatePerHour freeWaitingMinutes cancellation { freeHours latePercent noShowPercent } effectiveFrom effectiveTo`;
const JOURNEY = 'id version date leg miles escort waitingMinutes status cancelledAt cost shares { childId amount }';
const ROUTE = 'id version reference childIds totals { journeys cost }';

let t: TestApi;
let contract: Row;
let children: Row[];
let route: Row;
let journeys: Row[];

const gen = (id: string, v: number) =>
  t.ok(`mutation($id: ID!, $v: Int!) { generateTermJourneys(routeId: $id, version: $v) { created alreadyThere route { ${ROUTE} } } }`, { id, v }).then((d) => d.generateTermJourneys);
/** Rows as { id, version, input }: the test writes the changes beside the id. */
const update = (items: Array<Record<string, unknown>>) => t.gql(`mutation($rows: [TransportJourneyRowUpdate!]!) { updateTransportJourneyRows(rows: $rows) { ${JOURNEY} } }`, { rows: items.map(({ id, version, ...input }) => ({ id, version, input })) });
const add = (id: string, v: number, js: unknown[]) => t.gql(`mutation($id: ID!, $v: Int!, $js: [TransportJourneyInput!]!) { addTransportJourneys(routeId: $id, version: $v, journeys: $js) { ${ROUTE} } }`, { id, v, js });
const schedule = (i: Record<string, unknown>) => t.gql(`mutation($i: TransportPriceScheduleInput!) { createTransportPriceSchedule(input: $i) { ${SCHEDULE} } }`, { i });
const allJourneys = async (routeId: string) =>
  (await t.ok(`query($r: ID!) { transportJourneys(filter: { routeId: { eq: $r } }, first: 500) { nodes { ${JOURNEY} } } }`, { r: routeId })).transportJourneys.nodes as Row[];
const find = (date: string, leg = 'OUTBOUND') => journeys.find((j) => j.date === date && j.leg === leg)!;

beforeAll(async () => {
  t = await startTestApi();
  ({ contract } = await providerWithContract(t, 'TRANSPORT'));
  // Created out of order: shares go by case reference, so TR-A gets the odd penny.
  children = [await createChild(t, 'TR-C'), await createChild(t, 'TR-A'), await createChild(t, 'TR-B')];
  const created = await schedule({
    contractId: contract.id, vehicleType: 'CAR', pricingBasis: 'PER_MILE', rate: '0.45', escortRate: '12.00', waitingRatePerHour: '18.00', freeWaitingMinutes: 10,
    cancellation: { freeHours: 24, latePercent: 50 }, effectiveFrom: '2026-04-01', effectiveTo: '2027-03-31',
  });
  expect(created.body.errors).toBeUndefined();
  route = (
    await t.ok(`mutation($i: TransportRouteInput!) { createTransportRoute(input: $i) { ${ROUTE} } }`, {
      i: {
        reference: 'R-SCHOOL-1', purpose: 'SCHOOL', vehicleType: 'CAR', childIds: children.map((c) => c.id), contractId: contract.id,
        fromPostcode: 'lu1 1aa', toPostcode: 'LU2 7BB', miles: '12.35', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], pickupTime: '08:15', returnPickupTime: '15:30', ...TERM,
      },
    })
  ).createTransportRoute;
});
afterAll(() => t.stop());

describe('a term of journeys', () => {
  it('generates one journey each way for each of the 59 school days, at 45p × 12.35 miles = £5.56 each', async () => {
    const result = await gen(route.id, route.version);
    expect(result.created).toBe(118);
    expect(result.alreadyThere).toBe(0);
    expect(result.route.totals).toEqual({ journeys: 118, cost: '656.08' });
    journeys = await allJourneys(route.id);
    expect(journeys).toHaveLength(118);
    expect(journeys.filter((j) => j.date === '2026-05-04')).toEqual([]); // early May bank holiday
    expect(journeys.filter((j) => j.date >= '2026-05-25' && j.date <= '2026-05-29')).toEqual([]); // half-term
    expect(journeys[0]).toMatchObject({ date: '2026-04-20', leg: 'OUTBOUND', miles: '12.35', status: 'PLANNED', cost: '5.56' });
    route = result.route;
  });

  it('leaves the journeys already there when generated again', async () => {
    const again = await gen(route.id, route.version);
    expect(again).toMatchObject({ created: 0, alreadyThere: 118 });
    expect(again.route.version).toBe(route.version);
  });
});

describe('recording what happened, in bulk', () => {
  it('prices escorts, waiting, late and in-time cancellations and no-shows, and splits a shared journey to the penny', async () => {
    const [a, b, c, d] = [find('2026-04-20'), find('2026-04-21'), find('2026-04-22'), find('2026-04-23', 'RETURN')];
    const res = await update([
      { id: a.id, version: a.version, status: 'COMPLETED', escort: true, waitingMinutes: 25 },
      // Pick-up 08:15 BST on 21 April is 07:15 UTC; cancelled 11¼ hours before: late.
      { id: b.id, version: b.version, status: 'CANCELLED_LATE', escort: true, cancelledAt: '2026-04-20T20:00:00Z' },
      { id: c.id, version: c.version, status: 'CANCELLED_IN_TIME', cancelledAt: '2026-04-20T07:00:00Z' },
      { id: d.id, version: d.version, status: 'NO_SHOW', escort: true, waitingMinutes: 40 },
    ]);
    expect(res.body.errors).toBeUndefined();
    const byId = new Map((res.body.data!.updateTransportJourneyRows as Row[]).map((j) => [j.id, j]));
    expect(byId.get(a.id)!.cost).toBe('22.06');
    expect(byId.get(b.id)!.cost).toBe('8.78');
    expect(byId.get(c.id)!.cost).toBe('0.00');
    expect(byId.get(d.id)!.cost).toBe('26.56');
    const [tra, trb, trc] = ['TR-A', 'TR-B', 'TR-C'].map((ref) => children.find((ch) => ch.caseReference === ref)!.id);
    expect(byId.get(a.id)!.shares).toEqual([
      { childId: tra, amount: '7.36' },
      { childId: trb, amount: '7.35' },
      { childId: trc, amount: '7.35' },
    ]);
    const total = await t.ok(`query($id: ID!) { transportRoute(id: $id) { totals { cost } } }`, { id: route.id });
    // 114 planned at £5.56 + 22.06 + 8.78 + 0 + 26.56
    expect(total.transportRoute.totals.cost).toBe('691.24');
    journeys = await allJourneys(route.id);
  });

  it('prices the journeys again when the schedule changes: 50p a mile makes a planned journey 617.5p → £6.18', async () => {
    const [s] = (await t.ok(`query($id: ID!) { transportRoute(id: $id) { contract { priceSchedules { ${SCHEDULE} } } } }`, { id: route.id })).transportRoute.contract.priceSchedules;
    await t.ok('mutation($id: ID!, $v: Int!) { updateTransportPriceSchedule(id: $id, version: $v, input: { rate: "0.50" }) { id } }', { id: s.id, v: s.version });
    journeys = await allJourneys(route.id);
    expect(find('2026-04-24').cost).toBe('6.18');
    expect(find('2026-04-22').cost).toBe('0.00');
  });
});

describe('bad input: a clear error naming the field or item, and nothing written', () => {
  async function refused(work: () => Promise<{ body: { errors?: Array<{ extensions?: Record<string, any> }> } }>) {
    const before = await tableCounts(t);
    const [journeysBefore] = await t.api.db.query(`SELECT json_agg(json_build_object('id', id, 'v', version, 's', status, 'c', cost) ORDER BY id) AS j FROM transport_journey`);
    const res = await work();
    expect(res.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await tableCounts(t)).toEqual(before);
    const [journeysAfter] = await t.api.db.query(`SELECT json_agg(json_build_object('id', id, 'v', version, 's', status, 'c', cost) ORDER BY id) AS j FROM transport_journey`);
    expect(journeysAfter).toEqual(journeysBefore);
    return res.body.errors![0].extensions!.fieldErrors;
  }
  const routeNow = async () => (await t.ok(`query($id: ID!) { transportRoute(id: $id) { ${ROUTE} } }`, { id: route.id })).transportRoute;

  it('a journey on a day outside the route’s days, term or calendar', async () => {
    const r = await routeNow();
    expect(await refused(() => add(r.id, r.version, [{ date: '2026-04-25' }]))).toEqual([{ field: 'journeys.0.date', message: 'is a Saturday; the route runs on Monday, Tuesday, Wednesday, Thursday, Friday' }]);
    expect(await refused(() => add(r.id, r.version, [{ date: '2026-07-20' }]))).toEqual([{ field: 'journeys.0.date', message: 'is outside the route’s term (2026-04-20 to 2026-07-17)' }]);
    expect(await refused(() => add(r.id, r.version, [{ date: '2026-05-04' }]))).toEqual([
      { field: 'journeys.0.date', message: 'is a bank holiday (Early May bank holiday); the route does not run on bank holidays' },
    ]);
  });

  it('negative miles', async () => {
    const j = find('2026-04-27');
    expect(await refused(() => update([{ id: j.id, version: j.version, miles: '-1.00', status: 'COMPLETED' }]))).toEqual([{ field: 'miles', message: 'must not be negative', index: 0 }]);
  });

  it('a cancellation status without a cancellation time, or one that does not agree with the notice given', async () => {
    const j = find('2026-04-28');
    expect(await refused(() => update([{ id: j.id, version: j.version, status: 'CANCELLED_LATE' }]))).toEqual([{ field: 'cancelledAt', message: 'is required when the journey is CANCELLED_LATE', index: 0 }]);
    // 07:15 UTC pick-up, cancelled at 20:00 the evening before: 11.2 hours, inside the 24 hours' notice.
    expect(await refused(() => update([{ id: j.id, version: j.version, status: 'CANCELLED_IN_TIME', cancelledAt: '2026-04-27T20:00:00Z' }]))).toEqual([
      { field: 'status', message: 'was cancelled 11.2 hours before the start; the contract allows free cancellation only 24 hours or more before, so it was cancelled late', index: 0 },
    ]);
  });

  it('a single journey’s change names the field alone, and the journey reads back unchanged', async () => {
    const j = find('2026-04-28');
    const res = await t.gql('mutation($id: ID!, $v: Int!) { updateTransportJourney(id: $id, version: $v, input: { status: CANCELLED_LATE }) { id } }', { id: j.id, v: j.version });
    expect(res.body.errors![0].message).toBe('cancelledAt: is required when the journey is CANCELLED_LATE');
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'cancelledAt', message: 'is required when the journey is CANCELLED_LATE' }]);
    const { transportJourney } = await t.ok(`query($id: ID!) { transportJourney(id: $id) { ${JOURNEY} } }`, { id: j.id });
    expect(transportJourney).toEqual(j);
  });

  it('a price schedule overlapping another for the same vehicle', async () => {
    expect(await refused(() => schedule({ contractId: contract.id, vehicleType: 'CAR', pricingBasis: 'PER_JOURNEY', rate: '30.00', effectiveFrom: '2027-01-01' }))).toEqual([
      { field: 'effectiveFrom', message: 'overlaps the CAR schedule of this contract from 2026-04-01 to 2027-03-31; end that one first' },
    ]);
  });

  it('a bulk update with one bad item among good ones changes nothing', async () => {
    const [a, b, c] = [find('2026-04-29'), find('2026-04-30'), find('2026-05-01')];
    expect(
      await refused(() =>
        update([
          { id: a.id, version: a.version, status: 'COMPLETED' },
          { id: b.id, version: b.version, status: 'COMPLETED', waitingMinutes: 15 },
          { id: c.id, version: c.version, status: 'NO_SHOW', cancelledAt: '2026-04-30T10:00:00Z' },
        ]),
      ),
    ).toEqual([{ field: 'cancelledAt', message: 'only a cancelled journey has a cancellation time; the journey is NO_SHOW', index: 2 }]);
  });

  it('a route change that would leave journeys outside its days', async () => {
    const r = await routeNow();
    // 11 Mondays run (13 less the two bank holidays), so 118 − 22 = 96 journeys fall on other days.
    const errors = await refused(() => t.gql('mutation($id: ID!, $v: Int!) { updateTransportRoute(id: $id, version: $v, input: { days: [MON] }) { id } }', { id: r.id, v: r.version }));
    expect(errors).toEqual([{ field: 'days', message: '96 journey(s) would no longer fit the route: the first, on 2026-04-21, is a Tuesday; the route runs on Monday. Remove or move them first' }]);
  });
});
