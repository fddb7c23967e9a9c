import { addDays } from '../../server/src/common/dates';
import { createProvider, createSetting, tableCounts } from '../support/fixtures';
import { startTestApi, TEST_TODAY, type TestApi } from '../support/test-api';

let t: TestApi;
let provider: { id: string };
let nearHome: { id: string };
let farHome: { id: string };
let n = 0;
beforeAll(async () => {
  t = await startTestApi({ AS_OF: TEST_TODAY });
  provider = await createProvider(t, { legalName: 'Placement Homes Ltd', serviceCategories: ['RESIDENTIAL'] });
  nearHome = await createSetting(t, { providerId: provider.id, name: 'Near Home', latitude: 50.7208, longitude: -1.8808 });
  farHome = await createSetting(t, { providerId: provider.id, name: 'Far Home', latitude: 51.8787, longitude: -0.42 });
});
afterAll(() => t.stop());

async function child(over: Record<string, unknown> = {}) {
  return (
    await t.ok('mutation($i: ChildCreateInput!) { createChild(input: $i) { id version caseReference initials age ageBand } }', {
      i: { caseReference: `CASE-${++n}`, initials: 'ab', dateOfBirth: '2012-05-01', gender: 'FEMALE', legalStatus: 'C2', homePostcode: 'BH2 5AA', homeLatitude: 50.7195, homeLongitude: -1.8795, ...over },
    })
  ).createChild;
}
const PLACEMENT = 'id version startDate endDate distanceMiles within20Miles fees { weeklyFee effectiveFrom }';
const place = (over: Record<string, unknown>) =>
  t.gql(`mutation($i: PlacementCreateInput!) { createPlacement(input: $i) { ${PLACEMENT} } }`, {
    i: { providerId: provider.id, settingId: nearHome.id, placementType: 'K2', providerCode: 'PR4', startDate: '2026-01-05', weeklyFee: '4200.00', ...over },
  });

describe('children', () => {
  it('keeps a pseudonymous record with derived age and band', async () => {
    const c = await child({ dateOfBirth: addDays(TEST_TODAY, -(11 * 365 + 10)) });
    expect(c.initials).toBe('AB');
    expect(c.age).toBe(11);
    expect(c.ageBand).toBe('AGE_10_TO_15');
  });

  it('refuses names in the initials field and a birth date in the future', async () => {
    const before = await tableCounts(t);
    const res = await t.gql('mutation { createChild(input: { caseReference: "X1", initials: "Jonathan", dateOfBirth: "2999-01-01", gender: MALE }) { id } }');
    expect(res.body.errors![0].extensions!.fieldErrors).toContainEqual({ field: 'initials', message: 'must be 1 to 4 letters (initials only, never a name)' });
    const future = await t.gql('mutation { createChild(input: { caseReference: "X1", initials: "JD", dateOfBirth: "2999-01-01", gender: MALE }) { id } }');
    expect(future.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'dateOfBirth', message: 'must not be in the future' }]);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('is hidden from analysts, who still see placements', async () => {
    const c = await child();
    await place({ childId: c.id });
    const analyst = await t.userWithRole('ANALYST');
    const denied = await t.gql('{ children { nodes { id } } }', {}, analyst.token);
    expect(denied.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const placements = await t.gql('query($c: ID!) { placements(filter: { childId: { eq: $c } }) { nodes { placementType child { initials } } } }', { c: c.id }, analyst.token);
    expect(placements.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(placements.body.errors![0].path).toEqual(['placements', 'nodes', 0, 'child']);
    const allowed = await t.gql('query($c: ID!) { placements(filter: { childId: { eq: $c } }) { nodes { placementType } } }', { c: c.id }, analyst.token);
    expect(allowed.body.data!.placements.nodes).toEqual([{ placementType: 'K2' }]);
  });
});

describe('placements', () => {
  it('records the distance from home, and "not known" when a point is missing', async () => {
    const c = await child();
    const near = (await place({ childId: c.id, startDate: '2026-01-05', plannedEndDate: '2026-02-01' })).body.data!.createPlacement;
    expect(near).toMatchObject({ distanceMiles: 0.11, within20Miles: true });
    const unknownHome = await child({ homePostcode: null, homeLatitude: null, homeLongitude: null });
    const unknown = (await place({ childId: unknownHome.id, settingId: farHome.id })).body.data!.createPlacement;
    expect(unknown).toMatchObject({ distanceMiles: null, within20Miles: null });
    // The child's family moves to Luton: the distance to the Bournemouth home is worked out again (101.97 miles).
    const moved = await t.ok('mutation($id: ID!) { updateChild(id: $id, version: 1, input: { homeLatitude: 51.8787, homeLongitude: -0.42 }) { id } }', { id: c.id });
    expect(moved.updateChild.id).toBe(c.id);
    const after = (await t.ok('query($id: ID!) { placement(id: $id) { distanceMiles within20Miles } }', { id: near.id })).placement;
    expect(after.within20Miles).toBe(false);
    expect(after.distanceMiles).toBeCloseTo(102, 0);
  });

  it('refuses overlapping placements of a child, but allows a temporary move inside one', async () => {
    const c = await child();
    await place({ childId: c.id, startDate: '2026-01-05' });
    const before = await tableCounts(t);
    const overlap = await place({ childId: c.id, startDate: '2026-03-01', settingId: farHome.id });
    expect(overlap.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'startDate', message: 'overlaps the child’s placement from 2026-01-05 to now (still open)' }]);
    expect(await tableCounts(t)).toEqual(before);
    const holiday = await place({ childId: c.id, startDate: '2026-03-01', placementType: 'T2', plannedEndDate: '2026-03-08' });
    expect(holiday.body.errors).toBeUndefined();
  });

  it('the database itself refuses an overlap that slips past the check', async () => {
    const c = await child();
    const first = (await place({ childId: c.id, startDate: '2026-01-05' })).body.data!.createPlacement;
    await expect(
      t.api.db.query(`INSERT INTO placement (version, child_id, provider_id, placement_type, provider_code, start_date) SELECT 1, child_id, provider_id, 'U4', 'PR4', '2026-02-01' FROM placement WHERE id = $1`, [first.id]),
    ).rejects.toThrow(/ex_placement_child_overlap/);
  });

  it.each([
    ['an end before the start', { plannedEndDate: '2026-01-01' }, 'plannedEndDate', 'must be after startDate'],
    ['a setting of another provider', { settingId: 'OTHER' }, 'settingId', 'belongs to another provider'],
    ['a zero fee', { weeklyFee: '0.00' }, 'weeklyFee', 'must be more than zero'],
  ])('refuses %s', async (_label, over, field, message) => {
    const c = await child();
    let change = over as Record<string, unknown>;
    if (change.settingId === 'OTHER') {
      const other = await createProvider(t, { legalName: `Other ${n}` });
      change = { settingId: (await createSetting(t, { providerId: other.id, name: 'Theirs' })).id };
    }
    const before = await tableCounts(t);
    const res = await place({ childId: c.id, ...change });
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([{ field, message }]);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('must lie within its contract’s dates', async () => {
    const c = await child();
    const { createContract: contract } = await t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id } }', {
      i: { kind: 'SPOT', providerId: provider.id, reference: `SPOT-${n}`, title: 'Spot', startDate: '2026-01-01', endDate: '2026-06-30' },
    });
    const early = await place({ childId: c.id, contractId: contract.id, startDate: '2025-12-20' });
    expect(early.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'startDate', message: 'must not be before the contract starts (2026-01-01)' }]);
    const late = await place({ childId: c.id, contractId: contract.id, plannedEndDate: '2026-07-02' });
    expect(late.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'plannedEndDate', message: 'must not be after the contract ends (2026-06-30)' }]);
    const fits = await place({ childId: c.id, contractId: contract.id, plannedEndDate: '2026-07-01' });
    expect(fits.body.errors).toBeUndefined();
  });

  it('keeps the fee history, never overwriting it, and costs any range from it', async () => {
    const c = await child();
    const p = (await place({ childId: c.id, startDate: '2026-01-05', weeklyFee: '4200.00' })).body.data!.createPlacement;
    const before = await t.gql('mutation($id: ID!) { changePlacementFee(id: $id, version: 1, input: { weeklyFee: "4500.00", effectiveFrom: "2026-01-01" }) { id } }', { id: p.id });
    expect(before.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'effectiveFrom', message: 'must not be before the placement starts (2026-01-05)' }]);
    const changed = await t.ok(`mutation($id: ID!) { changePlacementFee(id: $id, version: 1, input: { weeklyFee: "4368.00", effectiveFrom: "2026-04-01", reason: "4% uplift" }) { ${PLACEMENT} } }`, { id: p.id });
    expect(changed.changePlacementFee.fees).toEqual([
      { weeklyFee: '4200.00', effectiveFrom: '2026-01-05' },
      { weeklyFee: '4368.00', effectiveFrom: '2026-04-01' },
    ]);
    await t.ok('mutation($id: ID!) { addAdditionalService(placementId: $id, version: 2, input: { description: "Damage repair", charge: ONE_OFF, amount: "125.50", startDate: "2026-04-03" }) { id } }', { id: p.id });
    // 25 March to 8 April: 7 nights × 420000 + 7 nights × 436800 = 2940000 + 3057600 = 5997600; / 7 = 856800p; + 12550 one-off = 869350p.
    const cost = await t.ok('query($id: ID!) { placement(id: $id) { costBetween(from: "2026-03-25", to: "2026-04-08") } }', { id: p.id });
    expect(cost.placement.costBetween).toBe('8693.50');
    const ended = await t.ok('mutation($id: ID!) { endPlacement(id: $id, version: 3, endDate: "2026-04-10", endReason: E4A) { endDate version } }', { id: p.id });
    expect(ended.endPlacement).toEqual({ endDate: '2026-04-10', version: 4 });
    const wrongEnd = await t.gql('mutation($id: ID!) { endPlacement(id: $id, version: 4, endDate: "2026-04-12", endReason: E4A) { id } }', { id: p.id });
    expect(wrongEnd.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'endDate', message: 'the placement already ended on 2026-04-10' }]);
    const afterEnd = await t.gql('mutation($id: ID!) { changePlacementFee(id: $id, version: 4, input: { weeklyFee: "1.00", effectiveFrom: "2026-04-10" }) { id } }', { id: p.id });
    expect(afterEnd.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'effectiveFrom', message: 'must be before the placement ended (2026-04-10)' }]);
  });
});

describe('no N+1 on placements', () => {
  it('a page of 50 placements with child, provider, setting, current weekly cost and cost to date takes at most 6 statements', async () => {
    for (let i = 0; i < 50; i++) {
      const c = await child();
      await place({ childId: c.id, startDate: addDays(TEST_TODAY, -30 - i) });
    }
    await t.ok('{ me { id } }');
    let data: any;
    const statements = await t.countStatements(async () => {
      data = await t.ok('{ placements(first: 50) { nodes { child { initials } provider { legalName } setting { name } currentWeeklyCost costToDate } } }');
    });
    expect(data.placements.nodes).toHaveLength(50);
    expect(data.placements.nodes[0].currentWeeklyCost).toBe('4200.00');
    // placements, children, providers, settings, fees, additional services
    expect(statements).toBe(6);
  });
});

describe('block contract utilisation', () => {
  it('counts the places used of the places bought, on a date', async () => {
    const { createContract: block } = await t.ok('mutation($i: ContractCreateInput!) { createContract(input: $i) { id } }', {
      i: { kind: 'BLOCK', providerId: provider.id, reference: 'BLOCK-1', title: 'Four beds', startDate: '2026-01-01', endDate: '2026-12-31', blockPlaces: 4, weeklyFee: '3900.00' },
    });
    for (const [start, end] of [['2026-02-01', null], ['2026-02-10', '2026-03-01'], ['2026-03-05', null]] as const) {
      const c = await child();
      const res = await place({ childId: c.id, contractId: block.id, startDate: start, plannedEndDate: end });
      if (end) await t.ok('mutation($id: ID!) { endPlacement(id: $id, version: 1, endDate: "2026-03-01", endReason: E8) { id } }', { id: res.body.data!.createPlacement.id });
    }
    const on = async (date: string) => (await t.ok('query($id: ID!, $d: Date) { contract(id: $id) { utilisation(onDate: $d) { placesBought placesUsed percentUsed } } }', { id: block.id, d: date })).contract.utilisation;
    expect(await on('2026-02-15')).toEqual({ placesBought: 4, placesUsed: 2, percentUsed: '50.00' });
    expect(await on('2026-03-01')).toEqual({ placesBought: 4, placesUsed: 1, percentUsed: '25.00' }); // the second left on 1 March
    expect(await on('2026-03-10')).toEqual({ placesBought: 4, placesUsed: 2, percentUsed: '50.00' });
  });
});

describe('children in the audit trail', () => {
  it('keeps child records’ history from analysts', async () => {
    const c = await child();
    const analyst = await t.userWithRole('ANALYST');
    const events = await t.gql('{ auditEvents(first: 500, filter: { entityType: { eq: "Child" } }) { totalCount } }', {}, analyst.token);
    expect(events.body.data!.auditEvents.totalCount).toBe(0);
    const trail = await t.gql('query($id: ID!) { auditTrail(entityType: "Child", entityId: $id) { action } }', { id: c.id }, analyst.token);
    expect(trail.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const officerView = await t.ok('query($id: ID!) { auditTrail(entityType: "Child", entityId: $id) { action } }', { id: c.id });
    expect(officerView.auditTrail).toEqual([{ action: 'CREATE' }]);
    const all = await t.ok('{ auditEvents(first: 500, filter: { entityType: { eq: "Child" } }) { totalCount } }');
    expect(all.auditEvents.totalCount).toBeGreaterThan(0);
  });
});
