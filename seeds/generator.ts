/**
 * The one seed-data generator behind every shape (`demo`, `large`): an authority and its
 * localities, providers and settings, framework agreements with rate cards, contract
 * officers, children's placements with fee histories, temporary moves and additional
 * services, contracts of every kind, negotiations, procurement rounds, monthly invoices and
 * budgets. Shapes differ only in their parameters (./shapes.ts). Pure: (params, seed, asOf)
 * → rows; nothing here touches the database.
 *
 * Everything but the invoices is built in memory (tens of thousands of rows at most). The
 * invoices, the one table that runs to millions of rows, come from `invoiceMonths()`, a
 * generator yielding one month at a time, so a writer can stream them; `finish()` then gives
 * the budgets (which read this year's invoiced spend) and the summary audit event.
 * Each phase draws from its own random sequence, so streaming and materialising give the same rows.
 * Figures follow ../shared/docs/domain.md, "Figures for realistic data".
 */
import { Rng, fixedUuid } from './rng';
import { addDays, costBetween, divideRoundHalfUp, haversineMiles, type FeeRow, type ServiceRow } from './server-lib';
import { buildServices } from './services';
import type { ShapeParams } from './shapes';

export type Value = string | number | boolean | bigint | null | object;
export type Row = Record<string, Value>;
export type Dataset = Record<string, Row[]>;

/** Tables in insert order (parents first). */
export const TABLES = [
  'authority', 'locality', 'user_account', 'provider', 'setting', 'agreement', 'rate_line', 'contract', 'negotiation', 'negotiation_offer',
  'child', 'placement', 'placement_fee', 'additional_service', 'procurement_round', 'procurement_invitation', 'bid',
  'transport_price_schedule', 'transport_route', 'transport_route_child', 'transport_journey', 'contact_rate', 'contact_arrangement', 'contact_session', 'invoice', 'invoice_line', 'budget_line', 'audit_event',
] as const;
export type Table = (typeof TABLES)[number];
/** The tables `journeyBatches()`, `sessionBatches()`, `invoiceMonths()` and `finish()` produce; every other table is in `rows` at once. */
export const STREAMED: readonly Table[] = ['transport_journey', 'contact_session', 'invoice', 'invoice_line', 'budget_line', 'audit_event'];

export interface GenerateOptions {
  seed: number;
  /** The day the data set is "today" for (YYYY-MM-DD). */
  asOf: string;
}

export interface PlacementModel {
  id: string;
  reference: string;
  childId: string;
  providerId: string;
  providerCode: string;
  settingId: string | null;
  contractId: string | null;
  placementType: string;
  startDate: string;
  endDate: string | null;
  plannedEndDate: string | null;
  fees: FeeRow[];
  services: ServiceRow[];
  distance: number | null;
  localityIndex: number;
  uasc: boolean;
}

export interface InvoiceLineModel {
  invoiceId: string;
  /** A placement's nights, or (null) a transport journey or contact session: `service`. */
  placementId: string | null;
  service?: { kind: 'journey' | 'session'; id: string };
  fromDate: string;
  toDate: string;
  amount: bigint;
  expectedAmount: bigint;
  status: string;
  deliberateDispute: boolean;
}

export interface InvoiceMonth {
  month: number;
  months: number;
  invoices: Row[];
  lines: Row[];
  models: InvoiceLineModel[];
  totals: Map<string, bigint>;
}

export interface Finished {
  budget_line: Row[];
  audit_event: Row[];
  /** Full-year placement cost by `${financialYear}|${category}` (the current year to 31 March: actual + committed). */
  spend: Map<string, bigint>;
  /** This year's forecast by category as the app's budget position computes it (approved/paid lines + committed). */
  forecastThisYear: Map<string, bigint>;
}

export interface Generated {
  params: ShapeParams;
  options: GenerateOptions;
  /** Every table but the streamed ones. */
  rows: Dataset;
  placements: PlacementModel[];
  contracts: Map<string, { startDate: string; endDate: string | null }>;
  /** Transport journeys, a school term at a time (./services.ts); each call starts again from the same random sequence. */
  journeyBatches(): Generator<Row[]>;
  /** Contact sessions, some arrangements at a time; each call starts again from the same random sequence. */
  sessionBatches(): Generator<Row[]>;
  /** The invoices, a month at a time, oldest first; each call starts again from the same random sequence. */
  invoiceMonths(): Generator<InvoiceMonth>;
  /** Budgets and the audit event; call after a full pass of invoiceMonths(). */
  finish(counts: Record<string, number>): Finished;
}

// ---------------------------------------------------------------------------------------
// dates

export const FOSTER = new Set(['U1', 'U2', 'U3', 'U4', 'U5', 'U6']);
export const TEMPORARY = new Set(['T0', 'T1', 'T2', 'T3', 'T4']);

export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}-01`;
}
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
/** Start year of the financial year containing the date ("2025-26" → 2025). */
export function financialYearOf(date: string): number {
  const y = Number(date.slice(0, 4));
  return date.slice(5) >= '04-01' ? y : y - 1;
}
function randomDate(rng: Rng, from: string, toExclusive: string): string {
  const span = daysBetween(from, toExclusive);
  return addDays(from, span <= 0 ? 0 : rng.int(0, span - 1));
}
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
function ageOn(dob: string, on: string): number {
  let age = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  if (on.slice(5) < dob.slice(5)) age -= 1;
  return age;
}
/** The Mondays strictly inside (from, to): where a weekly itemised invoice starts a new line. */
function mondaysWithin(from: string, to: string): string[] {
  const out: string[] = [];
  const dow = new Date(`${from}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  let d = addDays(from, dow === 1 ? 7 : (8 - dow) % 7);
  while (d < to) {
    out.push(d);
    d = addDays(d, 7);
  }
  return out;
}

/** Every night from `from` to `to` as line bounds: [from, from+1, …, to]. */
function nightsOf(from: string, to: string): string[] {
  const out = [from];
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

// ---------------------------------------------------------------------------------------
// money: integer pence; generated levels are drawn as whole pounds, uplifts use the app's rounding

const pounds = (n: number) => BigInt(Math.round(n)) * 100n;
const uplift = (fee: bigint, percent: bigint) => divideRoundHalfUp(fee * (100n + percent), 100n);
/** A level quoted at today's prices, brought back `years` uplifts (4%) and rounded to the pound. */
function deflate(todayPounds: number, years: number): bigint {
  return pounds(todayPounds / 1.04 ** years);
}

// ---------------------------------------------------------------------------------------
// places

const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
function postcode(rng: Rng, district: string): string {
  return `${district} ${rng.int(1, 9)}${LETTERS[rng.int(0, LETTERS.length - 1)]}${LETTERS[rng.int(0, LETTERS.length - 1)]}`;
}
/** A point `miles` from a centre on a bearing (degrees from north); 6 decimals as stored. */
function offset(lat: number, lon: number, miles: number, bearingDeg: number): { lat: number; lon: number } {
  const b = (bearingDeg * Math.PI) / 180;
  const dLat = (miles * Math.cos(b)) / 69.0;
  const dLon = (miles * Math.sin(b)) / (69.0 * Math.cos((lat * Math.PI) / 180));
  return { lat: round6(lat + dLat), lon: round6(lon + dLon) };
}
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const round2 = (x: number) => Math.round(x * 100) / 100;

// ---------------------------------------------------------------------------------------
// names: invented organisations, never a person

const NAME_A = ['Harbour', 'Heathland', 'Chine', 'Purbeck', 'Stour', 'Avon', 'Wessex', 'Solent', 'Seaview', 'Pinewood', 'Brightwater', 'Kestrel', 'Oakfield', 'Meadowbank', 'Coastline', 'Riverside', 'Hillcrest', 'Lantern', 'Compass', 'Anchor', 'Evergreen', 'Willow', 'Beacon', 'Northstar', 'Tidewater', 'Foxglove', 'Cedar', 'Heron', 'Juniper', 'Larch'];
const NAME_B = ['Bay', 'Vale', 'Gate', 'Point', 'Fields', 'Ridge', 'Park', 'Haven', 'House', 'Court', 'Lodge', 'Grove', 'Cross', 'Green', 'View'];
const KIND_WORD: Record<string, string[]> = {
  IFA: ['Fostering', 'Foster Care', 'Family Placements', 'Fostering Partnership'],
  RES: ['Children’s Homes', 'Care', 'Residential Care', 'Young People’s Services'],
  SA: ['Supported Living', 'Housing Support', 'Pathways', 'Step Up Homes'],
  TRANSPORT: ['Travel', 'Transport', 'Passenger Services', 'Taxis'],
  CONTACT: ['Family Contact', 'Contact Services', 'Family Time', 'Supervised Contact'],
};
/** Contract officers are teams' roles, never a person's name. */
const OFFICER_TEAMS = [
  ['fostering', 'Fostering placements officer'],
  ['residential', 'Residential placements officer'],
  ['supported', 'Supported accommodation officer'],
  ['transport', 'Transport commissioning officer'],
  ['contact', 'Contact services officer'],
  ['frameworks', 'Framework contracts officer'],
] as const;
type Team = (typeof OFFICER_TEAMS)[number][0];
/** What a contract officer's password hash holds: not a scrypt hash, so no password ever matches it. */
export const NO_PASSWORD = '!no-password: seeded officer, an administrator sets one';

const SERVICES = [
  { description: '1:1 support', charge: 'WEEKLY', pounds: [300, 1500], weeks: [6, 40], groups: ['RES', 'SA', 'FOSTER'] },
  { description: 'Education: alternative provision', charge: 'WEEKLY', pounds: [400, 900], weeks: [12, 39], groups: ['RES', 'FOSTER'] },
  { description: 'Therapy sessions', charge: 'WEEKLY', pounds: [120, 250], weeks: [8, 30], groups: ['RES', 'FOSTER', 'SA'] },
  { description: 'Therapeutic assessment', charge: 'ONE_OFF', pounds: [600, 1500], weeks: [0, 0], groups: ['RES', 'FOSTER'] },
  { description: 'Education: school uniform and equipment', charge: 'ONE_OFF', pounds: [150, 400], weeks: [0, 0], groups: ['FOSTER', 'RES', 'SA'] },
] as const;

// ---------------------------------------------------------------------------------------

interface SettingModel {
  id: string;
  providerId: string;
  providerCode: string;
  group: string;
  kind: string;
  lat: number;
  lon: number;
  far: boolean;
  /** The locality the setting is near (when the shape places settings by locality). */
  near: number | null;
  rating: string;
}

export function generateShape(params: ShapeParams, options: GenerateOptions): Generated {
  const { seed, asOf } = options;
  const rng = new Rng(seed);
  const id = (name: string) => fixedUuid(seed, name);
  const stamp = `${asOf}T00:00:00.000Z`;
  const versioned = { version: 1, created_at: stamp, updated_at: stamp };
  const rows: Dataset = Object.fromEntries(TABLES.filter((t) => !STREAMED.includes(t)).map((t) => [t, [] as Row[]]));
  const historyStart = addYears(asOf, -params.historyYears);
  const currentFy = financialYearOf(asOf);
  const LOCALITIES = params.localities;
  /** Uplifts of 4% each 1 April: today's price brought back to the financial year of `date`. */
  const yearsBefore = (date: string) => currentFy - financialYearOf(date);

  // authority and localities ------------------------------------------------------------
  const authorityId = id('authority');
  rows.authority.push({ id: authorityId, ...versioned, name: params.authorityName, ons_code: params.onsCode });
  const localityIds = LOCALITIES.map((l) => id(`locality:${l.code}`));
  LOCALITIES.forEach((l, i) => rows.locality.push({ id: localityIds[i], ...versioned, authority_id: authorityId, name: l.name, code: l.code }));

  // contract officers: accounts with no usable password (an administrator sets one) ------------
  const officers = new Map<Team, string[]>();
  for (const [team, title] of OFFICER_TEAMS) {
    for (let k = 0; k < params.officersPerTeam; k++) {
      const uid = id(`officer:${team}:${k}`);
      officers.set(team, [...(officers.get(team) ?? []), uid]);
      rows.user_account.push({
        id: uid, ...versioned, email: `${team}${params.officersPerTeam > 1 ? `.${k + 1}` : ''}@officers.${params.emailDomain}`,
        display_name: params.officersPerTeam > 1 ? `${title} ${k + 1}` : title, role: 'CONTRACT_OFFICER', active: true, last_login_at: null,
        password_hash: NO_PASSWORD,
      });
    }
  }
  const officer = (team: Team) => rng.pick(officers.get(team)!);

  // providers and settings ----------------------------------------------------------------
  const settings: SettingModel[] = [];
  const providerGroup = new Map<string, string>();
  let companySerial = rng.int(4_000_000, 9_000_000);
  let urnSerial = rng.int(500_000, 600_000);
  const usedNames = new Set<string>();
  const inventName = (group: string) => {
    for (let tries = 0; ; tries++) {
      const base = `${rng.pick(NAME_A)} ${rng.pick(NAME_B)} ${rng.pick(KIND_WORD[group])}`;
      const name = tries < 50 ? base : `${base} ${tries - 48}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const ratingFor = () => rng.weighted([['OUTSTANDING', 22], ['GOOD', 66], ['REQUIRES_IMPROVEMENT', 10], ['NOT_YET_INSPECTED', 2]] as const);
  let inadequateLeft = params.inadequateHomes;

  const addSetting = (providerId: string, providerCode: string, group: string, kind: string, name: string, farShare: number, places: number | null, forceNear = false, atLocality: number | null = null) => {
    const far = !forceNear && rng.chance(farShare);
    let lat: number;
    let lon: number;
    let pc: string;
    let localityIndex: number | null = null;
    let near: number | null = null;
    if (far) {
      const town = rng.pick(params.farTowns);
      ({ lat, lon } = offset(town.lat, town.lon, rng.next() * 4, rng.int(0, 359)));
      pc = postcode(rng, town.area);
    } else {
      const drawn = rng.int(0, LOCALITIES.length - 1);
      const li = atLocality ?? drawn;
      const centre = params.centre ?? LOCALITIES[li];
      // inland of the coast: bearings from west through north to east
      ({ lat, lon } = forceNear ? offset(centre.lat, centre.lon, 0.3, 0) : offset(centre.lat, centre.lon, 0.5 + rng.next() * (params.nearRadius - 0.5), rng.int(-95, 95)));
      const inside = rng.chance(0.6);
      pc = postcode(rng, inside ? rng.pick(LOCALITIES[li].districts) : rng.pick(params.nearDistricts));
      localityIndex = inside ? li : null;
      near = params.centre ? null : li;
    }
    const inspected = kind !== 'TRANSPORT_DEPOT' && kind !== 'CONTACT_CENTRE';
    let rating: string | null = inspected ? ratingFor() : null;
    if (inspected && kind === 'CHILDRENS_HOME' && inadequateLeft > 0 && rng.chance(0.04)) {
      rating = 'INADEQUATE';
      inadequateLeft--;
    }
    const sid = id(`setting:${settings.length}`);
    // Ofsted URNs are kept as their 6 to 8 digits (the API refuses anything else), children's homes included.
    const urn = inspected ? String(kind === 'CHILDRENS_HOME' ? 500_000 + urnSerial++ : 1_000_000 + urnSerial++) : null;
    rows.setting.push({
      id: sid, ...versioned, archived_at: null, provider_id: providerId, name, kind,
      ofsted_urn: urn, ofsted_rating: rating,
      inspection_date: rating && rating !== 'NOT_YET_INSPECTED' ? randomDate(rng, addYears(asOf, -3), addDays(asOf, -14)) : null,
      registered_places: places, postcode: pc, latitude: lat.toFixed(6), longitude: lon.toFixed(6),
      locality_id: localityIndex === null ? null : localityIds[localityIndex],
    });
    settings.push({ id: sid, providerId, providerCode, group, kind, lat, lon, far, near, rating: rating ?? 'NONE' });
  };

  const addProvider = (key: string, group: string, legal: string, code: string, categories: string[]) => {
    const pid = id(`provider:${key}`);
    const charity = code === 'PR5' ? String(rng.int(1_000_000, 1_199_999)) : null;
    const trading = legal.replace(/ (Ltd|Limited|CIC)$/, '');
    rows.provider.push({
      id: pid, ...versioned, archived_at: null, legal_name: legal, trading_name: trading,
      company_number: code === 'PR1' ? null : String(companySerial++).padStart(8, '0'), charity_number: charity,
      provider_code: code, service_categories: categories,
      contacts: [{ name: 'Referrals team', role: 'Referrals', email: `referrals@${trading.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`, phone: `${params.phonePrefix} ${rng.int(100000, 999999)}` }],
      status: 'ACTIVE', notes: null,
    });
    providerGroup.set(pid, group);
    return pid;
  };

  // the authority's own services (PR1): one fostering service, its office in each locality when placed by locality
  const inHouseId = addProvider('inhouse', 'INHOUSE', params.inHouseName, 'PR1', ['FOSTERING']);
  const inHouseSettings: SettingModel[] = [];
  (params.centre ? [0] : LOCALITIES.map((_, i) => i)).forEach((li) => {
    const before = settings.length;
    addSetting(inHouseId, 'PR1', 'INHOUSE', 'FOSTERING_AGENCY_OFFICE', params.centre ? `${params.inHouseSettingName}, ${LOCALITIES[0].name}` : `${params.inHouseSettingName}, ${LOCALITIES[li].name}`, 0, null, true, params.centre ? null : li);
    inHouseSettings.push(settings[before]);
  });
  const inHouseFor = (li: number) => inHouseSettings[params.centre ? 0 : li];

  const groups: Array<{ group: string; kind: string; categories: string[]; settings: [number, number]; far: number; places: [number, number] | null }> = [
    { group: 'IFA', kind: 'FOSTERING_AGENCY_OFFICE', categories: ['FOSTERING'], settings: [1, 3], far: 0.2, places: null },
    { group: 'RES', kind: 'CHILDRENS_HOME', categories: ['RESIDENTIAL'], settings: [2, 5], far: 0.3, places: [2, 6] },
    { group: 'SA', kind: 'SUPPORTED_ACCOMMODATION', categories: ['SUPPORTED_ACCOMMODATION'], settings: [1, 4], far: 0.15, places: [4, 12] },
    { group: 'TRANSPORT', kind: 'TRANSPORT_DEPOT', categories: ['TRANSPORT'], settings: [1, 1], far: 0, places: null },
    { group: 'CONTACT', kind: 'CONTACT_CENTRE', categories: ['SUPERVISED_CONTACT'], settings: [1, 2], far: 0, places: null },
  ];
  const providersOf: Record<string, string[]> = { IFA: [], RES: [], SA: [], TRANSPORT: [], CONTACT: [] };
  const providerName = new Map<string, string>([[inHouseId, params.inHouseName]]);
  for (const g of groups) {
    for (let i = 0; i < params.providers[g.group as keyof ShapeParams['providers']]; i++) {
      const code = g.group === 'TRANSPORT' ? 'PR4' : rng.chance(g.group === 'CONTACT' ? 0.5 : 0.25) ? 'PR5' : 'PR4';
      const base = inventName(g.group);
      const legal = code === 'PR5' ? `${base} CIC` : `${base} Ltd`;
      const categories = g.group === 'RES' && rng.chance(0.2) ? ['RESIDENTIAL', 'EDUCATION'] : g.categories;
      const pid = addProvider(`${g.group}:${i}`, g.group, legal, code, categories);
      providersOf[g.group].push(pid);
      providerName.set(pid, base);
      const n = rng.int(g.settings[0], g.settings[1]);
      for (let s = 0; s < n; s++) {
        const label = g.kind === 'CHILDRENS_HOME' ? `${rng.pick(NAME_A)} ${rng.pick(['House', 'Lodge', 'Cottage', 'View'])}` : g.kind === 'FOSTERING_AGENCY_OFFICE' ? `${base} office ${s + 1}` : g.kind === 'SUPPORTED_ACCOMMODATION' ? `${base}, ${rng.pick(NAME_A)} Road` : g.kind === 'TRANSPORT_DEPOT' ? `${base} depot` : `${base} centre ${s + 1}`;
        addSetting(pid, code, g.group, g.kind, label, g.far, g.places ? rng.int(g.places[0], g.places[1]) : null);
      }
    }
  }
  // exactly the shape's number of Inadequate homes whatever the draw
  const settingRow = new Map(rows.setting.map((r) => [r.id as string, r]));
  for (let pass = 0; pass < 50 && inadequateLeft > 0; pass++) {
    for (const s of settings) {
      if (inadequateLeft <= 0) break;
      if (s.kind === 'CHILDRENS_HOME' && s.rating !== 'INADEQUATE' && rng.chance(0.05)) {
        s.rating = 'INADEQUATE';
        const row = settingRow.get(s.id)!;
        row.ofsted_rating = 'INADEQUATE';
        row.inspection_date ??= addDays(asOf, -60);
        inadequateLeft--;
      }
    }
  }

  // framework agreements and rate cards -----------------------------------------------------
  const NEEDS = [['STANDARD', 1], ['ENHANCED', 1.25], ['COMPLEX', 1.6], ['PARENT_AND_CHILD', 1.8]] as const;
  const BANDS = [[0, 4, 0.95], [5, 10, 1], [11, 15, 1.05], [16, 17, 1.08]] as const;
  const agreementStartFy = financialYearOf(historyStart) - 1;
  const agreementOf = new Map<string, { id: string; base: number }>();
  const rateLineIds: string[] = [];
  const currentRateLines: Array<{ id: string; agreementIndex: number; fee: bigint }> = [];
  const ifaFrameworks = Math.min(params.ifaFrameworks, providersOf.IFA.length);
  const frameworkProviders = [...providersOf.IFA.slice(0, ifaFrameworks), ...providersOf.RES.slice(0, Math.min(params.resFrameworks, providersOf.RES.length))];
  frameworkProviders.forEach((pid, i) => {
    const ifa = i < ifaFrameworks;
    const aid = id(`agreement:${i}`);
    const base = ifa ? 790 + (i % 6) * 15 : 4300 + ((i - ifaFrameworks) % 4) * 150;
    agreementOf.set(pid, { id: aid, base });
    rows.agreement.push({
      id: aid, ...versioned, provider_id: pid, authority_id: authorityId,
      title: `${ifa ? 'Independent fostering' : 'Residential care'} framework: ${providerName.get(pid)}`,
      reference: `FW-${ifa ? 'IFA' : 'RES'}-${String(ifa ? i + 1 : i - ifaFrameworks + 1).padStart(2, '0')}`,
      start_date: `${agreementStartFy}-04-01`, end_date: `${currentFy + 2}-03-31`, status: 'ACTIVE',
      tier: ifa ? i + 1 : i - ifaFrameworks + 1, discount_percent: i % 3, uplift_rule: 'FIXED_PERCENT', uplift_percent: 4, uplift_index: null,
      volume_commitment: ifa ? 10 + i * 2 : null, minimum_ofsted_rating: 'GOOD', documents: [], notes: null,
    });
    const types = ifa ? ['U4', 'U5', 'U6'] : ['K2'];
    const needs = ifa ? NEEDS : ([['STANDARD', 1], ['ENHANCED', 1.3], ['COMPLEX', 1.7], ['SOLO', 2.2]] as const);
    const bands = ifa ? BANDS : ([[8, 17, 1]] as const);
    for (let fy = agreementStartFy; fy <= currentFy; fy++) {
      for (const t of types) for (const [need, nf] of needs) for (const [lo, hi, bf] of bands) {
        const rid = id(`rate:${i}:${fy}:${t}:${need}:${lo}`);
        const fee = deflate(base * nf * bf, currentFy - fy);
        rows.rate_line.push({
          id: rid, ...versioned, agreement_id: aid, placement_type: t, need_level: need, min_age: lo, max_age: hi,
          weekly_fee: fee, effective_from: `${fy}-04-01`,
        });
        if (fy === currentFy && t !== 'U5') rateLineIds.push(rid);
        if (fy === currentFy && need === 'STANDARD' && (lo === 5 || lo === 8) && t !== 'U5') currentRateLines.push({ id: rid, agreementIndex: i, fee });
      }
    }
  });
  /** The rate card's fee for a placement type, need and age on a date (the line in force that year). */
  const cardFee = (pid: string, type: string, need: string, age: number, on: string): bigint | null => {
    const a = agreementOf.get(pid);
    if (!a) return null;
    const nf = NEEDS.find(([n]) => n === need)?.[1] ?? 1;
    const bf = BANDS.find(([lo, hi]) => age >= lo && age <= hi)?.[2] ?? 1;
    return deflate(a.base * nf * bf, yearsBefore(on));
  };

  // contracts that are not for one placement: block, transport, supervised contact -----------
  let contractSerial = 0;
  const contracts = new Map<string, { startDate: string; endDate: string | null }>();
  const addContract = (c: Row & { start_date: string; end_date: string | null }) => {
    contracts.set(c.id as string, { startDate: c.start_date, endDate: c.end_date });
    rows.contract.push(c);
  };
  const contractBase = { agreement_id: null, owner_id: null, extension_options: null, notice_period_days: 28, ceiling_value: null, block_places: null, weekly_fee: null, placement_type: null, need_level: null, child_age_at_start: null, card_weekly_fee: null, fee_above_card_reason: null, review_date: null, notes: null };
  const blocks: Array<{ id: string; providerId: string; start: string; end: string; places: number; fee: bigint; used: Array<[string, string]> }> = [];
  for (let b = 0; b < params.blocks && providersOf.RES.length > 0; b++) {
    const pid = providersOf.RES[(Math.min(params.resFrameworks, providersOf.RES.length) + 3 + b) % providersOf.RES.length];
    if (blocks.some((x) => x.providerId === pid)) continue;
    const start = `${currentFy - 2}-04-01`;
    const end = `${currentFy + 1}-03-31`;
    const places = 3 + (b % 3);
    const fee = deflate(4200, 2);
    const cid = id(`contract:block:${b}`);
    blocks.push({ id: cid, providerId: pid, start, end, places, fee, used: [] });
    addContract({
      id: cid, ...versioned, ...contractBase, kind: 'BLOCK', provider_id: pid, owner_id: officer('frameworks'), reference: `BL-${currentFy - 2}-${b + 1}`,
      title: `Block contract: ${places} residential places with ${providerName.get(pid)}`, status: 'LIVE', start_date: start, end_date: end,
      extension_options: '1 + 1 years', notice_period_days: 90, ceiling_value: fee * BigInt(places) * 52n * 3n * 110n / 100n,
      block_places: places, weekly_fee: fee, placement_type: 'K2', review_date: addDays(asOf, 45),
    });
  }
  for (const group of ['TRANSPORT', 'CONTACT'] as const) {
    providersOf[group].forEach((pid, i) => {
      const start = `${currentFy - rng.int(1, 3)}-04-01`;
      addContract({
        id: id(`contract:${group}:${i}`), ...versioned, ...contractBase, kind: group === 'TRANSPORT' ? 'TRANSPORT' : 'SUPERVISED_CONTACT', provider_id: pid,
        owner_id: officer(group === 'TRANSPORT' ? 'transport' : 'contact'),
        reference: `${group === 'TRANSPORT' ? 'TR' : 'SC'}-${start.slice(0, 4)}-${String(i + 1).padStart(3, '0')}`,
        title: `${group === 'TRANSPORT' ? 'Home to school and contact transport' : 'Supervised contact sessions'}: ${providerName.get(pid)}`,
        status: 'LIVE', start_date: start, end_date: `${currentFy + 1}-03-31`, extension_options: '1 year',
        ceiling_value: pounds(rng.int(40, 400) * 1000), review_date: `${currentFy}-12-01`,
      });
    });
  }

  // children and placements -----------------------------------------------------------------
  const poolCache = new Map<string, SettingModel[]>();
  const pool = (key: string, fits: (s: SettingModel) => boolean) => {
    let p = poolCache.get(key);
    if (!p) poolCache.set(key, (p = settings.filter(fits)));
    return p;
  };
  const pickSetting = (group: string, far: boolean, preferFramework: boolean, li: number): SettingModel => {
    const near = params.centre || far ? null : li;
    const fits = (s: SettingModel) => s.group === group && s.far === far && s.rating !== 'INADEQUATE' && (near === null || s.near === near);
    if (preferFramework) {
      const fw = pool(`${group}:${far}:${near}:fw`, (s) => fits(s) && agreementOf.has(s.providerId));
      if (fw.length) return rng.pick(fw);
    }
    const p = pool(`${group}:${far}:${near}`, fits);
    return p.length ? rng.pick(p) : rng.pick(pool(`${group}:any`, (s) => s.group === group && s.rating !== 'INADEQUATE'));
  };

  const placements: PlacementModel[] = [];
  const inCareToday = params.inCareToday + rng.int(0, params.inCareSpread);
  let caseSerial = rng.int(100_000, 200_000);
  const historyDays = daysBetween(historyStart, asOf);
  let serviceSerial = 0;
  for (let c = 0; c < inCareToday + params.leavers; c++) {
    const current = c < inCareToday;
    const cid = id(`child:${c}`);
    let dob: string;
    let entry: string;
    let exit: string | null;
    if (current) {
      const age = rng.weighted([[[0, 4], 18], [[5, 9], 18], [[10, 15], 39], [[16, 17], 25]] as const);
      dob = addDays(addYears(asOf, -rng.int(age[0], age[1])), -rng.int(1, 364));
      entry = randomDate(rng, maxDate(addDays(dob, 1), maxDate(historyStart, addYears(asOf, -params.maxYearsInCare))), addDays(asOf, -7));
      exit = null;
    } else {
      exit = randomDate(rng, addDays(historyStart, 60), asOf);
      // some leave care on their 18th birthday; the rest at any age
      const ageOut = params.ageOutShare > 0 && rng.chance(params.ageOutShare);
      const ageAtExit = ageOut ? 18 : rng.int(0, 17);
      dob = ageOut ? addYears(exit, -18) : addDays(addYears(exit, -ageAtExit), -rng.int(1, 364));
      entry = maxDate(maxDate(historyStart, addDays(dob, 1)), addDays(exit, -rng.int(30, 1400)));
      if (entry >= addDays(exit, -14)) entry = addDays(exit, -14);
      if (entry <= dob) {
        dob = addDays(entry, -1);
      }
    }
    const li = rng.weighted(LOCALITIES.map((l, i) => [i, l.share] as const));
    const loc = LOCALITIES[li];
    const home = offset(loc.lat, loc.lon, rng.next() * 2.5, rng.int(-90, 90));
    const uasc = ageOn(dob, entry) >= 14 && rng.chance(0.06);
    const caseRef = `${params.casePrefix}-${caseSerial++}`;
    rows.child.push({
      id: cid, ...versioned, case_reference: caseRef, initials: `${LETTERS[rng.int(0, 19)]}${LETTERS[rng.int(0, 19)]}`,
      date_of_birth: dob, gender: rng.weighted([['MALE', 55], ['FEMALE', 44], ['NOT_STATED', 1]] as const),
      legal_status: uasc ? 'V2' : rng.weighted([['C2', 60], ['C1', 15], ['V2', 18], ['E1', 5], ['J1', 2]] as const),
      locality_id: localityIds[li], home_postcode: postcode(rng, rng.pick(loc.districts)),
      home_latitude: home.lat.toFixed(6), home_longitude: home.lon.toFixed(6), uasc,
    });

    // split the episode into consecutive placements (the end of one is the start of the next)
    const end = exit ?? asOf;
    const years = daysBetween(entry, end) / 365;
    let moves = 0;
    for (let y = 0; y < Math.ceil(years); y++) if (rng.chance(0.3)) moves++;
    moves = Math.min(moves, 4);
    const cuts: string[] = [];
    for (let m = 0; m < moves; m++) {
      const span = daysBetween(entry, end);
      if (span < 60) break;
      cuts.push(addDays(entry, rng.int(20, span - 20)));
    }
    // many move on at 16, to supported accommodation or semi-independent living
    const sixteen = addDays(addYears(dob, 16), rng.int(0, 120));
    if (params.moveAt16Chance > 0 && sixteen > addDays(entry, 20) && sixteen < addDays(end, -20) && rng.chance(params.moveAt16Chance)) cuts.push(sixteen);
    const bounds = [entry, ...[...new Set(cuts)].sort(), exit];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const start = bounds[k]!;
      const stop = bounds[k + 1];
      if (stop !== null && stop <= start) continue;
      const age = ageOn(dob, start);
      const t = daysBetween(historyStart, start) / historyDays;
      const r = rng.next();
      const group = age >= 16 ? (r < 0.5 ? 'SA' : r < 0.7 ? 'RES' : 'FOSTER') : age >= 11 ? (r < 0.36 ? 'RES' : 'FOSTER') : age >= 5 ? (r < 0.09 ? 'RES' : 'FOSTER') : 'FOSTER';
      let placementType: string;
      let setting: SettingModel;
      let fee: bigint;
      let need: string | null = null;
      if (group === 'FOSTER') {
        const friends = rng.chance(0.12);
        const inHouse = friends || rng.chance(params.inHouseShare[0] + params.inHouseShare[1] * t);
        placementType = friends ? rng.pick(['U1', 'U3', 'U3']) : age < 2 && rng.chance(0.15) ? 'U5' : rng.chance(0.38) ? 'U4' : 'U6';
        if (inHouse) {
          setting = inHouseFor(li);
          fee = deflate(friends ? rng.int(300, 450) : rng.int(480, 680), yearsBefore(start));
        } else {
          setting = pickSetting('IFA', rng.chance(0.25 - 0.16 * t), rng.chance(0.6), li);
          need = rng.weighted([['STANDARD', 70], ['ENHANCED', 20], ['COMPLEX', 7], ['PARENT_AND_CHILD', 3]] as const);
          const nf = NEEDS.find(([n]) => n === need)![1];
          fee = cardFee(setting.providerId, placementType, need, age, start) ?? deflate((800 + rng.normal() * 35) * nf, yearsBefore(start));
          if (agreementOf.has(setting.providerId) && rng.chance(0.2)) fee = (fee * BigInt(rng.int(95, 98))) / 100n / 100n * 100n;
        }
      } else if (group === 'RES') {
        placementType = 'K2';
        setting = pickSetting('RES', rng.chance(0.4 - 0.22 * t), false, li);
        fee = deflate(rng.chance(0.06) ? rng.int(10_500, 14_000) : rng.int(3_500, 6_000), yearsBefore(start));
      } else {
        placementType = rng.chance(0.5) ? 'H5' : 'K3';
        setting = pickSetting('SA', rng.chance(0.12 - 0.08 * t), false, li);
        fee = deflate(rng.int(420, 800), yearsBefore(start));
      }
      const pid = id(`placement:${placements.length}`);
      const providerId = setting.providerId;
      const providerCode = setting.providerCode;
      let plannedEnd: string | null = null;
      if (stop === null) {
        const eighteen = addYears(dob, 18);
        plannedEnd = group === 'SA' || rng.chance(0.3) ? eighteen : null;
      }

      // contract: call-off under a framework, block place, or spot; none for in-house
      let contractId: string | null = null;
      if (providerCode !== 'PR1') {
        const block = group === 'RES' ? blocks.find((b) => b.providerId === providerId) : undefined;
        const placeEnd = stop ?? plannedEnd ?? addDays(block?.end ?? asOf, 0);
        const free = block && start >= block.start && placeEnd <= block.end && block.used.filter(([s, e]) => s < placeEnd && start < e).length < block.places;
        if (block && free) {
          contractId = block.id;
          block.used.push([start, placeEnd]);
          fee = block.fee;
          for (let fy = financialYearOf(block.start) + 1; fy <= financialYearOf(start); fy++) fee = uplift(fee, 4n);
          if (stop === null) plannedEnd = minDate(plannedEnd ?? block.end, block.end);
        } else {
          contractId = id(`contract:placement:${placements.length}`);
          const callOff = group === 'FOSTER' && agreementOf.has(providerId);
          const card = callOff ? cardFee(providerId, placementType, need!, age, start) : null;
          const kindCode = callOff ? 'CO' : 'SP';
          addContract({
            id: contractId, ...versioned, ...contractBase, kind: callOff ? 'CALL_OFF' : 'SPOT', provider_id: providerId,
            agreement_id: callOff ? agreementOf.get(providerId)!.id : null,
            owner_id: officer(group === 'FOSTER' ? 'fostering' : group === 'RES' ? 'residential' : 'supported'),
            reference: `${kindCode}-${start.slice(0, 4)}-${String(++contractSerial).padStart(params.contractDigits, '0')}`,
            title: `${callOff ? 'Individual placement agreement (call-off)' : 'Spot placement'}: ${caseRef}`,
            // A placement agreed to its planned end (an 18th birthday) is contracted to it: such contracts come up for renewal.
            status: stop === null ? 'LIVE' : 'ENDED', start_date: start, end_date: stop ?? plannedEnd, weekly_fee: fee,
            placement_type: placementType, need_level: need, child_age_at_start: age, card_weekly_fee: card,
            review_date: stop === null ? addDays(start, 182 * (1 + Math.floor(daysBetween(start, asOf) / 182))) : null,
          });
        }
      }

      // fee history: the agreed fee from the start, 4% more each 1 April while it runs
      const fees: FeeRow[] = [{ effectiveFrom: start, weeklyFee: fee }];
      const lastNight = stop ?? addDays(asOf, 1);
      for (let fy = financialYearOf(start) + 1; `${fy}-04-01` < lastNight; fy++) {
        fees.push({ effectiveFrom: `${fy}-04-01`, weeklyFee: uplift(fees[fees.length - 1].weeklyFee, 4n) });
      }
      // additional services (1:1 support, education, therapy), recurring or one-off, on some bought placements
      const services: ServiceRow[] = [];
      const serviceRows: Row[] = [];
      const runDays = daysBetween(start, stop ?? asOf);
      if (providerCode !== 'PR1' && runDays > 28 && rng.chance(group === 'RES' ? 0.3 : 0.1)) {
        const options = SERVICES.filter((s) => (s.groups as readonly string[]).includes(group));
        for (let n = rng.int(1, 2); n > 0; n--) {
          const s = rng.pick(options);
          const from = addDays(start, rng.int(0, Math.max(0, runDays - 14)));
          const amount = deflate(rng.int(s.pounds[0], s.pounds[1]), yearsBefore(from));
          let to: string | null = null;
          if (s.charge === 'WEEKLY') {
            to = addDays(from, 7 * rng.int(s.weeks[0], s.weeks[1]));
            if (stop !== null && to > stop) to = stop;
            else if (stop === null && to > asOf && rng.chance(0.4)) to = null; // continues with the placement
          }
          if (to !== null && to <= from) continue;
          services.push({ charge: s.charge as ServiceRow['charge'], amount, startDate: from, endDate: to });
          serviceRows.push({ id: id(`service:${serviceSerial++}`), ...versioned, placement_id: pid, description: s.description, charge: s.charge, amount, start_date: from, end_date: to });
        }
      }
      const distance = round2(haversineMiles(home.lat, home.lon, setting.lat, setting.lon));
      const isLast = k + 2 === bounds.length;
      const reference = `PL-${String(placements.length + 1).padStart(6, '0')}`;
      placements.push({
        id: pid, reference, childId: cid, providerId, providerCode, settingId: setting.id,
        contractId, placementType, startDate: start, endDate: stop, plannedEndDate: plannedEnd, fees, services, distance, localityIndex: li, uasc,
      });
      rows.placement.push({
        id: pid, ...versioned, child_id: cid, provider_id: providerId, setting_id: setting.id, contract_id: contractId,
        placement_type: placementType, provider_code: providerCode, start_date: start, planned_end_date: plannedEnd, end_date: stop,
        end_reason: stop === null ? null : isLast ? (age >= 16 ? rng.weighted([['E17', 3], ['E5', 3], ['E4A', 2], ['E8', 1]] as const) : rng.weighted([['E4A', 30], ['E4B', 5], ['E13', 15], ['E11', 12], ['E45', 12], ['E41', 5], ['E3', 3], ['E8', 3]] as const)) : 'X1',
        change_reason: stop !== null && !isLast ? rng.weighted([['CARPL', 35], ['STAND', 15], ['CHILD', 12], ['PLACE', 12], ['LAREQ', 10], ['CREQB', 6], ['ALLEG', 3], ['CLOSE', 4], ['OTHER', 3]] as const) : null,
        distance_miles: distance.toFixed(2), reference,
      });
      fees.forEach((f, fi) => rows.placement_fee.push({
        id: id(`fee:${pid}:${fi}`), placement_id: pid, weekly_fee: f.weeklyFee, effective_from: f.effectiveFrom,
        reason: fi === 0 ? 'Agreed fee at start' : '4% annual uplift', created_at: stamp,
      }));
      rows.additional_service.push(...serviceRows);

      // a temporary move (T3 respite while the carers are away, T4 a few nights for any other reason)
      // with an in-house carer, inside a foster placement and over before today
      const mainRun = daysBetween(start, minDate(stop ?? asOf, asOf));
      if (group === 'FOSTER' && mainRun > 60 && rng.chance(params.temporaryMoveChance)) {
        const type = rng.chance(0.6) ? 'T3' : 'T4';
        const nights = type === 'T3' ? rng.int(7, 14) : rng.int(1, 7);
        const tStart = addDays(start, rng.int(14, mainRun - nights - 7));
        const tEnd = addDays(tStart, nights);
        const tid = id(`placement:${placements.length}`);
        const respite = inHouseFor(li);
        const tFees: FeeRow[] = [{ effectiveFrom: tStart, weeklyFee: deflate(rng.int(480, 680), yearsBefore(tStart)) }];
        if (financialYearOf(tEnd) > financialYearOf(tStart) && `${financialYearOf(tEnd)}-04-01` < tEnd) tFees.push({ effectiveFrom: `${financialYearOf(tEnd)}-04-01`, weeklyFee: uplift(tFees[0].weeklyFee, 4n) });
        const tDistance = round2(haversineMiles(home.lat, home.lon, respite.lat, respite.lon));
        const tRef = `PL-${String(placements.length + 1).padStart(6, '0')}`;
        placements.push({
          id: tid, reference: tRef, childId: cid, providerId: inHouseId, providerCode: 'PR1', settingId: respite.id, contractId: null,
          placementType: type, startDate: tStart, endDate: tEnd, plannedEndDate: null, fees: tFees, services: [], distance: tDistance, localityIndex: li, uasc,
        });
        rows.placement.push({
          id: tid, ...versioned, child_id: cid, provider_id: inHouseId, setting_id: respite.id, contract_id: null,
          placement_type: type, provider_code: 'PR1', start_date: tStart, planned_end_date: null, end_date: tEnd,
          end_reason: 'X1', change_reason: null, distance_miles: tDistance.toFixed(2), reference: tRef,
        });
        tFees.forEach((f, fi) => rows.placement_fee.push({
          id: id(`fee:${tid}:${fi}`), placement_id: tid, weekly_fee: f.weeklyFee, effective_from: f.effectiveFrom,
          reason: fi === 0 ? (type === 'T3' ? 'Respite carer’s fee' : 'Short-stay carer’s fee') : '4% annual uplift', created_at: stamp,
        }));
      }
    }
  }

  // negotiations with offer histories: on spot contracts and on the agreements' rate cards ---------
  const spot = rows.contract.filter((c) => c.kind === 'SPOT' && (c.placement_type === 'K2' || c.placement_type === 'H5'));
  let negSerial = 0;
  const addNegotiation = (target: { contract_id?: string; rate_line_id?: string }, status: string, offers: Array<[string, string, bigint, string]>, agreed: bigint | null, closedOn: string | null, note: string | null, team: Team) => {
    const nid = id(`negotiation:${negSerial++}`);
    rows.negotiation.push({ id: nid, ...versioned, contract_id: target.contract_id ?? null, rate_line_id: target.rate_line_id ?? null, status, agreed, closed_on: closedOn, closing_note: note });
    const lead = officer(team);
    offers.forEach(([on, party, amount, text], i) => rows.negotiation_offer.push({ id: id(`offer:${nid}:${i}`), negotiation_id: nid, sequence: i + 1, offered_on: on, party, amount, note: text, officer_id: party === 'AUTHORITY' ? lead : null, created_at: stamp }));
  };
  const roundPounds = (p: bigint) => (p / 100n) * 100n;
  spot.forEach((c, i) => {
    if (i % 3 !== 0) return;
    const fee = c.weekly_fee as bigint;
    const start = c.start_date as string;
    const ask = roundPounds((fee * BigInt(108 + rng.int(0, 12))) / 100n);
    const counter = roundPounds((fee * 95n) / 100n);
    const offers: Array<[string, string, bigint, string]> = [
      [addDays(start, -10), 'PROVIDER', ask, 'Initial ask'],
      [addDays(start, -8), 'AUTHORITY', counter, 'Counter-offer in line with comparable placements'],
    ];
    if (rng.chance(0.5)) offers.push([addDays(start, -6), 'PROVIDER', roundPounds((ask + fee) / 2n), 'Revised ask']);
    offers.push([addDays(start, -4), 'AUTHORITY', fee, 'Final offer, accepted']);
    addNegotiation({ contract_id: c.id as string }, 'AGREED', offers, fee, addDays(start, -4), 'Agreed', c.placement_type === 'K2' ? 'residential' : 'supported');
  });
  const live = spot.filter((c) => c.status === 'LIVE');
  for (let i = 0; i < 3 && i < live.length; i++) {
    const c = live[live.length - 1 - i];
    const fee = c.weekly_fee as bigint;
    addNegotiation({ contract_id: c.id as string }, 'OPEN', [[addDays(asOf, -20 + i), 'PROVIDER', roundPounds((fee * 112n) / 100n), 'Fee review: increased staffing'], [addDays(asOf, -12 + i), 'AUTHORITY', roundPounds((fee * 103n) / 100n), 'Counter-offer']], null, null, null, c.placement_type === 'K2' ? 'residential' : 'supported');
  }
  const ended = spot.filter((c) => c.status === 'ENDED');
  const negotiated = new Set(rows.negotiation.map((n) => n.contract_id));
  for (let i = 0; i < 2 && i < ended.length; i++) {
    const c = ended[i * 7 + 1] ?? ended[i];
    if (negotiated.has(c.id)) continue;
    addNegotiation({ contract_id: c.id as string }, 'ABANDONED', [[addDays(c.start_date as string, 30), 'PROVIDER', roundPounds(((c.weekly_fee as bigint) * 115n) / 100n), 'Request for an increase']], null, addDays(c.start_date as string, 45), 'Provider withdrew the request', 'residential');
  }
  // this year's rate for each agreement was negotiated: the provider asked for more than the 4% uplift rule
  const openRate = rateLineIds.length ? rateLineIds[rng.int(0, rateLineIds.length - 1)] : null;
  const fyStart = `${currentFy}-04-01`;
  for (let a = 0; a < frameworkProviders.length; a++) {
    const line = currentRateLines.find((l) => l.agreementIndex === a && l.id !== openRate);
    if (!line) continue;
    const ask = roundPounds((line.fee * BigInt(107 + rng.int(0, 4))) / 100n);
    const offers: Array<[string, string, bigint, string]> = [
      [addDays(fyStart, -75), 'PROVIDER', ask, 'Proposed rate: staffing and energy costs'],
      [addDays(fyStart, -60), 'AUTHORITY', roundPounds((line.fee * 98n) / 100n), 'Counter-offer under the framework’s uplift rule'],
    ];
    if (a % 3 === 1) offers.push([addDays(fyStart, -50), 'PROVIDER', roundPounds((ask + line.fee) / 2n), 'Revised proposal']);
    offers.push([addDays(fyStart, -40), 'AUTHORITY', line.fee, 'Agreed: the 4% uplift']);
    addNegotiation({ rate_line_id: line.id }, 'AGREED', offers, line.fee, addDays(fyStart, -40), 'Agreed at the uplift rule', 'frameworks');
  }
  if (openRate) addNegotiation({ rate_line_id: openRate }, 'OPEN', [[addDays(asOf, -30), 'PROVIDER', pounds(1020), 'Proposed rate for next year'], [addDays(asOf, -21), 'AUTHORITY', pounds(960), 'Counter-offer within the uplift rule']], null, null, null, 'frameworks');

  // procurement rounds in every state ---------------------------------------------------------
  const matrix = [{ criterion: 'Matching to the child’s needs', maxPoints: 40 }, { criterion: 'Staffing and safeguarding', maxPoints: 30 }, { criterion: 'Education and health support', maxPoints: 30 }];
  const STATES = ['DRAFT', 'DRAFT', 'OPEN', 'OPEN', 'CLOSED', 'CLOSED', 'AWARDED', 'AWARDED', 'AWARDED', 'AWARDED', 'WITHDRAWN', 'WITHDRAWN'];
  const states = Array.from({ length: STATES.length * params.roundSets }, (_, i) => STATES[i % STATES.length]);
  const contractKind = new Map(rows.contract.map((c) => [c.id as string, c.kind as string]));
  const recentRes = placements.filter((p) => p.placementType === 'K2' && p.contractId && contractKind.get(p.contractId) === 'SPOT' && p.startDate > addYears(asOf, -2));
  const resProviders = providersOf.RES.filter((pid) => settings.some((s) => s.providerId === pid && s.rating !== 'INADEQUATE'));
  const childById = new Map(rows.child.map((ch) => [ch.id as string, ch]));
  const usedAwards = new Set<string>();
  states.forEach((state, i) => {
    const rid = id(`round:${i}`);
    let awarded = state === 'AWARDED' ? recentRes[(i * 5) % Math.max(recentRes.length, 1)] : undefined;
    if (awarded && usedAwards.has(awarded.id)) awarded = recentRes.find((p) => !usedAwards.has(p.id));
    if (awarded) usedAwards.add(awarded.id);
    const child = childById.get(awarded?.childId ?? (rows.child[(i * 11) % rows.child.length].id as string))!;
    const start = awarded?.startDate ?? addDays(asOf, 14 + (i % 12) * 3);
    const closesAt = state === 'DRAFT' || state === 'OPEN' ? `${addDays(asOf, 5 + (i % 12))}T12:00:00.000Z` : state === 'CLOSED' ? `${addDays(asOf, -2 - (i % 12))}T12:00:00.000Z` : `${addDays(start, -12)}T12:00:00.000Z`;
    // Invitations go out ten days before the close and bids come in two days before it, but never after "today".
    const closesOn = closesAt.slice(0, 10);
    const invitedAt = `${minDate(addDays(closesOn, -10), addDays(asOf, -1))}T12:00:00.000Z`;
    const submittedAt = `${minDate(addDays(closesOn, -2), asOf)}T09:00:00.000Z`;
    const bidders = new Set<string>();
    if (awarded) bidders.add(awarded.providerId);
    while (bidders.size < Math.min(4, resProviders.length)) bidders.add(rng.pick(resProviders));
    const invited = state === 'DRAFT' ? [] : [...bidders];
    let awardedBidId: string | null = null;
    const roundBids: Row[] = [];
    if (state !== 'DRAFT' && state !== 'WITHDRAWN') {
      invited.forEach((pid, k) => {
        if (state === 'OPEN' && k >= 2) return;
        const bid = id(`bid:${i}:${k}`);
        const amount = awarded && pid === awarded.providerId ? awarded.fees[0].weeklyFee : pounds(rng.int(4_200, 6_500));
        if (awarded && pid === awarded.providerId) awardedBidId = bid;
        roundBids.push({
          id: bid, ...versioned, round_id: rid, provider_id: pid, amount,
          quality_marks: state === 'OPEN' ? [] : matrix.map((m) => ({ criterion: m.criterion, points: pid === awarded?.providerId ? m.maxPoints - rng.int(0, 3) : rng.int(Math.floor(m.maxPoints / 2), m.maxPoints - 4) })),
          notes: null, submitted_at: submittedAt,
        });
      });
    }
    const childAge = ageOn(child.date_of_birth as string, start);
    rows.procurement_round.push({
      id: rid, ...versioned, reference: `RFQ-${start.slice(0, 4)}-${String(i + 1).padStart(3, '0')}`,
      title: `Residential placement for ${child.case_reference}`, category: 'PLACEMENT',
      stored_status: state === 'CLOSED' ? 'OPEN' : state, child_reference: child.case_reference, placement_type: 'K2', need_level: 'STANDARD',
      child_age: Math.max(childAge, 8), start_date: start, end_date: null, postcode: child.home_postcode, latitude: child.home_latitude, longitude: child.home_longitude,
      radius_miles: 30, need_description: 'Solo or small home, education on site preferred', closes_at: closesAt, quality_weight: 60, price_weight: 40,
      scoring_matrix: matrix, owner_id: officer('residential'), awarded_bid_id: awardedBidId, contract_id: awarded?.contractId ?? null,
      withdrawn_reason: state === 'WITHDRAWN' ? 'Need met by an in-house placement' : null,
    });
    invited.forEach((pid) => {
      const nearest = settings.filter((s) => s.providerId === pid).map((s) => haversineMiles(Number(child.home_latitude), Number(child.home_longitude), s.lat, s.lon)).sort((a, b) => a - b)[0];
      rows.procurement_invitation.push({ id: id(`invitation:${i}:${pid}`), round_id: rid, provider_id: pid, distance_miles: nearest === undefined ? null : round2(nearest).toFixed(2), invited_at: invitedAt });
    });
    rows.bid.push(...roundBids);
  });

  // transport routes and supervised contact, each from its own random sequence (./services.ts) -------
  const services = buildServices({
    params, seed, asOf, versioned, id, rows, placements, historyStart, transportProviders: providersOf.TRANSPORT, contactProviders: providersOf.CONTACT,
    officers: { transport: officers.get('transport')!, contact: officers.get('contact')! }, addContract,
  });

  // budgets' Section 251 line for a placement -------------------------------------------------
  const categoryOf = (p: PlacementModel) =>
    p.uasc ? 'ASYLUM_SEEKERS'
      : TEMPORARY.has(p.placementType) ? (p.providerCode === 'PR1' ? 'FOSTERING_OWN_CARERS' : 'OTHER_LOOKED_AFTER')
        : ['U1', 'U2', 'U3'].includes(p.placementType) ? 'FAMILY_AND_FRIENDS'
          : FOSTER.has(p.placementType) ? (p.providerCode === 'PR1' ? 'FOSTERING_OWN_CARERS' : 'FOSTERING_SERVICES')
            : ['K1', 'K2', 'R1', 'S1'].includes(p.placementType) ? 'RESIDENTIAL_CARE' : 'OTHER_LOOKED_AFTER';

  // monthly invoices: per provider per month, one line per placement-month (or per week within it) ----
  const thisMonth = `${asOf.slice(0, 7)}-01`;
  const byProvider = new Map<string, PlacementModel[]>();
  for (const p of placements) if (p.providerCode !== 'PR1') byProvider.set(p.providerId, [...(byProvider.get(p.providerId) ?? []), p]);
  const providerOrder = rows.provider.map((p) => p.id as string).filter((pid) => byProvider.has(pid));
  const byId = new Map(placements.map((p) => [p.id, p]));
  const fyLo = `${currentFy}-04-01`;
  const fyHi = `${currentFy + 1}-04-01`;
  let invoicedThisYear: Map<string, bigint> | null = null; // category|locality → approved/paid lines this year

  // Transport and contact providers bill each journey and session they delivered in the last few
  // months, a line each at its cost (no deliberate disputes: these are matched against the cost).
  const providerOfContract = new Map(rows.contract.map((c) => [c.id as string, c.provider_id as string]));
  const contractOf = new Map<string, string | null>([
    ...rows.transport_route.map((r) => [r.id as string, r.contract_id as string | null] as const),
    ...rows.contact_arrangement.map((a) => [a.id as string, a.contract_id as string | null] as const),
  ]);
  const serviceFrom = addMonths(thisMonth, -params.serviceInvoiceMonths);
  const serviceCharges = new Map<string, Array<{ kind: 'journey' | 'session'; id: string; date: string; cost: bigint; what: string }>>();
  const addCharge = (parentId: string, kind: 'journey' | 'session', row: Row, what: string) => {
    const date = row.date as string;
    const cost = row.cost as bigint | null;
    const contractId = contractOf.get(parentId);
    if (date < serviceFrom || date >= thisMonth || cost === null || cost === 0n || !contractId) return;
    const key = `${providerOfContract.get(contractId)}|${date.slice(0, 7)}`;
    serviceCharges.set(key, [...(serviceCharges.get(key) ?? []), { kind, id: row.id as string, date, cost, what }]);
  };
  for (const batch of services.journeyBatches()) for (const j of batch) addCharge(j.route_id as string, 'journey', j, `Journey ${j.date} ${String(j.leg).toLowerCase()}`);
  for (const batch of services.sessionBatches()) for (const c of batch) addCharge(c.arrangement_id as string, 'session', c, `Contact session ${c.date}`);
  for (const charges of serviceCharges.values()) charges.sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1));
  const serviceProviders = rows.provider.map((p) => p.id as string).filter((pid) => [...serviceCharges.keys()].some((k) => k.startsWith(`${pid}|`)));

  function* invoiceMonths(): Generator<InvoiceMonth> {
    const irng = new Rng(`${seed}:invoices`);
    const approvedThisYear = new Map<string, bigint>();
    const months = params.invoiceMonths;
    for (let m = months; m >= 1; m--) {
      const from = addMonths(thisMonth, -m);
      const to = addMonths(thisMonth, -m + 1);
      const batch: InvoiceMonth = { month: months - m + 1, months, invoices: [], lines: [], models: [], totals: new Map() };
      for (const pid of providerOrder) {
        const running = byProvider.get(pid)!.filter((p) => p.startDate < to && (p.endDate === null || p.endDate > from));
        if (!running.length) continue;
        const invId = id(`invoice:${pid}:${from}`);
        let total = 0n;
        let disputed = false;
        const lines: Row[] = [];
        let k = 0;
        for (const p of running) {
          const lo = maxDate(from, p.startDate);
          const hi = p.endDate ? minDate(to, p.endDate) : to;
          const bounds = params.nightlyLines.includes(p.placementType) ? nightsOf(lo, hi) : params.invoiceLines === 'week' ? [lo, ...mondaysWithin(lo, hi), hi] : [lo, hi];
          for (let b = 0; b + 1 < bounds.length; b++) {
            const a = bounds[b];
            const z = bounds[b + 1];
            const expected = costBetween(p, p.fees, [], a, z);
            const deliberate = irng.chance(params.disputeRate);
            const amount = deliberate ? expected + (irng.chance(0.7) ? pounds(irng.int(20, 400)) : -pounds(irng.int(10, Math.max(10, Math.min(150, Number(expected / 100n) - 1))))) : expected;
            const status = amount === expected ? 'MATCHED' : 'DISPUTED';
            if (status === 'DISPUTED') disputed = true;
            total += amount;
            batch.models.push({ invoiceId: invId, placementId: p.id, fromDate: a, toDate: z, amount, expectedAmount: expected, status, deliberateDispute: deliberate });
            lines.push({
              id: id(`line:${invId}:${k}`), ...versioned, invoice_id: invId, line_number: k + 1, placement_id: p.id, journey_id: null, session_id: null,
              description: `Placement ${p.reference}: care ${a} to ${addDays(z, -1)}`, from_date: a, to_date: z,
              nights: daysBetween(a, z), amount, expected_amount: expected, status,
            });
            k++;
          }
        }
        // clean invoices older than two months have been approved and paid; last month's are matched or approved
        const received = addDays(to, irng.int(2, 9));
        const paid = !disputed && m >= 3;
        const status = disputed ? 'DISPUTED' : paid ? 'PAID' : m === 2 ? 'APPROVED' : 'MATCHED';
        const lineStatus = status === 'PAID' ? 'PAID' : status === 'APPROVED' ? 'APPROVED' : null;
        if (lineStatus) for (const l of lines) l.status = lineStatus;
        if (lineStatus) {
          for (const l of lines) {
            if ((l.from_date as string) < fyLo || (l.from_date as string) >= fyHi) continue;
            const p = byId.get(l.placement_id as string)!;
            const key = `${categoryOf(p)}|${p.localityIndex}`;
            approvedThisYear.set(key, (approvedThisYear.get(key) ?? 0n) + (l.amount as bigint));
          }
        }
        batch.totals.set(invId, total);
        batch.invoices.push({
          id: invId, ...versioned, provider_id: pid, reference: `INV-${from.slice(0, 7).replace('-', '')}-${irng.int(1000, 9999)}`,
          period_start: from, period_end: addDays(to, -1), received_date: minDate(received, asOf), status,
          approval_reason: null, paid_date: paid ? minDate(addDays(received, 28), asOf) : null,
        });
        batch.lines.push(...lines);
      }
      for (const pid of m <= params.serviceInvoiceMonths ? serviceProviders : []) {
        const charges = serviceCharges.get(`${pid}|${from.slice(0, 7)}`);
        if (!charges) continue;
        const invId = id(`invoice:services:${pid}:${from}`);
        const status = m >= 3 ? 'PAID' : m === 2 ? 'APPROVED' : 'MATCHED';
        const lineStatus = status === 'MATCHED' ? 'MATCHED' : status;
        charges.forEach((c, k) => {
          batch.models.push({ invoiceId: invId, placementId: null, service: { kind: c.kind, id: c.id }, fromDate: c.date, toDate: addDays(c.date, 1), amount: c.cost, expectedAmount: c.cost, status: 'MATCHED', deliberateDispute: false });
          batch.lines.push({
            id: id(`line:${invId}:${k}`), ...versioned, invoice_id: invId, line_number: k + 1, placement_id: null,
            journey_id: c.kind === 'journey' ? c.id : null, session_id: c.kind === 'session' ? c.id : null,
            description: c.what, from_date: c.date, to_date: addDays(c.date, 1), nights: null, amount: c.cost, expected_amount: c.cost, status: lineStatus,
          });
        });
        const received = addDays(to, irng.int(2, 9));
        batch.totals.set(invId, charges.reduce((sum, c) => sum + c.cost, 0n));
        batch.invoices.push({
          id: invId, ...versioned, provider_id: pid, reference: `INV-${from.slice(0, 7).replace('-', '')}-S${irng.int(1000, 9999)}`,
          period_start: from, period_end: addDays(to, -1), received_date: minDate(received, asOf), status,
          approval_reason: null, paid_date: status === 'PAID' ? minDate(addDays(received, 28), asOf) : null,
        });
      }
      yield batch;
    }
    invoicedThisYear = approvedThisYear;
  }

  // budgets: ORIGINAL and REVISED for each financial year, by Section 251 line and locality ----------
  function finish(counts: Record<string, number>): Finished {
    if (!invoicedThisYear) throw new Error('finish() needs a full pass of invoiceMonths() first');
    const brng = new Rng(`${seed}:budgets`);
    const budgetYears = params.budgetYears;
    const spend = new Map<string, bigint>(); // fy|category|locality → full-year cost (current year: to 31 March)
    for (const p of placements) {
      for (let fy = currentFy - budgetYears + 1; fy <= currentFy; fy++) {
        const lo = `${fy}-04-01`;
        const hi = `${fy + 1}-04-01`;
        if (p.startDate >= hi || (p.endDate && p.endDate <= lo)) continue;
        const until = p.endDate ?? minDate(p.plannedEndDate ?? hi, hi);
        const cost = costBetween({ startDate: p.startDate, endDate: until }, p.fees, p.services, lo, hi);
        const key = `${fy}|${categoryOf(p)}|${p.localityIndex}`;
        spend.set(key, (spend.get(key) ?? 0n) + cost);
      }
    }
    // This year's position as the app's budgetPosition reads it: actual = invoice lines approved or
    // paid whose first night is in the year; committed = open placements (with their services) from
    // today to their end, planned end or 31 March. This year's budgets follow it so the app shows the overspend.
    const appForecast = new Map(invoicedThisYear);
    for (const p of placements) {
      if (p.endDate !== null && p.endDate <= fyLo) continue;
      const from = maxDate(maxDate(asOf, fyLo), p.startDate);
      const to = minDate(fyHi, p.endDate ?? p.plannedEndDate ?? fyHi);
      if (from >= to) continue;
      const key = `${categoryOf(p)}|${p.localityIndex}`;
      appForecast.set(key, (appForecast.get(key) ?? 0n) + costBetween(p, p.fees, p.services, from, to));
    }
    const INVOICED = new Set(['RESIDENTIAL_CARE', 'FOSTERING_SERVICES', 'OTHER_LOOKED_AFTER', 'ASYLUM_SEEKERS']);
    const OTHER_LINES = params.otherBudgetLines;
    const CATEGORIES = ['RESIDENTIAL_CARE', 'FOSTERING_OWN_CARERS', 'FOSTERING_SERVICES', 'OTHER_LOOKED_AFTER', 'FAMILY_AND_FRIENDS', 'ASYLUM_SEEKERS', ...OTHER_LINES.map(([c]) => c)];
    const toThousand = (p: bigint) => divideRoundHalfUp(p, 100_000n) * 100_000n;
    const budgetRows: Row[] = [];
    for (let fy = currentFy - budgetYears + 1; fy <= currentFy; fy++) {
      for (const category of CATEGORIES) {
        LOCALITIES.forEach((l, li) => {
          const other = OTHER_LINES.find(([c]) => c === category);
          const actual = other
            ? deflate(other[1] * l.share, currentFy - fy)
            : fy === currentFy && INVOICED.has(category)
              ? appForecast.get(`${category}|${li}`) ?? 0n
              : spend.get(`${fy}|${category}|${li}`) ?? 0n;
          const [o, r] = category === 'RESIDENTIAL_CARE' ? [brng.int(82, 88), brng.int(91, 96)] : [brng.int(97, 106), 0];
          const original = toThousand((actual * BigInt(o)) / 100n);
          const revised = category === 'RESIDENTIAL_CARE' ? toThousand((actual * BigInt(r)) / 100n) : toThousand((original * BigInt(brng.int(98, 102))) / 100n);
          for (const [stage, amount] of [['ORIGINAL', original], ['REVISED', revised]] as const) {
            budgetRows.push({ id: id(`budget:${fy}:${category}:${li}:${stage}`), ...versioned, financial_year: fy, category, locality_id: localityIds[li], stage, amount });
          }
        });
      }
    }

    // one summary audit event for the whole load
    const audit: Row = {
      id: id('audit:seed'), occurred_at: stamp, actor_id: null, actor_email: 'system', entity_type: params.auditEntity, entity_id: id('audit:seed:entity'), action: 'CREATE',
      changes: { shape: params.shape, seed, asOf, ...(params.scale === 1 ? {} : { scale: params.scale }), rows: { ...counts, budget_line: budgetRows.length } }, request_id: null,
    };

    const spendByCategory = new Map<string, bigint>();
    for (const [key, cost] of spend) {
      const k = key.split('|').slice(0, 2).join('|');
      spendByCategory.set(k, (spendByCategory.get(k) ?? 0n) + cost);
    }
    const forecastThisYear = new Map<string, bigint>();
    for (const [key, cost] of appForecast) {
      const k = key.split('|')[0];
      forecastThisYear.set(k, (forecastThisYear.get(k) ?? 0n) + cost);
    }
    return { budget_line: budgetRows, audit_event: [audit], spend: spendByCategory, forecastThisYear };
  }

  return { params, options, rows, placements, contracts, journeyBatches: services.journeyBatches, sessionBatches: services.sessionBatches, invoiceMonths, finish };
}
