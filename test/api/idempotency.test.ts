import { markCommitted } from '../../server/src/modules/idempotency/idempotency.store';
import { startTestApi, type TestApi } from '../support/test-api';

/** `Idempotency-Key`: a repeated create answers with the first result instead of a duplicate. */

const CREATE = 'mutation($i: ProviderCreateInput!) { createProvider(input: $i) { id legalName version } }';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

interface Answer {
  status: number;
  replayed: string | null;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

async function send(key: string | null, variables: Record<string, unknown>, token = t.adminToken, query = CREATE): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  if (key !== null) headers['idempotency-key'] = key;
  const res = await fetch(t.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, replayed: res.headers.get('idempotent-replayed'), body: (await res.json()) as Answer['body'] };
}

const provider = (legalName: string) => ({ i: { legalName, providerCode: 'PR4' } });

async function providersNamed(legalName: string): Promise<number> {
  const [row] = await t.api.db.query('SELECT count(*)::int AS n FROM provider WHERE legal_name = $1', [legalName]);
  return row.n;
}

async function auditEventsFor(id: string): Promise<number> {
  const [row] = await t.api.db.query('SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1', [id]);
  return row.n;
}

describe('Idempotency-Key', () => {
  it('gives eight concurrent retries of one create a single provider and the same answer', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => send('retry-7f3a', provider('Concurrent Retry Ltd'))));

    const first = answers[0].body.data.createProvider;
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { createProvider: { id: first.id, legalName: 'Concurrent Retry Ltd', version: 1 } } });
    }
    expect(answers.filter((a) => a.replayed === 'true')).toHaveLength(7);
    expect(await providersNamed('Concurrent Retry Ltd')).toBe(1);
    expect(await auditEventsFor(first.id)).toBe(1);
  });

  it('answers a later retry with the first result, even after the record changed', async () => {
    const created = await send('later-1', provider('Later Retry Ltd'));
    expect(created.replayed).toBeNull();
    const { id } = created.body.data.createProvider;
    await t.ok('mutation($id: ID!) { updateProvider(id: $id, version: 1, input: { tradingName: "Later" }) { version } }', { id });

    const retried = await send('later-1', provider('Later Retry Ltd'));

    expect(retried).toEqual({ status: 200, replayed: 'true', body: { data: { createProvider: { id, legalName: 'Later Retry Ltd', version: 1 } } } });
    expect(await providersNamed('Later Retry Ltd')).toBe(1);
  });

  it('refuses the same key with a different request, naming the header, and writes nothing', async () => {
    await send('reused-1', provider('First Body Ltd'));
    const reused = await send('reused-1', provider('Second Body Ltd'));

    expect(reused.status).toBe(200); // as for any bad input to a client that accepts application/json
    expect(reused.body.errors).toEqual([
      expect.objectContaining({
        message: 'Idempotency-Key: was already used for a different request: send a new key with each new request',
        extensions: {
          code: 'BAD_USER_INPUT',
          fieldErrors: [{ field: 'Idempotency-Key', message: 'was already used for a different request: send a new key with each new request' }],
        },
      }),
    ]);
    expect(await providersNamed('Second Body Ltd')).toBe(0);
  });

  it('scopes a key to its sender: another user with the same key makes their own record', async () => {
    const officer = await t.userWithRole('CONTRACT_OFFICER');
    const mine = await send('shared-key', provider('Scoped Key Ltd'));
    const theirs = await send('shared-key', provider('Scoped Key Ltd'), officer.token);

    expect(theirs.replayed).toBeNull();
    expect(theirs.body.data.createProvider.id).not.toBe(mine.body.data.createProvider.id);
    expect(await providersNamed('Scoped Key Ltd')).toBe(2);
  });

  it('does not keep a request that wrote nothing: its retry runs again', async () => {
    const failing = { i: { legalName: '', providerCode: 'PR4' } };
    const first = await send('failing-1', failing);
    expect(first.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const [{ n }] = await t.api.db.query(`SELECT count(*)::int AS n FROM idempotency_key WHERE key = 'failing-1'`);
    expect(n).toBe(0);

    const again = await send('failing-1', failing);
    expect(again.replayed).toBeNull();
    expect(again.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('leaves reads and requests without the header alone', async () => {
    await send(null, provider('No Key Ltd'));
    await send(null, provider('No Key Ltd'));
    expect(await providersNamed('No Key Ltd')).toBe(2);

    const read = await send('read-1', {}, t.adminToken, '{ providers(first: 1) { totalCount } }');
    const readAgain = await send('read-1', {}, t.adminToken, '{ providers(first: 1) { totalCount } }');
    expect(readAgain.replayed).toBeNull();
    expect(readAgain.body).toEqual(read.body);
    const [{ n }] = await t.api.db.query(`SELECT count(*)::int AS n FROM idempotency_key WHERE key = 'read-1'`);
    expect(n).toBe(0);
  });

  it('refuses a key that is not 1 to 255 visible characters', async () => {
    const long = await send('k'.repeat(256), provider('Long Key Ltd'));
    expect(long.status).toBe(200);
    expect(long.body.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters (a UUID is a good choice)' }],
    });
    expect(await providersNamed('Long Key Ltd')).toBe(0);
  });
});

describe('a key whose first request was cut off (its process killed)', () => {
  const adminId = async () => (await t.ok<{ me: { id: string } }>('{ me { id } }')).me.id;
  const hashOf = async (key: string) => {
    const [row] = await t.api.db.query('SELECT request_hash FROM idempotency_key WHERE key = $1', [key]);
    return row.request_hash as string;
  };

  it('is taken over by a retry when its write never committed, and the first run can then no longer commit', async () => {
    // Learn the request's hash from a real run, then make the key look like a claim abandoned two minutes ago.
    await send('abandoned-1', provider('Abandoned Ltd'));
    const hash = await hashOf('abandoned-1');
    await t.api.db.query(`DELETE FROM provider WHERE legal_name = 'Abandoned Ltd'`); // as if its write had never committed
    const actor = await adminId();
    await t.api.db.query(`DELETE FROM idempotency_key WHERE key = 'abandoned-1'`);
    await t.api.db.query(
      `INSERT INTO idempotency_key (actor_id, key, request_hash, claim_token, claimed_at) VALUES ($1, 'abandoned-1', $2, gen_random_uuid(), now() - interval '2 minutes')`,
      [actor, hash],
    );
    const [{ claim_token: oldToken }] = await t.api.db.query(`SELECT claim_token FROM idempotency_key WHERE key = 'abandoned-1'`);

    const retried = await send('abandoned-1', provider('Abandoned Ltd'));
    expect(retried.replayed).toBeNull();
    expect(retried.body.data.createProvider.legalName).toBe('Abandoned Ltd');
    expect(await providersNamed('Abandoned Ltd')).toBe(1);

    await expect(t.api.db.transaction((tx) => markCommitted(tx, { actorId: actor, key: 'abandoned-1', token: oldToken }))).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
  });

  it('is reported, not run again, when its write committed but its answer was lost', async () => {
    await send('lost-answer-1', provider('Lost Answer Ltd'));
    await t.api.db.query(`UPDATE idempotency_key SET response = NULL, claimed_at = now() - interval '2 minutes' WHERE key = 'lost-answer-1'`);

    const retried = await send('lost-answer-1', provider('Lost Answer Ltd'));

    expect(retried.status).toBe(409);
    expect(retried.body.errors?.[0]).toMatchObject({
      message: 'The first request with this Idempotency-Key was saved but its answer was lost; read the record instead of sending it again',
      extensions: { code: 'CONFLICT' },
    });
    expect(await providersNamed('Lost Answer Ltd')).toBe(1);
  });
});
