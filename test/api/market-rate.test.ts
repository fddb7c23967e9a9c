import { createProvider } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
  const agency = await createProvider(t, { legalName: 'Market Fostering Ltd', providerCode: 'PR4' });
  const charity = await createProvider(t, { legalName: 'Market Fostering Trust', providerCode: 'PR5' });
  const council = await createProvider(t, { legalName: 'Market Council Fostering', providerCode: 'PR1' });
  const homes = await createProvider(t, { legalName: 'Market Homes Ltd', providerCode: 'PR4' });
  let n = 0;
  const place = async (provider: { id: string }, placementType: string, providerCode: string, startDate: string, weeklyFee: string) => {
    const { createChild: child } = await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', {
      i: { caseReference: `MR-${++n}`, initials: 'MR', dateOfBirth: '2015-01-01', gender: 'MALE' },
    });
    return (
      await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id version } }', {
        i: { childId: child.id, providerId: provider.id, placementType, providerCode, startDate, weeklyFee },
      })
    ).createPlacement;
  };
  // U4 from others on 1 March 2026: £850.00, £900.00, £912.45 and a fee raised from £800.00 to £1,000.01 on 1 February.
  await place(agency, 'U4', 'PR4', '2025-05-01', '850.00');
  await place(charity, 'U4', 'PR5', '2025-06-01', '900.00');
  await place(agency, 'U4', 'PR4', '2025-07-01', '912.45');
  const raised = await place(charity, 'U4', 'PR5', '2025-08-01', '800.00');
  await t.ok('mutation($id: ID!, $v: Int!) { changePlacementFee(id: $id, version: $v, input: { effectiveFrom: "2026-02-01", weeklyFee: "1000.01", reason: "Uplift" }) { id } }', {
    id: raised.id,
    v: raised.version,
  });
  // Not counted: in-house (PR1) unless asked for, another type, one ended before the date, one starting after it.
  await place(council, 'U4', 'PR1', '2025-04-01', '480.00');
  await place(homes, 'K2', 'PR4', '2025-04-01', '5000.00');
  const ended = await place(agency, 'U4', 'PR4', '2025-04-01', '2000.00');
  await t.ok('mutation($id: ID!, $v: Int!) { endPlacement(id: $id, version: $v, endDate: "2026-03-01", endReason: E4A) { id } }', { id: ended.id, v: ended.version });
  await place(agency, 'U4', 'PR4', '2026-03-02', '3000.00');
});
afterAll(() => t.stop());

const QUERY = `query($type: PlacementType!, $on: Date, $own: Boolean) {
  marketRate(placementType: $type, onDate: $on, includeOwnProvision: $own) { placementType onDate includesOwnProvision placements median lowest highest }
}`;

describe('marketRate', () => {
  it('gives the median of the fees other providers charge, half-up between the middle two', async () => {
    const { marketRate } = await t.ok(QUERY, { type: 'U4', on: '2026-03-01' });
    // 850.00, 900.00, 912.45, 1000.01 → (900.00 + 912.45) / 2 = 906.225 → £906.23.
    expect(marketRate).toEqual({ placementType: 'U4', onDate: '2026-03-01', includesOwnProvision: false, placements: 4, median: '906.23', lowest: '850.00', highest: '1000.01' });
  });

  it('uses the fee in force on the date and counts the placements running that night', async () => {
    const { marketRate } = await t.ok(QUERY, { type: 'U4', on: '2026-01-15' });
    // 800.00 (before the rise), 850.00, 900.00, 912.45 and the one that ended on 1 March (2000.00): the middle one is £900.00.
    expect(marketRate).toMatchObject({ placements: 5, median: '900.00', lowest: '800.00', highest: '2000.00' });
  });

  it('counts the authority’s own provision only when asked', async () => {
    const { marketRate } = await t.ok(QUERY, { type: 'U4', on: '2026-03-01', own: true });
    // 480.00, 850.00, 900.00, 912.45, 1000.01 → £900.00.
    expect(marketRate).toMatchObject({ includesOwnProvision: true, placements: 5, median: '900.00', lowest: '480.00', highest: '1000.01' });
  });

  it('gives no figures where nothing runs', async () => {
    const { marketRate } = await t.ok(QUERY, { type: 'K1', on: '2026-03-01' });
    expect(marketRate).toEqual({ placementType: 'K1', onDate: '2026-03-01', includesOwnProvision: false, placements: 0, median: null, lowest: null, highest: null });
  });

  it('is refused to a user without a role that reads analytics', async () => {
    const res = await t.gql(QUERY, { type: 'U4' }, null);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('a negotiation’s progress', () => {
  it('gives the fee on the table and the saving so far against the first ask, then the agreed fee', async () => {
    const provider = await createProvider(t, { legalName: 'Progress Fostering Ltd', providerCode: 'PR4' });
    const { createContract: contract } = await t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id } }', {
      i: { providerId: provider.id, kind: 'SPOT', reference: 'SP-PROGRESS', title: 'Progress', startDate: '2026-01-05', endDate: '2026-07-05', weeklyFee: '1000.00', placementType: 'U4' },
    });
    const FIELDS = 'id version status currentOffer savingSoFarPerWeek';
    let { startNegotiation: n } = await t.ok(`mutation($i: NegotiationStartInput!) { startNegotiation(input: $i) { ${FIELDS} } }`, { i: { contractId: contract.id } });
    expect(n).toMatchObject({ currentOffer: null, savingSoFarPerWeek: null });
    n = (await t.ok(`mutation($id: ID!, $v: Int!) { recordOffer(id: $id, version: $v, input: { party: PROVIDER, amount: "1045.50" }) { ${FIELDS} } }`, { id: n.id, v: n.version })).recordOffer;
    expect(n).toMatchObject({ currentOffer: '1045.50', savingSoFarPerWeek: '0.00' });
    n = (await t.ok(`mutation($id: ID!, $v: Int!) { recordOffer(id: $id, version: $v, input: { party: AUTHORITY, amount: "960.25" }) { ${FIELDS} } }`, { id: n.id, v: n.version })).recordOffer;
    // 1045.50 − 960.25 = 85.25
    expect(n).toMatchObject({ currentOffer: '960.25', savingSoFarPerWeek: '85.25' });
    n = (await t.ok(`mutation($id: ID!, $v: Int!) { agreeNegotiation(id: $id, version: $v, amount: "980.00") { ${FIELDS} } }`, { id: n.id, v: n.version })).agreeNegotiation;
    // 1045.50 − 980.00 = 65.50
    expect(n).toMatchObject({ status: 'AGREED', currentOffer: '980.00', savingSoFarPerWeek: '65.50' });
  });
});
