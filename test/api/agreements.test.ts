import { AGREEMENT_FIELDS, commissioningFixture } from '../support/commissioning';
import { tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

const RATE = `query($p: ID!, $type: PlacementType!, $need: NeedLevel!, $age: Int!, $on: Date!) {
  applicableRate(providerId: $p, placementType: $type, needLevel: $need, age: $age, onDate: $on) {
    weeklyFee cardWeeklyFee upliftsApplied agreement { reference } rateLine { minAge maxAge effectiveFrom } } }`;
const STATUS = `mutation($id: ID!, $v: Int!, $s: AgreementStatus!) { changeAgreementStatus(id: $id, version: $v, status: $s) { ${AGREEMENT_FIELDS} } }`;
const ADD = 'mutation($id: ID!, $lines: [RateLineInput!]!) { addRateLines(agreementId: $id, lines: $lines) { id weeklyFee } }';
const line = (over: Record<string, unknown> = {}) => ({ placementType: 'U5', needLevel: 'STANDARD', minAge: 0, maxAge: 17, weeklyFee: '800.00', effectiveFrom: '2025-04-01', ...over });

describe('agreement lifecycle', () => {
  it('starts as DRAFT and moves only along legal transitions', async () => {
    const { agreement } = await commissioningFixture(t, { reference: 'LIFE-1', activate: false });
    expect(agreement.status).toBe('DRAFT');
    const illegal = await t.gql(STATUS, { id: agreement.id, v: 1, s: 'EXPIRED' });
    expect(illegal.body.errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'status', message: 'an agreement cannot go from DRAFT to EXPIRED; it can go to NEGOTIATING or ACTIVE or TERMINATED' }],
    });
    const negotiating = (await t.ok(STATUS, { id: agreement.id, v: 1, s: 'NEGOTIATING' })).changeAgreementStatus;
    const active = (await t.ok(STATUS, { id: agreement.id, v: negotiating.version, s: 'ACTIVE' })).changeAgreementStatus;
    const expired = (await t.ok(STATUS, { id: agreement.id, v: active.version, s: 'EXPIRED' })).changeAgreementStatus;
    expect(expired.status).toBe('EXPIRED');
    const back = await t.gql(STATUS, { id: agreement.id, v: expired.version, s: 'ACTIVE' });
    expect(back.body.errors![0].extensions!.fieldErrors[0].message).toBe('an agreement cannot go from EXPIRED to ACTIVE; it cannot change any more');
    const trail = await t.ok('query($id: ID!) { auditTrail(entityType: "Agreement", entityId: $id) { action changes { field before after } } }', { id: agreement.id });
    expect(trail.auditTrail.filter((e: any) => e.action === 'UPDATE').map((e: any) => e.changes[0].after)).toEqual(['NEGOTIATING', 'ACTIVE', 'EXPIRED']);
  });

  it('needs at least one rate line to become ACTIVE', async () => {
    const { authority, provider } = await commissioningFixture(t, { reference: 'LIFE-2', activate: false });
    const { createAgreement: empty } = await t.ok('mutation($i: AgreementCreateInput!) { createAgreement(input: $i) { id } }', {
      i: { providerId: provider.id, authorityId: authority.id, title: 'Empty', reference: 'LIFE-2B', startDate: '2025-04-01', endDate: '2026-03-31' },
    });
    const res = await t.gql(STATUS, { id: empty.id, v: 1, s: 'ACTIVE' });
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'status', message: 'an agreement needs at least one rate line before it becomes ACTIVE' }]);
  });
});

describe('rate card rules: bad input writes nothing', () => {
  it.each([
    ['an overlapping line for the same key and date', [line({ placementType: 'U4', minAge: 5, maxAge: 12 })], 'lines.0.minAge', 'overlaps the line U4 STANDARD ages 0–10 from 2025-04-01'],
    ['two new lines overlapping each other', [line(), line({ minAge: 17, maxAge: 18 })], 'lines.1.minAge', 'overlaps the line U5 STANDARD ages 0–17 from 2025-04-01'],
    ['a zero fee', [line({ weeklyFee: '0' })], 'lines.0.weeklyFee', 'must be more than zero'],
    ['a negative fee', [line({ weeklyFee: '-10.00' })], 'lines.0.weeklyFee', 'must be more than zero'],
    ['an age band upside down', [line({ minAge: 12, maxAge: 5 })], 'lines.0.maxAge', 'must not be less than minAge'],
    ['an age over 25', [line({ maxAge: 30 })], 'lines.0.maxAge', 'must be at most 25'],
    ['a date outside the agreement', [line({ effectiveFrom: '2030-01-01' })], 'lines.0.effectiveFrom', 'must be within the agreement’s period, 2025-04-01 to 2029-03-31'],
  ])('%s', async (_label, lines, field, message) => {
    const { agreement } = await commissioningFixture(t, { reference: `RULE-${Math.random().toString(36).slice(2, 7)}`, activate: false });
    const before = await tableCounts(t);
    const res = await t.gql(ADD, { id: agreement.id, lines });
    expect(res.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors![0].extensions!.fieldErrors).toContainEqual({ field, message });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('refuses a fee with more than two decimal places', async () => {
    const { agreement } = await commissioningFixture(t, { reference: 'RULE-DEC', activate: false });
    const res = await t.gql(ADD, { id: agreement.id, lines: [line({ weeklyFee: '800.005' })] });
    expect(res.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors![0].message).toContain('Money must be a decimal string with at most two decimal places');
  });

  it('edits lines in place before the agreement is in force, never after', async () => {
    const { agreement } = await commissioningFixture(t, { reference: 'RULE-EDIT', activate: false });
    const lines = (await t.ok('query($id: ID!) { agreement(id: $id) { rateLines { id version weeklyFee minAge placementType needLevel } } }', { id: agreement.id })).agreement.rateLines;
    const edited = await t.ok('mutation($id: ID!, $v: Int!) { updateRateLine(id: $id, version: $v, input: { weeklyFee: "860.00" }) { weeklyFee version } }', { id: lines[0].id, v: 1 });
    expect(edited.updateRateLine).toEqual({ weeklyFee: '860.00', version: 2 });
    const clash = await t.gql('mutation($id: ID!) { updateRateLine(id: $id, version: 2, input: { minAge: 11, maxAge: 12 }) { id } }', { id: lines[0].id });
    expect(clash.body.errors![0].extensions!.fieldErrors[0].field).toBe('minAge');
    await t.ok(STATUS, { id: agreement.id, v: 1, s: 'ACTIVE' });
    const locked = await t.gql('mutation($id: ID!) { updateRateLine(id: $id, version: 2, input: { weeklyFee: "1.00" }) { id } }', { id: lines[0].id });
    expect(locked.body.errors![0].extensions!.fieldErrors).toEqual([
      { field: 'agreementId', message: 'the agreement is ACTIVE: its rates cannot be edited in place; record a variation instead' },
    ]);
    const gone = await t.gql('mutation($id: ID!) { deleteRateLine(id: $id, version: 2) { id } }', { id: lines[0].id });
    expect(gone.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('applicableRate', () => {
  let providerId: string;
  let agreement: { id: string; version: number };
  beforeAll(async () => {
    const fixture = await commissioningFixture(t, { reference: 'RATE-1' });
    providerId = fixture.provider.id;
    agreement = fixture.agreement;
  });
  const rate = (type: string, need: string, age: number, on: string) => t.ok(RATE, { p: providerId, type, need, age, on }).then((d) => d.applicableRate);

  it('picks the line by age band', async () => {
    expect(await rate('U4', 'STANDARD', 10, '2025-06-01')).toMatchObject({ weeklyFee: '850.00', upliftsApplied: 0, rateLine: { minAge: 0, maxAge: 10 }, agreement: { reference: 'RATE-1' } });
    expect(await rate('U4', 'STANDARD', 11, '2025-06-01')).toMatchObject({ weeklyFee: '900.00', rateLine: { minAge: 11, maxAge: 17 } });
    expect(await rate('U4', 'STANDARD', 18, '2025-06-01')).toBeNull();
    expect(await rate('U6', 'STANDARD', 8, '2025-06-01')).toBeNull();
    expect(await rate('U4', 'STANDARD', 8, '2025-03-31')).toBeNull(); // before the agreement starts
  });

  it('adds the fixed 4% uplift on each 1 April, rounding to the penny each year', async () => {
    // 31 March 2026: no uplift yet. 1 April 2026: 85000 × 1.04 = 88400p.
    expect(await rate('U4', 'STANDARD', 8, '2026-03-31')).toMatchObject({ weeklyFee: '850.00', upliftsApplied: 0 });
    expect(await rate('U4', 'STANDARD', 8, '2026-04-01')).toMatchObject({ weeklyFee: '884.00', cardWeeklyFee: '850.00', upliftsApplied: 1 });
    // 1 May 2027, two uplifts: 90000 → 93600 → 97344p.
    expect(await rate('U4', 'STANDARD', 12, '2027-05-01')).toMatchObject({ weeklyFee: '973.44', upliftsApplied: 2 });
    // £1,234.57: 123457 × 1.04 = 128395.28 → 128395; × 1.04 = 133530.80 → 133531p.
    expect(await rate('U4', 'COMPLEX', 3, '2027-04-01')).toMatchObject({ weeklyFee: '1335.31', upliftsApplied: 2 });
  });

  it('uses a variation from its date, and uplifts it from there', async () => {
    // Index-linked figure of 6.5% from 1 April 2027, on each line of the current card:
    // 85000 × 1.065 = 90525p; 90000 × 1.065 = 95850p; 123457 × 1.065 = 131481.705 → 131482p.
    const varied = await t.ok(
      'mutation($id: ID!, $v: Int!) { addRateCardVariation(agreementId: $id, version: $v, input: { effectiveFrom: "2027-04-01", upliftPercent: "6.50", reason: "CPI" }) { version rateLines(onDate: "2027-04-01") { weeklyFee effectiveFrom } } }',
      { id: agreement.id, v: agreement.version },
    );
    expect(varied.addRateCardVariation.rateLines.map((l: any) => l.weeklyFee)).toEqual(['905.25', '958.50', '1314.82']);
    expect(await rate('U4', 'STANDARD', 8, '2027-03-31')).toMatchObject({ weeklyFee: '884.00', upliftsApplied: 1 }); // old card, one 1 April passed: 85000 → 88400
    expect(await rate('U4', 'STANDARD', 8, '2027-04-01')).toMatchObject({ weeklyFee: '905.25', upliftsApplied: 0, rateLine: { effectiveFrom: '2027-04-01' } });
    // 1 April 2028: the fixed 4% on the varied card: 90525 × 1.04 = 94146p.
    expect(await rate('U4', 'STANDARD', 8, '2028-04-01')).toMatchObject({ weeklyFee: '941.46', upliftsApplied: 1 });
    const stale = await t.gql('mutation($id: ID!, $v: Int!) { addRateCardVariation(agreementId: $id, version: $v, input: { effectiveFrom: "2028-04-01", upliftPercent: "2.00" }) { id } }', {
      id: agreement.id,
      v: agreement.version,
    });
    expect(stale.body.errors![0].extensions!.code).toBe('CONFLICT');
    const early = await t.gql('mutation($id: ID!, $v: Int!) { addRateCardVariation(agreementId: $id, version: $v, input: { effectiveFrom: "2027-04-01", upliftPercent: "2.00" }) { id } }', {
      id: agreement.id,
      v: varied.addRateCardVariation.version,
    });
    expect(early.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'effectiveFrom', message: 'must be after the current version, which took effect on 2027-04-01' }]);
  });

  it('prefers the better tier, then the lower fee', async () => {
    const { provider, authority } = await commissioningFixture(t, { reference: 'TIER-1' });
    const second = await t.ok('mutation($i: AgreementCreateInput!) { createAgreement(input: $i) { id version } }', {
      i: {
        providerId: provider.id,
        authorityId: authority.id,
        title: 'Residential framework',
        reference: 'TIER-2',
        startDate: '2025-04-01',
        endDate: '2027-03-31',
        tier: 2,
        rateLines: [line({ placementType: 'U4', minAge: 0, maxAge: 17, weeklyFee: '700.00' })],
      },
    });
    await t.ok(STATUS, { id: second.createAgreement.id, v: 1, s: 'ACTIVE' });
    const quote = (await t.ok(RATE, { p: provider.id, type: 'U4', need: 'STANDARD', age: 8, on: '2025-06-01' })).applicableRate;
    expect(quote).toMatchObject({ weeklyFee: '850.00', agreement: { reference: 'TIER-1' } });
  });

  it('refuses a variation on an agreement not yet in force', async () => {
    const { agreement: draft } = await commissioningFixture(t, { reference: 'VAR-DRAFT', activate: false });
    const res = await t.gql('mutation($id: ID!) { addRateCardVariation(agreementId: $id, version: 1, input: { effectiveFrom: "2026-04-01", upliftPercent: "3.00" }) { id } }', { id: draft.id });
    expect(res.body.errors![0].extensions!.fieldErrors[0].field).toBe('agreementId');
  });
});
