import { createProvider, PROVIDER_FIELDS, tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

const UPDATE = `mutation($id: ID!, $v: Int!, $i: ProviderUpdateInput!) { updateProvider(id: $id, version: $v, input: $i) { ${PROVIDER_FIELDS} } }`;

describe('provider register: create, read, update', () => {
  it('creates a provider with every field and reads it back', async () => {
    const created = await createProvider(t, {
      legalName: '  Harbour Fostering Ltd  ',
      tradingName: 'Harbour',
      companyNumber: 'sc123456',
      charityNumber: '1123456',
      providerCode: 'PR5',
      serviceCategories: ['FOSTERING', 'EDUCATION', 'FOSTERING'],
      contacts: [{ name: 'Sam Lee', role: 'Referrals', email: 'sam@harbour.org.uk', phone: '01202 123456' }],
      notes: 'Preferred for sibling groups',
    });
    expect(created).toMatchObject({
      version: 1,
      legalName: 'Harbour Fostering Ltd',
      tradingName: 'Harbour',
      companyNumber: 'SC123456',
      charityNumber: '1123456',
      providerCode: 'PR5',
      serviceCategories: ['FOSTERING', 'EDUCATION'],
      status: 'ACTIVE',
      notes: 'Preferred for sibling groups',
      archivedAt: null,
    });
    const read = await t.ok<{ provider: Record<string, any> }>(
      `query($id: ID!) { provider(id: $id) { ${PROVIDER_FIELDS} contacts { name role email phone } createdAt updatedAt } }`,
      { id: created.id },
    );
    expect(read.provider.contacts).toEqual([{ name: 'Sam Lee', role: 'Referrals', email: 'sam@harbour.org.uk', phone: '01202 123456' }]);
    expect(read.provider.legalName).toBe('Harbour Fostering Ltd');
    expect(read.provider.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('returns null for an id that does not exist', async () => {
    const data = await t.ok('{ provider(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(data.provider).toBeNull();
  });

  it('updates only the fields sent, clears a field sent as null, and bumps the version', async () => {
    const p = await createProvider(t, { legalName: 'Update Me Ltd', tradingName: 'UML', notes: 'old' });
    const data = await t.ok(UPDATE, { id: p.id, v: 1, i: { tradingName: null, status: 'SUSPENDED' } });
    expect(data.updateProvider).toMatchObject({ version: 2, legalName: 'Update Me Ltd', tradingName: null, status: 'SUSPENDED', notes: 'old' });
  });

  it('an update that changes nothing keeps the version', async () => {
    const p = await createProvider(t, { legalName: 'Same Ltd' });
    const data = await t.ok(UPDATE, { id: p.id, v: 1, i: { legalName: 'Same Ltd' } });
    expect(data.updateProvider.version).toBe(1);
  });

  it('stores SQL and HTML literally and returns them unchanged', async () => {
    const nasty = `Robert'); DROP TABLE provider;-- <script>alert("x")</script> & Co`;
    const p = await createProvider(t, { legalName: nasty, notes: '<b>bold</b>' });
    const read = await t.ok('query($id: ID!) { provider(id: $id) { legalName notes } }', { id: p.id });
    expect(read.provider).toEqual({ legalName: nasty, notes: '<b>bold</b>' });
    expect(await t.rowCount('provider')).toBeGreaterThan(0);
  });
});

describe('provider register: no lost updates', () => {
  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const p = await createProvider(t, { legalName: 'Conflict Care Ltd' });
    await t.ok(UPDATE, { id: p.id, v: 1, i: { notes: 'first officer' } });
    const auditBefore = await t.rowCount('audit_event');
    const res = await t.gql(UPDATE, { id: p.id, v: 1, i: { notes: 'second officer' } });
    expect(res.status).toBe(200);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', yourVersion: 1, currentVersion: 2, id: p.id });
    expect(res.body.errors![0].message).toContain('changed by someone else');
    const read = await t.ok('query($id: ID!) { provider(id: $id) { notes version } }', { id: p.id });
    expect(read.provider).toEqual({ notes: 'first officer', version: 2 });
    expect(await t.rowCount('audit_event')).toBe(auditBefore);
  });

  it('lets exactly one of two concurrent updates with the same version win', async () => {
    const p = await createProvider(t, { legalName: 'Race Ltd' });
    const results = await Promise.all(
      ['A', 'B', 'C', 'D'].map((who) => t.gql(UPDATE, { id: p.id, v: 1, i: { notes: `officer ${who}` } })),
    );
    const wins = results.filter((r) => !r.body.errors);
    const conflicts = results.filter((r) => r.body.errors?.[0].extensions?.code === 'CONFLICT');
    expect(wins).toHaveLength(1);
    expect(conflicts).toHaveLength(3);
    const read = await t.ok('query($id: ID!) { provider(id: $id) { notes version } }', { id: p.id });
    expect(read.provider).toEqual({ notes: (wins[0].body.data as any).updateProvider.notes, version: 2 });
  });

  it('an unknown id is NOT_FOUND', async () => {
    const res = await t.gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', v: 1, i: { notes: 'x' } });
    expect(res.body.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(res.body.errors![0].message).toBe('Provider 00000000-0000-4000-8000-000000000000 does not exist');
  });
});

describe('provider register: bulk changes are all or nothing', () => {
  const ROWS = `mutation($rows: [ProviderRowUpdate!]!) { updateProviderRows(rows: $rows) { id version notes status } }`;
  const MANY = `mutation($ids: [ID!]!, $i: ProviderUpdateInput!) { updateProviders(ids: $ids, input: $i) { id version status } }`;

  it('applies different values to several rows in one mutation', async () => {
    const a = await createProvider(t, { legalName: 'Bulk A' });
    const b = await createProvider(t, { legalName: 'Bulk B' });
    const data = await t.ok(ROWS, {
      rows: [
        { id: a.id, version: 1, input: { notes: 'note A' } },
        { id: b.id, version: 1, input: { notes: 'note B', status: 'EXITED' } },
      ],
    });
    expect(data.updateProviderRows).toEqual([
      { id: a.id, version: 2, notes: 'note A', status: 'ACTIVE' },
      { id: b.id, version: 2, notes: 'note B', status: 'EXITED' },
    ]);
  });

  it('writes nothing when one row has a stale version, and names the row', async () => {
    const a = await createProvider(t, { legalName: 'Bulk C' });
    const b = await createProvider(t, { legalName: 'Bulk D' });
    await t.ok(UPDATE, { id: b.id, v: 1, i: { notes: 'moved on' } });
    const before = await tableCounts(t);
    const res = await t.gql(ROWS, {
      rows: [
        { id: a.id, version: 1, input: { notes: 'should not stay' } },
        { id: b.id, version: 1, input: { notes: 'stale' } },
      ],
    });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', index: 1, id: b.id });
    const read = await t.ok('query($id: ID!) { provider(id: $id) { notes version } }', { id: a.id });
    expect(read.provider).toEqual({ notes: null, version: 1 });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('writes nothing when one row is invalid, and names the field and row', async () => {
    const a = await createProvider(t, { legalName: 'Bulk E' });
    const b = await createProvider(t, { legalName: 'Bulk F' });
    const before = await tableCounts(t);
    const res = await t.gql(ROWS, {
      rows: [
        { id: a.id, version: 1, input: { notes: 'fine' } },
        { id: b.id, version: 1, input: { legalName: '' } },
      ],
    });
    expect(res.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'legalName', message: 'must not be empty', index: 1 }]);
    expect(res.body.errors![0].message).toBe('row 2: legalName: must not be empty');
    expect(await tableCounts(t)).toEqual(before);
    const read = await t.ok('query($id: ID!) { provider(id: $id) { notes } }', { id: a.id });
    expect(read.provider.notes).toBeNull();
  });

  it('sets one field on a selection, and refuses the whole selection if one id is unknown', async () => {
    const a = await createProvider(t, { legalName: 'Sel A' });
    const b = await createProvider(t, { legalName: 'Sel B' });
    const data = await t.ok(MANY, { ids: [a.id, b.id], i: { status: 'SUSPENDED' } });
    expect(data.updateProviders.map((p: any) => [p.status, p.version])).toEqual([
      ['SUSPENDED', 2],
      ['SUSPENDED', 2],
    ]);
    const before = await tableCounts(t);
    const missing = '00000000-0000-4000-8000-000000000001';
    const res = await t.gql(MANY, { ids: [a.id, missing], i: { status: 'ACTIVE' } });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', index: 1, id: missing });
    expect(await tableCounts(t)).toEqual(before);
  });
});

describe('provider register: archive', () => {
  it('hides archived providers from lists unless asked, and restores them', async () => {
    const p = await createProvider(t, { legalName: 'Zed Archive Ltd' });
    const archived = await t.ok('mutation($id: ID!) { archiveProvider(id: $id, version: 1) { version archivedAt } }', { id: p.id });
    expect(archived.archiveProvider.version).toBe(2);
    expect(archived.archiveProvider.archivedAt).not.toBeNull();
    const listed = async (filter: object) =>
      (await t.ok('query($f: ProviderFilter) { providers(filter: $f, first: 500) { nodes { id } } }', { f: filter })).providers.nodes.map(
        (n: any) => n.id,
      );
    expect(await listed({ legalName: { eq: 'Zed Archive Ltd' } })).toEqual([]);
    expect(await listed({ legalName: { eq: 'Zed Archive Ltd' }, archived: true })).toEqual([p.id]);
    const again = await t.gql('mutation($id: ID!) { archiveProvider(id: $id, version: 2) { id } }', { id: p.id });
    expect(again.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    await t.ok('mutation($id: ID!) { restoreProvider(id: $id, version: 2) { id } }', { id: p.id });
    expect(await listed({ legalName: { eq: 'Zed Archive Ltd' } })).toEqual([p.id]);
  });
});
