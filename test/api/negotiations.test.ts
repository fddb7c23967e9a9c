import { commissioningFixture } from '../support/commissioning';
import { tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
let fixture: Awaited<ReturnType<typeof commissioningFixture>>;
beforeAll(async () => {
  t = await startTestApi();
  fixture = await commissioningFixture(t, { reference: 'NEG-IFA' });
});
afterAll(() => t.stop());

const FIGURES = 'id version status agreed firstAsk savingPerWeek savingVsCardRate nights weeks projectedSaving offers { sequence party amount offeredOn note }';
const START = `mutation($i: NegotiationStartInput!) { startNegotiation(input: $i) { ${FIGURES} } }`;
const OFFER = `mutation($id: ID!, $v: Int!, $i: OfferInput!) { recordOffer(id: $id, version: $v, input: $i) { ${FIGURES} } }`;
const AGREE = `mutation($id: ID!, $v: Int!, $amount: Money, $reason: String) { agreeNegotiation(id: $id, version: $v, amount: $amount, feeAboveCardReason: $reason) { ${FIGURES} } }`;
let n = 0;

async function callOff(weeklyFee = '870.00') {
  return (
    await t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id version weeklyFee cardWeeklyFee } }', {
      i: {
        kind: 'CALL_OFF',
        providerId: fixture.provider.id,
        agreementId: fixture.agreement.id,
        reference: `NEG-${++n}`,
        title: 'IPA',
        startDate: '2026-05-01',
        endDate: '2026-10-31',
        placementType: 'U4',
        needLevel: 'STANDARD',
        childAgeAtStart: 9,
        weeklyFee,
      },
    })
  ).createContract;
}

describe('negotiation of a contract fee', () => {
  it('records offers, agrees, writes the fee through and works out the savings exactly', async () => {
    const contract = await callOff();
    let neg = (await t.ok(START, { i: { contractId: contract.id, firstOffer: { party: 'PROVIDER', amount: '950.00', offeredOn: '2026-04-10', note: 'first ask' } } })).startNegotiation;
    neg = (await t.ok(OFFER, { id: neg.id, v: neg.version, i: { party: 'AUTHORITY', amount: '840.00', offeredOn: '2026-04-12' } })).recordOffer;
    neg = (await t.ok(OFFER, { id: neg.id, v: neg.version, i: { party: 'PROVIDER', amount: '875.50', offeredOn: '2026-04-15' } })).recordOffer;
    expect(neg.offers.map((o: any) => [o.sequence, o.party, o.amount])).toEqual([
      [1, 'PROVIDER', '950.00'],
      [2, 'AUTHORITY', '840.00'],
      [3, 'PROVIDER', '875.50'],
    ]);
    neg = (await t.ok(AGREE, { id: neg.id, v: neg.version })).agreeNegotiation;
    // Agreed at the last offer, £875.50. Card rate on 1 May 2026: £884.00 (85000 + 4% uplift).
    // Saving per week: 95000 − 87550 = 7450p. Against the card: 88400 − 87550 = 850p.
    // Term 2026-05-01 to 2026-10-31, both days included: 184 nights = 26.285… weeks → 26.29.
    // Projected saving: 7450 × 184 / 7 = 195828.57… → 195829p = £1,958.29.
    expect(neg).toMatchObject({
      status: 'AGREED',
      agreed: '875.50',
      firstAsk: '950.00',
      savingPerWeek: '74.50',
      savingVsCardRate: '8.50',
      nights: 184,
      weeks: '26.29',
      projectedSaving: '1958.29',
    });
    const after = (await t.ok('query($id: ID!) { contract(id: $id) { weeklyFee version negotiations { status agreed } } }', { id: contract.id })).contract;
    expect(after).toEqual({ weeklyFee: '875.50', version: 2, negotiations: [{ status: 'AGREED', agreed: '875.50' }] });
  });

  it('writes nothing when the agreed fee breaks the contract’s rules', async () => {
    const contract = await callOff();
    const neg = (await t.ok(START, { i: { contractId: contract.id, firstOffer: { party: 'PROVIDER', amount: '990.00' } } })).startNegotiation;
    const before = await tableCounts(t);
    const res = await t.gql(AGREE, { id: neg.id, v: neg.version });
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([
      { field: 'feeAboveCardReason', message: 'the weekly fee £990.00 is above the card rate £884.00: record why' },
    ]);
    expect(await tableCounts(t)).toEqual(before);
    const still = (await t.ok('query($id: ID!) { negotiation(id: $id) { status agreed contract { weeklyFee } } }', { id: neg.id })).negotiation;
    expect(still).toEqual({ status: 'OPEN', agreed: null, contract: { weeklyFee: '870.00' } });
    const agreed = (await t.ok(AGREE, { id: neg.id, v: neg.version, reason: 'Specialist carer near school' })).agreeNegotiation;
    expect(agreed).toMatchObject({ status: 'AGREED', agreed: '990.00', savingPerWeek: '0.00', savingVsCardRate: '-106.00' });
  });

  it('allows one open negotiation per contract, refuses stale versions and offers after the end', async () => {
    const contract = await callOff();
    const neg = (await t.ok(START, { i: { contractId: contract.id } })).startNegotiation;
    const second = await t.gql(START, { i: { contractId: contract.id } });
    expect(second.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'contractId', message: 'the contract already has an open negotiation' }]);
    const noOffers = await t.gql(AGREE, { id: neg.id, v: neg.version });
    expect(noOffers.body.errors![0].message).toContain('record at least one offer before agreeing');
    const first = (await t.ok(OFFER, { id: neg.id, v: neg.version, i: { party: 'PROVIDER', amount: '900.00', offeredOn: '2026-04-10' } })).recordOffer;
    const stale = await t.gql(OFFER, { id: neg.id, v: neg.version, i: { party: 'AUTHORITY', amount: '800.00' } });
    expect(stale.body.errors![0].extensions!.code).toBe('CONFLICT');
    const backwards = await t.gql(OFFER, { id: neg.id, v: first.version, i: { party: 'AUTHORITY', amount: '800.00', offeredOn: '2026-04-01' } });
    expect(backwards.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'offeredOn', message: 'must not be before the previous offer (2026-04-10)' }]);
    const zero = await t.gql(OFFER, { id: neg.id, v: first.version, i: { party: 'AUTHORITY', amount: '0' } });
    expect(zero.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'amount', message: 'must be more than zero' }]);
    const abandoned = (await t.ok('mutation($id: ID!, $v: Int!) { abandonNegotiation(id: $id, version: $v, reason: "Child placed in-house") { status } }', { id: neg.id, v: first.version }))
      .abandonNegotiation;
    expect(abandoned.status).toBe('ABANDONED');
    const late = await t.gql(OFFER, { id: neg.id, v: first.version + 1, i: { party: 'PROVIDER', amount: '850.00' } });
    expect(late.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'id', message: 'the negotiation is already ABANDONED' }]);
  });
});

describe('negotiation of a rate line', () => {
  it('agrees a rate line fee on an agreement under negotiation, and not once it is active', async () => {
    const { agreement } = await commissioningFixture(t, { reference: 'NEG-LINE', activate: false });
    const line = (await t.ok('query($id: ID!) { agreement(id: $id) { rateLines { id weeklyFee } } }', { id: agreement.id })).agreement.rateLines[0];
    const neg = (await t.ok(START, { i: { rateLineId: line.id, firstOffer: { party: 'PROVIDER', amount: '880.00' } } })).startNegotiation;
    const agreed = (await t.ok(AGREE, { id: neg.id, v: neg.version, amount: '860.00' })).agreeNegotiation;
    // A line has no term: savings per week only.
    expect(agreed).toMatchObject({ agreed: '860.00', firstAsk: '880.00', savingPerWeek: '20.00', savingVsCardRate: null, nights: null, projectedSaving: null });
    const after = (await t.ok('query($id: ID!) { rateLine(id: $id) { weeklyFee negotiations { status } } }', { id: line.id })).rateLine;
    expect(after).toEqual({ weeklyFee: '860.00', negotiations: [{ status: 'AGREED' }] });
    await t.ok('mutation($id: ID!) { changeAgreementStatus(id: $id, version: 1, status: ACTIVE) { id } }', { id: agreement.id });
    const res = await t.gql(START, { i: { rateLineId: line.id } });
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'rateLineId', message: 'the agreement is ACTIVE: its rates are no longer negotiable' }]);
  });
});
