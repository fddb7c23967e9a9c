import { commissioningFixture } from '../support/commissioning';
import { tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

const SAVE = `mutation($id: ID!, $add: [RateLineInput!], $update: [RateLineRowUpdate!], $remove: [RateLineRemoval!]) {
  saveRateCard(agreementId: $id, add: $add, update: $update, remove: $remove) { id rateLines { placementType needLevel minAge maxAge weeklyFee effectiveFrom version } } }`;
const LINES = 'query($id: ID!) { agreement(id: $id) { rateLines { id version placementType needLevel minAge maxAge weeklyFee effectiveFrom } } }';
const line = (over: Record<string, unknown> = {}) => ({ placementType: 'U6', needLevel: 'STANDARD', minAge: 0, maxAge: 17, weeklyFee: '700.00', effectiveFrom: '2025-04-01', ...over });

/** The fixture's draft card: U4 STANDARD 0–10 £850, U4 STANDARD 11–17 £900, U4 COMPLEX 0–17 £1,234.57. */
async function draftCard(reference: string) {
  const { agreement } = await commissioningFixture(t, { reference, activate: false });
  const lines: any[] = (await t.ok(LINES, { id: agreement.id })).agreement.rateLines;
  const find = (need: string, minAge: number) => lines.find((l) => l.needLevel === need && l.minAge === minAge);
  return { agreement, lines, young: find('STANDARD', 0), older: find('STANDARD', 11), complex: find('COMPLEX', 0) };
}

describe('saveRateCard', () => {
  it('adds, changes and removes lines in one save, checking the card as it will be', async () => {
    const { agreement, young, older, complex } = await draftCard('SAVE-OK');
    // Moving the young band to 0–4 and adding 5–10 in the same save: the new line does not clash with the old 0–10.
    const saved = await t.ok(SAVE, {
      id: agreement.id,
      update: [
        { id: young.id, version: 1, input: { maxAge: 4, weeklyFee: '812.34' } },
        { id: older.id, version: 1, input: { weeklyFee: '905.01' } },
      ],
      add: [line({ placementType: 'U4', minAge: 5, maxAge: 10, weeklyFee: '866.67' }), line()],
      remove: [{ id: complex.id, version: 1 }],
    });
    const pick = (l: any) => `${l.placementType} ${l.needLevel} ${l.minAge}-${l.maxAge} ${l.weeklyFee} v${l.version}`;
    expect(saved.saveRateCard.rateLines.map(pick).sort()).toEqual([
      'U4 STANDARD 0-4 812.34 v2',
      'U4 STANDARD 11-17 905.01 v2',
      'U4 STANDARD 5-10 866.67 v1',
      'U6 STANDARD 0-17 700.00 v1',
    ]);
    const trail = await t.ok('query($id: ID!) { auditTrail(entityType: "RateLine", entityId: $id) { action } }', { id: complex.id });
    expect(trail.auditTrail.map((e: any) => e.action)).toEqual(['CREATE', 'DELETE']);
  });

  type Card = Awaited<ReturnType<typeof draftCard>>;
  /** A valid change sent with the bad one: it must not be written either. */
  const valid = (c: Card) => ({ id: c.young.id, version: 1, input: { weeklyFee: '999.99' } });
  const bad: Array<[string, (card: Card) => Record<string, unknown>, { field: string; message: string }]> = [
    ['a new line overlapping a kept one', (c) => ({ update: [valid(c)], add: [line({ placementType: 'U4', minAge: 11, maxAge: 12 })] }), { field: 'add.0.minAge', message: 'overlaps the line U4 STANDARD ages 11–17 from 2025-04-01' }],
    ['a changed line overlapping a new one', (c) => ({ update: [valid(c), { id: c.complex.id, version: 1, input: { placementType: 'U6' } }], add: [line({ needLevel: 'COMPLEX', minAge: 3, maxAge: 4 })] }), { field: 'add.0.minAge', message: 'overlaps the line U6 COMPLEX ages 0–17 from 2025-04-01' }],
    ['a changed fee of zero', (c) => ({ update: [valid(c), { id: c.older.id, version: 1, input: { weeklyFee: '0.00' } }] }), { field: 'update.1.weeklyFee', message: 'must be more than zero' }],
    ['an age band upside down', (c) => ({ update: [{ id: c.older.id, version: 1, input: { minAge: 17, maxAge: 12 } }, valid(c)] }), { field: 'update.0.maxAge', message: 'must not be less than minAge' }],
    ['an age over 25 in a new line', (c) => ({ update: [valid(c)], add: [line({ maxAge: 26 })] }), { field: 'add.0.maxAge', message: 'must be at most 25' }],
    ['a new line dated outside the agreement', (c) => ({ update: [valid(c)], add: [line({ effectiveFrom: '2029-04-01' })] }), { field: 'add.0.effectiveFrom', message: 'must be within the agreement’s period, 2025-04-01 to 2029-03-31' }],
    ['a line changed and removed in the same save', (c) => ({ update: [{ id: c.older.id, version: 1, input: { weeklyFee: '1.00' } }], remove: [{ id: c.older.id, version: 1 }] }), { field: 'remove.0.id', message: 'names a line that is already changed or removed in this save' }],
    ['a line of another agreement', (c) => ({ update: [valid(c)], remove: [{ id: '00000000-0000-4000-8000-000000000000', version: 1 }] }), { field: 'remove.0.id', message: 'is not a line of this agreement’s rate card' }],
    ['an id that is not a UUID', () => ({ update: [{ id: 'line-1', version: 1, input: { weeklyFee: '1.00' } }] }), { field: 'update.0.id', message: 'is not a valid id (a UUID)' }],
    ['a changed fee sent as null', (c) => ({ update: [valid(c), { id: c.older.id, version: 1, input: { weeklyFee: null } }] }), { field: 'update.1.input.weeklyFee', message: 'is required' }],
    ['nothing to save', () => ({}), { field: 'add', message: 'give at least one line to add, change or remove' }],
  ];
  it.each(bad)('refuses %s and writes nothing', async (_label, changes, error) => {
    const card = await draftCard(`SAVE-${Math.random().toString(36).slice(2, 8)}`);
    const before = await tableCounts(t);
    const res = await t.gql(SAVE, { id: card.agreement.id, ...changes(card) });
    expect(res.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors![0].extensions!.fieldErrors).toContainEqual(error);
    expect(await tableCounts(t)).toEqual(before);
    expect((await t.ok(LINES, { id: card.agreement.id })).agreement.rateLines).toEqual(card.lines);
  });

  it('fails with CONFLICT on a stale line version and writes nothing', async () => {
    const { agreement, young, older, lines } = await draftCard('SAVE-STALE');
    await t.ok('mutation($id: ID!) { updateRateLine(id: $id, version: 1, input: { weeklyFee: "851.00" }) { version } }', { id: young.id });
    const res = await t.gql(SAVE, {
      id: agreement.id,
      update: [
        { id: older.id, version: 1, input: { weeklyFee: '901.00' } },
        { id: young.id, version: 1, input: { weeklyFee: '852.00' } },
      ],
    });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', entity: 'RateLine', id: young.id, yourVersion: 1, currentVersion: 2 });
    const after = (await t.ok(LINES, { id: agreement.id })).agreement.rateLines;
    expect(after.map((l: any) => l.weeklyFee)).toEqual(lines.map((l: any) => (l.id === young.id ? '851.00' : l.weeklyFee)));
  });

  it('refuses an agreement in force: its card changes by variation', async () => {
    const { agreement } = await commissioningFixture(t, { reference: 'SAVE-ACTIVE' });
    const res = await t.gql(SAVE, { id: agreement.id, add: [line()] });
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([
      { field: 'agreementId', message: 'the agreement is ACTIVE: its rates cannot be edited in place; record a variation instead' },
    ]);
  });
});
