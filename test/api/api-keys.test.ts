import { createProvider, tableCounts } from '../support/fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
beforeAll(async () => {
  // Pages of one row, so an export of the providers runs one GraphQL operation a provider.
  t = await startTestApi({ EXPORT_PAGE_SIZE: '1' });
  await createProvider(t, { legalName: 'Keyed Provider Ltd' });
});
afterAll(() => t.stop());

const CREATE = 'mutation($n: String!, $s: [ApiKeyScope!], $e: DateTime) { createApiKey(name: $n, scopes: $s, expiresAt: $e) { secret key { id name role scopes expiresAt status revokedAt } } }';
const CREATE_PROVIDER = 'mutation { createProvider(input: { legalName: "Sneaky", providerCode: PR4 }) { id } }';
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();

async function newKey(name: string, scopes?: string[], expiresAt?: string) {
  const { createApiKey } = await t.ok(CREATE, { n: name, s: scopes, e: expiresAt });
  return createApiKey as { secret: string; key: { id: string; scopes: string[]; expiresAt: string; status: string } };
}

/** Table counts but the audit trail, which every key request adds to. */
async function dataCounts() {
  const { audit_event: _audit, ...rest } = await tableCounts(t);
  return rest;
}

describe('API keys for other systems', () => {
  it('reads with its default scopes (everything but placements), never changes, and stops at once when revoked', async () => {
    const created = await newKey('Finance ledger');
    expect(created.key).toMatchObject({ name: 'Finance ledger', role: 'SERVICE', status: 'ACTIVE', revokedAt: null });
    expect(created.key.scopes).toEqual(['AGREEMENTS_READ', 'ANALYTICS_READ', 'BUDGETS_READ', 'CONTACT_READ', 'CONTRACTS_READ', 'INVOICES_READ', 'PROVIDERS_READ', 'TRANSPORT_READ']);
    const days = (Date.parse(created.key.expiresAt) - Date.now()) / (24 * 3600 * 1000);
    expect(days).toBeGreaterThan(364.99);
    expect(days).toBeLessThanOrEqual(365);
    expect(created.secret).toMatch(/^pwk_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    const key = created.secret;

    const read = await t.gql('{ providers { nodes { legalName } } }', {}, key);
    expect(read.body.data!.providers.nodes).toEqual([{ legalName: 'Keyed Provider Ltd' }]);
    const before = await dataCounts();
    const write = await t.gql(CREATE_PROVIDER, {}, key);
    expect(write.status).toBe(403);
    expect(write.body.errors![0]).toMatchObject({ message: 'This API key may not do this: Mutation.createProvider needs the PROVIDERS_WRITE scope', extensions: { code: 'FORBIDDEN' } });
    const children = await t.gql('{ children { nodes { id } } }', {}, key);
    expect(children.body.errors![0].message).toBe('This API key may not do this: Query.children needs the PLACEMENTS_READ or PLACEMENTS_WRITE scope');
    expect(await dataCounts()).toEqual(before);

    const listed = await t.ok('{ apiKeys { name role status } }');
    expect(listed.apiKeys).toEqual([{ name: 'Finance ledger', role: 'SERVICE', status: 'ACTIVE' }]);
    const [{ secret_hash }] = await t.api.db.query('SELECT secret_hash FROM api_key');
    expect(secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain(secret_hash);

    await t.ok('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt status } }', { id: created.key.id });
    const beforeRevoked = await tableCounts(t);
    for (const query of ['{ providers { nodes { legalName } } }', CREATE_PROVIDER]) {
      const after = await t.gql(query, {}, key);
      expect(after.status).toBe(401);
      expect(after.body).toEqual({ errors: [{ message: 'The API key is not valid or was revoked', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    // Refused before it is known: not even a REQUEST event.
    expect(await tableCounts(t)).toEqual(beforeRevoked);
    expect((await t.ok('{ apiKeys { status } }')).apiKeys).toEqual([{ status: 'REVOKED' }]);
  });

  it('writes within its WRITE scopes as SERVICE, whatever the roles a person would need, and is named in the audit trail', async () => {
    const { secret, key } = await newKey('Case system', ['PROVIDERS_WRITE', 'BUDGETS_READ']);
    const created = await t.gql(CREATE_PROVIDER, {}, secret);
    const id = created.body.data!.createProvider.id;
    const trail = await t.ok('query($id: ID!) { auditTrail(entityType: "Provider", entityId: $id) { actorId actorEmail action requestId } }', { id });
    expect(trail.auditTrail).toEqual([{ actorId: key.id, actorEmail: 'api-key:Case system', action: 'CREATE', requestId: expect.any(String) }]);
    // Reads of the write's domain come with WRITE; other domains need their own scope.
    expect((await t.gql('{ providers { nodes { id } } }', {}, secret)).body.errors).toBeUndefined();
    const refused = await t.gql('{ contracts { nodes { id } } }', {}, secret);
    expect(refused.body.errors![0].message).toBe('This API key may not do this: Query.contracts needs the CONTRACTS_READ or CONTRACTS_WRITE scope');
  });

  it('puts every request by a key in the audit trail: operation, root fields, status and errors, and sets lastUsedAt', async () => {
    const { secret, key } = await newKey('Regional portal', ['PROVIDERS_READ']);
    await t.gql('query Register { providers { nodes { id } } localities { nodes { id } } }', {}, secret);
    await t.gql('query Spend { contracts { nodes { id } } }', {}, secret);
    const events = await t.ok('query($id: ID!) { auditTrail(entityType: "ApiKey", entityId: $id) { action actorId actorEmail changes { field after } } }', { id: key.id });
    const requests = events.auditTrail.filter((e: { action: string }) => e.action === 'REQUEST');
    expect(requests).toEqual([
      {
        action: 'REQUEST', actorId: key.id, actorEmail: 'api-key:Regional portal',
        changes: [{ field: 'operation', after: 'Register' }, { field: 'fields', after: ['providers', 'localities'] }, { field: 'status', after: 200 }, { field: 'errors', after: [] }],
      },
      {
        action: 'REQUEST', actorId: key.id, actorEmail: 'api-key:Regional portal',
        changes: [{ field: 'operation', after: 'Spend' }, { field: 'fields', after: ['contracts'] }, { field: 'status', after: 403 }, { field: 'errors', after: ['FORBIDDEN'] }],
      },
    ]);
    const [{ last_used_at }] = await t.api.db.query('SELECT last_used_at FROM api_key WHERE id = $1', [key.id]);
    expect(Date.now() - new Date(last_used_at).getTime()).toBeLessThan(2 * 60 * 1000);
  });

  it('puts an export by a key in the audit trail once, however many pages it reads', async () => {
    await createProvider(t, { legalName: 'Second Provider Ltd' });
    const { secret, key } = await newKey('Export ledger', ['PROVIDERS_READ']);
    const res = await fetch(t.url.replace(/\/graphql$/, '/export'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ providers { nodes { legalName } } }', format: 'csv' }),
    });
    expect(res.status).toBe(200);
    const providers = await t.rowCount('provider');
    expect(providers).toBeGreaterThanOrEqual(2);
    expect((await res.text()).trim().split(/\r?\n/)).toHaveLength(providers + 1);
    const [{ n }] = await t.api.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'REQUEST'`, [key.id]);
    expect(n).toBe(1);
  });

  it('refuses an expired key, and works again when rotated with a new expiry', async () => {
    const { secret, key } = await newKey('Nightly export', ['PROVIDERS_READ']);
    // Not used yet, so nothing is cached: the next request reads the key as it is now.
    await t.api.db.query(`UPDATE api_key SET expires_at = now() - interval '1 minute' WHERE id = $1`, [key.id]);
    const before = await dataCounts();
    const expired = await t.gql(CREATE_PROVIDER, {}, secret);
    expect(expired.status).toBe(401);
    expect(expired.body.errors![0].message).toMatch(/^The API key expired at \d{4}-\d{2}-\d{2}T[\d:.]+Z; ask an administrator to rotate it$/);
    expect(await dataCounts()).toEqual(before);
    expect((await t.ok('{ apiKeys { id status } }')).apiKeys).toContainEqual({ id: key.id, status: 'EXPIRED' });

    const ROTATE = 'mutation($id: ID!, $e: DateTime) { rotateApiKey(id: $id, expiresAt: $e) { secret key { id status rotatedAt scopes } } }';
    const noExpiry = await t.gql(ROTATE, { id: key.id });
    expect(noExpiry.body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'expiresAt', message: 'must be in the future and at most 730 days ahead' }] });
    const rotated = (await t.ok(ROTATE, { id: key.id, e: inDays(30) })).rotateApiKey;
    expect(rotated.key).toMatchObject({ id: key.id, status: 'ACTIVE', scopes: ['PROVIDERS_READ'] });
    expect(rotated.secret).not.toBe(secret);
    expect((await t.gql('{ providers { nodes { id } } }', {}, rotated.secret)).body.errors).toBeUndefined();
    // The old secret stops at once.
    expect((await t.gql('{ providers { nodes { id } } }', {}, secret)).status).toBe(401);
  });

  it('refuses a made-up or tampered key', async () => {
    const { secret } = await newKey('Portal');
    const tampered = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    for (const key of [tampered, 'pwk_nonsense', `pwk_00000000-0000-4000-8000-000000000000_${'x'.repeat(43)}`]) {
      const res = await t.gql('{ providers { nodes { id } } }', {}, key);
      expect(res.status).toBe(401);
      expect(res.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
  });

  it('is created, rotated and revoked by administrators only, for SERVICE or ANALYST, with sensible scopes and expiry', async () => {
    const officer = await t.userWithRole('CONTRACT_OFFICER');
    const res = await t.gql(CREATE, { n: 'Mine' }, officer.token);
    expect(res.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const cases: Array<[string, Record<string, unknown>, { field: string; message: string }]> = [
      ['mutation { createApiKey(name: "Too strong", role: ADMIN) { secret } }', {}, { field: 'role', message: 'an API key acts as SERVICE or ANALYST' }],
      ['mutation { createApiKey(name: "Writes", role: ANALYST, scopes: [PROVIDERS_WRITE]) { secret } }', {}, { field: 'scopes', message: 'an ANALYST key reads only: give it READ scopes' }],
      ['mutation { createApiKey(name: "Nothing", scopes: []) { secret } }', {}, { field: 'scopes', message: 'give the key at least one scope' }],
      [CREATE, { n: 'Past', e: inDays(-1) }, { field: 'expiresAt', message: 'must be in the future and at most 730 days ahead' }],
      [CREATE, { n: 'Forever', e: inDays(800) }, { field: 'expiresAt', message: 'must be in the future and at most 730 days ahead' }],
    ];
    const before = await tableCounts(t);
    for (const [query, variables, fieldError] of cases) {
      const refused = await t.gql(query, variables);
      expect(refused.body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [fieldError] });
    }
    expect(await tableCounts(t)).toEqual(before);
  });

  it('keeps an ANALYST key to an analyst’s reads, narrowed by its scopes', async () => {
    const { createApiKey } = await t.ok('mutation { createApiKey(name: "Board reports", role: ANALYST, scopes: [PROVIDERS_READ, PLACEMENTS_READ]) { secret } }');
    expect((await t.gql('{ placements { nodes { id } } }', {}, createApiKey.secret)).body.errors).toBeUndefined();
    // ANALYST people may not read children; neither may an ANALYST key, whatever its scopes.
    const children = await t.gql('{ children { nodes { id } } }', {}, createApiKey.secret);
    expect(children.body.errors![0].message).toBe('Your role (ANALYST) may not use children; it needs one of ADMIN, CONTRACT_OFFICER, FINANCE');
  });

  it('is refused the people-only operations whatever its scopes', async () => {
    const { secret } = await newKey('Everything', ['PROVIDERS_WRITE', 'PLACEMENTS_WRITE', 'INVOICES_WRITE', 'BUDGETS_WRITE']);
    const res = await t.gql('mutation { createApiKey(name: "Another") { secret } }', {}, secret);
    expect(res.status).toBe(403);
    expect(res.body.errors![0].message).toBe('This API key may not do this: Mutation.createApiKey is for people signed in, not API keys');
  });
});
