/**
 * The large shape's path (streamed invoices, COPY a few months at a time, invariants checked
 * in SQL before COMMIT) at 1% scale: ten years, ~20 children in care today, ~12,000 invoice
 * lines. Deterministic (row checksums), its stored invariants hold, and the SQL checker
 * fails loudly on each kind of broken row.
 */
import { Client } from 'pg';
import { TABLES } from '../../seeds/generator';
import { InvariantFailed, checkStoredInvariants, seedDatabase, type SeedProgress } from '../../seeds/index';
import { createTestDatabase } from '../support/test-database';

const AS_OF = '2026-11-23';
const SCALE = 0.01;

async function checksums(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, string> = {};
    for (const table of TABLES) {
      const { rows } = await client.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${table}" t`);
      out[table] = `${rows[0].n}:${rows[0].sum}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

/** Runs `work` in a transaction that is always rolled back, so each broken row is tried alone. */
async function inRollback(url: string, work: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await work(client);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

describe('seeds: large shape at 1% scale', () => {
  const dbs: Array<{ url: string; drop: () => Promise<void> }> = [];
  let totals: Map<string, bigint>;
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('is deterministic: two loads with the same seed store identical rows; another seed differs', async () => {
    const [a, b, c] = [await createTestDatabase(), await createTestDatabase(), await createTestDatabase()];
    dbs.push(a, b, c);
    const progress: SeedProgress[] = [];
    const ra = await seedDatabase(a.url, { shape: 'large', scale: SCALE, seed: 5, asOf: AS_OF, onProgress: (p) => progress.push(p) });
    await seedDatabase(b.url, { shape: 'large', scale: SCALE, seed: 5, asOf: AS_OF });
    await seedDatabase(c.url, { shape: 'large', scale: SCALE, seed: 6, asOf: AS_OF });
    const [ca, cb, cc] = [await checksums(a.url), await checksums(b.url), await checksums(c.url)];
    expect(cb).toEqual(ca);
    expect(cc.invoice_line).not.toEqual(ca.invoice_line);
    for (const table of TABLES) {
      expect(Number(ca[table].split(':')[0])).toBe(ra.rows[table]);
      expect(ra.rows[table]).toBeGreaterThan(0);
    }
    // ten years of monthly invoices, itemised by week (by night for supported accommodation)
    expect(ra.rows.invoice_line).toBeGreaterThan(5000);
    expect(ra.rows.invoice_line).toBeGreaterThan(ra.rows.invoice * 10);
    expect(ra.headline.childrenInCareToday).toBeGreaterThanOrEqual(18);
    expect(ra.headline.childrenInCareToday).toBeLessThanOrEqual(22);
    expect(ra.headline.disputedLines / ra.headline.invoiceLines).toBeGreaterThan(0.01);
    expect(ra.headline.disputedLines / ra.headline.invoiceLines).toBeLessThan(0.06);
    // ten years of school terms of transport and of supervised contact, on this and earlier contracts
    expect(ra.rows.transport_journey).toBeGreaterThan(5000);
    expect(ra.rows.contact_session).toBeGreaterThan(1500);
    // progress is reported month by month, up to the last of the 120
    const months = progress.filter((p) => p.table === 'invoice_line').map((p) => p.month);
    expect(months[months.length - 1]).toBe(120);
    expect([...months].sort((x, y) => x - y)).toEqual(months);

    const client = new Client({ connectionString: a.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string; total: string }>(`SELECT invoice_id AS id, sum(amount)::text AS total FROM invoice_line GROUP BY 1`);
      totals = new Map(rows.map((r) => [r.id, BigInt(r.total)]));
      const first = await client.query<{ d: string }>(`SELECT min(period_start)::text AS d FROM invoice`);
      expect(first.rows[0].d).toBe('2016-11-01');
      const years = await client.query<{ n: number }>(`SELECT count(DISTINCT financial_year)::int AS n FROM budget_line`);
      expect(years.rows[0].n).toBe(10);
      const terms = await client.query(
        `SELECT count(DISTINCT term_start)::int AS terms, min(term_start)::text AS first, max(term_start)::text AS last,
                (SELECT count(*) FROM contract WHERE kind IN ('TRANSPORT', 'SUPERVISED_CONTACT') AND status = 'ENDED')::int AS ended,
                (SELECT min(date)::text FROM contact_session) AS first_session
         FROM transport_route`,
      );
      expect(terms.rows[0]).toMatchObject({ terms: 30, first: '2017-01-09', last: '2026-09-03' });
      expect(terms.rows[0].ended).toBeGreaterThan(0);
      expect(terms.rows[0].first_session < '2018-01-01').toBe(true);
    } finally {
      await client.end();
    }
  });

  it('passes its invariants in SQL as stored, and the checker fails loudly on each kind of broken row', async () => {
    const [a] = dbs;
    await inRollback(a.url, async (client) => {
      await expect(checkStoredInvariants(client, { invoiceTotals: totals, maxDisputedShare: 0.06, asOf: AS_OF })).resolves.toMatchObject({ invoiceLines: expect.any(Number) });
    });
    const broken: Array<[string, RegExp] | [string, RegExp, string]> = [
      [`UPDATE invoice_line SET amount = amount + 1 WHERE id = (SELECT id FROM invoice_line WHERE status <> 'DISPUTED' ORDER BY id LIMIT 1)`, /status does not follow/],
      [`UPDATE invoice_line SET expected_amount = expected_amount - 1 WHERE id = (SELECT id FROM invoice_line ORDER BY id LIMIT 1)`, /expected amount is not what the fee history gives/],
      [`UPDATE placement_fee SET weekly_fee = weekly_fee + 700 WHERE id = (SELECT f.id FROM placement_fee f JOIN invoice_line l ON l.placement_id = f.placement_id ORDER BY f.id LIMIT 1)`, /expected amount/],
      [`UPDATE contract SET start_date = start_date + 30 WHERE id = (SELECT contract_id FROM placement WHERE contract_id IS NOT NULL ORDER BY id LIMIT 1)`, /outside their contract/],
      [`UPDATE placement SET start_date = start_date - 3650, end_date = start_date - 3640 WHERE id = (SELECT id FROM placement WHERE placement_type IN ('T3','T4') ORDER BY id LIMIT 1)`, /temporary move/],
      [`DELETE FROM invoice_line WHERE id = (SELECT id FROM invoice_line ORDER BY id LIMIT 1)`, /do not sum/],
      // a journey's or session's line must charge its cost, to its contract's provider
      [`UPDATE invoice_line SET expected_amount = expected_amount + 1 WHERE id = (SELECT id FROM invoice_line WHERE journey_id IS NOT NULL ORDER BY id LIMIT 1)`, /journey or session line\(s\) not charging its cost/],
      [`UPDATE invoice_line SET from_date = from_date + 1, to_date = to_date + 1 WHERE id = (SELECT id FROM invoice_line WHERE session_id IS NOT NULL ORDER BY id LIMIT 1)`, /journey or session line\(s\) not charging its cost/],
      [`UPDATE bid SET submitted_at = '${AS_OF}T09:00:00Z'::timestamptz + interval '1 day' WHERE id = (SELECT id FROM bid ORDER BY id LIMIT 1)`, /bid\(s\) dated after/],
      [`UPDATE invoice SET status = 'PAID' WHERE id = (SELECT invoice_id FROM invoice_line WHERE status = 'DISPUTED' ORDER BY id LIMIT 1)`, /status does not follow their lines/],
      // transport: a journey's cost, a schedule's rate (per mile and per journey), a running day, cancellations, overlapping schedules
      [`UPDATE transport_journey SET cost = cost + 1 WHERE id = (SELECT id FROM transport_journey WHERE status = 'COMPLETED' ORDER BY id LIMIT 1)`, /journey\(s\) whose cost is not what the price schedule gives/],
      ...(['PER_MILE', 'PER_JOURNEY'] as const).map((basis): [string, RegExp] => [
        `UPDATE transport_price_schedule SET rate = rate + 1 WHERE id = (
           SELECT s.id FROM transport_price_schedule s JOIN transport_route r ON r.contract_id = s.contract_id AND r.vehicle_type = s.vehicle_type
           JOIN transport_journey j ON j.route_id = r.id AND j.date BETWEEN s.effective_from AND s.effective_to
           WHERE s.pricing_basis = '${basis}' AND j.status = 'COMPLETED' ORDER BY s.id LIMIT 1)`,
        /journey\(s\) whose cost is not what the price schedule gives/,
      ]),
      [`UPDATE transport_route SET days = ARRAY['SUN']::weekday[] WHERE id = (SELECT route_id FROM transport_journey ORDER BY id LIMIT 1)`, /not on a running day of their route/],
      [`UPDATE transport_route SET term_breaks = jsonb_build_array(jsonb_build_object('from', term_start + 7, 'to', term_start + 11)) WHERE id = (SELECT route_id FROM transport_journey ORDER BY id LIMIT 1)`, /not on a running day of their route/],
      [`UPDATE transport_journey SET cancelled_at = NULL WHERE id = (SELECT id FROM transport_journey WHERE status = 'CANCELLED_LATE' ORDER BY id LIMIT 1)`, /journey\(s\) whose cancellation time does not follow/],
      [`UPDATE transport_journey SET cancelled_at = (date + time '07:00') AT TIME ZONE 'Europe/London' WHERE id = (SELECT id FROM transport_journey WHERE status = 'CANCELLED_IN_TIME' ORDER BY id LIMIT 1)`, /cancelled journey\(s\) whose status does not agree with the notice/],
      [`UPDATE transport_price_schedule SET effective_to = effective_to + 30 WHERE id = (SELECT s.id FROM transport_price_schedule s WHERE EXISTS (
          SELECT 1 FROM transport_price_schedule n WHERE n.contract_id = s.contract_id AND n.vehicle_type = s.vehicle_type AND n.effective_from = s.effective_to + 1) ORDER BY s.id LIMIT 1)`,
        /price schedules of a contract overlap/, `ALTER TABLE transport_price_schedule DROP CONSTRAINT ex_transport_price_schedule_overlap`],
      // contact: a session's cost, a rate, outside its arrangement, over 24 hours, a cancellation without its time
      [`UPDATE contact_session SET cost = cost + 1 WHERE id = (SELECT id FROM contact_session WHERE status = 'ATTENDED' ORDER BY id LIMIT 1)`, /contact session\(s\) whose cost or chargeable is not what the rate gives/],
      [`UPDATE contact_rate SET hourly_rate = hourly_rate + 1 WHERE id = (
          SELECT r.id FROM contact_rate r JOIN contact_arrangement a ON a.contract_id = r.contract_id AND a.supervision_level = r.supervision_level
          JOIN contact_session s ON s.arrangement_id = a.id AND s.date BETWEEN r.effective_from AND r.effective_to WHERE s.status = 'ATTENDED' ORDER BY r.id LIMIT 1)`,
        /contact session\(s\) whose cost or chargeable is not what the rate gives/],
      [`UPDATE contact_session SET chargeable = NOT chargeable WHERE id = (SELECT id FROM contact_session WHERE status = 'CANCELLED_IN_TIME' ORDER BY id LIMIT 1)`, /whose cost or chargeable/],
      [`UPDATE contact_arrangement SET end_date = start_date WHERE id = (SELECT a.id FROM contact_session s JOIN contact_arrangement a ON a.id = s.arrangement_id WHERE s.date > a.start_date ORDER BY s.id LIMIT 1)`, /contact session\(s\) outside their arrangement/],
      [`UPDATE contact_session SET actual_hours = 2500 WHERE id = (SELECT id FROM contact_session WHERE status = 'ATTENDED' ORDER BY id LIMIT 1)`, /of no hours or more than 24 hours/],
      [`UPDATE contact_session SET cancelled_at = NULL WHERE id = (SELECT id FROM contact_session WHERE status = 'CANCELLED_IN_TIME' ORDER BY id LIMIT 1)`, /contact session\(s\) whose cancellation time does not follow/],
      [`UPDATE contact_session SET status = 'CANCELLED_BY_FAMILY_LATE' WHERE id = (SELECT id FROM contact_session WHERE status = 'CANCELLED_IN_TIME' ORDER BY id LIMIT 1)`, /contact session\(s\) whose status does not agree with the notice/],
    ];
    for (const [sql, message, prepare] of broken as Array<[string, RegExp, string?]>) {
      await inRollback(a.url, async (client) => {
        if (prepare) await client.query(prepare);
        const changed = await client.query(sql);
        expect(changed.rowCount).toBe(1);
        const check = checkStoredInvariants(client, { invoiceTotals: totals, maxDisputedShare: 0.06, asOf: AS_OF });
        await expect(check).rejects.toThrow(InvariantFailed);
        await expect(check).rejects.toThrow(message);
      });
    }
  });

  it('rolls the whole load back when a stored invariant fails', async () => {
    const d = await createTestDatabase();
    dbs.push(d);
    // a trigger that nudges one line's amount as it is copied: the load must fail and leave nothing
    const client = new Client({ connectionString: d.url });
    await client.connect();
    try {
      await client.query(`CREATE FUNCTION nudge() RETURNS trigger AS $$ BEGIN IF NEW.line_number = 3 AND NEW.status <> 'DISPUTED' THEN NEW.amount := NEW.amount + 1; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
      await client.query(`CREATE TRIGGER nudge BEFORE INSERT ON invoice_line FOR EACH ROW EXECUTE FUNCTION nudge()`);
      await expect(seedDatabase(d.url, { shape: 'large', scale: SCALE, seed: 5, asOf: AS_OF })).rejects.toThrow(/seed invariants failed[\s\S]*stored data/);
      const { rows } = await client.query<{ n: number }>(`SELECT (SELECT count(*) FROM provider) + (SELECT count(*) FROM invoice_line) AS n`);
      expect(Number(rows[0].n)).toBe(0);
    } finally {
      await client.end();
    }
  });
});
