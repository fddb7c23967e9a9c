import { Client } from 'pg';
import { createProvider } from '../support/fixtures';
import { startTestApi } from '../support/test-api';

describe('graceful stop', () => {
  it('stops taking requests, finishes the one in flight, then closes the pool', async () => {
    const t = await startTestApi();
    const p = await createProvider(t, { legalName: 'In Flight Ltd' });
    const url = String((t.api.db.options as { url?: string }).url);

    // Hold the provider's row lock so the update below is still running when the stop begins.
    const blocker = new Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT id FROM provider WHERE id = $1 FOR UPDATE', [p.id]);

    const inFlight = t.gql('mutation($id: ID!) { updateProvider(id: $id, version: 1, input: { notes: "finished" }) { notes version } }', { id: p.id });
    await waitFor(async () => {
      const { rows } = await blocker.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
      return rows[0].n === 1;
    });

    let stopped = false;
    const stopping = t.api.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 100));
    await expect(fetch(`${t.api.url}/healthz`)).rejects.toThrow();
    expect(stopped).toBe(false);

    await blocker.query('COMMIT');
    await blocker.end();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ updateProvider: { notes: 'finished', version: 2 } });
    await stopping;
    expect(stopped).toBe(true);
    expect(t.api.db.isInitialized).toBe(false);
    await t.stop().catch(() => undefined); // drops the database; the API is already stopped
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('timed out waiting');
}
