import { unitCostFixture } from '../support/unit-cost-fixture';
import { startTestApi, TEST_TODAY, type TestApi } from '../support/test-api';

// The fixture and its figures: test/support/unit-cost-fixture.ts. Every figure below is worked by hand.
const ON = '2026-06-01';
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ AS_OF: TEST_TODAY });
  await unitCostFixture(t);
  await t.ok('{ me { id } }');
}, 60_000);
afterAll(() => t.stop());

const SPREAD = 'placements lowest lowerQuartile median upperQuartile highest';
const unitCosts = (fields: string, args = `onDate: "${ON}"`) => t.ok(`{ unitCosts${args ? `(${args})` : ''} { ${fields} } }`).then((d) => d.unitCosts);

describe('unitCosts: the spread by placement type and need level', () => {
  it('gives the quartiles and median by percentile_cont, rounded half-up once, of the weekly costs that night', async () => {
    const u = await unitCosts(`onDate includesOwnProvision placementTypes byPlacementTypeAndNeed { placementType needLevel ${SPREAD} }`);
    expect(u).toMatchObject({ onDate: ON, includesOwnProvision: false, placementTypes: null });
    expect(u.byPlacementTypeAndNeed).toEqual([
      // Weekly costs 930.00 (880.00 + 50.00 service), 950.00, 1000.01, 1100.04 (its rise to 2000.00 is from tomorrow); n = 4:
      // Q1 at position 0.75: 930.00 + 0.75 × 20.00 = 945.00; median at 1.5: (950.00 + 1000.01) / 2 = 975.005 → 975.01;
      // Q3 at 2.25: 1000.01 + 0.25 × 100.03 = 1025.0175 → 1025.02.
      { placementType: 'U4', needLevel: 'STANDARD', placements: 4, lowest: '930.00', lowerQuartile: '945.00', median: '975.01', upperQuartile: '1025.02', highest: '1100.04' },
      { placementType: 'U4', needLevel: 'COMPLEX', placements: 1, lowest: '1300.00', lowerQuartile: '1300.00', median: '1300.00', upperQuartile: '1300.00', highest: '1300.00' },
      // No contract: need level not known, a group of its own (the council's £500.00 is own provision, not counted).
      { placementType: 'U4', needLevel: null, placements: 1, lowest: '777.77', lowerQuartile: '777.77', median: '777.77', upperQuartile: '777.77', highest: '777.77' },
      // 4000.00, 5250.50 (5000.00 + 250.50), 12000.00: Q1 (4000.00 + 5250.50) / 2 = 4625.25; Q3 (5250.50 + 12000.00) / 2 = 8625.25.
      // The £15,000.00 that ended on the night and the £20,000.00 starting the next day are not running.
      { placementType: 'K2', needLevel: 'COMPLEX', placements: 3, lowest: '4000.00', lowerQuartile: '4625.25', median: '5250.50', upperQuartile: '8625.25', highest: '12000.00' },
      { placementType: 'K2', needLevel: null, placements: 1, lowest: '10000.00', lowerQuartile: '10000.00', median: '10000.00', upperQuartile: '10000.00', highest: '10000.00' },
    ]);
  });

  it('counts own provision when asked, and only the placement types asked for', async () => {
    const u = await unitCosts(`placementTypes byPlacementTypeAndNeed { needLevel ${SPREAD} }`, `onDate: "${ON}", includeOwnProvision: true, placementTypes: [U4]`);
    expect(u.placementTypes).toEqual(['U4']);
    expect(u.byPlacementTypeAndNeed.map((g: any) => g.needLevel)).toEqual(['STANDARD', 'COMPLEX', null]);
    // 500.00 and 777.77: Q1 50000 + 0.25 × 27777 = 56944.25 → 569.44; median 63888.5 → 638.89; Q3 50000 + 0.75 × 27777 = 70832.75 → 708.33.
    expect(u.byPlacementTypeAndNeed[2]).toEqual({ needLevel: null, placements: 2, lowest: '500.00', lowerQuartile: '569.44', median: '638.89', upperQuartile: '708.33', highest: '777.77' });
  });

  it('is on today when no date is given', async () => {
    const u = await unitCosts('onDate', '');
    expect(u.onDate).toBe(TEST_TODAY);
  });
});

describe('unitCosts: by provider, against the median and the rate card', () => {
  it('gives each provider’s average against the group’s median, and its fees against its card with the uplift, by provider name', async () => {
    const u = await unitCosts(
      'byProvider { provider { legalName } placementType needLevel placements averageWeeklyCost groupMedian differenceFromMedian percentFromMedian placementsWithCardRate averageWeeklyFee averageCardRate differenceFromCard percentFromCard }',
    );
    const none = { placementsWithCardRate: 0, averageWeeklyFee: null, averageCardRate: null, differenceFromCard: null, percentFromCard: null };
    expect(u.byProvider).toEqual([
      // (1000.01 + 1100.04) / 2 = 1050.025 → 1050.03; − 975.01 = 75.02; 7502 × 10000 / 97501 = 769.4 → 7.69%. No agreement: no card.
      { provider: { legalName: 'Birch Fostering Ltd' }, placementType: 'U4', needLevel: 'STANDARD', placements: 2, averageWeeklyCost: '1050.03', groupMedian: '975.01', differenceFromMedian: '75.02', percentFromMedian: '7.69', ...none },
      // Need level not known: no card looked up.
      { provider: { legalName: 'Birch Fostering Ltd' }, placementType: 'U4', needLevel: null, placements: 1, averageWeeklyCost: '777.77', groupMedian: '777.77', differenceFromMedian: '0.00', percentFromMedian: '0.00', ...none },
      // Costs (930.00 + 950.00) / 2 = 940.00; − 975.01 = −35.01; −3501 × 10000 / 97501 = −359.07 → −3.59%.
      // Cards: child 12 → 11–17 £900.00 × 1.04 = £936.00; child 10 (11 tomorrow) → 0–10 £850.00 × 1.04 = £884.00; average £910.00.
      // Fees (880.00 + 950.00) / 2 = 915.00 (the weekly service is not on the card): 5.00 above; 500 × 10000 / 91000 = 54.9 → 0.55%.
      {
        provider: { legalName: 'Harbour Fostering A' },
        placementType: 'U4',
        needLevel: 'STANDARD',
        placements: 2,
        averageWeeklyCost: '940.00',
        groupMedian: '975.01',
        differenceFromMedian: '-35.01',
        percentFromMedian: '-3.59',
        placementsWithCardRate: 2,
        averageWeeklyFee: '915.00',
        averageCardRate: '910.00',
        differenceFromCard: '5.00',
        percentFromCard: '0.55',
      },
      // A spot with a provider that has a card: COMPLEX £1,234.57 × 1.04 = 1283.9528 → £1,283.95; 16.05 above; 1605 × 10000 / 128395 = 125.005 → 1.25%.
      {
        provider: { legalName: 'Harbour Fostering A' },
        placementType: 'U4',
        needLevel: 'COMPLEX',
        placements: 1,
        averageWeeklyCost: '1300.00',
        groupMedian: '1300.00',
        differenceFromMedian: '0.00',
        percentFromMedian: '0.00',
        placementsWithCardRate: 1,
        averageWeeklyFee: '1300.00',
        averageCardRate: '1283.95',
        differenceFromCard: '16.05',
        percentFromCard: '1.25',
      },
      // (4000.00 + 5250.50 + 12000.00) / 3 = 7083.50; − 5250.50 = 1833.00; 183300 × 10000 / 525050 = 3491.1 → 34.91%.
      { provider: { legalName: 'Hillside Homes Ltd' }, placementType: 'K2', needLevel: 'COMPLEX', placements: 3, averageWeeklyCost: '7083.50', groupMedian: '5250.50', differenceFromMedian: '1833.00', percentFromMedian: '34.91', ...none },
      { provider: { legalName: 'Hillside Homes Ltd' }, placementType: 'K2', needLevel: null, placements: 1, averageWeeklyCost: '10000.00', groupMedian: '10000.00', differenceFromMedian: '0.00', percentFromMedian: '0.00', ...none },
    ]);
  });

  it('applies the card the applicableRate query gives for the same placement type, need level, age and date', async () => {
    const { harbour } = { harbour: (await t.ok('{ providers(filter: { legalName: { eq: "Harbour Fostering A" } }) { nodes { id } } }')).providers.nodes[0] };
    const rate = (age: number, needLevel: string) =>
      t.ok(`{ applicableRate(providerId: "${harbour.id}", placementType: U4, needLevel: ${needLevel}, age: ${age}, onDate: "${ON}") { weeklyFee upliftsApplied } }`).then((d) => d.applicableRate);
    expect(await rate(12, 'STANDARD')).toEqual({ weeklyFee: '936.00', upliftsApplied: 1 });
    expect(await rate(10, 'STANDARD')).toEqual({ weeklyFee: '884.00', upliftsApplied: 1 });
    expect(await rate(9, 'COMPLEX')).toEqual({ weeklyFee: '1283.95', upliftsApplied: 1 });
    // Three 1 Aprils (2026, 2027, 2028), each uplift rounded to the penny: 123457 × 1.04 = 128395.28 → 128395; × 1.04 = 133530.8 → 133531; × 1.04 = 138872.24 → 138872.
    const later = await t.ok(`{ applicableRate(providerId: "${harbour.id}", placementType: U4, needLevel: COMPLEX, age: 9, onDate: "2028-06-01") { weeklyFee upliftsApplied } }`);
    expect(later.applicableRate).toEqual({ weeklyFee: '1388.72', upliftsApplied: 3 });
  });
});

describe('unitCosts: spot against framework, Ofsted, the highest', () => {
  it('gives the premium of spot purchases over framework call-offs, median against median', async () => {
    const u = await unitCosts('frameworkPremium { placementType needLevel spotPlacements spotMedian frameworkPlacements frameworkMedian premium premiumPercent }');
    expect(u.frameworkPremium).toEqual([
      // Spot 1000.01 and 1100.04 → 1050.025 → 1050.03; call-offs 930.00 and 950.00 → 940.00; 110.03 more; 11003 × 10000 / 94000 = 1170.5 → 11.71%.
      { placementType: 'U4', needLevel: 'STANDARD', spotPlacements: 2, spotMedian: '1050.03', frameworkPlacements: 2, frameworkMedian: '940.00', premium: '110.03', premiumPercent: '11.71' },
      { placementType: 'U4', needLevel: 'COMPLEX', spotPlacements: 1, spotMedian: '1300.00', frameworkPlacements: 0, frameworkMedian: null, premium: null, premiumPercent: null },
      { placementType: 'K2', needLevel: 'COMPLEX', spotPlacements: 3, spotMedian: '5250.50', frameworkPlacements: 0, frameworkMedian: null, premium: null, premiumPercent: null },
    ]);
  });

  it('gives the spread by the setting’s Ofsted rating, not known last', async () => {
    const u = await unitCosts(`byOfstedRating { ofstedRating ${SPREAD} }`);
    expect(u.byOfstedRating).toEqual([
      { ofstedRating: 'OUTSTANDING', placements: 1, lowest: '5250.50', lowerQuartile: '5250.50', median: '5250.50', upperQuartile: '5250.50', highest: '5250.50' },
      { ofstedRating: 'GOOD', placements: 1, lowest: '4000.00', lowerQuartile: '4000.00', median: '4000.00', upperQuartile: '4000.00', highest: '4000.00' },
      { ofstedRating: 'REQUIRES_IMPROVEMENT', placements: 1, lowest: '12000.00', lowerQuartile: '12000.00', median: '12000.00', upperQuartile: '12000.00', highest: '12000.00' },
      // No setting (the six fostering placements) or no rating (Beech House): 777.77, 930.00, 950.00, 1000.01, 1100.04, 1300.00, 10000.00;
      // Q1 at 1.5: (930.00 + 950.00) / 2 = 940.00; median at 3: 1000.01; Q3 at 4.5: (1100.04 + 1300.00) / 2 = 1200.02.
      { ofstedRating: null, placements: 7, lowest: '777.77', lowerQuartile: '940.00', median: '1000.01', upperQuartile: '1200.02', highest: '10000.00' },
    ]);
  });

  it('lists the placements at £10,000 a week and over, highest first, with their card where one applies', async () => {
    const FIELDS = 'placement { reference provider { legalName } } weeklyCost weeklyFee needLevel contractKind cardWeeklyFee aboveCard';
    const u = await unitCosts(`tenThousand: highCostPlacements { ${FIELDS} } over1200: highCostPlacements(atLeast: "1200.00") { placement { reference } weeklyCost cardWeeklyFee aboveCard }`);
    expect(u.tenThousand).toEqual([
      { placement: { reference: 'UC-K3', provider: { legalName: 'Hillside Homes Ltd' } }, weeklyCost: '12000.00', weeklyFee: '12000.00', needLevel: 'COMPLEX', contractKind: 'SPOT', cardWeeklyFee: null, aboveCard: null },
      // Exactly £10,000.00 counts ("and over").
      { placement: { reference: 'UC-K4', provider: { legalName: 'Hillside Homes Ltd' } }, weeklyCost: '10000.00', weeklyFee: '10000.00', needLevel: null, contractKind: null, cardWeeklyFee: null, aboveCard: null },
    ]);
    expect(u.over1200).toEqual([
      { placement: { reference: 'UC-K3' }, weeklyCost: '12000.00', cardWeeklyFee: null, aboveCard: null },
      { placement: { reference: 'UC-K4' }, weeklyCost: '10000.00', cardWeeklyFee: null, aboveCard: null },
      { placement: { reference: 'UC-K2' }, weeklyCost: '5250.50', cardWeeklyFee: null, aboveCard: null },
      { placement: { reference: 'UC-K1' }, weeklyCost: '4000.00', cardWeeklyFee: null, aboveCard: null },
      { placement: { reference: 'UC-P5' }, weeklyCost: '1300.00', cardWeeklyFee: '1283.95', aboveCard: '16.05' },
    ]);
  });
});

describe('unitCosts: requests', () => {
  it('works out every section asked in one statement, and loads the providers and placements named in one each', async () => {
    const query = `{ unitCosts(onDate: "${ON}") {
      byPlacementTypeAndNeed { median } byOfstedRating { median } frameworkPremium { premium }
      byProvider { provider { legalName } averageWeeklyCost } highCostPlacements(atLeast: "1300.00") { placement { reference } weeklyCost cardWeeklyFee } } }`;
    let data: any;
    const statements = await t.countStatements(async () => {
      data = await t.ok(query);
    });
    expect(data.unitCosts.byProvider).toHaveLength(6);
    // With the providers asked too, the cards are looked up for every placement once: UC-P5 at exactly £1,300.00 still has its £1,283.95.
    expect(data.unitCosts.highCostPlacements.map((h: any) => h.placement.reference)).toEqual(['UC-K3', 'UC-K4', 'UC-K2', 'UC-K1', 'UC-P5']);
    expect(data.unitCosts.highCostPlacements[4].cardWeeklyFee).toBe('1283.95');
    // the five sections together, the providers of all provider rows in one load, the placements of the list in one load
    expect(statements).toBe(3);
  });

  it('refuses bad input naming the field, and readers without a role', async () => {
    const bad = async (args: string, field: string) => {
      const res = await t.gql(`{ unitCosts(${args}) { onDate highCostPlacements(atLeast: "-1.00") { weeklyCost } } }`);
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field }] });
    };
    await bad('placementTypes: []', 'placementTypes');
    await bad(`onDate: "${ON}"`, 'atLeast');
    const res = await t.gql('{ unitCosts { onDate } }', {}, null);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const analyst = await t.userWithRole('ANALYST');
    expect((await t.ok(`{ unitCosts(onDate: "${ON}") { byPlacementTypeAndNeed { placements } } }`, {}, analyst.token)).unitCosts.byPlacementTypeAndNeed).toHaveLength(5);
  });
});
