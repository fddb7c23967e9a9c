import { startRestartablePostgres, type RestartablePostgres } from '../support/restartable-postgres';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * PostgreSQL restarts in the middle of a stream of writes: each write is answered either as
 * done or with SERVICE_UNAVAILABLE (503, Retry-After), nothing hangs, /readyz says so, and the
 * server carries on by itself once the database is back. Afterwards every write answered as
 * done is in the database with its audit event, and none answered as failed is half there.
 */

const CREATE = 'mutation($i: ProviderCreateInput!) { createProvider(input: $i) { id legalName } }';
const REQUEST_LIMIT_MS = 25_000;

interface Answer {
  n: number;
  status: number;
  retryAfter: string | null;
  id?: string;
  codes: string[];
}

let pg: RestartablePostgres;
let t: TestApi;

beforeAll(async () => {
  pg = await startRestartablePostgres();
  t = await startTestApi({}, { url: pg.url, drop: async () => undefined });
}, 60_000);

afterAll(async () => {
  await t?.stop();
  await pg?.quit();
}, 30_000);

async function write(n: number): Promise<Answer> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}`, 'x-request-id': `restart-write-${n}` },
    body: JSON.stringify({ query: CREATE, variables: { i: { legalName: `Restart Write ${n} Ltd`, providerCode: 'PR4', contacts: [{ name: `Contact ${n}` }] } } }),
    signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
  });
  const body = (await res.json()) as { data?: { createProvider?: { id: string } } | null; errors?: Array<{ extensions?: { code?: string } }> };
  return {
    n,
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    id: body.data?.createProvider?.id,
    codes: (body.errors ?? []).map((e) => String(e.extensions?.code)),
  };
}

async function readiness(): Promise<number> {
  return (await fetch(`${t.api.url}/readyz`, { signal: AbortSignal.timeout(REQUEST_LIMIT_MS) })).status;
}

/** Four writers, one after another each, until `until` resolves; then `after` more writes each. */
async function writeStream(until: Promise<void>, after: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  let done = false;
  void until.then(() => {
    done = true;
  });
  const writer = async () => {
    while (!done) answers.push(await write(next++));
    for (let i = 0; i < after; i++) answers.push(await write(next++));
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
  return answers;
}

describe('a database restart in the middle of a stream of writes', () => {
  it('answers every write as done or SERVICE_UNAVAILABLE, recovers by itself, and keeps only whole writes', async () => {
    const readyWhileDown: number[] = [];
    const restart = (async () => {
      await new Promise((r) => setTimeout(r, 1500)); // some writes go through first
      await pg.stop();
      readyWhileDown.push(await readiness());
      await new Promise((r) => setTimeout(r, 1000)); // writes keep coming while it is down
      readyWhileDown.push(await readiness());
      await pg.start();
    })();

    const answers = await writeStream(restart, 10);
    const done = answers.filter((a) => a.id);
    const failed = answers.filter((a) => !a.id);

    expect(readyWhileDown).toEqual([503, 503]);
    expect(await readiness()).toBe(200);
    // Some writes went through before the stop, some failed while it was down, and the last ten of each writer after the restart all went through.
    expect(done.length).toBeGreaterThan(40);
    expect(failed.length).toBeGreaterThan(0);
    const lastForty = [...answers].sort((a, b) => a.n - b.n).slice(-40);
    expect(lastForty.every((a) => a.id)).toBe(true);
    for (const answer of failed) {
      expect(answer).toMatchObject({ status: 503, retryAfter: '5', codes: ['SERVICE_UNAVAILABLE'] });
    }
    for (const answer of done) expect(answer).toMatchObject({ status: 200, codes: [] });

    const rows: Array<{ request_id: string; provider: number; audit: number }> = await t.api.db.query(
      `SELECT r.request_id,
              (SELECT count(*)::int FROM provider p WHERE p.legal_name = r.legal_name AND p.contacts->0->>'name' = r.contact) AS provider,
              (SELECT count(*)::int FROM audit_event e WHERE e.request_id = r.request_id AND e.entity_type = 'Provider') AS audit
       FROM jsonb_to_recordset($1::jsonb) AS r(request_id text, legal_name text, contact text)`,
      [JSON.stringify(answers.map((a) => ({ request_id: `restart-write-${a.n}`, legal_name: `Restart Write ${a.n} Ltd`, contact: `Contact ${a.n}` })))],
    );
    const found = new Map(rows.map((r) => [r.request_id, r]));
    for (const answer of done) {
      expect({ n: answer.n, ...found.get(`restart-write-${answer.n}`) }).toEqual({ n: answer.n, request_id: `restart-write-${answer.n}`, provider: 1, audit: 1 });
    }
    // A failed write is wholly absent, or (its commit having gone through as the connection dropped) wholly there.
    const committedThoughFailed = failed.filter((a) => found.get(`restart-write-${a.n}`)!.provider === 1);
    for (const answer of failed) {
      const row = found.get(`restart-write-${answer.n}`)!;
      expect([answer.n, row.provider, row.audit]).toEqual([answer.n, row.provider, row.provider]);
    }
    expect(committedThoughFailed.length).toBeLessThanOrEqual(4); // at most one in flight per writer at the moment of the stop
    const [{ n }] = await t.api.db.query(`SELECT count(*)::int AS n FROM provider WHERE legal_name LIKE 'Restart Write %'`);
    expect(n).toBe(done.length + committedThoughFailed.length);
  }, 55_000);
});

describe('a database that stops answering (frozen, connections left open)', () => {
  it('answers every request with SERVICE_UNAVAILABLE within the timeouts, and carries on when it answers again', async () => {
    // Statements time out after 0.5 s on the server, so the client gives up 5.5 s in; a new connection is waited for 5 s.
    const quick = await startTestApi({ STATEMENT_TIMEOUT_MS: '500' }, { url: pg.url, drop: async () => undefined });
    try {
      const query = () =>
        fetch(quick.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${quick.adminToken}` },
          body: JSON.stringify({ query: '{ providers(first: 1) { totalCount } }' }),
          signal: AbortSignal.timeout(REQUEST_LIMIT_MS), // a hung request fails the test here
        }).then(async (res) => ({ status: res.status, retryAfter: res.headers.get('retry-after'), code: ((await res.json()) as any).errors?.[0]?.extensions?.code ?? null }));
      expect(await query()).toEqual({ status: 200, retryAfter: null, code: null });

      pg.freeze();
      let answers;
      let ready;
      try {
        [answers, ready] = await Promise.all([Promise.all([query(), query(), query()]), readiness()]);
      } finally {
        pg.thaw();
      }
      expect(answers).toEqual(Array(3).fill({ status: 503, retryAfter: '5', code: 'SERVICE_UNAVAILABLE' }));
      expect(ready).toBe(503);

      // The connections that timed out get their answers late and are usable again; nothing needs a restart.
      const after = [];
      for (let i = 0; i < 5; i++) after.push(await query());
      expect(after.at(-1)).toEqual({ status: 200, retryAfter: null, code: null });
      expect((await fetch(`${quick.api.url}/readyz`)).status).toBe(200);
    } finally {
      await quick.stop();
    }
  }, 40_000);
});
