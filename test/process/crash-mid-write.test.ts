import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { cleanUpProcesses, eventually, freePort, isAlive, makeTempDir, sleep, spawnServer, waitUntilReady, type ServerProcess } from './server-process';

/**
 * kill -9 in the middle of a write leaves the database as if the write never started: first
 * the server alone in the middle of a CSV import (its PostgreSQL is left running), then the
 * server and its PostgreSQL together in the middle of an award (a power cut: stale lock files,
 * crash recovery). Each time the next start is clean. To stop a write at a known point, the
 * test holds a lock on the audit trail, which every user action writes last; it kills once
 * the server's transaction has written its records and is waiting for that lock.
 * Needs `npm run build` first.
 */

const ADMIN = { email: 'crash@test.placewise', password: 'crash-test-password' };
let dataDir: string;
let server: ServerProcess;
let token: string;

beforeAll(() => {
  if (!existsSync(path.resolve(__dirname, '../../server/dist/main.js'))) throw new Error('server/dist/main.js is missing: run `npm run build` first');
  dataDir = makeTempDir();
});
afterAll(() => cleanUpProcesses(), 30_000);

async function start(): Promise<ServerProcess> {
  const started = spawnServer({ port: await freePort(), dataDir, env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  await waitUntilReady(started, 50_000);
  return started;
}

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A connection of the test's own to the server's embedded PostgreSQL. */
async function database(): Promise<Client> {
  const { password } = JSON.parse(readFileSync(path.join(dataDir, 'postgres-credentials.json'), 'utf8'));
  const port = Number(readFileSync(path.join(dataDir, 'postgres.port'), 'utf8'));
  const client = new Client({ host: '127.0.0.1', port, user: 'placewise', password, database: 'placewise' });
  await client.connect();
  client.on('error', () => undefined); // its backend dies with the postmaster in the second test
  return client;
}

/** Row count of every table: the fingerprint of "nothing happened". */
async function counts(client: Client): Promise<Record<string, number>> {
  const { rows } = await client.query(
    `SELECT json_object_agg(table_name, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', table_name), false, true, '')))[1]::text::int) AS counts
     FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  return rows[0].counts;
}

/** Holds the audit trail locked, runs `write` without waiting for it, and resolves once the write has written rows and waits for the lock. */
async function stopInTheMiddle(client: Client, write: () => Promise<unknown>): Promise<void> {
  await client.query('BEGIN');
  await client.query('LOCK TABLE audit_event IN EXCLUSIVE MODE');
  let failure: unknown = null;
  void write().catch((error: unknown) => {
    failure = error; // its connection is cut by the kill; anything before that is a mistake of the test
  });
  const waiting = async () => {
    await client.query('SELECT pg_stat_clear_snapshot()'); // inside a transaction, pg_stat_activity is read once and kept
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'placewise' AND wait_event_type = 'Lock' AND backend_xid IS NOT NULL`,
    );
    return rows[0].n === 1;
  };
  for (let i = 0; i < 200 && !failure && !(await waiting()); i++) await sleep(50);
  expect(failure).toBeNull();
  expect(await waiting()).toBe(true);
}

/** A round for a foster placement with one bid, closed and ready to award. */
async function closedRound(): Promise<{ id: string; version: number; bids: Array<{ id: string }> }> {
  const { createProvider: provider } = await gql('mutation { createProvider(input: { legalName: "Crash Fostering", providerCode: PR4, serviceCategories: [FOSTERING] }) { id } }');
  const { createProcurementRound: created } = await gql(
    `mutation($i: ProcurementRoundCreateInput!) { createProcurementRound(input: $i) { id version } }`,
    {
      i: {
        reference: 'RFQ-CRASH', title: 'Foster placement', category: 'PLACEMENT', childReference: 'CRASH-1', placementType: 'U4', needLevel: 'STANDARD',
        childAge: 9, startDate: '2026-06-01', endDate: '2026-11-30', postcode: 'bh2 5aa', latitude: 50.7195, longitude: -1.8795, radiusMiles: 20,
        closesAt: new Date(Date.now() + 3600_000).toISOString(), scoringMatrix: [{ criterion: 'Matching', maxPoints: 100 }],
      },
    },
  );
  const ROUND = 'id version';
  const invited = (await gql(`mutation($id: ID!, $v: Int!, $ids: [ID!]!) { inviteProviders(roundId: $id, version: $v, providerIds: $ids) { ${ROUND} } }`, { id: created.id, v: created.version, ids: [provider.id] })).inviteProviders;
  const opened = (await gql(`mutation($id: ID!, $v: Int!) { openProcurementRound(id: $id, version: $v) { ${ROUND} } }`, { id: invited.id, v: invited.version })).openProcurementRound;
  await gql('mutation($r: ID!, $i: BidInput!) { submitBid(roundId: $r, input: $i) { id } }', { r: opened.id, i: { providerId: provider.id, amount: '870.00', qualityMarks: [{ criterion: 'Matching', points: 80 }] } });
  const closed = (await gql(`mutation($id: ID!, $v: Int!) { closeProcurementRound(id: $id, version: $v) { ${ROUND} bids { id } } }`, { id: opened.id, v: opened.version })).closeProcurementRound;
  return closed;
}

describe('kill -9 in the middle of a write', () => {
  it('leaves no trace of a CSV import when the server is killed, and the next start is clean', async () => {
    server = await start();
    token = (await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: ADMIN.email, p: ADMIN.password })).login.token;
    await gql('mutation { createProvider(input: { legalName: "Crash Import Care Ltd", providerCode: PR4, serviceCategories: [RESIDENTIAL] }) { id } }');
    const rows: string[] = [];
    for (let i = 1; i <= 12; i++) {
      await gql(`mutation { createChild(input: { caseReference: "CRASH-${i}", initials: "CR", dateOfBirth: "2012-03-0${(i % 9) + 1}", gender: FEMALE, legalStatus: C2 }) { id } }`);
      rows.push(`CRASH-PL-${i},CRASH-${i},Crash Import Care Ltd,,K2,PR4,2026-01-05,,4${i}00.00`);
    }
    const csv = ['placement_reference,child_reference,supplier,setting_urn,placement_type,provider_code,start_date,planned_end_date,weekly_fee', ...rows].join('\n');

    const client = await database();
    const before = await counts(client);
    const postmasterPid = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    await stopInTheMiddle(client, () => gql('mutation($csv: String!) { importPlacements(csv: $csv) }', { csv }));
    server.proc.kill('SIGKILL');
    expect(await server.waitForExit(10_000)).toEqual({ code: null, signal: 'SIGKILL' });
    await client.query('ROLLBACK'); // the import's backend goes on, finds its client gone, and rolls back
    expect(isAlive(postmasterPid)).toBe(true);

    server = await start();
    expect(server.logs().find((r) => r.msg?.includes('stopping a PostgreSQL left running'))?.pid).toBe(postmasterPid);
    expect(server.logs().some((r) => r.msg?.startsWith('applied migrations'))).toBe(false);
    const after = await database();
    expect(await counts(after)).toEqual(before);
    const { rows: imported } = await after.query(`SELECT count(*)::int AS n FROM placement WHERE reference LIKE 'CRASH-PL-%'`);
    expect(imported[0].n).toBe(0);
    await after.end();
    await client.end().catch(() => undefined);
  }, 90_000);

  it('leaves no trace of an award when the server and PostgreSQL are killed together, and the next start recovers', async () => {
    token = (await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: ADMIN.email, p: ADMIN.password })).login.token;
    const round = await closedRound();
    const client = await database();
    const before = await counts(client);
    const postmasterPid = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    await stopInTheMiddle(client, () =>
      gql('mutation($id: ID!, $v: Int!, $bid: ID!) { awardProcurementRound(id: $id, version: $v, bidId: $bid, contract: { reference: "CRASH-AWARD" }) { status } }', {
        id: round.id,
        v: round.version,
        bid: round.bids[0].id,
      }),
    );
    server.proc.kill('SIGKILL');
    process.kill(postmasterPid, 'SIGKILL');
    expect(await server.waitForExit(10_000)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await eventually(() => !isAlive(postmasterPid), 5_000)).toBe(true);
    // Both lock files are left behind, naming processes that are gone.
    expect(readFileSync(path.join(dataDir, 'placewise.pid'), 'utf8').trim()).toBe(String(server.proc.pid));
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);
    await client.end().catch(() => undefined);

    server = await start();
    const after = await database();
    expect(await counts(after)).toEqual(before);
    const { rows } = await after.query(`SELECT (SELECT count(*)::int FROM contract WHERE reference = 'CRASH-AWARD') AS contracts, (SELECT awarded_bid_id FROM procurement_round WHERE id = $1) AS awarded`, [round.id]);
    expect(rows[0]).toEqual({ contracts: 0, awarded: null });
    await after.end();
    const { procurementRound } = await gql('query($id: ID!) { procurementRound(id: $id) { status version } }', { id: round.id });
    expect(procurementRound).toEqual({ status: 'CLOSED', version: round.version });

    server.proc.kill('SIGTERM');
    expect(await server.waitForExit(20_000)).toEqual({ code: 0, signal: null });
    expect(existsSync(path.join(dataDir, 'placewise.pid'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 90_000);
});
