/**
 * Transport and supervised contact for the seed generator: price schedules on the TRANSPORT
 * contracts, routes (one per child needing transport each school term, some shared by 2 or 3
 * children at the same school) and their journeys; hourly rates on the SUPERVISED_CONTACT
 * contracts, children's contact arrangements (people by role only) and their sessions.
 *
 * Schedules, rates, routes and arrangements are built at once (thousands of rows); journeys
 * and sessions, which run to a million rows in the large shape, come from generators that
 * yield a term's journeys or a few hundred arrangements' sessions at a time, each pass from
 * its own random sequence. Every cost is the server's own arithmetic (journeyCost with the
 * legs per day and the term rank as repriceRoutes gives them, sessionCharge), and every
 * cancellation time agrees with the contract's notice in UK time.
 */
import { Rng } from './rng';
import {
  addDays, haversineMiles, journeyCost, londonInstant, runningDays, sessionCharge,
  type CancellationTerms, type RatePrices, type RouteSchedule, type SchedulePrices,
} from './server-lib';
import type { ShapeParams } from './shapes';

type Value = string | number | boolean | bigint | null | object;
type Row = Record<string, Value>;

/** What the generator lends this phase. */
export interface ServiceContext {
  params: ShapeParams;
  seed: number;
  asOf: string;
  versioned: { version: number; created_at: string; updated_at: string };
  id: (name: string) => string;
  rows: Record<string, Row[]>;
  placements: ReadonlyArray<{ id: string; childId: string; settingId: string | null; placementType: string; startDate: string; endDate: string | null; distance: number | null; localityIndex: number }>;
  historyStart: string;
  transportProviders: readonly string[];
  contactProviders: readonly string[];
  officers: { transport: readonly string[]; contact: readonly string[] };
  addContract: (c: Row & { start_date: string; end_date: string | null }) => void;
}

export interface ServicesModel {
  /** A school term's journeys at a time, oldest first. */
  journeyBatches(): Generator<Row[]>;
  /** Some arrangements' sessions at a time. */
  sessionBatches(): Generator<Row[]>;
}

const TEMPORARY = new Set(['T0', 'T1', 'T2', 'T3', 'T4']);
const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI'] as const;
const LEVELS = ['SUPERVISED', 'SUPPORTED', 'MONITORED'] as const;
const VEHICLES = ['CAR', 'WAV', 'MINIBUS'] as const;
const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

const dow = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
/** The first date on or after `date` that is the weekday `day` (0 Sunday … 6 Saturday). */
const onOrAfter = (date: string, day: number) => addDays(date, (day - dow(date) + 7) % 7);
const onOrBefore = (date: string, day: number) => addDays(date, -((dow(date) - day + 7) % 7));
const fyOf = (date: string) => (date.slice(5) >= '04-01' ? Number(date.slice(0, 4)) : Number(date.slice(0, 4)) - 1);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const ageOn = (dob: string, on: string) => Number(on.slice(0, 4)) - Number(dob.slice(0, 4)) - (on.slice(5) < dob.slice(5) ? 1 : 0);
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
function offset(lat: number, lon: number, miles: number, bearingDeg: number): { lat: number; lon: number } {
  const b = (bearingDeg * Math.PI) / 180;
  return { lat: round6(lat + (miles * Math.cos(b)) / 69.0), lon: round6(lon + (miles * Math.sin(b)) / (69.0 * Math.cos((lat * Math.PI) / 180))) };
}
/** Today's price brought back `years` uplifts of 4%, in pence. */
const deflatePence = (pence: number, years: number) => BigInt(Math.round(pence / 1.04 ** years));
const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

interface Term {
  code: string;
  start: string;
  end: string;
  breaks: Array<{ from: string; to: string }>;
}
/** The three terms of the school year starting in September of `year`, each with its half-term week. */
function schoolYear(year: number): Term[] {
  const week = (monday: string) => ({ from: monday, to: addDays(monday, 4) });
  const autumnStart = [0, 6].includes(dow(`${year}-09-03`)) ? onOrAfter(`${year}-09-03`, 1) : `${year}-09-03`;
  return [
    { code: `${year}A`, start: autumnStart, end: onOrBefore(`${year}-12-20`, 5), breaks: [week(onOrAfter(`${year}-10-21`, 1))] },
    { code: `${year + 1}S`, start: onOrAfter(`${year + 1}-01-04`, 1), end: onOrBefore(`${year + 1}-03-27`, 5), breaks: [week(onOrAfter(`${year + 1}-02-12`, 1))] },
    { code: `${year + 1}U`, start: onOrAfter(`${year + 1}-04-14`, 1), end: onOrBefore(`${year + 1}-07-22`, 5), breaks: [week(onOrAfter(`${year + 1}-05-25`, 1))] },
  ];
}

interface PricedPeriod<T> {
  from: string;
  to: string | null;
  prices: T;
}
const priceOn = <T>(periods: ReadonlyArray<PricedPeriod<T>>, date: string): T | null => periods.find((p) => p.from <= date && (p.to === null || p.to >= date))?.prices ?? null;

interface RouteModel {
  id: string;
  serial: number;
  contractId: string;
  vehicle: string;
  schedule: RouteSchedule;
  pickup: string;
  returnPickup: string | null;
  miles: bigint;
  escort: boolean;
}
interface ArrangementModel {
  id: string;
  serial: number;
  contractId: string;
  level: string;
  start: string;
  end: string | null;
  /** Sessions until this day (the arrangement's end, or four weeks ahead, and never after the contract). */
  until: string;
  first: string;
  every: number;
  startTime: string;
  hours: bigint;
}

export function buildServices(ctx: ServiceContext): ServicesModel {
  const { params, seed, asOf, versioned, id, rows } = ctx;
  const trng = new Rng(`${seed}:transport`);
  const crng = new Rng(`${seed}:contact`);
  const currentFy = fyOf(asOf);
  const settingById = new Map(rows.setting.map((s) => [s.id as string, s]));
  const childById = new Map(rows.child.map((c) => [c.id as string, c]));
  const contractRow = new Map(rows.contract.map((c) => [c.id as string, c]));

  // school terms: the last `transportTerms` that started on or before today, inside the history
  const terms: Term[] = [];
  for (let y = Number(ctx.historyStart.slice(0, 4)) - 1; y <= Number(asOf.slice(0, 4)); y++) terms.push(...schoolYear(y));
  const runTerms = terms.filter((t) => t.start <= asOf && t.start >= ctx.historyStart).slice(-params.transportTerms);
  const contactFrom = maxDate(ctx.historyStart, addDays(asOf, -Math.round(365.25 * params.contactYears)));

  /**
   * Each provider's contracts, latest first: the one the core generator made, and before it
   * three-year contracts (ENDED) back to the first day this phase needs.
   */
  const contractsOf = (group: 'TRANSPORT' | 'CONTACT', providers: readonly string[], needFrom: string, rng: Rng) =>
    providers.map((pid, i) => {
      const current = contractRow.get(id(`contract:${group}:${i}`))!;
      const list = [current];
      let start = current.start_date as string;
      while (start > needFrom) {
        const prevStart = `${fyOf(start) - 3}-04-01`;
        const prevEnd = addDays(start, -1);
        const c = {
          ...current, id: id(`contract:${group}:${i}:before:${prevStart}`), status: 'ENDED', start_date: prevStart, end_date: prevEnd, review_date: null,
          reference: `${group === 'TRANSPORT' ? 'TR' : 'SC'}-${prevStart.slice(0, 4)}-${String(i + 1).padStart(3, '0')}`,
          owner_id: rng.pick(group === 'TRANSPORT' ? ctx.officers.transport : ctx.officers.contact),
          ceiling_value: BigInt(rng.int(40, 400)) * 100_000n,
        };
        ctx.addContract(c);
        list.push(c);
        start = prevStart;
      }
      return { providerId: pid, index: i, contracts: list };
    });
  /** Financial-year periods of a contract: [from, to] inside it. */
  const yearsOf = (c: Row) => {
    const out: Array<{ fy: number; from: string; to: string }> = [];
    const start = c.start_date as string;
    const end = (c.end_date as string | null) ?? `${currentFy + 1}-03-31`;
    for (let fy = fyOf(start); fy <= fyOf(end); fy++) out.push({ fy, from: maxDate(start, `${fy}-04-01`), to: minDate(end, `${fy + 1}-03-31`) });
    return out;
  };

  // transport: price schedules per contract, vehicle type and financial year ---------------------
  const firstTerm = runTerms[0]?.start ?? asOf;
  const transport = contractsOf('TRANSPORT', ctx.transportProviders, firstTerm, trng);
  const schedules = new Map<string, Array<PricedPeriod<SchedulePrices>>>(); // contract|vehicle → periods
  let scheduleSerial = 0;
  for (const { index: i, contracts } of transport) {
    // a provider prices the same way year after year: cars by the mile (taxi firms by the journey), WAVs by the journey or day, minibuses by the day or term
    const basis: Record<string, string> = {
      CAR: i % 3 === 2 ? 'PER_JOURNEY' : 'PER_MILE',
      WAV: i % 2 === 0 ? 'PER_JOURNEY' : 'PER_DAY',
      MINIBUS: i % 4 === 3 ? 'PER_ROUTE_TERM' : 'PER_DAY',
    };
    const today: Record<string, number> = {
      CAR: basis.CAR === 'PER_MILE' ? trng.int(42, 48) : trng.int(15, 45) * 100,
      WAV: basis.WAV === 'PER_JOURNEY' ? trng.int(35, 55) * 100 : trng.int(70, 110) * 100,
      MINIBUS: basis.MINIBUS === 'PER_DAY' ? trng.int(120, 180) * 100 : trng.int(60, 90) * 10_000,
    };
    const escort = trng.int(8, 15) * 100;
    const waiting = trng.int(12, 20) * 100;
    const freeWaiting = trng.pick([10, 15]);
    const cancellation: CancellationTerms = { freeHours: trng.pick([24, 24, 48, 12]), latePercent: trng.pick([100, 50, 100]), noShowPercent: 100 };
    for (const c of contracts) {
      for (const y of yearsOf(c)) {
        for (const vehicle of VEHICLES) {
          const years = currentFy - y.fy;
          const prices: SchedulePrices = {
            pricingBasis: basis[vehicle], rate: deflatePence(today[vehicle], years), escortRate: deflatePence(escort, years),
            waitingRatePerHour: deflatePence(waiting, years), freeWaitingMinutes: freeWaiting, cancellation,
          };
          const key = `${c.id}|${vehicle}`;
          schedules.set(key, [...(schedules.get(key) ?? []), { from: y.from, to: y.to, prices }]);
          rows.transport_price_schedule.push({
            id: id(`schedule:${scheduleSerial++}`), ...versioned, contract_id: c.id, vehicle_type: vehicle, pricing_basis: prices.pricingBasis,
            rate: prices.rate, escort_rate: prices.escortRate, waiting_rate_per_hour: prices.waitingRatePerHour, free_waiting_minutes: freeWaiting,
            effective_from: y.from, effective_to: y.to, cancellation_free_hours: cancellation.freeHours,
            cancellation_late_percent: cancellation.latePercent, cancellation_no_show_percent: cancellation.noShowPercent,
          });
        }
      }
    }
  }

  // routes: each term, children in a placement for the whole term, of school age ------------------
  const mains = ctx.placements.filter((p) => !TEMPORARY.has(p.placementType) && p.settingId !== null);
  const routes: RouteModel[] = [];
  let routeSerial = 0;
  for (const term of runTerms) {
    const candidates = mains.filter((p) => {
      if (p.startDate > term.start || (p.endDate !== null && p.endDate <= term.end)) return false;
      const age = ageOn(childById.get(p.childId)!.date_of_birth as string, term.start);
      return age >= 5 && age <= 16;
    });
    const covering = transport.map((t) => t.contracts.find((c) => (c.start_date as string) <= term.start && ((c.end_date as string | null) ?? '9999') >= term.end)).filter((c): c is Row => Boolean(c));
    if (!covering.length || !candidates.length) continue;
    const used = new Set<string>();
    const wanted = Math.min(params.routesPerTerm, Math.ceil(candidates.length * 0.6));
    for (let r = 0; r < wanted; r++) {
      let p = trng.pick(candidates);
      for (let tries = 0; used.has(p.childId) && tries < 20; tries++) p = trng.pick(candidates);
      if (used.has(p.childId)) continue;
      used.add(p.childId);
      const purpose = trng.weighted([['SCHOOL', 85], ['CONTACT', 10], ['HEALTH', 5]] as const);
      const children = [p.childId];
      if (purpose === 'SCHOOL' && trng.chance(0.2)) {
        // brothers and sisters, or children at the same school in the same locality
        const others = candidates.filter((q) => q.localityIndex === p.localityIndex && !used.has(q.childId) && (q.distance ?? 0) <= 20);
        for (let n = trng.chance(0.3) ? 2 : 1; n > 0 && others.length; n--) {
          const q = others.splice(trng.int(0, others.length - 1), 1)[0];
          used.add(q.childId);
          children.push(q.childId);
        }
      }
      const vehicle = children.length === 3 ? 'MINIBUS' : trng.chance(0.12) ? 'WAV' : children.length === 1 && trng.chance(0.03) ? 'MINIBUS' : 'CAR';
      const setting = settingById.get(p.settingId!)!;
      const child = childById.get(p.childId)!;
      // from the carers' home (near the setting); to the child's own school when placed near, else a school near the placement
      const near = (p.distance ?? 0) <= 20;
      const from = offset(Number(setting.latitude), Number(setting.longitude), 0.3 + trng.next() * 4, trng.int(0, 359));
      const to = near
        ? offset(Number(child.home_latitude), Number(child.home_longitude), 0.5 + trng.next() * 3, trng.int(0, 359))
        : offset(from.lat, from.lon, 1 + trng.next() * 5, trng.int(0, 359));
      const area = (pc: Value) => String(pc).split(' ')[0];
      const postcode = (district: string) => `${district} ${trng.int(1, 9)}${LETTERS[trng.int(0, 19)]}${LETTERS[trng.int(0, 19)]}`;
      const miles = BigInt(Math.max(150, Math.round(haversineMiles(from.lat, from.lon, to.lat, to.lon) * 1.3 * 100)));
      let days: string[];
      let pickup: string;
      let returnPickup: string | null;
      if (purpose === 'SCHOOL') {
        days = trng.chance(0.9) ? [...WEEKDAYS] : WEEKDAYS.filter((_, k) => k !== trng.int(0, 4));
        pickup = time(7 * 60 + 45 + 5 * trng.int(0, 8));
        returnPickup = time(15 * 60 + 5 * trng.int(0, 8));
      } else if (purpose === 'CONTACT') {
        const saturday = trng.chance(0.4);
        days = [saturday ? 'SAT' : trng.pick(WEEKDAYS)];
        pickup = saturday ? '09:30' : '15:45';
        returnPickup = trng.chance(0.9) ? (saturday ? '12:30' : '18:00') : null;
      } else {
        days = [trng.pick(WEEKDAYS)];
        pickup = time(9 * 60 + 15 * trng.int(0, 8));
        returnPickup = trng.chance(0.8) ? time(12 * 60 + 15 * trng.int(0, 8)) : null;
      }
      const contract = trng.pick(covering);
      const rid = id(`route:${routeSerial}`);
      const schedule: RouteSchedule = { days, termStart: term.start, termEnd: term.end, termBreaks: term.breaks, runsOnBankHolidays: false };
      const escort = trng.chance(vehicle === 'MINIBUS' ? 0.5 : 0.1);
      routes.push({ id: rid, serial: routeSerial, contractId: contract.id as string, vehicle, schedule, pickup, returnPickup, miles, escort });
      rows.transport_route.push({
        id: rid, ...versioned, reference: `R-${term.code}-${String(routeSerial + 1).padStart(5, '0')}`, purpose, vehicle_type: vehicle, contract_id: contract.id,
        from_postcode: postcode(area(setting.postcode)), from_latitude: from.lat.toFixed(6), from_longitude: from.lon.toFixed(6),
        to_postcode: postcode(near ? area(child.home_postcode) : area(setting.postcode)), to_latitude: to.lat.toFixed(6), to_longitude: to.lon.toFixed(6),
        miles, days, pickup_time: pickup, return_pickup_time: returnPickup, term_start: term.start, term_end: term.end, term_breaks: term.breaks,
        runs_on_bank_holidays: false, notes: escort ? 'Escort travels with the child' : null,
      });
      for (const c of [...children].sort()) rows.transport_route_child.push({ route_id: rid, child_id: c });
      routeSerial++;
    }
  }

  function* journeyBatches(): Generator<Row[]> {
    const jrng = new Rng(`${seed}:journeys`);
    const calendar = new Map<string, string[]>();
    let batch: Row[] = [];
    let term = '';
    for (const route of routes) {
      if (route.schedule.termStart !== term && batch.length) {
        yield batch;
        batch = [];
      }
      term = route.schedule.termStart;
      const key = `${term}|${route.schedule.days.join(',')}`;
      let days = calendar.get(key);
      if (!days) calendar.set(key, (days = runningDays(route.schedule)));
      const legs = route.returnPickup ? ['OUTBOUND', 'RETURN'] : ['OUTBOUND'];
      const own = schedules.get(`${route.contractId}|${route.vehicle}`) ?? [];
      const count = days.length * legs.length;
      let rank = 0;
      for (const date of days) {
        for (const leg of legs) {
          rank++;
          const past = date < asOf;
          const status = past ? jrng.weighted([['COMPLETED', 940], ['CANCELLED_IN_TIME', 30], ['CANCELLED_LATE', 15], ['NO_SHOW', 15]] as const) : 'PLANNED';
          const prices = priceOn(own, date);
          const waitingMinutes = status === 'NO_SHOW' ? jrng.int(10, 20) : status === 'COMPLETED' && jrng.chance(0.05) ? jrng.int(5, 30) : 0;
          let cancelledAt: string | null = null;
          if (status === 'CANCELLED_IN_TIME' || status === 'CANCELLED_LATE') {
            const startsAt = londonInstant(date, leg === 'RETURN' ? route.returnPickup! : route.pickup).getTime();
            const free = (prices?.cancellation.freeHours ?? 24) * 60;
            const minutesBefore = status === 'CANCELLED_IN_TIME' ? free + jrng.int(0, 72 * 60) : jrng.int(15, Math.max(15, free - 1));
            cancelledAt = new Date(startsAt - minutesBefore * 60_000).toISOString();
          }
          const facts = { status, leg, miles: route.miles, escort: route.escort, waitingMinutes };
          const cost = prices ? journeyCost(prices, facts, { legsPerDay: legs.length, termJourneys: count, termRank: rank }) : null;
          batch.push({
            id: id(`journey:${route.serial}:${rank}`), ...versioned, route_id: route.id, date, leg, miles: route.miles, escort: route.escort,
            waiting_minutes: waitingMinutes, status, cancelled_at: cancelledAt, cost,
          });
        }
      }
    }
    if (batch.length) yield batch;
  }

  // supervised contact: hourly rates per contract, level and financial year ------------------------
  const contact = contractsOf('CONTACT', ctx.contactProviders, contactFrom, crng);
  const rates = new Map<string, Array<PricedPeriod<RatePrices>>>(); // contract|level → periods
  const venues = new Map<string, string[]>();
  for (const s of rows.setting) if (s.kind === 'CONTACT_CENTRE') venues.set(s.provider_id as string, [...(venues.get(s.provider_id as string) ?? []), s.name as string]);
  let rateSerial = 0;
  for (const { contracts } of contact) {
    const today: Record<string, number> = { SUPERVISED: crng.int(38, 46) * 100, SUPPORTED: crng.int(30, 36) * 100, MONITORED: crng.int(24, 29) * 100 };
    const venue = crng.chance(0.5) ? crng.int(15, 30) * 100 : null;
    const cancellation: CancellationTerms = { freeHours: crng.pick([24, 48]), latePercent: crng.pick([50, 100]), noShowPercent: 100 };
    for (const c of contracts) {
      for (const y of yearsOf(c)) {
        for (const level of LEVELS) {
          const years = currentFy - y.fy;
          const prices: RatePrices = { hourlyRate: deflatePence(today[level], years), venueCharge: venue === null ? null : deflatePence(venue, years), cancellation };
          const key = `${c.id}|${level}`;
          rates.set(key, [...(rates.get(key) ?? []), { from: y.from, to: y.to, prices }]);
          rows.contact_rate.push({
            id: id(`contact-rate:${rateSerial++}`), ...versioned, contract_id: c.id, supervision_level: level, hourly_rate: prices.hourlyRate,
            venue_charge: prices.venueCharge, effective_from: y.from, effective_to: y.to, cancellation_free_hours: cancellation.freeHours,
            cancellation_late_percent: cancellation.latePercent, cancellation_no_show_percent: cancellation.noShowPercent,
          });
        }
      }
    }
  }

  // arrangements: a child's contact with family while in a placement -------------------------------
  const arrangements: ArrangementModel[] = [];
  const inWindow = mains.filter((p) => (p.endDate === null || p.endDate > addDays(contactFrom, 30)) && daysBetween(maxDate(p.startDate, contactFrom), minDate(p.endDate ?? asOf, asOf)) >= 30);
  // the demo's are mostly running today; the large shape's spread over its years
  const openNow = inWindow.filter((p) => p.endDate === null);
  for (let a = 0; a < params.contactArrangements && inWindow.length; a++) {
    const p = params.contactYears <= 1 && crng.chance(0.75) && openNow.length ? crng.pick(openNow) : crng.pick(inWindow);
    const lo = maxDate(p.startDate, contactFrom);
    const hi = minDate(p.endDate ?? asOf, asOf);
    const start = addDays(lo, crng.int(0, Math.max(0, daysBetween(lo, hi) - 14)));
    const pool = contact.map((o) => ({ o, c: o.contracts.find((c) => (c.start_date as string) <= start && ((c.end_date as string | null) ?? '9999') >= start) })).filter((x) => x.c);
    if (!pool.length) continue;
    const { o, c } = crng.pick(pool);
    const contractEnd = (c!.end_date as string | null) ?? '9999-12-31';
    let end: string | null = addDays(start, crng.int(180, 900));
    if (p.endDate !== null && end > addDays(p.endDate, -1)) end = addDays(p.endDate, -1);
    if (end > contractEnd) end = contractEnd;
    if (end >= asOf && p.endDate === null) end = contractEnd >= addDays(asOf, 180) && crng.chance(0.7) ? null : end;
    if (end !== null && end < start) end = start;
    const frequency = crng.weighted([['WEEKLY', 55], ['FORTNIGHTLY', 30], ['MONTHLY', 15]] as const);
    const every = frequency === 'WEEKLY' ? 7 : frequency === 'FORTNIGHTLY' ? 14 : 28;
    const level = crng.weighted([['SUPERVISED', 55], ['SUPPORTED', 30], ['MONITORED', 15]] as const);
    const hours = BigInt(crng.weighted([[150, 30], [200, 40], [100, 15], [300, 15]] as const));
    const saturday = crng.chance(0.4);
    const startTime = saturday ? crng.pick(['10:00', '11:00']) : crng.pick(['16:00', '16:30']);
    const first = onOrAfter(start, saturday ? 6 : crng.int(1, 5));
    const until = minDate(minDate(end ?? addDays(asOf, 28), addDays(asOf, 28)), contractEnd);
    const aid = id(`arrangement:${a}`);
    const centres = venues.get(o.providerId) ?? [];
    arrangements.push({ id: aid, serial: a, contractId: c!.id as string, level, start, end, until, first, every, startTime, hours });
    rows.contact_arrangement.push({
      id: aid, ...versioned, reference: `CA-${start.slice(0, 4)}-${String(a + 1).padStart(5, '0')}`, child_id: p.childId,
      contact_with: crng.weighted([[['MOTHER'], 40], [['MOTHER', 'SIBLING'], 15], [['FATHER'], 15], [['MOTHER', 'FATHER'], 10], [['GRANDPARENT'], 8], [['SIBLING'], 7], [['OTHER'], 5]] as const),
      frequency, supervision_level: level, venue: centres.length && crng.chance(0.9) ? crng.pick(centres) : 'In the community (park or café), with the worker',
      session_hours: hours, provider_id: o.providerId, contract_id: c!.id, start_date: start, end_date: end, notes: null,
    });
  }

  function* sessionBatches(): Generator<Row[]> {
    const srng = new Rng(`${seed}:sessions`);
    let batch: Row[] = [];
    for (const a of arrangements) {
      const own = rates.get(`${a.contractId}|${a.level}`) ?? [];
      let k = 0;
      for (let date = a.first; date <= a.until; date = addDays(date, a.every)) {
        const past = date < asOf;
        const status = past ? srng.weighted([['ATTENDED', 850], ['CANCELLED_BY_FAMILY_LATE', 40], ['CANCELLED_IN_TIME', 50], ['PROVIDER_CANCELLED', 20], ['NO_SHOW', 40]] as const) : 'PLANNED';
        const prices = priceOn(own, date);
        const actual = status === 'ATTENDED' ? (srng.chance(0.8) ? a.hours : a.hours + BigInt(srng.pick([-50, -25, 25, 50]))) : null;
        let cancelledAt: string | null = null;
        if (status === 'CANCELLED_BY_FAMILY_LATE' || status === 'CANCELLED_IN_TIME' || status === 'PROVIDER_CANCELLED') {
          const startsAt = londonInstant(date, a.startTime).getTime();
          const free = (prices?.cancellation.freeHours ?? 24) * 60;
          const minutesBefore = status === 'CANCELLED_IN_TIME' ? free + srng.int(0, 96 * 60) : status === 'CANCELLED_BY_FAMILY_LATE' ? srng.int(30, free - 1) : srng.int(60, 48 * 60);
          cancelledAt = new Date(startsAt - minutesBefore * 60_000).toISOString();
        }
        const charge = prices ? sessionCharge(prices, { status, plannedHours: a.hours, actualHours: actual }) : null;
        batch.push({
          id: id(`session:${a.serial}:${k++}`), ...versioned, arrangement_id: a.id, date, start_time: a.startTime, planned_hours: a.hours, actual_hours: actual,
          status, cancelled_at: cancelledAt, chargeable: charge ? charge.chargeable : null, cost: charge ? charge.cost : null,
        });
      }
      if (batch.length >= 20_000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  return { journeyBatches, sessionBatches };
}
