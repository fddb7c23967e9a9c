import { createChild, providerWithContract } from '../support/services';
import { tableCounts, type Row } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

const SESSION = 'id version date startTime plannedHours actualHours status cancelledAt chargeable cost charge { chargeableHours percent }';
const ARRANGEMENT = 'id version reference providerId contractId startDate endDate sessionHours';

let t: TestApi;
let contract: Row;
let provider: Row;
let child: Row;
let arrangement: Row;
let sessions: Row[];

const createArrangement = (i: Record<string, unknown>) =>
  t.gql(`mutation($i: ContactArrangementInput!) { createContactArrangement(input: $i) { ${ARRANGEMENT} } }`, {
    i: { childId: child.id, contactWith: ['MOTHER', 'SIBLING'], frequency: 'WEEKLY', supervisionLevel: 'SUPERVISED', venue: 'Hightown Family Centre', sessionHours: '2.00', startDate: '2026-04-01', ...i },
  });
const addSessions = (id: string, v: number, s: unknown[]) =>
  t.gql(`mutation($id: ID!, $v: Int!, $s: [ContactSessionInput!]!) { addContactSessions(arrangementId: $id, version: $v, sessions: $s) { ${ARRANGEMENT} } }`, { id, v, s });
/** Rows as { id, version, input }: the test writes the changes beside the id. */
const update = (items: Array<Record<string, unknown>>) => t.gql(`mutation($rows: [ContactSessionRowUpdate!]!) { updateContactSessionRows(rows: $rows) { ${SESSION} } }`, { rows: items.map(({ id, version, ...input }) => ({ id, version, input })) });
const rate = (i: Record<string, unknown>) => t.gql('mutation($i: ContactRateInput!) { createContactRate(input: $i) { id hourlyRate venueCharge cancellation { freeHours latePercent noShowPercent } } }', { i });
const sessionsOf = async (id: string) => (await t.ok(`query($a: ID!) { contactSessions(filter: { arrangementId: { eq: $a } }) { nodes { ${SESSION} } } }`, { a: id })).contactSessions.nodes as Row[];

beforeAll(async () => {
  t = await startTestApi();
  ({ provider, contract } = await providerWithContract(t, 'SUPERVISED_CONTACT'));
  child = await createChild(t, 'CT-1');
  const created = await rate({ contractId: contract.id, supervisionLevel: 'SUPERVISED', hourlyRate: '32.75', venueCharge: '15.00', cancellation: { freeHours: 48, latePercent: 50 }, effectiveFrom: '2026-04-01' });
  expect(created.body.data!.createContactRate).toMatchObject({ hourlyRate: '32.75', venueCharge: '15.00', cancellation: { freeHours: 48, latePercent: 50, noShowPercent: 100 } });
  arrangement = (await createArrangement({ reference: 'CA-1', contractId: contract.id, endDate: '2026-06-30' })).body.data!.createContactArrangement;
});
afterAll(() => t.stop());

describe('sessions and their cost', () => {
  it('takes the provider from the contract and prices planned sessions at 2 hours × £32.75 + £15 venue = £80.50', async () => {
    expect(arrangement.providerId).toBe(provider.id);
    const res = await addSessions(arrangement.id, arrangement.version, ['2026-04-07', '2026-04-14', '2026-04-21', '2026-04-28'].map((date) => ({ date, startTime: '14:00' })));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.addContactSessions.version).toBe(arrangement.version + 1);
    arrangement = res.body.data!.addContactSessions;
    sessions = await sessionsOf(arrangement.id);
    expect(sessions.map((s) => [s.date, s.status, s.chargeable, s.cost])).toEqual([
      ['2026-04-07', 'PLANNED', null, '80.50'],
      ['2026-04-14', 'PLANNED', null, '80.50'],
      ['2026-04-21', 'PLANNED', null, '80.50'],
      ['2026-04-28', 'PLANNED', null, '80.50'],
    ]);
  });

  it('marks many at once: attended for 1.75 hours £72.31, late by the family £40.25, in time and by the provider nothing', async () => {
    const [a, b, c, d] = sessions;
    const res = await update([
      { id: a.id, version: a.version, status: 'ATTENDED', actualHours: '1.75' },
      // 14:00 BST on 14 April is 13:00 UTC; cancelled 17 hours before, inside the 48 hours' notice.
      { id: b.id, version: b.version, status: 'CANCELLED_BY_FAMILY_LATE', cancelledAt: '2026-04-13T20:00:00Z' },
      { id: c.id, version: c.version, status: 'CANCELLED_IN_TIME', cancelledAt: '2026-04-17T09:00:00Z' },
      { id: d.id, version: d.version, status: 'PROVIDER_CANCELLED', cancelledAt: '2026-04-28T08:00:00Z' },
    ]);
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data!.updateContactSessionRows as Row[]).map((s) => [s.status, s.chargeable, s.cost, s.charge])).toEqual([
      ['ATTENDED', true, '72.31', { chargeableHours: '1.75', percent: 100 }],
      ['CANCELLED_BY_FAMILY_LATE', true, '40.25', { chargeableHours: '2.00', percent: 50 }],
      ['CANCELLED_IN_TIME', false, '0.00', { chargeableHours: '0.00', percent: 0 }],
      ['PROVIDER_CANCELLED', false, '0.00', { chargeableHours: '0.00', percent: 0 }],
    ]);
    sessions = await sessionsOf(arrangement.id);
  });
});

describe('bad input: a clear error naming the field or item, and nothing written', () => {
  async function refused(work: () => Promise<{ body: { errors?: Array<{ extensions?: Record<string, any> }> } }>) {
    const before = await tableCounts(t);
    const snapshot = () => t.api.db.query(`SELECT json_agg(json_build_object('id', id, 'v', version, 's', status, 'c', cost) ORDER BY id) AS j FROM contact_session`);
    const sessionsBefore = await snapshot();
    const res = await work();
    expect(res.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await tableCounts(t)).toEqual(before);
    expect(await snapshot()).toEqual(sessionsBefore);
    return res.body.errors![0].extensions!.fieldErrors;
  }

  it('more than 24 hours in a session', async () => {
    expect(await refused(() => addSessions(arrangement.id, arrangement.version, [{ date: '2026-05-05', startTime: '10:00', plannedHours: '24.50' }]))).toEqual([
      { field: 'sessions.0.plannedHours', message: 'must not be more than 24 hours' },
    ]);
  });

  it('a session for an arrangement that has ended', async () => {
    const ended = (await createArrangement({ reference: 'CA-ENDED', contractId: contract.id, endDate: '2026-04-30' })).body.data!.createContactArrangement;
    expect(await refused(() => addSessions(ended.id, ended.version, [{ date: '2026-05-05', startTime: '10:00' }]))).toEqual([
      { field: 'sessions.0.date', message: 'is after the arrangement ended (2026-04-30); a session needs a running arrangement' },
    ]);
  });

  it('a cancellation without its time, and one that does not agree with the notice', async () => {
    const d = sessions[3];
    expect(await refused(() => update([{ id: d.id, version: d.version, status: 'CANCELLED_IN_TIME', cancelledAt: null }]))).toEqual([
      { field: 'cancelledAt', message: 'is required when the session is CANCELLED_IN_TIME', index: 0 },
    ]);
    expect(await refused(() => update([{ id: d.id, version: d.version, status: 'CANCELLED_IN_TIME', cancelledAt: '2026-04-28T08:00:00Z' }]))).toEqual([
      { field: 'status', message: 'was cancelled 5 hours before the start; the contract allows free cancellation only 48 hours or more before, so it was cancelled late', index: 0 },
    ]);
  });

  it('a rate overlapping another for the same supervision level', async () => {
    expect(await refused(() => rate({ contractId: contract.id, supervisionLevel: 'SUPERVISED', hourlyRate: '30.00', effectiveFrom: '2026-10-01', effectiveTo: '2027-03-31' }))).toEqual([
      { field: 'effectiveFrom', message: 'overlaps the SUPERVISED rate of this contract from 2026-04-01 to open-ended; end that one first' },
    ]);
  });

  it('an arrangement under a contract of the wrong kind', async () => {
    const { contract: transport } = await providerWithContract(t, 'TRANSPORT');
    expect(await refused(() => createArrangement({ reference: 'CA-X', contractId: transport.id }))).toEqual([
      { field: 'contractId', message: 'is a TRANSPORT contract; this needs a SUPERVISED_CONTACT contract' },
    ]);
  });

  it('a bulk update with one bad item among good ones changes nothing', async () => {
    const [a, b] = sessions;
    expect(
      await refused(() =>
        update([
          { id: a.id, version: a.version, actualHours: '2.00' },
          { id: b.id, version: b.version, status: 'ATTENDED', actualHours: '25.00' },
        ]),
      ),
    ).toEqual([{ field: 'actualHours', message: 'must not be more than 24 hours', index: 1 }]);
  });

  it('a stale version in a bulk update is a CONFLICT, and nothing is written', async () => {
    const [a] = sessions;
    const before = await tableCounts(t);
    const res = await update([{ id: a.id, version: a.version - 1, actualHours: '2.00' }]);
    expect(res.body.errors![0].extensions!.code).toBe('CONFLICT');
    expect(await tableCounts(t)).toEqual(before);
  });
});
