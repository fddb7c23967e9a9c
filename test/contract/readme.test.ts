import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestApi, type TestApi } from '../support/test-api';

const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const guide = readme.slice(readme.indexOf('## API guide'));
const examples = [...guide.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

let t: TestApi;
beforeAll(async () => {
  // The guide signs in as the administrator it describes, so the examples run as written.
  t = await startTestApi({ ADMIN_EMAIL: 'admin@placewise.local', ADMIN_PASSWORD: 'your password' });
});
afterAll(() => t.stop());

/** Where each variable the examples declare comes from: the answers of the examples before it. */
function variablesFor(example: string, seen: Record<string, any>): Record<string, unknown> {
  const sources: Record<string, () => unknown> = {
    providerId: () => seen.createProvider.id,
    id: () => seen.createProvider.id,
    version: () => seen.createProvider.version,
    roundId: () => seen.createProcurementRound.id,
    roundVersion: () => seen.roundVersion,
    bidId: () => seen.submitBid.id,
    childId: () => seen.createChild.id,
    routeId: () => seen.createTransportRoute.id,
    routeVersion: () => seen.createTransportRoute.version,
    homeId: () => seen.hillside.id,
  };
  const declared = [...example.matchAll(/\$(\w+):/g)].map((m) => m[1]);
  return Object.fromEntries(declared.map((name) => [name, sources[name]()]));
}

describe('README API guide', () => {
  it('every example runs as written, in order, without errors', async () => {
    const seen: Record<string, any> = {};
    const results: Record<string, any>[] = [];
    for (const example of examples) {
      const token = example.includes('login(') ? null : t.adminToken;
      const data = await t.ok(example, variablesFor(example, seen), token);
      for (const [field, value] of Object.entries(data)) {
        seen[field] = value;
        if (field.includes('ProcurementRound') || field === 'inviteProviders') seen.roundVersion = (value as { version: number }).version;
      }
      results.push(data);
    }
    expect(examples.length).toBe(24);
    const by = (field: string) => results.find((r) => field in r)![field];
    expect(by('login').user).toEqual({ email: 'admin@placewise.local', role: 'ADMIN' });
    expect(by('createSetting').postcode).toBe('BH1 1AA');
    expect(by('providers').totalCount).toBe(1);
    expect(by('providers').nodes[0]).toEqual({
      legalName: 'Harbour Fostering Ltd',
      providerCode: 'PR4',
      settings: [{ name: 'Seaview House', ofstedRating: 'GOOD', postcode: 'BH1 1AA' }],
    });
    expect(by('suggestedProviders')).toEqual([{ provider: { id: seen.createProvider.id, legalName: 'Harbour Fostering Ltd' }, distanceMiles: 1.11 }]);
    // One bid of £845.00 with 84/100 points: quality 60 × 0.84 = 50.40; price 40 × 845/845 = 40.00; total 90.40.
    expect(by('procurementRound').evaluation).toEqual([
      { rank: 1, amount: '845.00', qualityScore: '84.00', qualityPoints: '50.40', pricePoints: '40.00', total: '90.40', bid: { provider: { legalName: 'Harbour Fostering Ltd' } } },
    ]);
    expect(by('awardProcurementRound')).toEqual({
      status: 'AWARDED',
      contract: {
        reference: 'IPA-2026-0147',
        kind: 'SPOT',
        status: 'DRAFT',
        weeklyFee: '845.00',
        startDate: '2026-06-01',
        endDate: '2026-11-30',
        negotiations: [{ agreed: '845.00', firstAsk: '845.00' }],
      },
    });
    expect(by('updateProvider')).toEqual({ version: 2, status: 'SUSPENDED' });
    expect(by('settings').nodes).toEqual([]);
    expect(by('auditEvents').nodes.map((e: any) => e.action)).toEqual(['UPDATE', 'CREATE']);
    // Thursday 3 September to Friday 18 December 2026: 2 + 15 × 5 = 77 weekdays, less half-term (5): 72 days, two journeys each.
    expect(by('generateTermJourneys')).toEqual({ created: 144, route: { totals: { journeys: 144, cost: '0.00' } } });
    expect(by('careCosts')).toEqual({ placements: '0.00', transport: '0.00', contact: '0.00', total: '0.00', lines: [] });
    // £4,200 a week is £600 a night: April 25 nights = 15,000.00, May 31 = 18,600.00, June 30 = 18,000.00.
    expect(by('spend')).toEqual({
      groups: [
        { key: { month: '2026-04', placementType: 'K2' }, amount: '15000.00', nights: 25, averageWeeklyCost: '4200.00' },
        { key: { month: '2026-05', placementType: 'K2' }, amount: '18600.00', nights: 31, averageWeeklyCost: '4200.00' },
        { key: { month: '2026-06', placementType: 'K2' }, amount: '18000.00', nights: 30, averageWeeklyCost: '4200.00' },
      ],
      total: { amount: '51600.00', nights: 86, placements: 1, children: 1 },
    });
    // The child has no home location, so the distance is not known.
    expect(by('careIndicators')).toEqual({ childrenInCare: 1, residential: 1, independentFostering: 0, distanceNotKnown: 1 });
    expect(by('unitCosts')).toEqual({ byPlacementTypeAndNeed: [{ placementType: 'K2', needLevel: null, placements: 1, lowerQuartile: '4200.00', median: '4200.00', upperQuartile: '4200.00' }] });
    expect(by('careFlows')).toEqual({ childrenStarted: 1, placementsStarted: 1, placedChildren: 1, placedDistanceNotKnown: 1 });
  });
});
