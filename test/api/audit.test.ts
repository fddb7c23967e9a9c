import { createProvider, createSetting } from '../support/fixtures';
import { ADMIN, startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

const TRAIL = 'query($type: String!, $id: ID!) { auditTrail(entityType: $type, entityId: $id) { action actorEmail entityType entityId requestId occurredAt changes { field before after } } }';

describe('audit trail', () => {
  it('records create, update, archive and restore with the fields before and after', async () => {
    const p = await createProvider(t, { legalName: 'Audited Ltd', notes: 'first' });
    await t.ok('mutation($id: ID!) { updateProvider(id: $id, version: 1, input: { notes: "second", status: SUSPENDED }) { id } }', { id: p.id });
    await t.ok('mutation($id: ID!) { archiveProvider(id: $id, version: 2) { id } }', { id: p.id });
    await t.ok('mutation($id: ID!) { restoreProvider(id: $id, version: 3) { id } }', { id: p.id });
    const { auditTrail } = await t.ok(TRAIL, { type: 'Provider', id: p.id });
    expect(auditTrail.map((e: any) => e.action)).toEqual(['CREATE', 'UPDATE', 'ARCHIVE', 'RESTORE']);
    for (const event of auditTrail) expect(event).toMatchObject({ actorEmail: ADMIN.email, entityType: 'Provider', entityId: p.id });
    expect(auditTrail[0].changes).toContainEqual({ field: 'legalName', before: null, after: 'Audited Ltd' });
    expect(auditTrail[0].changes).toContainEqual({ field: 'notes', before: null, after: 'first' });
    expect(auditTrail[1].changes).toEqual([
      { field: 'notes', before: 'first', after: 'second' },
      { field: 'status', before: 'ACTIVE', after: 'SUSPENDED' },
    ]);
    expect(auditTrail[2].changes).toHaveLength(1);
    expect(auditTrail[2].changes[0]).toMatchObject({ field: 'archivedAt', before: null });
    expect(auditTrail[3].changes[0]).toMatchObject({ field: 'archivedAt', after: null });
  });

  it('ties each event to the request id in the response header', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}`, 'x-request-id': 'req-audit-42' },
      body: JSON.stringify({ query: 'mutation { createProvider(input: { legalName: "Traced Ltd", providerCode: PR4 }) { id } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-audit-42');
    const { data } = (await res.json()) as { data: { createProvider: { id: string } } };
    const { auditTrail } = await t.ok(TRAIL, { type: 'Provider', id: data.createProvider.id });
    expect(auditTrail[0].requestId).toBe('req-audit-42');
  });

  it('never writes password hashes into the trail', async () => {
    const user = await t.userWithRole('FINANCE');
    await t.ok('mutation($id: ID!) { updateUser(id: $id, version: 1, input: { password: "another-long-password" }) { id } }', { id: user.id });
    const { auditTrail } = await t.ok(TRAIL, { type: 'User', id: user.id });
    expect(JSON.stringify(auditTrail)).not.toMatch(/scrypt|passwordHash|another-long-password/);
  });

  it('lists events with filters, newest first', async () => {
    const p = await createProvider(t, { legalName: 'Filtered Audit Ltd' });
    await createSetting(t, { providerId: p.id, name: 'Audit Home' });
    const data = await t.ok(
      'query($f: AuditEventFilter) { auditEvents(filter: $f, first: 10) { totalCount nodes { entityType action } } }',
      { f: { entityType: { in: ['Setting'] }, action: { eq: 'CREATE' } } },
    );
    expect(data.auditEvents.totalCount).toBe(1);
    expect(data.auditEvents.nodes).toEqual([{ entityType: 'Setting', action: 'CREATE' }]);
    const newest = await t.ok('{ auditEvents(first: 1) { nodes { entityType } } }');
    expect(newest.auditEvents.nodes).toEqual([{ entityType: 'Setting' }]);
  });

  it('offers no way to change or delete an event through the API', async () => {
    const res = await t.gql('{ __schema { mutationType { fields { name } } } }');
    const names: string[] = res.body.data!.__schema.mutationType.fields.map((f: any) => f.name);
    expect(names.filter((n) => /audit/i.test(n))).toEqual([]);
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET actor_email = 'someone@else.org'`],
    ['DELETE', 'DELETE FROM audit_event'],
    ['TRUNCATE', 'TRUNCATE audit_event'],
  ])('the database refuses %s on audit events', async (_label, sql) => {
    const before = await t.rowCount('audit_event');
    expect(before).toBeGreaterThan(0);
    await expect(t.api.db.query(sql)).rejects.toThrow('audit events cannot be changed or deleted');
    expect(await t.rowCount('audit_event')).toBe(before);
    const [{ n }] = await t.api.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE actor_email = 'someone@else.org'`);
    expect(n).toBe(0);
  });
});
