import { commissioningFixture } from '../support/commissioning';
import { createProvider, createSetting, tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
const p: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApi();
  // Near: an IFA with an active framework (U4 standard, ages 0–10, £850 from April 2025, +4% each April) and a home in Bournemouth.
  const near = await commissioningFixture(t, { reference: 'PROC-IFA' });
  p.near = near.provider.id;
  await createSetting(t, { providerId: p.near, name: 'Near office', kind: 'FOSTERING_AGENCY_OFFICE', ofstedRating: 'GOOD', latitude: 50.7208, longitude: -1.8808 });
  p.far = (await createProvider(t, { legalName: 'Far Fostering', serviceCategories: ['FOSTERING'] })).id;
  await createSetting(t, { providerId: p.far, name: 'Luton office', kind: 'FOSTERING_AGENCY_OFFICE', latitude: 51.8787, longitude: -0.42 });
  p.bad = (await createProvider(t, { legalName: 'Bad Fostering', serviceCategories: ['FOSTERING'] })).id;
  await createSetting(t, { providerId: p.bad, name: 'Bad office', kind: 'FOSTERING_AGENCY_OFFICE', ofstedRating: 'INADEQUATE', latitude: 50.73, longitude: -1.89 });
  p.homes = (await createProvider(t, { legalName: 'Homes Ltd', serviceCategories: ['RESIDENTIAL'] })).id;
  await createSetting(t, { providerId: p.homes, name: 'Home', latitude: 50.73, longitude: -1.89 });
  p.nowhere = (await createProvider(t, { legalName: 'Nowhere Fostering', serviceCategories: ['FOSTERING'] })).id;
  p.suspended = (await createProvider(t, { legalName: 'Suspended Fostering', serviceCategories: ['FOSTERING'], status: 'SUSPENDED' })).id;
});
afterAll(() => t.stop());

const ROUND = 'id version status reference closesAt qualityWeight priceWeight';
let n = 0;
async function createRound(over: Record<string, unknown> = {}) {
  return (
    await t.ok(`mutation($i: ProcurementRoundCreateInput!) { createProcurementRound(input: $i) { ${ROUND} } }`, {
      i: {
        reference: `RFQ-${++n}`,
        title: 'Foster placement for AB12',
        category: 'PLACEMENT',
        childReference: 'AB12',
        placementType: 'U4',
        needLevel: 'STANDARD',
        childAge: 9,
        startDate: '2026-06-01',
        endDate: '2026-11-30',
        postcode: 'bh2 5aa',
        latitude: 50.7195,
        longitude: -1.8795,
        radiusMiles: 20,
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        scoringMatrix: [
          { criterion: 'Matching', maxPoints: 60 },
          { criterion: 'Safeguarding', maxPoints: 40 },
        ],
        ...over,
      },
    })
  ).createProcurementRound;
}
const invite = (id: string, v: number, ids: string[]) => t.gql(`mutation($id: ID!, $v: Int!, $ids: [ID!]!) { inviteProviders(roundId: $id, version: $v, providerIds: $ids) { ${ROUND} invitations { provider { legalName } distanceMiles } } }`, { id, v, ids });
const open = (id: string, v: number) => t.ok(`mutation($id: ID!, $v: Int!) { openProcurementRound(id: $id, version: $v) { ${ROUND} } }`, { id, v }).then((d) => d.openProcurementRound);
const close = (id: string, v: number) => t.ok(`mutation($id: ID!, $v: Int!) { closeProcurementRound(id: $id, version: $v) { ${ROUND} } }`, { id, v }).then((d) => d.closeProcurementRound);
const bid = (roundId: string, providerId: string, amount: string, marks?: Array<[string, number]>) =>
  t.gql('mutation($r: ID!, $i: BidInput!) { submitBid(roundId: $r, input: $i) { id version amount } }', {
    r: roundId,
    i: { providerId, amount, qualityMarks: marks?.map(([criterion, points]) => ({ criterion, points })) },
  });
const AWARD = `mutation($id: ID!, $v: Int!, $bid: ID!, $ref: String!) { awardProcurementRound(id: $id, version: $v, bidId: $bid, contract: { reference: $ref }) {
  ${ROUND} contract { kind status weeklyFee cardWeeklyFee startDate endDate agreement { reference } provider { legalName } negotiations { status agreed firstAsk offers { party amount } } } } }`;

/** A round opened with Near and Nowhere invited. */
async function openRound() {
  const round = await createRound();
  const invited = await invite(round.id, round.version, [p.near, p.nowhere]);
  return open(round.id, invited.body.data!.inviteProviders.version);
}

describe('a procurement round from need to award', () => {
  it('suggests eligible providers, nearest first, with their distance', async () => {
    const round = await createRound();
    const data = await t.ok('query($id: ID!) { suggestedProviders(roundId: $id) { provider { legalName } distanceMiles } }', { id: round.id });
    // Near's office is 0.11 miles from the need (haversine: 0.0013° north, 0.0013° west at 50.72°N); Far is ~102 miles (outside 20), Bad has an Inadequate setting,
    // Homes offers residential only, Suspended is not active; Nowhere has no known location, so it stays, last.
    expect(data.suggestedProviders).toEqual([
      { provider: { legalName: 'Harbour Fostering PROC-IFA' }, distanceMiles: 0.11 },
      { provider: { legalName: 'Nowhere Fostering' }, distanceMiles: null },
    ]);
  });

  it('refuses to invite an ineligible provider, writing nothing', async () => {
    const round = await createRound();
    const before = await tableCounts(t);
    for (const id of [p.far, p.bad, p.homes, p.suspended]) {
      const res = await invite(round.id, round.version, [p.near, id]);
      expect(res.body.errors![0].extensions!.fieldErrors[0].field).toBe('providerIds.1');
      expect(res.body.errors![0].extensions!.fieldErrors[0].message).toContain('cannot be invited');
    }
    expect(await tableCounts(t)).toEqual(before);
  });

  it('takes bids from invited providers until closing, evaluates with the arithmetic shown, and awards', async () => {
    const round = await openRound();
    expect(round.status).toBe('OPEN');
    const notInvited = await bid(round.id, p.far, '800.00');
    expect(notInvited.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'providerId', message: 'was not invited to this round' }]);
    const nearBid = (await bid(round.id, p.near, '870.00', [['Matching', 50], ['Safeguarding', 30]])).body.data!.submitBid;
    const nowhereBid = (await bid(round.id, p.nowhere, '820.00', [['Matching', 40], ['Safeguarding', 25]])).body.data!.submitBid;
    const early = await t.gql(AWARD, { id: round.id, v: round.version, bid: nearBid.id, ref: 'IPA-EARLY' });
    expect(early.body.errors![0].message).toContain('close the round before awarding');

    const closed = await close(round.id, round.version);
    expect(closed.status).toBe('CLOSED');
    const late = await bid(round.id, p.near, '860.00');
    expect(late.body.errors![0].extensions!.fieldErrors[0]).toMatchObject({ field: 'roundId' });
    expect(late.body.errors![0].extensions!.fieldErrors[0].message).toMatch(/^the round closed at .*: late bids are refused$/);

    const evaluation = (
      await t.ok('query($id: ID!) { procurementRound(id: $id) { evaluation { rank amount qualityScore qualityPoints pricePoints total bid { provider { legalName } } } } }', { id: round.id })
    ).procurementRound.evaluation;
    // Near: 80/100 points → quality 60 × 0.80 = 48.00; price 40 × 820/870 = 37.701… → 37.70; total 85.701… → 85.70.
    // Nowhere: 65/100 → quality 39.00; price 40 × 820/820 = 40.00; total 79.00.
    expect(evaluation).toEqual([
      { rank: 1, amount: '870.00', qualityScore: '80.00', qualityPoints: '48.00', pricePoints: '37.70', total: '85.70', bid: { provider: { legalName: 'Harbour Fostering PROC-IFA' } } },
      { rank: 2, amount: '820.00', qualityScore: '65.00', qualityPoints: '39.00', pricePoints: '40.00', total: '79.00', bid: { provider: { legalName: 'Nowhere Fostering' } } },
    ]);

    const awarded = (await t.ok(AWARD, { id: round.id, v: closed.version, bid: nearBid.id, ref: 'IPA-RFQ-1' })).awardProcurementRound;
    // The need is priced by Near's framework: a call-off. Card rate on 1 June 2026: 85000 + 4% = 88400p.
    expect(awarded.status).toBe('AWARDED');
    expect(awarded.contract).toEqual({
      kind: 'CALL_OFF',
      status: 'DRAFT',
      weeklyFee: '870.00',
      cardWeeklyFee: '884.00',
      startDate: '2026-06-01',
      endDate: '2026-11-30',
      agreement: { reference: 'PROC-IFA' },
      provider: { legalName: 'Harbour Fostering PROC-IFA' },
      negotiations: [{ status: 'AGREED', agreed: '870.00', firstAsk: '870.00', offers: [{ party: 'PROVIDER', amount: '870.00' }] }],
    });
    void nowhereBid;
    const trail = await t.ok('query($id: ID!) { auditTrail(entityType: "ProcurementRound", entityId: $id) { action } }', { id: round.id });
    // created, opened, closed, awarded; each invitation, bid and the contract have their own events
    expect(trail.auditTrail.map((e: any) => e.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'UPDATE']);
    const steps = await t.ok('{ auditEvents(filter: { entityType: { in: ["ProcurementInvitation", "Bid", "Contract", "Negotiation", "NegotiationOffer"] } }, first: 500) { nodes { entityType } } }');
    const counted = steps.auditEvents.nodes.reduce((acc: Record<string, number>, e: any) => ({ ...acc, [e.entityType]: (acc[e.entityType] ?? 0) + 1 }), {});
    expect(counted).toEqual({ ProcurementInvitation: 2, Bid: 2, Contract: 1, Negotiation: 1, NegotiationOffer: 1 });
  });

  it('lets exactly one of two simultaneous awards win; the other gets CONFLICT and nothing is written twice', async () => {
    const round = await openRound();
    const a = (await bid(round.id, p.near, '850.00')).body.data!.submitBid;
    const b = (await bid(round.id, p.nowhere, '800.00')).body.data!.submitBid;
    const closed = await close(round.id, round.version);
    const contractsBefore = await t.rowCount('contract');
    const [first, second] = await Promise.all([
      t.gql(AWARD, { id: round.id, v: closed.version, bid: a.id, ref: 'RACE-A' }),
      t.gql(AWARD, { id: round.id, v: closed.version, bid: b.id, ref: 'RACE-B' }),
    ]);
    const results = [first, second];
    expect(results.filter((r) => !r.body.errors)).toHaveLength(1);
    expect(results.filter((r) => r.body.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(1);
    expect(await t.rowCount('contract')).toBe(contractsBefore + 1);
  });

  it('refuses an award to a bid that is not in the round', async () => {
    const round = await openRound();
    const other = await openRound();
    const elsewhere = (await bid(other.id, p.near, '850.00')).body.data!.submitBid;
    const closed = await close(round.id, round.version);
    const before = await tableCounts(t);
    const res = await t.gql(AWARD, { id: round.id, v: closed.version, bid: elsewhere.id, ref: 'NOPE' });
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'bidId', message: 'is not a bid in this round: the provider did not bid' }]);
    expect(await tableCounts(t)).toEqual(before);
  });
});

describe('bad input on rounds and bids', () => {
  it.each([
    ['weights that do not add up to 100', { qualityWeight: 70, priceWeight: 40 }, 'priceWeight', 'quality and price weights must add up to 100; they add up to 110'],
    ['a placement round with no placement type', { placementType: null }, 'placementType', 'is required for a placement round'],
    ['a latitude without a longitude', { longitude: null }, 'longitude', 'give latitude and longitude together, or neither'],
  ])('%s', async (_label, over, field, message) => {
    const before = await tableCounts(t);
    const res = await t.gql(`mutation($i: ProcurementRoundCreateInput!) { createProcurementRound(input: $i) { id } }`, {
      i: { reference: `BAD-${++n}`, title: 'x', category: 'PLACEMENT', placementType: 'U4', needLevel: 'STANDARD', latitude: 50, longitude: -1, closesAt: '2030-01-01T00:00:00Z', ...over },
    });
    expect(res.body.errors![0].extensions!.fieldErrors).toContainEqual({ field, message });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('refuses bids with a zero amount, unknown criteria or too many points, and bids on a withdrawn round', async () => {
    const round = await openRound();
    expect((await bid(round.id, p.near, '0')).body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'amount', message: 'must be more than zero' }]);
    expect((await bid(round.id, p.near, '800.00', [['Price', 10]])).body.errors![0].extensions!.fieldErrors[0]).toEqual({
      field: 'qualityMarks.0.criterion',
      message: 'is not in the round’s scoring matrix (Matching, Safeguarding)',
    });
    expect((await bid(round.id, p.near, '800.00', [['Matching', 61], ['Safeguarding', 1]])).body.errors![0].extensions!.fieldErrors[0]).toEqual({
      field: 'qualityMarks.0.points',
      message: 'must be at most 60',
    });
    expect((await bid(round.id, p.near, '800.00', [['Matching', 10]])).body.errors![0].extensions!.fieldErrors[0]).toEqual({
      field: 'qualityMarks',
      message: 'score every criterion: Safeguarding missing',
    });
    await bid(round.id, p.near, '800.00');
    expect((await bid(round.id, p.near, '790.00')).body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'providerId', message: 'the provider has already bid in this round' }]);
    const withdrawn = (await t.ok('mutation($id: ID!, $v: Int!) { withdrawProcurementRound(id: $id, version: $v, reason: "Placed in-house") { status } }', { id: round.id, v: round.version }))
      .withdrawProcurementRound;
    expect(withdrawn.status).toBe('WITHDRAWN');
    expect((await bid(round.id, p.nowhere, '800.00')).body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'roundId', message: 'the round is WITHDRAWN: it takes no bids' }]);
  });

  it('lists rounds by status, CLOSED included', async () => {
    const round = await openRound();
    await close(round.id, round.version);
    const closed = await t.ok('{ procurementRounds(filter: { status: { eq: CLOSED } }, first: 100) { nodes { id status } } }');
    expect(closed.procurementRounds.nodes).toContainEqual({ id: round.id, status: 'CLOSED' });
    expect(closed.procurementRounds.nodes.every((r: any) => r.status === 'CLOSED')).toBe(true);
  });
});
