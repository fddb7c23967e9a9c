/**
 * Checks a generated data set before it is written; the generator fails loudly when one does
 * not hold. The arithmetic is the app's own (costBetween), so a line the seeds call MATCHED is
 * one the app's invoice matching would call MATCHED.
 */
import { FOSTER, TEMPORARY, type GeneratedDemo, type PlacementModel } from './demo';
import { costBetween } from './server-lib';

export class InvariantFailed extends Error {
  constructor(readonly failures: string[]) {
    super(`seed invariants failed (${failures.length}):\n  ${failures.slice(0, 20).join('\n  ')}`);
  }
}

export function checkInvariants(demo: GeneratedDemo): void {
  const failures: string[] = [];
  const fail = (message: string) => {
    if (failures.length < 200) failures.push(message);
  };
  const placements = new Map(demo.placements.map((p) => [p.id, p]));

  // 1. no overlapping non-temporary placements for a child (end date exclusive)
  const byChild = new Map<string, PlacementModel[]>();
  for (const p of demo.placements) {
    if (TEMPORARY.has(p.placementType)) continue;
    byChild.set(p.childId, [...(byChild.get(p.childId) ?? []), p]);
  }
  for (const [child, list] of byChild) {
    const sorted = [...list].sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      if (prev.endDate === null || prev.endDate > sorted[i].startDate) fail(`child ${child}: ${prev.reference} overlaps ${sorted[i].reference}`);
    }
    for (const p of sorted) if (p.endDate !== null && p.endDate <= p.startDate) fail(`${p.reference} ends on or before its start`);
  }
  // 1b. a temporary move (T0–T4) sits inside one of the child's placements; services inside theirs
  for (const p of demo.placements) {
    if (TEMPORARY.has(p.placementType)) {
      const inside = (byChild.get(p.childId) ?? []).some((m) => m.startDate <= p.startDate && p.endDate !== null && (m.endDate === null || p.endDate <= m.endDate));
      if (!inside) fail(`${p.reference}: temporary move ${p.startDate}..${p.endDate ?? 'open'} not inside a placement of the child`);
    }
    for (const s of p.services) {
      if (s.amount <= 0n || s.startDate < p.startDate || (p.endDate !== null && s.startDate >= p.endDate) || (s.endDate !== null && s.endDate <= s.startDate)) {
        fail(`${p.reference}: additional service from ${s.startDate} outside the placement or not positive`);
      }
    }
  }

  // 2. every placement inside its contract's dates (an open placement needs an open contract or a planned end inside it)
  for (const p of demo.placements) {
    if (!p.contractId) continue;
    const c = demo.contracts.get(p.contractId);
    if (!c) {
      fail(`${p.reference}: contract ${p.contractId} not generated`);
      continue;
    }
    if (p.startDate < c.startDate) fail(`${p.reference} starts ${p.startDate}, before its contract (${c.startDate})`);
    const until = p.endDate ?? p.plannedEndDate;
    if (c.endDate !== null && (until === null || until > c.endDate)) fail(`${p.reference} runs to ${until ?? 'open'}, after its contract ends (${c.endDate})`);
  }

  // 3. every invoice line consistent with its fee history, except the deliberate disputes
  let deliberate = 0;
  for (const line of demo.invoiceLines) {
    const p = placements.get(line.placementId);
    if (!p) {
      fail(`invoice line for unknown placement ${line.placementId}`);
      continue;
    }
    if (line.fromDate < p.startDate || (p.endDate !== null && line.toDate > p.endDate) || line.toDate <= line.fromDate) {
      fail(`${p.reference}: invoice line ${line.fromDate}..${line.toDate} outside the placement`);
    }
    const expected = costBetween(p, p.fees, [], line.fromDate, line.toDate);
    if (expected !== line.expectedAmount) fail(`${p.reference}: expected ${line.expectedAmount} but the fee history gives ${expected}`);
    if (line.deliberateDispute) deliberate++;
    if (!line.deliberateDispute && line.amount !== expected) fail(`${p.reference}: ${line.fromDate} charged ${line.amount}, fee history gives ${expected}`);
    if ((line.status === 'DISPUTED') !== (line.amount !== expected)) fail(`${p.reference}: line status ${line.status} does not follow amount ${line.amount} vs ${expected}`);
  }
  const lineRows = demo.rows.invoice_line;
  if (lineRows.length !== demo.invoiceLines.length) fail('invoice line rows and models differ in number');
  const share = deliberate / Math.max(1, demo.invoiceLines.length);
  if (deliberate === 0 || share > 0.06) fail(`deliberately disputed lines should be a few percent, got ${deliberate} of ${demo.invoiceLines.length}`);

  // 4. totals reconcile to the penny: Σ line rows = reported invoice totals, and the status follows the lines
  const sums = new Map<string, bigint>();
  const disputedInvoices = new Set<string>();
  for (const l of lineRows) {
    sums.set(l.invoice_id as string, (sums.get(l.invoice_id as string) ?? 0n) + (l.amount as bigint));
    if (l.status === 'DISPUTED') disputedInvoices.add(l.invoice_id as string);
  }
  for (const inv of demo.rows.invoice) {
    const total = demo.invoiceTotals.get(inv.id as string);
    if (total === undefined || sums.get(inv.id as string) !== total) fail(`invoice ${inv.reference}: lines sum to ${sums.get(inv.id as string)}, reported ${total}`);
    if ((inv.status === 'DISPUTED') !== disputedInvoices.has(inv.id as string)) fail(`invoice ${inv.reference}: status ${inv.status} does not follow its lines`);
  }

  // 5. rows are well formed: unique ids per table, version 1, money as bigint pence
  for (const [table, rows] of Object.entries(demo.rows)) {
    const ids = new Set(rows.map((r) => r.id));
    if (ids.size !== rows.length) fail(`${table}: duplicate ids`);
  }
  for (const p of demo.placements) if (p.fees.some((f) => f.weeklyFee <= 0n)) fail(`${p.reference}: a fee is not positive`);
  // Seeded rows bypass the API, so they keep its field rules here: Ofsted URNs are 6 to 8 digits.
  for (const s of demo.rows.setting) if (s.ofsted_urn !== null && !/^\d{6,8}$/.test(String(s.ofsted_urn))) fail(`setting ${s.name}: Ofsted URN ${s.ofsted_urn} is not 6 to 8 digits`);
  void FOSTER;

  if (failures.length) throw new InvariantFailed(failures);
}
