import { tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

describe('authorities and localities', () => {
  it('creates an authority with its localities and reads them nested', async () => {
    const { createAuthority: bcp } = await t.ok('mutation { createAuthority(input: { name: "Bournemouth, Christchurch and Poole", onsCode: "e06000058" }) { id onsCode version } }');
    expect(bcp).toMatchObject({ onsCode: 'E06000058', version: 1 });
    for (const name of ['Poole', 'Bournemouth', 'Christchurch']) {
      await t.ok('mutation($i: LocalityCreateInput!) { createLocality(input: $i) { id } }', { i: { authorityId: bcp.id, name, code: name.toUpperCase() } });
    }
    const data = await t.ok('query($id: ID!) { authority(id: $id) { name localities { name code authority { onsCode } } } }', { id: bcp.id });
    expect(data.authority.localities).toEqual([
      { name: 'Bournemouth', code: 'BOURNEMOUTH', authority: { onsCode: 'E06000058' } },
      { name: 'Christchurch', code: 'CHRISTCHURCH', authority: { onsCode: 'E06000058' } },
      { name: 'Poole', code: 'POOLE', authority: { onsCode: 'E06000058' } },
    ]);
    const list = await t.ok('query($f: LocalityFilter) { localities(filter: $f, orderBy: [{ field: name, direction: DESC }]) { totalCount nodes { name } } }', {
      f: { authorityId: { eq: bcp.id }, name: { ne: 'Poole' } },
    });
    expect(list.localities).toEqual({ totalCount: 2, nodes: [{ name: 'Christchurch' }, { name: 'Bournemouth' }] });
  });

  it('renames an authority with its version, and refuses a stale one', async () => {
    const { createAuthority: a } = await t.ok('mutation { createAuthority(input: { name: "Luton Borough Council", onsCode: "E06000032" }) { id } }');
    const renamed = await t.ok('mutation($id: ID!) { updateAuthority(id: $id, version: 1, input: { name: "Luton Council" }) { name version } }', { id: a.id });
    expect(renamed.updateAuthority).toEqual({ name: 'Luton Council', version: 2 });
    const stale = await t.gql('mutation($id: ID!) { updateAuthority(id: $id, version: 1, input: { name: "Old" }) { name } }', { id: a.id });
    expect(stale.body.errors![0].extensions!.code).toBe('CONFLICT');
  });

  it.each([
    ['an ONS code in the wrong shape', 'mutation { createAuthority(input: { name: "X", onsCode: "123" }) { id } }', 'onsCode', 'must be an ONS code: a letter E, W, S or N then 8 digits, e.g. E06000058'],
    ['a duplicate ONS code', 'mutation { createAuthority(input: { name: "Again", onsCode: "E06000058" }) { id } }', 'onsCode', 'another authority already has this ONS code'],
    ['a locality for an authority that does not exist', 'mutation { createLocality(input: { authorityId: "00000000-0000-4000-8000-000000000000", name: "Nowhere" }) { id } }', 'authorityId', 'no authority has this id'],
  ])('%s is refused, naming the field, writing nothing', async (_label, query, field, message) => {
    const before = await tableCounts(t);
    const res = await t.gql(query);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('refuses a second locality of the same name in one authority', async () => {
    const { authorities } = await t.ok('{ authorities(filter: { onsCode: { eq: "E06000058" } }) { nodes { id } } }');
    const res = await t.gql('mutation($i: LocalityCreateInput!) { createLocality(input: $i) { id } }', { i: { authorityId: authorities.nodes[0].id, name: 'Poole' } });
    expect(res.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'name', message: 'the authority already has a locality with this name' }]);
  });
});
