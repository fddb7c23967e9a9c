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
}

export interface StoredFigures {
  invoiceLines: number;
  disputedLines: number;
  invoicedTotal: bigint;
}

const T = `('T0','T1','T2','T3','T4')`;

export async function checkStoredInvariants(client: Client, expect: StoredExpectations): Promise<StoredFigures> {
  const failures: string[] = [];
  const count = async (sql: string): Promise<number> => (await client.query<{ n: number }>(sql)).rows[0].n;

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
            (SELECT count(*)::int FROM invoice_line) - count(*)::int AS orphans
     FROM calc`,
  );
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

  if (failures.length) throw new InvariantFailed(failures.map((f) => `stored data: ${f}`));
  return { invoiceLines: lines.lines, disputedLines: lines.disputed, invoicedTotal };
}
