import { createHash } from 'node:crypto';
import { startTestApi, type TestApi } from '../support/test-api';

let t: TestApi;
let keyId: string;
let secret: string;
beforeAll(async () => {
  t = await startTestApi();
  const created = await t.ok<{ createApiKey: { key: { id: string }; secret: string } }>('mutation { createApiKey(name: "Finance ledger") { key { id } secret } }');
  keyId = created.createApiKey.key.id;
  secret = created.createApiKey.secret;
});
afterAll(() => t.stop());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const PROVIDERS = 'query LedgerProviders { providers(first: 5) { totalCount } }';
const ME = 'query Who { settings(first: 1) { totalCount } }';

/** A request as Apollo clients send it: the hash in `extensions.persistedQuery`, the text only when asked to. */
async function post(body: Record<string, unknown>, token: string | null) {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: any }> } };
}
const persisted = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
const codes = (res: { body: { errors?: Array<{ extensions?: any }> } }) => res.body.errors?.map((e) => e.extensions?.code);

it('automatic persisted queries work for a signed-in person: unknown hash, then hash with text, then hash alone', async () => {
  const query = '{ providers(first: 1) { nodes { id } } }';
  const first = await post(persisted(query), t.adminToken);
  expect(first.status).toBe(200);
  expect(first.body.errors).toEqual([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
  const registered = await post({ query, ...persisted(query) }, t.adminToken);
  expect(registered.body).toEqual({ data: { providers: { nodes: [] } } });
  const hashOnly = await post(persisted(query), t.adminToken);
  expect(hashOnly.body).toEqual({ data: { providers: { nodes: [] } } });
  const wrongHash = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('other') } } }, t.adminToken);
  expect(wrongHash.status).toBe(200); // a document error, answered 200 to a client that accepts application/json (statusPlugin)
  expect(wrongHash.body.errors).toEqual([
    { message: 'provided sha does not match query', extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'extensions.persistedQuery', message: 'provided sha does not match query' }] } },
  ]);
});

it('refuses documents that do not parse, do not validate or carry a wrong hash, naming the field, and writes nothing', async () => {
  const res = await t.gql('mutation($d: [TrustedDocumentInput!]!) { registerTrustedDocuments(documents: $d) { sha256 } }', {
    d: [{ document: PROVIDERS }, { document: '{ providers(' }, { document: '{ noSuchField }' }, { document: ME, sha256: sha256('x') }],
  }, secret);
  expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.body.errors?.[0].extensions?.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['documents.1.document', 'documents.2.document', 'documents.3.sha256']);
  expect(await t.rowCount('trusted_document')).toBe(0);
});

it('a key registers its operations by hash and sends hashes only; a key set to trusted documents only runs nothing else', async () => {
  const registered = await t.ok<{ registerTrustedDocuments: Array<{ sha256: string; operationName: string; keyId: string }> }>(
    'mutation($d: [TrustedDocumentInput!]!) { registerTrustedDocuments(documents: $d) { sha256 operationName keyId } }',
    { d: [{ document: PROVIDERS, sha256: sha256(PROVIDERS) }] },
    secret,
  );
  expect(registered.registerTrustedDocuments).toEqual([{ sha256: sha256(PROVIDERS), operationName: 'LedgerProviders', keyId }]);
  // A hash alone is found among the registered documents, by any process (it is in the database).
  expect((await post(persisted(PROVIDERS), secret)).body).toEqual({ data: { providers: { totalCount: 0 } } });

  const set = await t.ok<{ setApiKeyTrustedDocumentsOnly: { id: string; trustedDocumentsOnly: boolean } }>(
    'mutation($k: ID!) { setApiKeyTrustedDocumentsOnly(keyId: $k, only: true) { id trustedDocumentsOnly } }',
    { k: keyId },
  );
  expect(set.setApiKeyTrustedDocumentsOnly).toEqual({ id: keyId, trustedDocumentsOnly: true });

  expect((await post(persisted(PROVIDERS), secret)).body).toEqual({ data: { providers: { totalCount: 0 } } });
  expect((await post({ query: PROVIDERS }, secret)).body).toEqual({ data: { providers: { totalCount: 0 } } });
  // Anything else: its text is FORBIDDEN, its hash unknown, even a hash an admin's client made known.
  const text = await post({ query: ME }, secret);
  expect(text.status).toBe(403);
  expect(codes(text)).toEqual(['FORBIDDEN']);
  expect(text.body.data ?? null).toBeNull();
  await post({ query: ME, ...persisted(ME) }, t.adminToken);
  expect(codes(await post(persisted(ME), secret))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  expect(codes(await post({ query: ME, ...persisted(ME) }, secret))).toEqual(['FORBIDDEN']);
  // Nor may it register more for itself: an administrator does.
  const more = await t.gql('mutation($d: [TrustedDocumentInput!]!) { registerTrustedDocuments(documents: $d) { sha256 } }', { d: [{ document: ME }] }, secret);
  expect(codes(more)).toEqual(['FORBIDDEN']);
  const byAdmin = await t.ok('mutation($k: ID, $d: [TrustedDocumentInput!]!) { registerTrustedDocuments(keyId: $k, documents: $d) { sha256 } }', { k: keyId, d: [{ document: ME }] });
  expect(byAdmin.registerTrustedDocuments).toEqual([{ sha256: sha256(ME) }]);
  expect((await post(persisted(ME), secret)).body).toEqual({ data: { settings: { totalCount: 0 } } });

  const listed = await t.ok('query($k: ID!) { trustedDocuments(keyId: $k) { operationName } apiKeys { id trustedDocumentsOnly } }', { k: keyId });
  expect(listed.trustedDocuments.map((d: { operationName: string }) => d.operationName).sort()).toEqual(['LedgerProviders', 'Who']);
  expect(listed.apiKeys).toEqual([{ id: keyId, trustedDocumentsOnly: true }]);

  await t.ok('mutation($k: ID!) { setApiKeyTrustedDocumentsOnly(keyId: $k, only: false) { id } }', { k: keyId });
  expect((await post({ query: '{ providers(first: 2) { totalCount } }' }, secret)).body).toEqual({ data: { providers: { totalCount: 0 } } });
});

it('only administrators set the flag, and only for a key that exists', async () => {
  const analyst = await t.userWithRole('ANALYST');
  const refused = await t.gql('mutation($k: ID!) { setApiKeyTrustedDocumentsOnly(keyId: $k, only: true) { id } }', { k: keyId }, analyst.token);
  expect(codes(refused)).toEqual(['FORBIDDEN']);
  const missing = await t.gql('mutation { setApiKeyTrustedDocumentsOnly(keyId: "00000000-0000-4000-8000-000000000000", only: true) { id } }');
  expect(codes(missing)).toEqual(['NOT_FOUND']);
  const person = await t.gql('mutation($d: [TrustedDocumentInput!]!) { registerTrustedDocuments(documents: $d) { sha256 } }', { d: [{ document: ME }] }, analyst.token);
  expect(codes(person)).toEqual(['FORBIDDEN']);
});
