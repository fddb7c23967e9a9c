import { formatFinancialYear } from '../../server/src/common/financial-year';
import { commissioningFixture } from '../support/commissioning';
import { createProvider, createSetting } from '../support/fixtures';
import { startTestApi, TEST_TODAY, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ AS_OF: TEST_TODAY });
  const ifa = await createProvider(t, { legalName: 'Analytics IFA' });
  const council = await createProvider(t, { legalName: 'Council Fostering', providerCode: 'PR1' });
  const home = await createProvider(t, { legalName: 'Analytics Homes' });
  const near = await createSetting(t, { providerId: home.id, name: 'Near home', latitude: 50.72, longitude: -1.88 });
  const far = await createSetting(t, { providerId: ifa.id, name: 'Far office', kind: 'FOSTERING_AGENCY_OFFICE', latitude: 51.88, longitude: -0.42 });
  let n = 0;
  const child = async (located = true) =>
    (
      await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', {
        i: { caseReference: `AN-${++n}`, initials: 'GH', dateOfBirth: '2012-01-01', gender: 'MALE', ...(located ? { homeLatitude: 50.72, homeLongitude: -1.88 } : {}) },
      })
    ).createChild.id;
  const place = async (childId: string, providerId: string, settingId: string | null, placementType: string, providerCode: string, startDate: string, weeklyFee: string) =>
    (await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id version } }', { i: { childId, providerId, settingId, placementType, providerCode, startDate, weeklyFee } }))
      .createPlacement;
  // On 1 March 2026: two IFA placements (one far, one with no known home), one in-house, one residential (near) with a temporary
  // holiday move inside it (not counted twice), and one placement that ended in February.
  await place(await child(), ifa.id, far.id, 'U4', 'PR4', '2025-06-01', '900.00');
  await place(await child(false), ifa.id, far.id, 'U5', 'PR4', '2026-01-10', '850.00');
  await place(await child(), council.id, null, 'U4', 'PR1', '2025-09-01', '480.00');
  const resident = await child();
  const home1 = await place(resident, home.id, near.id, 'K2', 'PR4', '2025-11-01', '4800.00');
  await t.ok('mutation($id: ID!) { addAdditionalService(placementId: $id, version: 1, input: { description: "2:1 staffing", charge: WEEKLY, amount: "1200.00", startDate: "2026-02-01" }) { id } }', { id: home1.id });
  await place(resident, home.id, near.id, 'T2', 'PR4', '2026-02-27', '4800.00');
  const ended = await place(await child(), council.id, null, 'U4', 'PR1', '2025-05-01', '450.00');
  await t.ok('mutation($id: ID!) { endPlacement(id: $id, version: 1, endDate: "2026-02-15", endReason: E4A) { id } }', { id: ended.id });
});
afterAll(() => t.stop());

describe('analytics for the dashboard and analysts', () => {
  it('counts children in care, the mix of care and the distance from home on a date', async () => {
    const { careSnapshot } = await t.ok('{ careSnapshot(onDate: "2026-03-01") { childrenInCare byGroup { group children percent } over20Miles within20Miles distanceNotKnown percentOver20Miles } }');
    // 4 children: IFA 2 (50.00%), in-house 1 (25.00%), residential 1 (25.00%).
    // Distances: far IFA > 20 miles; residential near (0 miles); the IFA child with no home and the in-house placement with no setting: not known.
    expect(careSnapshot).toEqual({
      childrenInCare: 4,
      byGroup: [
        { group: 'IFA_FOSTERING', children: 2, percent: '50.00' },
        { group: 'IN_HOUSE_FOSTERING', children: 1, percent: '25.00' },
        { group: 'RESIDENTIAL', children: 1, percent: '25.00' },
      ],
      over20Miles: 1,
      within20Miles: 1,
      distanceNotKnown: 2,
      percentOver20Miles: '50.00',
    });
  });

  it('follows the number in care month by month', async () => {
    const { careTrend } = await t.ok('{ careTrend(from: "2025-12-01", to: "2026-03-01") { onDate childrenInCare inHouseFostering ifaFostering residential } }');
    expect(careTrend).toEqual([
      { onDate: '2025-12-01', childrenInCare: 4, inHouseFostering: 2, ifaFostering: 1, residential: 1 },
      { onDate: '2026-01-01', childrenInCare: 4, inHouseFostering: 2, ifaFostering: 1, residential: 1 },
      { onDate: '2026-02-01', childrenInCare: 5, inHouseFostering: 2, ifaFostering: 2, residential: 1 },
      { onDate: '2026-03-01', childrenInCare: 4, inHouseFostering: 1, ifaFostering: 2, residential: 1 },
    ]);
  });

  it('lists the highest weekly costs, services included', async () => {
    const { highestCostPlacements } = await t.ok('{ highestCostPlacements(onDate: "2026-03-01", first: 3) { weeklyCost placement { placementType } } }');
    // Residential £4,800 + £1,200 2:1 staffing = £6,000; the holiday move £4,800; then the far IFA £900.
    expect(highestCostPlacements).toEqual([
      { weeklyCost: '6000.00', placement: { placementType: 'K2' } },
      { weeklyCost: '4800.00', placement: { placementType: 'T2' } },
      { weeklyCost: '900.00', placement: { placementType: 'U4' } },
    ]);
  });
});

describe('savings of the year', () => {
  it('adds up what the negotiations agreed this year saved, as each negotiation shows it', async () => {
    const today = TEST_TODAY;
    const year = Number(today.slice(0, 4)) - (today.slice(5) < '04-01' ? 1 : 0);
    const { provider, agreement } = await commissioningFixture(t, { reference: 'SAVE-IFA' });
    const contract = async (input: Record<string, unknown>) =>
      (await t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id } }', { i: { providerId: provider.id, title: 'Saving', ...input } })).createContract.id;
    const negotiate = async (contractId: string, ask: string, agreed: string) => {
      const n = (await t.ok('mutation($i: NegotiationStartInput!) { startNegotiation(input: $i) { id version } }', { i: { contractId, firstOffer: { party: 'PROVIDER', amount: ask } } })).startNegotiation;
      return (await t.ok('mutation($id: ID!, $v: Int!, $a: Money) { agreeNegotiation(id: $id, version: $v, amount: $a) { savingPerWeek projectedSaving savingVsCardRate } }', { id: n.id, v: n.version, a: agreed })).agreeNegotiation;
    };
    const callOff = await contract({ kind: 'CALL_OFF', agreementId: agreement.id, reference: 'SAVE-1', startDate: '2026-05-01', endDate: '2026-10-31', placementType: 'U4', needLevel: 'STANDARD', childAgeAtStart: 9, weeklyFee: '870.00' });
    const spot = await contract({ kind: 'SPOT', reference: 'SAVE-2', startDate: '2026-01-01', endDate: '2026-01-10', weeklyFee: '110.00' });
    // Call-off: ask £950.00, agreed £875.50 over 184 nights: 7450 × 184 / 7 → 195829p; against the card (£884.00): 850p a week.
    expect(await negotiate(callOff, '950.00', '875.50')).toEqual({ savingPerWeek: '74.50', projectedSaving: '1958.29', savingVsCardRate: '8.50' });
    // Spot: ask £112.34, agreed £100.00 over 10 nights: 1234 × 10 / 7 = 1762.86 → 1763p; no card rate.
    expect(await negotiate(spot, '112.34', '100.00')).toEqual({ savingPerWeek: '12.34', projectedSaving: '17.63', savingVsCardRate: null });
    const { savingsSummary } = await t.ok('query($fy: String!) { savingsSummary(financialYear: $fy) { financialYear negotiationsAgreed savingPerWeek savingVsCardRatePerWeek projectedSaving } }', {
      fy: formatFinancialYear(year),
    });
    expect(savingsSummary).toEqual({
      financialYear: formatFinancialYear(year),
      negotiationsAgreed: 2,
      savingPerWeek: '86.84',
      savingVsCardRatePerWeek: '8.50',
      projectedSaving: '1975.92',
    });
    const lastYear = (await t.ok('query($fy: String!) { savingsSummary(financialYear: $fy) { negotiationsAgreed projectedSaving } }', { fy: formatFinancialYear(year - 1) })).savingsSummary;
    expect(lastYear).toEqual({ negotiationsAgreed: 0, projectedSaving: '0.00' });
  });
});
