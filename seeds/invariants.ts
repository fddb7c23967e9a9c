/**
 * Checks a generated data set before it is written; the generator fails loudly when one does
 * not hold. The arithmetic is the app's own (costBetween), so a line the seeds call MATCHED is
 * one the app's invoice matching would call MATCHED.
 */
import { FOSTER, TEMPORARY, type GeneratedDemo, type PlacementModel } from './demo';
import type { Dataset, Row } from './generator';
import { cancellationKind, costBetween, journeyCost, londonInstant, sessionCharge, whyNotRunning, type CancellationTerms, type RouteSchedule } from './server-lib';

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

  // 3. every invoice line consistent with its fee history, except the deliberate disputes; a
  // journey's or session's line charges its cost, to its contract's provider, on its day
  let deliberate = 0;
  const serviceCost = new Map<string, { cost: unknown; date: unknown; parent: string }>([
    ...demo.rows.transport_journey.map((j) => [j.id as string, { cost: j.cost, date: j.date, parent: j.route_id as string }] as const),
    ...demo.rows.contact_session.map((c) => [c.id as string, { cost: c.cost, date: c.date, parent: c.arrangement_id as string }] as const),
  ]);
  const contractOfService = new Map<string, string>([
    ...demo.rows.transport_route.map((r) => [r.id as string, r.contract_id as string] as const),
    ...demo.rows.contact_arrangement.map((a) => [a.id as string, a.contract_id as string] as const),
  ]);
  const providerOfContract = new Map(demo.rows.contract.map((c) => [c.id as string, c.provider_id as string]));
  const providerOfInvoice = new Map(demo.rows.invoice.map((i) => [i.id as string, i.provider_id as string]));
  for (const line of demo.invoiceLines) {
    if (line.service) {
      const service = serviceCost.get(line.service.id);
      if (!service) fail(`invoice line for unknown ${line.service.kind} ${line.service.id}`);
      else if (service.cost !== line.expectedAmount || line.amount !== line.expectedAmount || line.status !== 'MATCHED') fail(`${line.service.kind} ${line.service.id}: charged ${line.amount}, costs ${String(service.cost)}`);
      else if (service.date !== line.fromDate) fail(`${line.service.kind} ${line.service.id}: charged for ${line.fromDate}, was on ${String(service.date)}`);
      else if (providerOfContract.get(contractOfService.get(service.parent) ?? '') !== providerOfInvoice.get(line.invoiceId)) fail(`${line.service.kind} ${line.service.id}: billed by a provider other than its contract's`);
      continue;
    }
    const p = line.placementId ? placements.get(line.placementId) : undefined;
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
    if (table === 'transport_route_child') {
      const pairs = new Set(rows.map((r) => `${r.route_id}|${r.child_id}`));
      if (pairs.size !== rows.length) fail(`${table}: a child twice on a route`);
      continue;
    }
    const ids = new Set(rows.map((r) => r.id));
    if (ids.size !== rows.length) fail(`${table}: duplicate ids`);
  }
  for (const p of demo.placements) if (p.fees.some((f) => f.weeklyFee <= 0n)) fail(`${p.reference}: a fee is not positive`);
  // Seeded rows bypass the API, so they keep its field rules here: Ofsted URNs are 6 to 8 digits.
  for (const s of demo.rows.setting) if (s.ofsted_urn !== null && !/^\d{6,8}$/.test(String(s.ofsted_urn))) fail(`setting ${s.name}: Ofsted URN ${s.ofsted_urn} is not 6 to 8 digits`);
  void FOSTER;

  checkServices(demo.rows, demo.options.asOf, fail);

  if (failures.length) throw new InvariantFailed(failures);
}

const terms = (r: Row): CancellationTerms => ({ freeHours: r.cancellation_free_hours as number, latePercent: r.cancellation_late_percent as number, noShowPercent: r.cancellation_no_show_percent as number });
const periodHolds = (r: Row, date: string) => (r.effective_from as string) <= date && (r.effective_to === null || (r.effective_to as string) >= date);
const LEG_ORDER: Record<string, number> = { OUTBOUND: 0, RETURN: 1 };

/**
 * Transport and contact, as the server would have them: schedules and rates that never overlap;
 * every journey on a running day of its route (its term and days, not in a break nor on a bank
 * holiday) and costing what journeyCost gives; every session inside its arrangement, at most 24
 * hours, costing what sessionCharge gives; cancellations with a time that agrees with the notice.
 */
export function checkServices(rows: Dataset, asOf: string, fail: (message: string) => void): void {
  const overlapping = (list: Row[], key: (r: Row) => string, what: string) => {
    const groups = new Map<string, Row[]>();
    for (const r of list) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    for (const [k, g] of groups) {
      const sorted = [...g].sort((a, b) => ((a.effective_from as string) < (b.effective_from as string) ? -1 : 1));
      for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1];
        if (prev.effective_to === null || (prev.effective_to as string) >= (sorted[i].effective_from as string)) fail(`${what} ${k}: periods from ${prev.effective_from} and ${sorted[i].effective_from} overlap`);
      }
    }
  };
  overlapping(rows.transport_price_schedule, (r) => `${r.contract_id}|${r.vehicle_type}`, 'price schedules of');
  overlapping(rows.contact_rate, (r) => `${r.contract_id}|${r.supervision_level}`, 'contact rates of');

  const routes = new Map(rows.transport_route.map((r) => [r.id as string, r]));
  const riders = new Set(rows.transport_route_child.map((r) => r.route_id as string));
  for (const r of rows.transport_route) if (!riders.has(r.id as string)) fail(`route ${r.reference} has no child`);
  const byRoute = new Map<string, Row[]>();
  for (const j of rows.transport_journey) byRoute.set(j.route_id as string, [...(byRoute.get(j.route_id as string) ?? []), j]);
  for (const [routeId, list] of byRoute) {
    const route = routes.get(routeId);
    if (!route) {
      fail(`journeys of unknown route ${routeId}`);
      continue;
    }
    const schedule: RouteSchedule = { days: route.days as string[], termStart: route.term_start as string, termEnd: route.term_end as string, termBreaks: route.term_breaks as RouteSchedule['termBreaks'], runsOnBankHolidays: route.runs_on_bank_holidays as boolean };
    const own = rows.transport_price_schedule.filter((s) => s.contract_id === route.contract_id && s.vehicle_type === route.vehicle_type);
    const sorted = [...list].sort((a, b) => (a.date as string).localeCompare(b.date as string) || LEG_ORDER[a.leg as string] - LEG_ORDER[b.leg as string]);
    const legsPerDay = route.return_pickup_time ? 2 : 1;
    sorted.forEach((j, i) => {
      const date = j.date as string;
      const why = whyNotRunning(schedule, date);
      if (why) fail(`route ${route.reference}: journey on ${date} ${why}`);
      if (j.leg === 'RETURN' && !route.return_pickup_time) fail(`route ${route.reference}: a return journey on a one-way route`);
      const s = own.find((x) => periodHolds(x, date));
      const expected = s
        ? journeyCost(
            { pricingBasis: s.pricing_basis as string, rate: s.rate as bigint, escortRate: s.escort_rate as bigint, waitingRatePerHour: s.waiting_rate_per_hour as bigint, freeWaitingMinutes: s.free_waiting_minutes as number, cancellation: terms(s) },
            { status: j.status as string, leg: j.leg as string, miles: j.miles as bigint, escort: j.escort as boolean, waitingMinutes: j.waiting_minutes as number },
            { legsPerDay, termJourneys: sorted.length, termRank: i + 1 },
          )
        : null;
      if (expected !== j.cost) fail(`route ${route.reference}: journey on ${date} costs ${j.cost}, the schedule gives ${expected}`);
      const cancelled = j.status === 'CANCELLED_IN_TIME' || j.status === 'CANCELLED_LATE';
      if (cancelled !== (j.cancelled_at !== null)) fail(`route ${route.reference}: journey on ${date} is ${j.status} ${j.cancelled_at ? 'with' : 'without'} a cancellation time`);
      if (cancelled && j.cancelled_at && s) {
        const kind = cancellationKind(terms(s), londonInstant(date, (j.leg === 'RETURN' ? route.return_pickup_time : route.pickup_time) as string), new Date(j.cancelled_at as string));
        if ((kind === 'LATE') !== (j.status === 'CANCELLED_LATE')) fail(`route ${route.reference}: journey on ${date} is ${j.status} but was cancelled ${kind === 'LATE' ? 'late' : 'in time'}`);
      }
      if ((j.status === 'PLANNED') !== (date >= asOf)) fail(`route ${route.reference}: journey on ${date} is ${j.status} (today is ${asOf})`);
    });
  }

  const arrangements = new Map(rows.contact_arrangement.map((a) => [a.id as string, a]));
  for (const s of rows.contact_session) {
    const a = arrangements.get(s.arrangement_id as string);
    if (!a) {
      fail(`session of unknown arrangement ${s.arrangement_id}`);
      continue;
    }
    const date = s.date as string;
    if (date < (a.start_date as string) || (a.end_date !== null && date > (a.end_date as string))) fail(`arrangement ${a.reference}: session on ${date} outside it`);
    const planned = s.planned_hours as bigint;
    const actual = s.actual_hours as bigint | null;
    if (planned <= 0n || planned > 2400n || (actual !== null && (actual < 0n || actual > 2400n))) fail(`arrangement ${a.reference}: session on ${date} of more than 24 hours or none`);
    const rate = rows.contact_rate.find((r) => r.contract_id === a.contract_id && r.supervision_level === a.supervision_level && periodHolds(r, date));
    const charge = rate ? sessionCharge({ hourlyRate: rate.hourly_rate as bigint, venueCharge: rate.venue_charge as bigint | null, cancellation: terms(rate) }, { status: s.status as string, plannedHours: planned, actualHours: actual }) : null;
    if ((charge?.cost ?? null) !== s.cost || (charge ? charge.chargeable : null) !== s.chargeable) fail(`arrangement ${a.reference}: session on ${date} costs ${s.cost} (chargeable ${s.chargeable}), the rate gives ${charge?.cost} (${charge?.chargeable})`);
    const cancelled = s.status === 'CANCELLED_IN_TIME' || s.status === 'CANCELLED_BY_FAMILY_LATE' || s.status === 'PROVIDER_CANCELLED';
    if (cancelled !== (s.cancelled_at !== null)) fail(`arrangement ${a.reference}: session on ${date} is ${s.status} ${s.cancelled_at ? 'with' : 'without'} a cancellation time`);
    if (cancelled && s.cancelled_at && rate && s.status !== 'PROVIDER_CANCELLED') {
      const kind = cancellationKind(terms(rate), londonInstant(date, s.start_time as string), new Date(s.cancelled_at as string));
      if ((kind === 'LATE') !== (s.status === 'CANCELLED_BY_FAMILY_LATE')) fail(`arrangement ${a.reference}: session on ${date} is ${s.status} but was cancelled ${kind === 'LATE' ? 'late' : 'in time'}`);
    }
  }
}
