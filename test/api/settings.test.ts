import { createProvider, createSetting, tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
let providerId: string;
beforeAll(async () => {
  t = await startTestApi();
  providerId = (await createProvider(t, { legalName: 'Settings Host Ltd' })).id;
});
afterAll(() => t.stop());

const CREATE = 'mutation($i: SettingCreateInput!) { createSetting(input: $i) { id name postcode latitude longitude ofstedUrn } }';
const UPDATE = 'mutation($id: ID!, $v: Int!, $i: SettingUpdateInput!) { updateSetting(id: $id, version: $v, input: $i) { id version postcode latitude longitude } }';

describe('settings', () => {
  it('creates a setting with a normalised postcode and exact coordinates', async () => {
    const s = await createSetting(t, {
      providerId,
      name: 'Seaview House',
      ofstedUrn: '1234567',
      ofstedRating: 'GOOD',
      inspectionDate: '2025-06-30',
      registeredPlaces: 4,
      postcode: 'bh11aa',
      latitude: 50.720806,
      longitude: -1.904755,
    });
    expect(s).toMatchObject({ postcode: 'BH1 1AA', latitude: 50.720806, longitude: -1.904755, inspectionDate: '2025-06-30', registeredPlaces: 4, providerId });
  });

  it('loads a provider with its settings, and a setting with its provider and locality', async () => {
    const p = await createProvider(t, { legalName: 'Two Homes Ltd' });
    await createSetting(t, { providerId: p.id, name: 'B Home' });
    await createSetting(t, { providerId: p.id, name: 'A Home' });
    const data = await t.ok('query($id: ID!) { provider(id: $id) { settings { name provider { legalName } locality { name } } } }', { id: p.id });
    expect(data.provider.settings).toEqual([
      { name: 'A Home', provider: { legalName: 'Two Homes Ltd' }, locality: null },
      { name: 'B Home', provider: { legalName: 'Two Homes Ltd' }, locality: null },
    ]);
  });

  it('filters and sorts settings in SQL', async () => {
    const p = await createProvider(t, { legalName: 'Filter Homes Ltd' });
    await createSetting(t, { providerId: p.id, name: 'Small', registeredPlaces: 2, ofstedRating: 'OUTSTANDING', inspectionDate: '2024-01-10' });
    await createSetting(t, { providerId: p.id, name: 'Large', registeredPlaces: 6, ofstedRating: 'REQUIRES_IMPROVEMENT', inspectionDate: '2023-05-01' });
    await createSetting(t, { providerId: p.id, name: 'Unknown' });
    const q = 'query($f: SettingFilter, $o: [SettingOrderBy!]) { settings(filter: $f, orderBy: $o) { totalCount nodes { name } } }';
    const names = async (f: object, o?: object[]) => (await t.ok(q, { f: { providerId: { eq: p.id }, ...f }, o })).settings.nodes.map((n: any) => n.name);
    expect(await names({ registeredPlaces: { gte: 3 } })).toEqual(['Large']);
    expect(await names({ inspectionDate: { lt: '2024-01-01' } })).toEqual(['Large']);
    expect(await names({ ofstedRating: { isNull: true } })).toEqual(['Unknown']);
    expect(await names({}, [{ field: 'registeredPlaces', direction: 'DESC' }])).toEqual(['Large', 'Small', 'Unknown']);
    expect(await names({}, [{ field: 'ofstedRating' }])).toEqual(['Small', 'Large', 'Unknown']);
  });

  it('refuses a setting for an archived provider', async () => {
    const p = await createProvider(t, { legalName: 'Closing Ltd' });
    await t.ok('mutation($id: ID!) { archiveProvider(id: $id, version: 1) { id } }', { id: p.id });
    const res = await t.gql(CREATE, { i: { providerId: p.id, name: 'Late', kind: 'CHILDRENS_HOME' } });
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'providerId', message: 'the provider is archived; restore it before adding settings' }]);
  });
});

describe('bad input gets a clear error and nothing is written', () => {
  const base = () => ({ providerId, name: 'Bad Input Home', kind: 'CHILDRENS_HOME' });
  it.each([
    ['an Ofsted URN of 5 digits', { ofstedUrn: '12345' }, 'ofstedUrn', 'must be an Ofsted URN: 6 to 8 digits'],
    ['an Ofsted URN of 9 digits', { ofstedUrn: '123456789' }, 'ofstedUrn', 'must be an Ofsted URN: 6 to 8 digits'],
    ['an Ofsted URN with letters', { ofstedUrn: 'SC12345' }, 'ofstedUrn', 'must be an Ofsted URN: 6 to 8 digits'],
    ['a latitude out of range', { latitude: 91, longitude: 0 }, 'latitude', 'latitude must be between -90 and 90'],
    ['a longitude out of range', { latitude: 50, longitude: -181 }, 'longitude', 'longitude must be between -180 and 180'],
    ['a latitude without a longitude', { latitude: 50 }, 'longitude', 'give latitude and longitude together, or neither'],
    ['an invalid postcode', { postcode: 'NOT A CODE' }, 'postcode', 'must be a valid UK postcode, e.g. BH1 1AA'],
    ['an invalid postcode (bad inward code)', { postcode: 'BH1 1CI' }, 'postcode', 'must be a valid UK postcode, e.g. BH1 1AA'],
    ['a 10,000-character name', { name: 'x'.repeat(10000) }, 'name', 'must be at most 200 characters'],
    ['an empty name', { name: '' }, 'name', 'must not be empty'],
    ['negative places', { registeredPlaces: -1 }, 'registeredPlaces', 'must be at least 0'],
    ['an inspection in the future', { inspectionDate: '2999-01-01' }, 'inspectionDate', 'must not be in the future'],
    ['a provider that does not exist', { providerId: '00000000-0000-4000-8000-000000000000' }, 'providerId', 'no provider has this id'],
    ['a provider id that is not an id', { providerId: 'abc' }, 'providerId', 'is not a valid id (a UUID)'],
    ['a locality that does not exist', { localityId: '00000000-0000-4000-8000-000000000000' }, 'localityId', 'no locality has this id'],
  ])('%s', async (_label, change, field, message) => {
    const before = await tableCounts(t);
    const res = await t.gql(CREATE, { i: { ...base(), ...change } });
    expect(res.status).toBe(200);
    const error = res.body.errors![0];
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    expect(error.extensions!.fieldErrors).toContainEqual({ field, message });
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|\.ts:\d+|stack|QueryFailedError|SELECT|INSERT/);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('a duplicate Ofsted URN names the field and writes nothing', async () => {
    await createSetting(t, { providerId, name: 'First', ofstedUrn: '7654321' });
    const before = await tableCounts(t);
    const res = await t.gql(CREATE, { i: { ...base(), ofstedUrn: '7654321' } });
    expect(res.body.errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'ofstedUrn', message: 'another setting already has this Ofsted URN' }],
    });
    expect(await tableCounts(t)).toEqual(before);
  });

  it.each([
    ['a missing required field', '{ createSetting(input: { providerId: "P", kind: CHILDRENS_HOME }) { id } }', 'Field "SettingCreateInput.name" of required type "String!" was not provided.'],
    ['an unknown enum value', '{ createSetting(input: { providerId: "P", name: "X", kind: CASTLE }) { id } }', 'Value "CASTLE" does not exist in "SettingKind" enum.'],
    ['an unknown field in the query', '{ setting(id: "P") { id colour } }', 'Cannot query field "colour" on type "Setting".'],
  ])('%s → BAD_USER_INPUT from validation (200 for application/json, as the spec asks)', async (_label, doc, message) => {
    const before = await tableCounts(t);
    const query = doc.startsWith('{ create') ? `mutation ${doc}` : doc;
    const res = await t.gql(query.replace(/"P"/g, JSON.stringify(providerId)));
    expect(res.status).toBe(200);
    expect(res.body.errors![0].message).toContain(message);
    expect(res.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await tableCounts(t)).toEqual(before);
  });

  it('an update with a stale version is CONFLICT and changes nothing', async () => {
    const s = await createSetting(t, { providerId, name: 'Versioned', postcode: 'BH2 5AA' });
    await t.ok(UPDATE, { id: s.id, v: 1, i: { postcode: 'BH2 6BB' } });
    const res = await t.gql(UPDATE, { id: s.id, v: 1, i: { postcode: 'BH9 9ZZ' } });
    expect(res.body.errors![0].extensions!.code).toBe('CONFLICT');
    expect((await t.ok('query($id: ID!) { setting(id: $id) { postcode version } }', { id: s.id })).setting).toEqual({ postcode: 'BH2 6BB', version: 2 });
  });

  it('an update that leaves one coordinate alone is checked against the saved record', async () => {
    const s = await createSetting(t, { providerId, name: 'Pinned', latitude: 50.1, longitude: -1.5 });
    const res = await t.gql(UPDATE, { id: s.id, v: 1, i: { longitude: null } });
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'longitude', message: 'give latitude and longitude together, or neither' }]);
    const moved = await t.ok(UPDATE, { id: s.id, v: 1, i: { latitude: 51.5, longitude: -0.12 } });
    expect(moved.updateSetting).toMatchObject({ version: 2, latitude: 51.5, longitude: -0.12 });
  });

  it('a bulk change with one bad row writes nothing and names the row', async () => {
    const a = await createSetting(t, { providerId, name: 'Bulk A' });
    const b = await createSetting(t, { providerId, name: 'Bulk B' });
    const before = await tableCounts(t);
    const res = await t.gql('mutation($rows: [SettingRowUpdate!]!) { updateSettingRows(rows: $rows) { id } }', {
      rows: [
        { id: a.id, version: 1, input: { registeredPlaces: 3 } },
        { id: b.id, version: 1, input: { latitude: 52 } },
      ],
    });
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'longitude', message: 'give latitude and longitude together, or neither', index: 1 }]);
    expect(await tableCounts(t)).toEqual(before);
    expect((await t.ok('query($id: ID!) { setting(id: $id) { registeredPlaces version } }', { id: a.id })).setting).toEqual({ registeredPlaces: null, version: 1 });
  });
});
