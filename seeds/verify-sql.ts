/**
 * The seed invariants, checked in SQL on what was written (inside the loading transaction,
 * before COMMIT): the large shape is never held in memory whole, so this is where its
 * invariants are proven; the demo goes through it too. Any failure throws InvariantFailed
 * and the caller rolls the load back.
 *
 * The expected amount of a line is worked as the app's invoice matching works it
 * (costBetween with no services): Σ weekly fee × nights of each fee period inside the line
 * and the placement, divided by 7 and rounded half-up once: div(2n + 7, 14).
 */
import type { Client } from 'pg';
import { InvariantFailed } from './invariants';

export interface StoredExpectations {
  /** What the generator says each invoice totals, in pence. */
  invoiceTotals: Map<string, bigint>;
  /** The deliberately disputed lines must be a few percent: more than none, at most this share. */
  maxDisputedShare: number;
  /** "Today" for the data set: nothing may have happened after it. */
  asOf: string;
}

export interface StoredFigures {
  journeys: number;
  sessions: number;
  invoiceLines: number;
  disputedLines: number;
  invoicedTotal: bigint;
}

const T = `('T0','T1','T2','T3','T4')`;

export async function checkStoredInvariants(client: Client, expect: StoredExpectations): Promise<StoredFigures> {
  const failures: string[] = [];
  const count = async (sql: string, params: unknown[] = []): Promise<number> => (await client.query<{ n: number }>(sql, params)).rows[0].n;

  // 1. no overlapping non-temporary placements for a child; every temporary move inside a main placement
  const overlaps = await count(
    `SELECT count(*)::int AS n FROM placement a JOIN placement b ON a.child_id = b.child_id AND a.id < b.id
       AND daterange(a.start_date, a.end_date) && daterange(b.start_date, b.end_date)
     WHERE a.placement_type NOT IN ${T} AND b.placement_type NOT IN ${T}`,
  );
  if (overlaps) failures.push(`${overlaps} pair(s) of a child's placements overlap`);
  const badDates = await count(`SELECT count(*)::int AS n FROM placement WHERE end_date IS NOT NULL AND end_date <= start_date`);
  if (badDates) failures.push(`${badDates} placement(s) end on or before their start`);
  const looseMoves = await count(
    `SELECT count(*)::int AS n FROM placement t WHERE t.placement_type IN ${T} AND NOT EXISTS (
       SELECT 1 FROM placement m WHERE m.child_id = t.child_id AND m.placement_type NOT IN ${T}
         AND daterange(m.start_date, m.end_date) @> daterange(t.start_date, t.end_date))`,
  );
  if (looseMoves) failures.push(`${looseMoves} temporary move(s) not inside one of the child's placements`);

  // 2. every placement inside its contract (an open placement needs an open contract or a planned end inside it)
  const outside = await count(
    `SELECT count(*)::int AS n FROM placement p JOIN contract c ON c.id = p.contract_id
     WHERE p.start_date < c.start_date OR (c.end_date IS NOT NULL AND coalesce(p.end_date, p.planned_end_date, 'infinity') > c.end_date)`,
  );
  if (outside) failures.push(`${outside} placement(s) run outside their contract`);
  const services = await count(
    `SELECT count(*)::int AS n FROM additional_service s JOIN placement p ON p.id = s.placement_id
     WHERE s.amount <= 0 OR s.start_date < p.start_date OR (p.end_date IS NOT NULL AND s.start_date >= p.end_date)
        OR (s.end_date IS NOT NULL AND s.end_date <= s.start_date) OR (s.charge = 'ONE_OFF' AND s.end_date IS NOT NULL)`,
  );
  if (services) failures.push(`${services} additional service(s) outside their placement or not positive`);

  // 3. every invoice line consistent with its fee history, except the deliberate disputes
  await client.query(`SET LOCAL work_mem = '256MB'`);
  const { rows: [lines] } = await client.query<{ lines: number; wrong_expected: number; wrong_status: number; disputed: number; outside: number; orphans: number }>(
    `WITH seg AS (
       SELECT f.placement_id, f.weekly_fee, f.effective_from AS s,
              lead(f.effective_from) OVER (PARTITION BY f.placement_id ORDER BY f.effective_from) AS e
       FROM placement_fee f),
     calc AS (
       SELECT l.id, l.amount, l.expected_amount, l.status, l.nights, l.from_date, l.to_date, p.start_date, p.end_date,
              div(coalesce(sum(seg.weekly_fee * greatest(0,
                    least(l.to_date, coalesce(seg.e, 'infinity'::date), coalesce(p.end_date, 'infinity'::date))
                    - greatest(l.from_date, seg.s, p.start_date))), 0) * 2 + 7, 14) AS fee_cost
       FROM invoice_line l
       JOIN invoice i ON i.id = l.invoice_id
       JOIN placement p ON p.id = l.placement_id AND p.provider_id = i.provider_id
       LEFT JOIN seg ON seg.placement_id = l.placement_id AND seg.s < l.to_date AND (seg.e IS NULL OR seg.e > l.from_date)
       GROUP BY l.id, p.id)
     SELECT count(*)::int AS lines,
            count(*) FILTER (WHERE expected_amount IS DISTINCT FROM fee_cost)::int AS wrong_expected,
            count(*) FILTER (WHERE (status = 'DISPUTED') <> (amount <> fee_cost))::int AS wrong_status,
            count(*) FILTER (WHERE amount <> fee_cost)::int AS disputed,
            count(*) FILTER (WHERE from_date < start_date OR (end_date IS NOT NULL AND to_date > end_date) OR to_date <= from_date
                             OR nights IS DISTINCT FROM (to_date - from_date))::int AS outside,
            (SELECT count(*)::int FROM invoice_line WHERE placement_id IS NOT NULL) - count(*)::int AS orphans
     FROM calc`,
  );
  // …and a journey's or session's line charges its cost, on its day, to its contract's provider
  const { rows: [serviceLines] } = await client.query<{ lines: number; wrong: number; orphans: number }>(
    `WITH service AS (
       SELECT j.id, j.cost, j.date, c.provider_id FROM transport_journey j JOIN transport_route r ON r.id = j.route_id JOIN contract c ON c.id = r.contract_id
       UNION ALL
       SELECT x.id, x.cost, x.date, c.provider_id FROM contact_session x JOIN contact_arrangement a ON a.id = x.arrangement_id JOIN contract c ON c.id = a.contract_id)
     SELECT count(*)::int AS lines,
            count(*) FILTER (WHERE l.expected_amount IS DISTINCT FROM s.cost OR (l.status = 'DISPUTED') <> (l.amount <> s.cost)
                               OR l.from_date <> s.date OR s.provider_id <> i.provider_id)::int AS wrong,
            (SELECT count(*)::int FROM invoice_line WHERE placement_id IS NULL) - count(*)::int AS orphans
     FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN service s ON s.id = coalesce(l.journey_id, l.session_id)
     WHERE l.placement_id IS NULL`,
  );
  if (serviceLines.orphans) failures.push(`${serviceLines.orphans} invoice line(s) for no placement, journey or session`);
  if (serviceLines.wrong) failures.push(`${serviceLines.wrong} journey or session line(s) not charging its cost on its day to its contract's provider`);
  if (lines.orphans) failures.push(`${lines.orphans} invoice line(s) not for a placement of the invoice's provider`);
  if (lines.wrong_expected) failures.push(`${lines.wrong_expected} invoice line(s) whose expected amount is not what the fee history gives`);
  if (lines.wrong_status) failures.push(`${lines.wrong_status} invoice line(s) whose status does not follow amount against fee history`);
  if (lines.outside) failures.push(`${lines.outside} invoice line(s) for nights outside their placement`);
  const share = lines.disputed / Math.max(1, lines.lines);
  if (lines.lines > 0 && (lines.disputed === 0 || share > expect.maxDisputedShare)) {
    failures.push(`deliberately disputed lines should be a few percent, got ${lines.disputed} of ${lines.lines}`);
  }

  // 4. totals reconcile to the penny, and an invoice's status follows its lines
  const { rows: invoices } = await client.query<{ id: string; total: string; status: string; disputed: boolean; lines: number }>(
    `SELECT i.id, coalesce(sum(l.amount), 0)::text AS total, i.status::text AS status, coalesce(bool_or(l.status = 'DISPUTED'), false) AS disputed, count(l.id)::int AS lines
     FROM invoice i LEFT JOIN invoice_line l ON l.invoice_id = i.id GROUP BY i.id`,
  );
  let wrongTotals = 0;
  let wrongStatus = 0;
  let empty = 0;
  let invoicedTotal = 0n;
  for (const inv of invoices) {
    const total = BigInt(inv.total);
    invoicedTotal += total;
    if (expect.invoiceTotals.get(inv.id) !== total) wrongTotals++;
    if ((inv.status === 'DISPUTED') !== inv.disputed) wrongStatus++;
    if (!inv.lines) empty++;
  }
  if (invoices.length !== expect.invoiceTotals.size) failures.push(`${invoices.length} invoices stored, ${expect.invoiceTotals.size} generated`);
  if (wrongTotals) failures.push(`${wrongTotals} invoice(s) whose lines do not sum to the generated total`);
  if (wrongStatus) failures.push(`${wrongStatus} invoice(s) whose status does not follow their lines`);
  if (empty) failures.push(`${empty} invoice(s) without lines`);

  // 5. nothing has happened after "today": invitations sent and bids received
  const early = await count(
    `SELECT ((SELECT count(*) FROM procurement_invitation WHERE invited_at >= ($1::date + 1)::timestamptz)
          + (SELECT count(*) FROM bid WHERE submitted_at >= ($1::date + 1)::timestamptz))::int AS n`,
    [expect.asOf],
  );
  if (early) failures.push(`${early} invitation(s) or bid(s) dated after ${expect.asOf}`);

  // 6. transport and contact: prices that never overlap, journeys and sessions as the server would price them
  const stored = await checkStoredServices(client);
  failures.push(...stored.failures);

  if (failures.length) throw new InvariantFailed(failures.map((f) => `stored data: ${f}`));
  return { invoiceLines: lines.lines + serviceLines.lines, disputedLines: lines.disputed, invoicedTotal, journeys: stored.journeys, sessions: stored.sessions };
}

/**
 * Transport and contact as stored. A journey's cost is worked as journeyCost works it: the
 * price (rate × miles for PER_MILE, rate for PER_JOURNEY, the leg's share of the day rate for
 * PER_DAY, the journey's share of the term price by date then leg for PER_ROUTE_TERM), the
 * escort and the waiting beyond the free minutes, by status, over one denominator
 * (100 × 60 × 100 × 100) and rounded half-up once. A session's as sessionCharge: chargeable
 * hours × rate + venue, at the status's percentage, over 100 × 100. Notice is measured from
 * the pick-up or start time in UK time (Europe/London).
 */
async function checkStoredServices(client: Client): Promise<{ failures: string[]; journeys: number; sessions: number }> {
  const failures: string[] = [];
  const count = async (sql: string): Promise<number> => (await client.query<{ n: number }>(sql)).rows[0].n;
  for (const [table, key, what] of [['transport_price_schedule', 'vehicle_type', 'price schedules'], ['contact_rate', 'supervision_level', 'contact rates']] as const) {
    const overlaps = await count(
      `SELECT count(*)::int AS n FROM "${table}" a JOIN "${table}" b ON a.contract_id = b.contract_id AND a.${key} = b.${key} AND a.id < b.id
         AND daterange(a.effective_from, a.effective_to, '[]') && daterange(b.effective_from, b.effective_to, '[]')`,
    );
    if (overlaps) failures.push(`${overlaps} pair(s) of ${what} of a contract overlap`);
    const outside = await count(
      `SELECT count(*)::int AS n FROM "${table}" x JOIN contract c ON c.id = x.contract_id
       WHERE x.effective_from < c.start_date OR (x.effective_to IS NOT NULL AND x.effective_to < x.effective_from)
          OR c.kind <> ${table === 'contact_rate' ? `'SUPERVISED_CONTACT'` : `'TRANSPORT'`}`,
    );
    if (outside) failures.push(`${outside} ${what} before their contract starts, ending before they start, or on a contract of another kind`);
  }
  const lonely = await count(`SELECT count(*)::int AS n FROM transport_route r WHERE NOT EXISTS (SELECT 1 FROM transport_route_child c WHERE c.route_id = r.id)`);
  if (lonely) failures.push(`${lonely} route(s) with no child`);

  const { rows: [j] } = await client.query<{ journeys: number; off_day: number; one_way: number; wrong_cost: number; no_time: number; wrong_notice: number }>(
    `WITH j AS (
       SELECT j.id, j.date, j.leg, j.miles::bigint AS miles, j.escort, j.waiting_minutes, j.status::text AS status, j.cancelled_at, j.cost,
              r.contract_id, r.vehicle_type, r.days, r.term_start, r.term_end, r.term_breaks, r.pickup_time, r.return_pickup_time,
              CASE WHEN r.return_pickup_time IS NULL THEN 1 ELSE 2 END AS legs,
              row_number() OVER (PARTITION BY j.route_id ORDER BY j.date, j.leg) AS rank,
              count(*) OVER (PARTITION BY j.route_id) AS n
       FROM transport_journey j JOIN transport_route r ON r.id = j.route_id),
     p AS (
       SELECT j.*, s.pricing_basis::text AS basis, s.cancellation_free_hours AS free_hours, s.cancellation_late_percent AS late, s.cancellation_no_show_percent AS no_show,
              CASE s.pricing_basis
                WHEN 'PER_MILE' THEN s.rate * j.miles * 6000
                WHEN 'PER_JOURNEY' THEN s.rate * 600000
                WHEN 'PER_DAY' THEN (s.rate / j.legs + CASE WHEN (CASE WHEN j.leg = 'OUTBOUND' THEN 1 ELSE 2 END) <= s.rate % j.legs THEN 1 ELSE 0 END) * 600000
                WHEN 'PER_ROUTE_TERM' THEN (s.rate / j.n + CASE WHEN j.rank <= s.rate % j.n THEN 1 ELSE 0 END) * 600000
              END AS price,
              CASE WHEN j.escort THEN s.escort_rate * 600000 ELSE 0 END AS esc,
              s.waiting_rate_per_hour * greatest(0, j.waiting_minutes - s.free_waiting_minutes) * 10000 AS wait
       FROM j LEFT JOIN transport_price_schedule s ON s.contract_id = j.contract_id AND s.vehicle_type = j.vehicle_type
         AND j.date >= s.effective_from AND (s.effective_to IS NULL OR j.date <= s.effective_to)),
     c AS (
       SELECT p.*, div(CASE p.status
                WHEN 'CANCELLED_IN_TIME' THEN CASE WHEN basis = 'PER_ROUTE_TERM' THEN price * 100 ELSE 0 END
                WHEN 'CANCELLED_LATE' THEN CASE WHEN basis = 'PER_ROUTE_TERM' THEN price * 100 ELSE (price + esc) * late END
                WHEN 'NO_SHOW' THEN CASE WHEN basis = 'PER_ROUTE_TERM' THEN price * 100 ELSE (price + esc) * no_show END + wait * 100
                ELSE (price + esc + wait) * 100 END * 2 + 60000000, 120000000) AS computed,
              (p.date + (CASE WHEN p.leg = 'RETURN' THEN p.return_pickup_time ELSE p.pickup_time END)::time) AT TIME ZONE 'Europe/London' AS starts_at
       FROM p)
     SELECT count(*)::int AS journeys,
            count(*) FILTER (WHERE date < term_start OR date > term_end OR NOT (to_char(date, 'DY')::weekday = ANY (days))
                             OR EXISTS (SELECT 1 FROM jsonb_array_elements(term_breaks) b WHERE date BETWEEN (b->>'from')::date AND (b->>'to')::date))::int AS off_day,
            count(*) FILTER (WHERE leg = 'RETURN' AND return_pickup_time IS NULL)::int AS one_way,
            count(*) FILTER (WHERE computed IS DISTINCT FROM cost)::int AS wrong_cost,
            count(*) FILTER (WHERE (status IN ('CANCELLED_IN_TIME', 'CANCELLED_LATE')) <> (cancelled_at IS NOT NULL))::int AS no_time,
            count(*) FILTER (WHERE status IN ('CANCELLED_IN_TIME', 'CANCELLED_LATE') AND free_hours IS NOT NULL AND cancelled_at IS NOT NULL
                             AND (status = 'CANCELLED_LATE') <> (starts_at - cancelled_at < make_interval(hours => free_hours)))::int AS wrong_notice
     FROM c`,
  );
  if (j.off_day) failures.push(`${j.off_day} journey(s) not on a running day of their route (outside its term, not one of its days, or in a break)`);
  if (j.one_way) failures.push(`${j.one_way} return journey(s) on a one-way route`);
  if (j.wrong_cost) failures.push(`${j.wrong_cost} journey(s) whose cost is not what the price schedule gives`);
  if (j.no_time) failures.push(`${j.no_time} journey(s) whose cancellation time does not follow their status (a cancellation needs one, nothing else has one)`);
  if (j.wrong_notice) failures.push(`${j.wrong_notice} cancelled journey(s) whose status does not agree with the notice given`);

  const { rows: [s] } = await client.query<{ sessions: number; outside: number; hours: number; wrong_cost: number; no_time: number; wrong_notice: number }>(
    `WITH s AS (
       SELECT s.*, s.status::text AS st, a.start_date, a.end_date, r.hourly_rate, r.venue_charge, r.cancellation_free_hours AS free_hours,
              r.cancellation_late_percent AS late, r.cancellation_no_show_percent AS no_show, r.id AS rate_id
       FROM contact_session s JOIN contact_arrangement a ON a.id = s.arrangement_id
       LEFT JOIN contact_rate r ON r.contract_id = a.contract_id AND r.supervision_level = a.supervision_level
         AND s.date >= r.effective_from AND (r.effective_to IS NULL OR s.date <= r.effective_to)),
     c AS (
       SELECT s.*,
              CASE st WHEN 'PLANNED' THEN NULL WHEN 'ATTENDED' THEN true WHEN 'CANCELLED_BY_FAMILY_LATE' THEN late > 0 WHEN 'NO_SHOW' THEN no_show > 0 ELSE false END AS want_chargeable,
              CASE st WHEN 'PLANNED' THEN planned_hours WHEN 'ATTENDED' THEN coalesce(actual_hours, planned_hours)
                      WHEN 'CANCELLED_BY_FAMILY_LATE' THEN planned_hours WHEN 'NO_SHOW' THEN planned_hours ELSE 0 END::bigint AS hours,
              CASE st WHEN 'PLANNED' THEN 100 WHEN 'ATTENDED' THEN 100 WHEN 'CANCELLED_BY_FAMILY_LATE' THEN late WHEN 'NO_SHOW' THEN no_show ELSE 0 END AS pct,
              (s.date + s.start_time::time) AT TIME ZONE 'Europe/London' AS starts_at
       FROM s)
     SELECT count(*)::int AS sessions,
            count(*) FILTER (WHERE date < start_date OR (end_date IS NOT NULL AND date > end_date))::int AS outside,
            count(*) FILTER (WHERE planned_hours <= 0 OR planned_hours > 2400 OR actual_hours < 0 OR actual_hours > 2400)::int AS hours,
            count(*) FILTER (WHERE CASE WHEN rate_id IS NULL THEN cost IS NOT NULL OR chargeable IS NOT NULL
                                   ELSE cost IS DISTINCT FROM div((hourly_rate * hours + coalesce(venue_charge, 0) * 100) * pct * 2 + 10000, 20000)
                                        OR chargeable IS DISTINCT FROM want_chargeable END)::int AS wrong_cost,
            count(*) FILTER (WHERE (st IN ('CANCELLED_IN_TIME', 'CANCELLED_BY_FAMILY_LATE', 'PROVIDER_CANCELLED')) <> (cancelled_at IS NOT NULL))::int AS no_time,
            count(*) FILTER (WHERE st IN ('CANCELLED_IN_TIME', 'CANCELLED_BY_FAMILY_LATE') AND rate_id IS NOT NULL AND cancelled_at IS NOT NULL
                             AND (st = 'CANCELLED_BY_FAMILY_LATE') <> (starts_at - cancelled_at < make_interval(hours => free_hours)))::int AS wrong_notice
     FROM c`,
  );
  if (s.outside) failures.push(`${s.outside} contact session(s) outside their arrangement`);
  if (s.hours) failures.push(`${s.hours} contact session(s) of no hours or more than 24 hours`);
  if (s.wrong_cost) failures.push(`${s.wrong_cost} contact session(s) whose cost or chargeable is not what the rate gives`);
  if (s.no_time) failures.push(`${s.no_time} contact session(s) whose cancellation time does not follow their status`);
  if (s.wrong_notice) failures.push(`${s.wrong_notice} cancelled contact session(s) whose status does not agree with the notice given`);
  const mismatched = await count(
    `SELECT count(*)::int AS n FROM contact_arrangement a JOIN contract c ON c.id = a.contract_id WHERE c.provider_id IS DISTINCT FROM a.provider_id OR c.kind <> 'SUPERVISED_CONTACT'`,
  );
  if (mismatched) failures.push(`${mismatched} contact arrangement(s) whose provider is not their contract's, or under a contract of another kind`);
  return { failures, journeys: j.journeys, sessions: s.sessions };
}
