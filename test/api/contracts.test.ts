import { addDays } from '../../server/src/common/dates';
import { commissioningFixture } from '../support/commissioning';
import { createProvider, tableCounts } from '../support/fixtures';
import { startTestApi, TEST_TODAY, type TestApi } from '../support/test-api';

let t: TestApi;
let fixture: Awaited<ReturnType<typeof commissioningFixture>>;
beforeAll(async () => {
  t = await startTestApi({ AS_OF: TEST_TODAY });
  fixture = await commissioningFixture(t, { reference: 'CON-IFA' });
});
afterAll(() => t.stop());

const FIELDS = 'id version kind status reference weeklyFee cardWeeklyFee feeAboveCardReason startDate endDate ownerId';
const CREATE = `mutation($i: ContractCreateInput!) { createContract(input: $i) { ${FIELDS} } }`;
const STATUS = `mutation($id: ID!, $v: Int!, $s: ContractStatus!) { changeContractStatus(id: $id, version: $v, status: $s) { status version } }`;
let n = 0;
const callOff = (over: Record<string, unknown> = {}) => ({
  kind: 'CALL_OFF',
  providerId: fixture.provider.id,
  agreementId: fixture.agreement.id,
  reference: `IPA-${++n}`,
  title: 'IPA for child AB12',
  startDate: '2026-05-01',
  endDate: '2026-10-31',
  placementType: 'U4',
  needLevel: 'STANDARD',
  childAgeAtStart: 9,
  weeklyFee: '870.00',
  ...over,
});

describe('contracts', () => {
  it('creates a call-off, checks its fee against the card rate and records the card rate', async () => {
    // Card on 1 May 2026 for U4 standard age 9: 85000 with one 1 April uplift of 4% = 88400p.
    const me = (await t.ok('{ me { id } }')).me;
    const c = (await t.ok(CREATE, { i: callOff() })).createContract;
    expect(c).toMatchObject({ kind: 'CALL_OFF', status: 'DRAFT', weeklyFee: '870.00', cardWeeklyFee: '884.00', ownerId: me.id, feeAboveCardReason: null });
  });

  it('needs a recorded reason for a fee above the card rate', async () => {
    const before = await tableCounts(t);
    const res = await t.gql(CREATE, { i: callOff({ weeklyFee: '884.01' }) });
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([
      { field: 'feeAboveCardReason', message: 'the weekly fee £884.01 is above the card rate £884.00: record why' },
    ]);
    expect(await tableCounts(t)).toEqual(before);
    const ok = await t.ok(CREATE, { i: callOff({ weeklyFee: '950.00', feeAboveCardReason: 'Sibling group kept together' }) });
    expect(ok.createContract).toMatchObject({ weeklyFee: '950.00', cardWeeklyFee: '884.00', feeAboveCardReason: 'Sibling group kept together' });
  });

  it('totals the card rates beside the fees over every matching contract', async () => {
    // The two call-offs made so far: fees £870.00 and £950.00, each against a card rate of £884.00.
    const { contracts } = await t.ok('{ contracts(filter: { reference: { startsWith: "IPA-" } }, first: 1) { totalCount totals { field sum } } }');
    expect(contracts.totalCount).toBe(2);
    expect(contracts.totals).toEqual(
      expect.arrayContaining([
        { field: 'weeklyFee', sum: '1820.00' },
        { field: 'cardWeeklyFee', sum: '1768.00' },
      ]),
    );
  });

  it.each([
    ['a call-off with no agreement', { agreementId: null }, 'agreementId', 'is required for a call-off'],
    ['a call-off that ends after its agreement', { endDate: '2029-04-01' }, 'endDate', 'must not be after the agreement ends (2029-03-31)'],
    ['a call-off that starts before its agreement', { startDate: '2025-03-01' }, 'startDate', 'must not be before the agreement starts (2025-04-01)'],
    ['an end before the start', { endDate: '2026-04-30' }, 'endDate', 'must not be before startDate'],
    ['a zero fee', { weeklyFee: '0.00' }, 'weeklyFee', 'must be more than zero'],
    ['a negative fee', { weeklyFee: '-5.00' }, 'weeklyFee', 'must be more than zero'],
    ['a placement the card does not price', { placementType: 'U6' }, 'placementType', 'the agreement’s rate card has no line for U6 STANDARD at age 9 on 2026-05-01'],
    ['a block with no places', { kind: 'BLOCK', agreementId: null, placementType: null }, 'blockPlaces', 'is required for a block contract'],
  ])('refuses %s, naming the field, writing nothing', async (_label, over, field, message) => {
    const before = await tableCounts(t);
    const res = await t.gql(CREATE, { i: callOff(over) });
    expect(res.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors![0].extensions!.fieldErrors).toContainEqual({ field, message });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('refuses an agreement of another provider', async () => {
    const other = await createProvider(t, { legalName: 'Other Agency' });
    const res = await t.gql(CREATE, { i: callOff({ providerId: other.id }) });
    expect(res.body.errors![0].extensions!.fieldErrors).toContainEqual({ field: 'agreementId', message: 'belongs to another provider' });
  });

  it('refuses a fee with three decimal places', async () => {
    const res = await t.gql(CREATE, { i: callOff({ weeklyFee: '870.001' }) });
    expect(res.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('moves along its lifecycle only by legal steps', async () => {
    const c = (await t.ok(CREATE, { i: callOff() })).createContract;
    const skip = await t.gql(STATUS, { id: c.id, v: 1, s: 'LIVE' });
    expect(skip.body.errors![0].extensions!.fieldErrors[0].message).toBe('a contract cannot go from DRAFT to LIVE; it can go to AWAITING_SIGNATURE or TERMINATED');
    let v = (await t.ok(STATUS, { id: c.id, v: 1, s: 'AWAITING_SIGNATURE' })).changeContractStatus.version;
    v = (await t.ok(STATUS, { id: c.id, v, s: 'LIVE' })).changeContractStatus.version;
    v = (await t.ok(STATUS, { id: c.id, v, s: 'ENDED' })).changeContractStatus.version;
    const after = await t.gql(STATUS, { id: c.id, v, s: 'LIVE' });
    expect(after.body.errors![0].extensions!.fieldErrors[0].message).toBe('a contract cannot go from ENDED to LIVE; it cannot change any more');
  });

  it('takes a notice period sent as null as left out (28 days), not as a server error', async () => {
    const provider = await createProvider(t, { legalName: 'Null Notice Ltd', serviceCategories: ['TRANSPORT'] });
    const res = await t.gql('mutation($i: ContractCreateInput!) { createContract(input: $i) { noticePeriodDays } }', {
      i: { kind: 'TRANSPORT', providerId: provider.id, reference: 'NULL-NOTICE', title: 'Null notice', startDate: '2026-04-01', noticePeriodDays: null },
    });
    expect(res.body).toEqual({ data: { createContract: { noticePeriodDays: 28 } } });
  });

  it('finds contracts expiring or due for review within N days', async () => {
    const today = TEST_TODAY;
    const provider = await createProvider(t, { legalName: 'Transport Co', serviceCategories: ['TRANSPORT'] });
    const make = (reference: string, endDate: string | null, reviewDate: string | null) =>
      t.ok(CREATE, { i: { kind: 'TRANSPORT', providerId: provider.id, reference, title: reference, startDate: addDays(today, -100), endDate, reviewDate } });
    await make('EXP-10', addDays(today, 10), null);
    await make('EXP-40', addDays(today, 40), addDays(today, 5));
    await make('EXP-PAST', addDays(today, -1), addDays(today, -3));
    await make('EXP-OPEN', null, addDays(today, 60));
    const refs = async (filter: object) =>
      (await t.ok('query($f: ContractFilter) { contracts(filter: $f, orderBy: [{ field: reference }]) { nodes { reference } } }', { f: { providerId: { eq: provider.id }, ...filter } })).contracts.nodes.map(
        (c: any) => c.reference,
      );
    expect(await refs({ expiringWithinDays: 30 })).toEqual(['EXP-10']);
    expect(await refs({ expiringWithinDays: 40 })).toEqual(['EXP-10', 'EXP-40']);
    expect(await refs({ reviewDueWithinDays: 7 })).toEqual(['EXP-40', 'EXP-PAST']);
    expect(await refs({ reviewDueWithinDays: 90, endDate: { isNull: true } })).toEqual(['EXP-OPEN']);
  });
});
