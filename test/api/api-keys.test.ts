import { createProvider, tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
  await createProvider(t, { legalName: 'Keyed Provider Ltd' });
});
afterAll(() => t.stop());

const CREATE = 'mutation($n: String!) { createApiKey(name: $n) { secret key { id name role revokedAt } } }';

describe('API keys for other systems', () => {
  it('lets a service read with its key, never change, and stops at once when revoked', async () => {
    const { createApiKey } = await t.ok(CREATE, { n: 'Finance ledger' });
    expect(createApiKey.key).toMatchObject({ name: 'Finance ledger', role: 'SERVICE', revokedAt: null });
    expect(createApiKey.secret).toMatch(/^pwk_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    const key = createApiKey.secret;

    const read = await t.gql('{ providers { nodes { legalName } } }', {}, key);
    expect(read.body.data!.providers.nodes).toEqual([{ legalName: 'Keyed Provider Ltd' }]);
    const before = await tableCounts(t);
    const write = await t.gql('mutation { createProvider(input: { legalName: "Sneaky", providerCode: PR4 }) { id } }', {}, key);
    expect(write.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const children = await t.gql('{ children { nodes { id } } }', {}, key);
    expect(children.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await tableCounts(t)).toEqual(before);

    const listed = await t.ok('{ apiKeys { name role } }');
    expect(listed.apiKeys).toEqual([{ name: 'Finance ledger', role: 'SERVICE' }]);
    const [{ secret_hash }] = await t.api.db.query('SELECT secret_hash FROM api_key');
    expect(secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain(secret_hash);

    await t.ok('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: createApiKey.key.id });
    const after = await t.gql('{ providers { nodes { legalName } } }', {}, key);
    expect(after.status).toBe(401);
    expect(after.body.errors![0]).toMatchObject({ message: 'The API key is not valid or was revoked', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a made-up or tampered key', async () => {
    const { createApiKey } = await t.ok(CREATE, { n: 'Portal' });
    const tampered = createApiKey.secret.slice(0, -1) + (createApiKey.secret.endsWith('A') ? 'B' : 'A');
    for (const key of [tampered, 'pwk_nonsense', `pwk_00000000-0000-4000-8000-000000000000_${'x'.repeat(43)}`]) {
      const res = await t.gql('{ me { id } }', {}, key);
      expect(res.status).toBe(401);
      expect(res.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
  });

  it('is created by administrators only, for SERVICE or ANALYST', async () => {
    const officer = await t.userWithRole('CONTRACT_OFFICER');
    const res = await t.gql(CREATE, { n: 'Mine' }, officer.token);
    expect(res.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const admin = await t.gql('mutation { createApiKey(name: "Too strong", role: ADMIN) { secret } }');
    expect(admin.body.errors![0].extensions!.fieldErrors).toEqual([{ field: 'role', message: 'an API key acts as SERVICE or ANALYST' }]);
  });
});
