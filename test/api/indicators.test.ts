import { createProvider, createSetting } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * A hand-built authority for the DfE indicators. Homes of located children are at 50.72,−1.88;
 * "near" settings are within a mile of it, the far agency office about 90 miles away.
 *
 * Localities and child populations (0–17): East 800 from 2020-01-01 (no children);
 * North 2,000 from 2020-01-01 and 2,500 from 2026-01-01; South 1,000 from 2026-02-01.
 *
 *  C1 North, born 2012-01-01: in-house U4 (near) from 2023-01-01.
 *  C2 North, born 2013-05-05: K2 (near) 2022-06-01 → 2025-04-01 X1; U5 IFA far 2025-04-01 (CARPL) → 2025-09-01 X1;
 *     U4 IFA far from 2025-09-01 (STAND); a temporary move T2 2025-10-01 → 2025-10-05 inside it.
 *  C3 South, born 2019-02-01, legal status C2: U6 IFA near from 2026-01-10.
 *  C4 South, born 2009-06-01 (16 on 2025-06-01): in-house U4 (near) from 2020-01-01.
 *  C5 North, born 2015-03-01, home not known: in-house U4 2023-06-01 → 2025-06-01 X1, then placed for adoption (A4, CARPL) from 2025-06-01,
 *     with a week's respite (T3) 2025-08-01 → 2025-08-08: two placements in the year, not three.
 *  C6 no locality, born 2010-01-01: K2 (near) from 2026-02-15.
 *  C7 North, born 2011-01-01, legal status V2: U4 IFA far 2025-10-01 → 2025-12-24 E4A (84 days: exactly 12 weeks).
 *  C8 South, born 2012-07-01, legal status C1: U4 IFA near 2025-10-01 → 2025-12-25 E13 (85 days).
 */
let t: TestApi;
const loc: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApi();
  const { createAuthority: authority } = await t.ok('mutation { createAuthority(input: { name: "Indicator Council", onsCode: "E06000099" }) { id } }');
  for (const name of ['North', 'South', 'East']) {
    loc[name] = (await t.ok('mutation($i: LocalityCreateInput!) { createLocality(input: $i) { id } }', { i: { authorityId: authority.id, name } })).createLocality.id;
  }
  const population = (locality: string, effectiveFrom: string, children: number) =>
    t.ok('mutation($i: LocalityPopulationInput!) { recordLocalityPopulation(input: $i) { id } }', { i: { localityId: loc[locality], effectiveFrom, children, source: 'ONS mid-year estimate' } });
  await population('East', '2020-01-01', 800);
  await population('North', '2020-01-01', 2000);
  await population('North', '2026-01-01', 2500);
  await population('South', '2026-02-01', 1000);

  const council = await createProvider(t, { legalName: 'Indicator Council Fostering', providerCode: 'PR1' });
  const ifa = await createProvider(t, { legalName: 'Indicator IFA' });
  const home = await createProvider(t, { legalName: 'Indicator Homes' });
  const councilNear = (await createSetting(t, { providerId: council.id, name: 'Council carers', kind: 'FOSTERING_AGENCY_OFFICE', latitude: 50.72, longitude: -1.88 })).id;
  const ifaNear = (await createSetting(t, { providerId: ifa.id, name: 'IFA near', kind: 'FOSTERING_AGENCY_OFFICE', latitude: 50.73, longitude: -1.89 })).id;
  const ifaFar = (await createSetting(t, { providerId: ifa.id, name: 'IFA far', kind: 'FOSTERING_AGENCY_OFFICE', latitude: 51.88, longitude: -0.42 })).id;
  const homeNear = (await createSetting(t, { providerId: home.id, name: 'Home near', latitude: 50.72, longitude: -1.88 })).id;
  const providerOf: Record<string, string> = { [councilNear]: council.id, [ifaNear]: ifa.id, [ifaFar]: ifa.id, [homeNear]: home.id };

  let n = 0;
  const child = async (locality: string | null, dateOfBirth: string, extra: Record<string, unknown> = {}) =>
    (
      await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id } }', {
        i: { caseReference: `IND-${++n}`, initials: 'AB', dateOfBirth, gender: 'FEMALE', localityId: locality && loc[locality], homeLatitude: 50.72, homeLongitude: -1.88, ...extra },
      })
    ).createChild.id as string;
  const place = async (childId: string, settingId: string, placementType: string, startDate: string, end?: [string, string], changeReason?: string) => {
    const p = (
      await t.ok('mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { id version } }', {
        i: { childId, providerId: providerOf[settingId], settingId, placementType, providerCode: settingId === councilNear ? 'PR1' : 'PR4', startDate, weeklyFee: '700.00', changeReason },
      })
    ).createPlacement;
    if (end) await t.ok('mutation($id: ID!, $v: Int!, $d: Date!, $r: ReasonEnded!) { endPlacement(id: $id, version: $v, endDate: $d, endReason: $r) { id } }', { id: p.id, v: p.version, d: end[0], r: end[1] });
  };
  const c1 = await child('North', '2012-01-01');
  await place(c1, councilNear, 'U4', '2023-01-01');
  const c2 = await child('North', '2013-05-05');
  await place(c2, homeNear, 'K2', '2022-06-01', ['2025-04-01', 'X1']);
  await place(c2, ifaFar, 'U5', '2025-04-01', ['2025-09-01', 'X1'], 'CARPL');
  await place(c2, ifaFar, 'U4', '2025-09-01', undefined, 'STAND');
  await place(c2, councilNear, 'T2', '2025-10-01', ['2025-10-05', 'X1']);
  await place(await child('South', '2019-02-01', { legalStatus: 'C2' }), ifaNear, 'U6', '2026-01-10');
  await place(await child('South', '2009-06-01'), councilNear, 'U4', '2020-01-01');
  const c5 = await child('North', '2015-03-01', { homeLatitude: null, homeLongitude: null });
  await place(c5, councilNear, 'U4', '2023-06-01', ['2025-06-01', 'X1']);
  await place(c5, councilNear, 'A4', '2025-06-01', undefined, 'CARPL');
  await place(c5, councilNear, 'T3', '2025-08-01', ['2025-08-08', 'X1']);
  await place(await child(null, '2010-01-01'), homeNear, 'K2', '2026-02-15');
  await place(await child('North', '2011-01-01', { legalStatus: 'V2' }), ifaFar, 'U4', '2025-10-01', ['2025-12-24', 'E4A']);
  await place(await child('South', '2012-07-01', { legalStatus: 'C1' }), ifaNear, 'U4', '2025-10-01', ['2025-12-25', 'E13']);
});
afterAll(() => t.stop());

const FIGURES = `childrenInCare childPopulation ratePer10000 byGroup { group children percent } inHouseFostering independentFostering inHouseFosteringPercent residential
  over20Miles within20Miles distanceNotKnown percentOver20Miles threeOrMorePlacements threeOrMorePlacementsPercent longTermLookedAfter longTermSamePlacement longTermStabilityPercent`;

const NORTH_ON_1_MARCH = {
  // C1, C2, C5; 3 × 10,000 / 2,500 = 12.00 per 10,000.
  childrenInCare: 3,
  childPopulation: 2500,
  ratePer10000: '12.00',
  // One each of 3: 33.333… → 33.33; ties by group name.
  byGroup: [
    { group: 'IFA_FOSTERING', children: 1, percent: '33.33' },
    { group: 'IN_HOUSE_FOSTERING', children: 1, percent: '33.33' },
    { group: 'OTHER', children: 1, percent: '33.33' },
  ],
  inHouseFostering: 1,
  independentFostering: 1,
  inHouseFosteringPercent: '50.00',
  residential: 0,
  // C1 near, C2 far, C5 home not known: 1 of 2 known = 50.00%.
  over20Miles: 1,
  within20Miles: 1,
  distanceNotKnown: 1,
  percentOver20Miles: '50.00',
  // C2: K2 (its last night 31 March 2025 is in the year from 2 March 2025), U5, U4 = 3; the T2 move is not counted. 1 of 3 = 33.33%.
  threeOrMorePlacements: 1,
  threeOrMorePlacementsPercent: '33.33',
  // Under 16 and in care since 2023-09-01 or before: C1 (2023-01-01), C2 (2022-06-01), C5 (2023-06-01).
  // Same placement since 2024-03-01 or before: C1 (2023-01-01) and C5, placed for adoption, whose adoption placement
  // and the foster placement before it together run from 2023-06-01; not C2 (2025-09-01). 2 of 3 = 66.67%.
  longTermLookedAfter: 3,
  longTermSamePlacement: 2,
  longTermStabilityPercent: '66.67',
};

describe('the DfE indicators on a date', () => {
  it('counts children in care on 1 March 2026 overall and by locality, with the rate per 10,000 where a population is known', async () => {
    const { careIndicators } = await t.ok(`{ careIndicators(onDate: "2026-03-01") { onDate localityId ${FIGURES} byLocality { localityId localityName ${FIGURES} } } }`);
    expect(careIndicators).toEqual({
      onDate: '2026-03-01',
      localityId: null,
      // C1–C6 (C7 and C8 left in December). C6 has no locality, so the overall rate is not known.
      childrenInCare: 6,
      childPopulation: null,
      ratePer10000: null,
      // 2 of 6 = 33.33%, 1 of 6 = 16.67%.
      byGroup: [
        { group: 'IFA_FOSTERING', children: 2, percent: '33.33' },
        { group: 'IN_HOUSE_FOSTERING', children: 2, percent: '33.33' },
        { group: 'OTHER', children: 1, percent: '16.67' },
        { group: 'RESIDENTIAL', children: 1, percent: '16.67' },
      ],
      // In-house C1, C4; independent C2, C3: 2 of 4 = 50.00%. C5 (A4) is OTHER, C6 (K2) RESIDENTIAL.
      inHouseFostering: 2,
      independentFostering: 2,
      inHouseFosteringPercent: '50.00',
      residential: 1,
      // Over: C2. Within: C1, C3, C4, C6. Not known: C5. 1 of 5 = 20.00%.
      over20Miles: 1,
      within20Miles: 4,
      distanceNotKnown: 1,
      percentOver20Miles: '20.00',
      // C2 alone: 1 of 6 = 16.67%.
      threeOrMorePlacements: 1,
      threeOrMorePlacementsPercent: '16.67',
      // As North (C4 and C6 are 16, C3 is new): 2 of 3.
      longTermLookedAfter: 3,
      longTermSamePlacement: 2,
      longTermStabilityPercent: '66.67',
      byLocality: [
        {
          // A population but no children: a rate of 0.
          localityId: loc.East, localityName: 'East', childrenInCare: 0, childPopulation: 800, ratePer10000: '0.00', byGroup: [],
          inHouseFostering: 0, independentFostering: 0, inHouseFosteringPercent: null, residential: 0, over20Miles: 0, within20Miles: 0, distanceNotKnown: 0,
          percentOver20Miles: null, threeOrMorePlacements: 0, threeOrMorePlacementsPercent: null, longTermLookedAfter: 0, longTermSamePlacement: 0, longTermStabilityPercent: null,
        },
        { localityId: loc.North, localityName: 'North', ...NORTH_ON_1_MARCH },
        {
          // C3 and C4: 2 × 10,000 / 1,000 = 20.00.
          localityId: loc.South, localityName: 'South', childrenInCare: 2, childPopulation: 1000, ratePer10000: '20.00',
          byGroup: [
            { group: 'IFA_FOSTERING', children: 1, percent: '50.00' },
            { group: 'IN_HOUSE_FOSTERING', children: 1, percent: '50.00' },
          ],
          inHouseFostering: 1, independentFostering: 1, inHouseFosteringPercent: '50.00', residential: 0, over20Miles: 0, within20Miles: 2, distanceNotKnown: 0,
          percentOver20Miles: '0.00', threeOrMorePlacements: 0, threeOrMorePlacementsPercent: '0.00', longTermLookedAfter: 0, longTermSamePlacement: 0, longTermStabilityPercent: null,
        },
        {
          // C6: no locality, so no population.
          localityId: null, localityName: null, childrenInCare: 1, childPopulation: null, ratePer10000: null,
          byGroup: [{ group: 'RESIDENTIAL', children: 1, percent: '100.00' }],
          inHouseFostering: 0, independentFostering: 0, inHouseFosteringPercent: null, residential: 1, over20Miles: 0, within20Miles: 1, distanceNotKnown: 0,
          percentOver20Miles: '0.00', threeOrMorePlacements: 0, threeOrMorePlacementsPercent: '0.00', longTermLookedAfter: 0, longTermSamePlacement: 0, longTermStabilityPercent: null,
        },
      ],
    });
  });

  it('counts a placement in the year to the date while one of its nights is in it, temporary moves never', async () => {
    const three = async (onDate: string) => (await t.ok('query($d: Date) { careIndicators(onDate: $d) { threeOrMorePlacements } }', { d: onDate })).careIndicators.threeOrMorePlacements;
    // C2's K2 ended on 1 April 2025: its last night, 31 March 2025, is in the year to 30 March 2026 (31 March 2025 – 30 March 2026)
    // but not in the year to 31 March 2026. C5's U4, A4 and T3 respite are two placements, not three.
    expect(await three('2026-03-30')).toBe(1);
    expect(await three('2026-03-31')).toBe(0);
  });

  it('keeps to one locality when asked', async () => {
    const { careIndicators } = await t.ok(`query($l: ID) { careIndicators(onDate: "2026-03-01", localityId: $l) { localityId ${FIGURES} byLocality { localityName childrenInCare } } }`, { l: loc.North });
    expect(careIndicators).toEqual({ localityId: loc.North, ...NORTH_ON_1_MARCH, byLocality: [{ localityName: 'North', childrenInCare: 3 }] });
  });

  it('gives the same children, groups and distances through careSnapshot', async () => {
    const { careSnapshot, careIndicators } = await t.ok(
      '{ careSnapshot(onDate: "2026-03-01") { childrenInCare byGroup { group children percent } over20Miles within20Miles distanceNotKnown percentOver20Miles } careIndicators(onDate: "2026-03-01") { childrenInCare byGroup { group children percent } over20Miles within20Miles distanceNotKnown percentOver20Miles } }',
    );
    expect(careSnapshot).toEqual(careIndicators);
    expect(careSnapshot.childrenInCare).toBe(6);
  });
});

describe('the monthly series', () => {
  it('gives the indicators on the first of each month, with the population in force on each', async () => {
    const { careIndicatorSeries } = await t.ok(
      `{ careIndicatorSeries(from: "2025-12-10", to: "2026-03-31") { onDate childrenInCare childPopulation ratePer10000 threeOrMorePlacements byLocality { localityName childrenInCare childPopulation ratePer10000 } } }`,
    );
    expect(careIndicatorSeries).toEqual([
      {
        // C1, C2, C4, C5, C7, C8; South (C4, C8) has no population yet, so no overall rate. North: C1, C2, C5, C7 × 10,000 / 2,000 = 20.00.
        onDate: '2025-12-01', childrenInCare: 6, childPopulation: null, ratePer10000: null, threeOrMorePlacements: 1,
        byLocality: [
          { localityName: 'East', childrenInCare: 0, childPopulation: 800, ratePer10000: '0.00' },
          { localityName: 'North', childrenInCare: 4, childPopulation: 2000, ratePer10000: '20.00' },
          { localityName: 'South', childrenInCare: 2, childPopulation: null, ratePer10000: null },
        ],
      },
      {
        // C1, C2, C4, C5. North's 2,500 is in force from this day: 3 × 10,000 / 2,500 = 12.00.
        onDate: '2026-01-01', childrenInCare: 4, childPopulation: null, ratePer10000: null, threeOrMorePlacements: 1,
        byLocality: [
          { localityName: 'East', childrenInCare: 0, childPopulation: 800, ratePer10000: '0.00' },
          { localityName: 'North', childrenInCare: 3, childPopulation: 2500, ratePer10000: '12.00' },
          { localityName: 'South', childrenInCare: 1, childPopulation: null, ratePer10000: null },
        ],
      },
      {
        // C1–C5, every one with a population: 800 + 2,500 + 1,000 = 4,300; 5 × 10,000 / 4,300 = 11.6279… → 11.63.
        onDate: '2026-02-01', childrenInCare: 5, childPopulation: 4300, ratePer10000: '11.63', threeOrMorePlacements: 1,
        byLocality: [
          { localityName: 'East', childrenInCare: 0, childPopulation: 800, ratePer10000: '0.00' },
          { localityName: 'North', childrenInCare: 3, childPopulation: 2500, ratePer10000: '12.00' },
          { localityName: 'South', childrenInCare: 2, childPopulation: 1000, ratePer10000: '20.00' },
        ],
      },
      {
        onDate: '2026-03-01', childrenInCare: 6, childPopulation: null, ratePer10000: null, threeOrMorePlacements: 1,
        byLocality: [
          { localityName: 'East', childrenInCare: 0, childPopulation: 800, ratePer10000: '0.00' },
          { localityName: 'North', childrenInCare: 3, childPopulation: 2500, ratePer10000: '12.00' },
          { localityName: 'South', childrenInCare: 2, childPopulation: 1000, ratePer10000: '20.00' },
          { localityName: null, childrenInCare: 1, childPopulation: null, ratePer10000: null },
        ],
      },
    ]);
  });

  it('runs ten years of months as one SQL statement, and careTrend is a view of it', async () => {
    let points: unknown[] = [];
    const statements = await t.countStatements(async () => {
      points = (await t.ok('{ careIndicatorSeries(from: "2016-04-01", to: "2026-03-31") { onDate childrenInCare } }')).careIndicatorSeries;
    });
    // The locality check is skipped without a locality: one statement for 120 points.
    expect(statements).toBe(1);
    expect(points).toHaveLength(120);
    expect(points[0]).toEqual({ onDate: '2016-04-01', childrenInCare: 0 });
    // 2020-01-01: C4 alone.
    expect(points[45]).toEqual({ onDate: '2020-01-01', childrenInCare: 1 });
    const { careTrend, careIndicatorSeries } = await t.ok(
      '{ careTrend(from: "2025-10-01", to: "2026-03-01") { onDate childrenInCare inHouseFostering ifaFostering residential } careIndicatorSeries(from: "2025-10-01", to: "2026-03-01") { onDate childrenInCare inHouseFostering independentFostering residential } }',
    );
    expect(careTrend).toEqual(careIndicatorSeries.map(({ independentFostering, ...p }: any) => ({ ...p, ifaFostering: independentFostering })));
    // 1 October: C1, C4, C5 (A4: other) in-house or other; C2, C7, C8 with the IFA; none residential (C2’s temporary move is not counted).
    expect(careTrend[0]).toEqual({ onDate: '2025-10-01', childrenInCare: 6, inHouseFostering: 2, ifaFostering: 3, residential: 0 });
  });
});

const FLOWS = `childrenStarted startedByLegalStatus { legalStatus count } childrenCeased ceasedByReason { reason count }
  placementsStarted placementsStartedByChangeReason { reason count } placementsEnded placementsEndedByReason { reason count }
  childrenDiverted placedChildren placedOver20Miles placedWithin20Miles placedDistanceNotKnown placedPercentOver20Miles`;

describe('flows over a period', () => {
  it('counts starts, ends, diversions and children placed over 20 miles in 2025-26, overall and by locality', async () => {
    const { careFlows } = await t.ok(`{ careFlows(from: "2025-04-01", to: "2026-03-31") { from to localityId ${FLOWS} byLocality { localityName ${FLOWS} } } }`);
    expect(careFlows).toEqual({
      from: '2025-04-01',
      to: '2026-03-31',
      localityId: null,
      // Periods of care begun in the year: C3 (C2), C6 (none recorded), C7 (V2), C8 (C1).
      childrenStarted: 4,
      startedByLegalStatus: [
        { legalStatus: 'C1', count: 1 },
        { legalStatus: 'C2', count: 1 },
        { legalStatus: 'V2', count: 1 },
        { legalStatus: null, count: 1 },
      ],
      // C7 went home (E4A), C8 to relatives (E13). C2's and C5's moves (X1 with a placement the same day) are not ends of care.
      childrenCeased: 2,
      ceasedByReason: [
        { reason: 'E13', count: 1 },
        { reason: 'E4A', count: 1 },
      ],
      // C2 U5 (1 April counts: CARPL) and U4 (STAND), C5 A4 (CARPL), C3, C6, C7, C8 (none); C2's T2 is not a placement.
      placementsStarted: 7,
      placementsStartedByChangeReason: [
        { reason: null, count: 4 },
        { reason: 'CARPL', count: 2 },
        { reason: 'STAND', count: 1 },
      ],
      // C2 K2 (ended 1 April), C2 U5, C5 U4: X1; C7 E4A; C8 E13.
      placementsEnded: 5,
      placementsEndedByReason: [
        { reason: 'X1', count: 3 },
        { reason: 'E13', count: 1 },
        { reason: 'E4A', count: 1 },
      ],
      // C7 left 84 days after its first night (exactly 12 weeks: counted); C8 after 85 (not).
      childrenDiverted: 1,
      // Children who started a placement in the year, by their latest: C2 (U4 far), C7 (far) over; C3, C6, C8 within; C5 not known.
      // 2 of the 5 known = 40.00%.
      placedChildren: 6,
      placedOver20Miles: 2,
      placedWithin20Miles: 3,
      placedDistanceNotKnown: 1,
      placedPercentOver20Miles: '40.00',
      byLocality: [
        {
          // C2, C5, C7.
          localityName: 'North',
          childrenStarted: 1, startedByLegalStatus: [{ legalStatus: 'V2', count: 1 }],
          childrenCeased: 1, ceasedByReason: [{ reason: 'E4A', count: 1 }],
          placementsStarted: 4, placementsStartedByChangeReason: [{ reason: 'CARPL', count: 2 }, { reason: 'STAND', count: 1 }, { reason: null, count: 1 }],
          placementsEnded: 4, placementsEndedByReason: [{ reason: 'X1', count: 3 }, { reason: 'E4A', count: 1 }],
          childrenDiverted: 1,
          placedChildren: 3, placedOver20Miles: 2, placedWithin20Miles: 0, placedDistanceNotKnown: 1, placedPercentOver20Miles: '100.00',
        },
        {
          // C3, C8 (C4 has been in care since 2020).
          localityName: 'South',
          childrenStarted: 2, startedByLegalStatus: [{ legalStatus: 'C1', count: 1 }, { legalStatus: 'C2', count: 1 }],
          childrenCeased: 1, ceasedByReason: [{ reason: 'E13', count: 1 }],
          placementsStarted: 2, placementsStartedByChangeReason: [{ reason: null, count: 2 }],
          placementsEnded: 1, placementsEndedByReason: [{ reason: 'E13', count: 1 }],
          childrenDiverted: 0,
          placedChildren: 2, placedOver20Miles: 0, placedWithin20Miles: 2, placedDistanceNotKnown: 0, placedPercentOver20Miles: '0.00',
        },
        {
          // C6.
          localityName: null,
          childrenStarted: 1, startedByLegalStatus: [{ legalStatus: null, count: 1 }],
          childrenCeased: 0, ceasedByReason: [],
          placementsStarted: 1, placementsStartedByChangeReason: [{ reason: null, count: 1 }],
          placementsEnded: 0, placementsEndedByReason: [],
          childrenDiverted: 0,
          placedChildren: 1, placedOver20Miles: 0, placedWithin20Miles: 1, placedDistanceNotKnown: 0, placedPercentOver20Miles: '0.00',
        },
      ],
    });
  });

  it('counts both days of the period: a diversion ending on its last day', async () => {
    const { careFlows } = await t.ok('{ careFlows(from: "2025-12-24", to: "2025-12-24") { childrenCeased childrenDiverted placementsEnded placedChildren placedPercentOver20Miles byLocality { localityName } } }');
    // Only C7 ended that day.
    expect(careFlows).toEqual({ childrenCeased: 1, childrenDiverted: 1, placementsEnded: 1, placedChildren: 0, placedPercentOver20Miles: null, byLocality: [{ localityName: 'North' }] });
  });

  it('keeps to one locality, with zeros when nothing happened there', async () => {
    const { careFlows } = await t.ok(`query($l: ID) { careFlows(from: "2025-04-01", to: "2026-03-31", localityId: $l) { localityId ${FLOWS} byLocality { localityName } } }`, { l: loc.East });
    expect(careFlows).toEqual({
      localityId: loc.East,
      childrenStarted: 0, startedByLegalStatus: [], childrenCeased: 0, ceasedByReason: [], placementsStarted: 0, placementsStartedByChangeReason: [],
      placementsEnded: 0, placementsEndedByReason: [], childrenDiverted: 0, placedChildren: 0, placedOver20Miles: 0, placedWithin20Miles: 0, placedDistanceNotKnown: 0,
      placedPercentOver20Miles: null, byLocality: [],
    });
  });
});

describe('child populations', () => {
  it('lists a locality’s populations and the one in force on a date', async () => {
    const { locality } = await t.ok(
      'query($id: ID!) { locality(id: $id) { populations { effectiveFrom children source } before: childPopulation(onDate: "2019-12-31") first: childPopulation(onDate: "2025-12-31") second: childPopulation(onDate: "2026-01-01") } }',
      { id: loc.North },
    );
    expect(locality).toEqual({
      populations: [
        { effectiveFrom: '2020-01-01', children: 2000, source: 'ONS mid-year estimate' },
        { effectiveFrom: '2026-01-01', children: 2500, source: 'ONS mid-year estimate' },
      ],
      before: null,
      first: 2000,
      second: 2500,
    });
  });

  it('corrects a figure with its version, audited, and refuses a stale one', async () => {
    const { recordLocalityPopulation: p } = await t.ok('mutation($i: LocalityPopulationInput!) { recordLocalityPopulation(input: $i) { id version children } }', {
      i: { localityId: loc.East, effectiveFrom: '2030-01-01', children: 900 },
    });
    const update = 'mutation($id: ID!, $v: Int!) { updateLocalityPopulation(id: $id, version: $v, input: { children: 950, source: "Corrected" }) { version children source } }';
    expect((await t.ok(update, { id: p.id, v: p.version })).updateLocalityPopulation).toEqual({ version: p.version + 1, children: 950, source: 'Corrected' });
    expect((await t.gql(update, { id: p.id, v: p.version })).body.errors?.[0].extensions?.code).toBe('CONFLICT');
    const { auditTrail } = await t.ok('query($id: ID!) { auditTrail(entityType: "LocalityPopulation", entityId: $id) { action changes { field before after } } }', { id: p.id });
    expect(auditTrail.map((e: { action: string }) => e.action).sort()).toEqual(['CREATE', 'UPDATE']);
  });

  it('lets ADMIN and FINANCE record a figure, not a contract officer', async () => {
    const finance = await t.userWithRole('FINANCE');
    const officer = await t.userWithRole('CONTRACT_OFFICER');
    const record = 'mutation($i: LocalityPopulationInput!) { recordLocalityPopulation(input: $i) { children } }';
    expect((await t.ok(record, { i: { localityId: loc.East, effectiveFrom: '2031-01-01', children: 1 } }, finance.token)).recordLocalityPopulation).toEqual({ children: 1 });
    expect((await t.gql(record, { i: { localityId: loc.East, effectiveFrom: '2032-01-01', children: 1 } }, officer.token)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    ['no children', { effectiveFrom: '2040-01-01', children: 0 }, 'children', 'must be at least 1'],
    ['a date already recorded', { effectiveFrom: '2020-01-01', children: 5 }, 'effectiveFrom', 'the locality already has a child population from this date; correct that one'],
    ['an unknown locality', { localityId: '00000000-0000-4000-8000-000000000000', effectiveFrom: '2040-01-01', children: 5 }, 'localityId', 'no locality has this id'],
  ])('refuses %s, naming the field', async (_what, input, field, message) => {
    const res = await t.gql('mutation($i: LocalityPopulationInput!) { recordLocalityPopulation(input: $i) { id } }', { i: { localityId: loc.East, ...input } });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] });
  });
});

describe('bad input', () => {
  it.each([
    ['to before from', '{ careIndicatorSeries(from: "2026-03-01", to: "2026-02-28") { onDate } }', 'to', 'must not be before from'],
    ['more than 120 months', '{ careIndicatorSeries(from: "2016-03-31", to: "2026-03-01") { onDate } }', 'to', 'the series can cover at most 120 months from the month of from'],
    ['an unknown locality', '{ careIndicators(localityId: "00000000-0000-4000-8000-000000000000") { childrenInCare } }', 'localityId', 'no locality has this id'],
    ['a locality id that is no id', '{ careIndicatorSeries(from: "2026-01-01", to: "2026-02-01", localityId: "north") { onDate } }', 'localityId', 'is not a valid id (a UUID)'],
    ['a period ending before it starts', '{ careFlows(from: "2026-04-01", to: "2026-03-31") { childrenStarted } }', 'to', 'must not be before from'],
    ['an unknown locality for flows', '{ careFlows(from: "2026-04-01", to: "2026-04-30", localityId: "00000000-0000-4000-8000-000000000000") { childrenStarted } }', 'localityId', 'no locality has this id'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, query, field, message) => {
    const res = await t.gql(query);
    expect(res.status).toBe(200);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] });
  });

  it('lets an analyst read the indicators', async () => {
    const analyst = await t.userWithRole('ANALYST');
    expect((await t.ok('{ careIndicators(onDate: "2026-03-01") { childrenInCare } }', undefined, analyst.token)).careIndicators).toEqual({ childrenInCare: 6 });
  });
});
