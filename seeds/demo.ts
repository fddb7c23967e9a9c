/**
 * The `demo` shape: one authority like BCP (Bournemouth, Christchurch and Poole), its
 * providers and settings, framework agreements with rate cards, five years of children's
 * placements with fee histories and contracts, negotiations, procurement rounds, a year of
 * monthly invoices and five years of budgets. Pure: (seed, asOf) → rows; nothing here
 * touches the database. Figures follow ../shared/docs/domain.md, "Figures for realistic data".
 */
import { Rng, fixedUuid } from './rng';
import { addDays, costBetween, divideRoundHalfUp, haversineMiles, type FeeRow } from './server-lib';

export type Value = string | number | boolean | bigint | null | object;
export type Row = Record<string, Value>;
export type Dataset = Record<string, Row[]>;

/** Tables in insert order (parents first). */
export const TABLES = [
  'authority', 'locality', 'provider', 'setting', 'agreement', 'rate_line', 'contract', 'negotiation', 'negotiation_offer',
  'child', 'placement', 'placement_fee', 'procurement_round', 'procurement_invitation', 'bid', 'invoice', 'invoice_line', 'budget_line', 'audit_event',
] as const;

export interface DemoOptions {
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
  distance: number | null;
  localityIndex: number;
  uasc: boolean;
}

export interface InvoiceLineModel {
  invoiceId: string;
  placementId: string;
  fromDate: string;
  toDate: string;
  amount: bigint;
  expectedAmount: bigint;
  status: string;
  deliberateDispute: boolean;
}

export interface GeneratedDemo {
  options: DemoOptions;
  rows: Dataset;
  placements: PlacementModel[];
  contracts: Map<string, { startDate: string; endDate: string | null }>;
  invoiceLines: InvoiceLineModel[];
  /** What the generator says each invoice totals: the sum of its lines, in pence. */
  invoiceTotals: Map<string, bigint>;
  /** Full-year placement cost by `${financialYear}|${category}` (the current year to 31 March: actual + committed). */
  spend: Map<string, bigint>;
  /** This year's forecast by category as the app's budget position computes it (approved/paid lines + committed). */
  forecastThisYear: Map<string, bigint>;
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
function addMonths(date: string, months: number): string {
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
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
function ageOn(dob: string, on: string): number {
  let age = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  if (on.slice(5) < dob.slice(5)) age -= 1;
  return age;
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

const BOURNEMOUTH = { lat: 50.7192, lon: -1.8808 };
const LOCALITIES = [
  { name: 'Bournemouth', code: 'BOU', lat: 50.7192, lon: -1.8808, share: 0.45, districts: ['BH1', 'BH2', 'BH3', 'BH4', 'BH5', 'BH6', 'BH7', 'BH8', 'BH9', 'BH10', 'BH11'] },
  { name: 'Christchurch', code: 'CHR', lat: 50.7356, lon: -1.7785, share: 0.15, districts: ['BH23'] },
  { name: 'Poole', code: 'POO', lat: 50.7150, lon: -1.9872, share: 0.4, districts: ['BH12', 'BH13', 'BH14', 'BH15', 'BH16', 'BH17'] },
] as const;
const NEAR_DISTRICTS = ['BH18', 'BH19', 'BH20', 'BH21', 'BH22', 'BH24', 'BH25', 'SP6', 'DT11', 'SO41'];
const FAR_TOWNS = [
  { name: 'Southampton', lat: 50.9097, lon: -1.4044, area: 'SO15' },
  { name: 'Portsmouth', lat: 50.8198, lon: -1.088, area: 'PO4' },
  { name: 'Bristol', lat: 51.4545, lon: -2.5879, area: 'BS5' },
  { name: 'Exeter', lat: 50.7184, lon: -3.5339, area: 'EX4' },
  { name: 'Taunton', lat: 51.0151, lon: -3.1029, area: 'TA1' },
  { name: 'Swindon', lat: 51.5558, lon: -1.7797, area: 'SN2' },
  { name: 'Reading', lat: 51.4543, lon: -0.9781, area: 'RG1' },
  { name: 'Brighton', lat: 50.8225, lon: -0.1372, area: 'BN2' },
  { name: 'Plymouth', lat: 50.3755, lon: -4.1427, area: 'PL4' },
  { name: 'Birmingham', lat: 52.4862, lon: -1.8904, area: 'B23' },
  { name: 'Croydon', lat: 51.3762, lon: -0.0982, area: 'CR0' },
  { name: 'Yeovil', lat: 50.9421, lon: -2.6337, area: 'BA20' },
] as const;
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
  rating: string;
}

export function generateDemo(options: DemoOptions): GeneratedDemo {
  const { seed, asOf } = options;
  const rng = new Rng(seed);
  const id = (name: string) => fixedUuid(seed, name);
  const stamp = `${asOf}T00:00:00.000Z`;
  const versioned = { version: 1, created_at: stamp, updated_at: stamp };
  const rows: Dataset = Object.fromEntries(TABLES.map((t) => [t, [] as Row[]]));
  const historyStart = addYears(asOf, -5);
  const currentFy = financialYearOf(asOf);
  /** Uplifts of 4% each 1 April: today's price brought back to the financial year of `date`. */
  const yearsBefore = (date: string) => currentFy - financialYearOf(date);

  // authority and localities ------------------------------------------------------------
  const authorityId = id('authority');
  rows.authority.push({ id: authorityId, ...versioned, name: 'Bournemouth, Christchurch and Poole Council', ons_code: 'E06000058' });
  const localityIds = LOCALITIES.map((l) => id(`locality:${l.code}`));
  LOCALITIES.forEach((l, i) => rows.locality.push({ id: localityIds[i], ...versioned, authority_id: authorityId, name: l.name, code: l.code }));

  // providers and settings ----------------------------------------------------------------
  const settings: SettingModel[] = [];
  const providerGroup = new Map<string, string>();
  let companySerial = rng.int(4_000_000, 9_000_000);
  let urnSerial = rng.int(500_000, 600_000);
  const usedNames = new Set<string>();
  const inventName = (group: string) => {
    for (;;) {
      const name = `${rng.pick(NAME_A)} ${rng.pick(NAME_B)} ${rng.pick(KIND_WORD[group])}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const ratingFor = () => rng.weighted([['OUTSTANDING', 22], ['GOOD', 66], ['REQUIRES_IMPROVEMENT', 10], ['NOT_YET_INSPECTED', 2]] as const);
  let inadequateLeft = 3;

  const addSetting = (providerId: string, providerCode: string, group: string, kind: string, name: string, farShare: number, places: number | null, forceNear = false) => {
    const far = !forceNear && rng.chance(farShare);
    let lat: number;
    let lon: number;
    let pc: string;
    let localityIndex: number | null = null;
    if (far) {
      const town = rng.pick(FAR_TOWNS);
      ({ lat, lon } = offset(town.lat, town.lon, rng.next() * 4, rng.int(0, 359)));
      pc = postcode(rng, town.area);
    } else {
      // inland of the coast: bearings from west through north to east
      ({ lat, lon } = forceNear ? offset(BOURNEMOUTH.lat, BOURNEMOUTH.lon, 0.3, 0) : offset(BOURNEMOUTH.lat, BOURNEMOUTH.lon, 0.5 + rng.next() * 15.5, rng.int(-95, 95)));
      const li = rng.int(0, LOCALITIES.length - 1);
      const inside = rng.chance(0.6);
      pc = postcode(rng, inside ? rng.pick(LOCALITIES[li].districts) : rng.pick(NEAR_DISTRICTS));
      localityIndex = inside ? li : null;
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
    settings.push({ id: sid, providerId, providerCode, group, kind, lat, lon, far, rating: rating ?? 'NONE' });
  };

  const addProvider = (key: string, group: string, legal: string, code: string, categories: string[]) => {
    const pid = id(`provider:${key}`);
    const charity = code === 'PR5' ? String(rng.int(1_000_000, 1_199_999)) : null;
    const trading = legal.replace(/ (Ltd|Limited|CIC)$/, '');
    rows.provider.push({
      id: pid, ...versioned, archived_at: null, legal_name: legal, trading_name: trading,
      company_number: code === 'PR1' ? null : String(companySerial++).padStart(8, '0'), charity_number: charity,
      provider_code: code, service_categories: categories,
      contacts: [{ name: 'Referrals team', role: 'Referrals', email: `referrals@${trading.toLowerCase().replace(/[^a-z]+/g, '-')}.example`, phone: `01202 ${rng.int(100000, 999999)}` }],
      status: 'ACTIVE', notes: null,
    });
    providerGroup.set(pid, group);
    return pid;
  };

  // the authority's own services (PR1)
  const inHouseId = addProvider('inhouse', 'INHOUSE', 'BCP Council Fostering Service', 'PR1', ['FOSTERING']);
  addSetting(inHouseId, 'PR1', 'INHOUSE', 'FOSTERING_AGENCY_OFFICE', 'BCP Fostering Service, Bournemouth', 0, null, true);
  const inHouseSetting = settings[0];

  const groups: Array<{ group: string; count: number; kind: string; categories: string[]; settings: [number, number]; far: number; places: [number, number] | null }> = [
    { group: 'IFA', count: 30, kind: 'FOSTERING_AGENCY_OFFICE', categories: ['FOSTERING'], settings: [1, 3], far: 0.2, places: null },
    { group: 'RES', count: 40, kind: 'CHILDRENS_HOME', categories: ['RESIDENTIAL'], settings: [2, 5], far: 0.3, places: [2, 6] },
    { group: 'SA', count: 20, kind: 'SUPPORTED_ACCOMMODATION', categories: ['SUPPORTED_ACCOMMODATION'], settings: [1, 4], far: 0.15, places: [4, 12] },
    { group: 'TRANSPORT', count: 15, kind: 'TRANSPORT_DEPOT', categories: ['TRANSPORT'], settings: [1, 1], far: 0, places: null },
    { group: 'CONTACT', count: 14, kind: 'CONTACT_CENTRE', categories: ['SUPERVISED_CONTACT'], settings: [1, 2], far: 0, places: null },
  ];
  const providersOf: Record<string, string[]> = { IFA: [], RES: [], SA: [], TRANSPORT: [], CONTACT: [] };
  const providerCodeOf = new Map<string, string>([[inHouseId, 'PR1']]);
  const providerName = new Map<string, string>([[inHouseId, 'BCP Council Fostering Service']]);
  for (const g of groups) {
    for (let i = 0; i < g.count; i++) {
      const code = g.group === 'TRANSPORT' ? 'PR4' : rng.chance(g.group === 'CONTACT' ? 0.5 : 0.25) ? 'PR5' : 'PR4';
      const base = inventName(g.group);
      const legal = code === 'PR5' ? `${base} CIC` : `${base} Ltd`;
      const categories = g.group === 'RES' && rng.chance(0.2) ? ['RESIDENTIAL', 'EDUCATION'] : g.categories;
      const pid = addProvider(`${g.group}:${i}`, g.group, legal, code, categories);
      providersOf[g.group].push(pid);
      providerCodeOf.set(pid, code);
      providerName.set(pid, base);
      const n = rng.int(g.settings[0], g.settings[1]);
      for (let s = 0; s < n; s++) {
        const label = g.kind === 'CHILDRENS_HOME' ? `${rng.pick(NAME_A)} ${rng.pick(['House', 'Lodge', 'Cottage', 'View'])}` : g.kind === 'FOSTERING_AGENCY_OFFICE' ? `${base} office ${s + 1}` : g.kind === 'SUPPORTED_ACCOMMODATION' ? `${base}, ${rng.pick(NAME_A)} Road` : g.kind === 'TRANSPORT_DEPOT' ? `${base} depot` : `${base} centre ${s + 1}`;
        addSetting(pid, code, g.group, g.kind, label, g.far, g.places ? rng.int(g.places[0], g.places[1]) : null);
      }
    }
  }
  // exactly three Inadequate homes whatever the draw
  for (const s of settings) {
    if (inadequateLeft <= 0) break;
    if (s.kind === 'CHILDRENS_HOME' && s.rating !== 'INADEQUATE' && rng.chance(0.05)) {
      s.rating = 'INADEQUATE';
      const row = rows.setting.find((r) => r.id === s.id)!;
      row.ofsted_rating = 'INADEQUATE';
      row.inspection_date ??= addDays(asOf, -60);
      inadequateLeft--;
    }
  }

  // framework agreements and rate cards -----------------------------------------------------
  const NEEDS = [['STANDARD', 1], ['ENHANCED', 1.25], ['COMPLEX', 1.6], ['PARENT_AND_CHILD', 1.8]] as const;
  const BANDS = [[0, 4, 0.95], [5, 10, 1], [11, 15, 1.05], [16, 17, 1.08]] as const;
  const agreementStartFy = financialYearOf(historyStart) - 1;
  const agreementOf = new Map<string, { id: string; base: number }>();
  const rateLineIds: string[] = [];
  const frameworkProviders = [...providersOf.IFA.slice(0, 4), ...providersOf.RES.slice(0, 2)];
  frameworkProviders.forEach((pid, i) => {
    const ifa = i < 4;
    const aid = id(`agreement:${i}`);
    const base = ifa ? 790 + i * 15 : 4300 + i * 150;
    agreementOf.set(pid, { id: aid, base });
    rows.agreement.push({
      id: aid, ...versioned, provider_id: pid, authority_id: authorityId,
      title: `${ifa ? 'Independent fostering' : 'Residential care'} framework: ${providerName.get(pid)}`,
      reference: `FW-${ifa ? 'IFA' : 'RES'}-${String(i + 1).padStart(2, '0')}`,
      start_date: `${agreementStartFy}-04-01`, end_date: `${currentFy + 2}-03-31`, status: 'ACTIVE',
      tier: ifa ? i + 1 : i - 3, discount_percent: i % 3, uplift_rule: 'FIXED_PERCENT', uplift_percent: 4, uplift_index: null,
      volume_commitment: ifa ? 10 + i * 2 : null, minimum_ofsted_rating: 'GOOD', documents: [], notes: null,
    });
    const types = ifa ? ['U4', 'U5', 'U6'] : ['K2'];
    const needs = ifa ? NEEDS : ([['STANDARD', 1], ['ENHANCED', 1.3], ['COMPLEX', 1.7], ['SOLO', 2.2]] as const);
    const bands = ifa ? BANDS : ([[8, 17, 1]] as const);
    for (let fy = agreementStartFy; fy <= currentFy; fy++) {
      for (const t of types) for (const [need, nf] of needs) for (const [lo, hi, bf] of bands) {
        const rid = id(`rate:${i}:${fy}:${t}:${need}:${lo}`);
        rows.rate_line.push({
          id: rid, ...versioned, agreement_id: aid, placement_type: t, need_level: need, min_age: lo, max_age: hi,
          weekly_fee: deflate(base * nf * bf, currentFy - fy), effective_from: `${fy}-04-01`,
        });
        if (fy === currentFy && t !== 'U5') rateLineIds.push(rid);
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
  for (let b = 0; b < 2; b++) {
    const pid = providersOf.RES[5 + b];
    const start = `${currentFy - 2}-04-01`;
    const end = `${currentFy + 1}-03-31`;
    const places = 3 + b;
    const fee = deflate(4200, 2);
    const cid = id(`contract:block:${b}`);
    blocks.push({ id: cid, providerId: pid, start, end, places, fee, used: [] });
    addContract({
      id: cid, ...versioned, ...contractBase, kind: 'BLOCK', provider_id: pid, reference: `BL-${currentFy - 2}-${b + 1}`,
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
        reference: `${group === 'TRANSPORT' ? 'TR' : 'SC'}-${start.slice(0, 4)}-${String(i + 1).padStart(3, '0')}`,
        title: `${group === 'TRANSPORT' ? 'Home to school and contact transport' : 'Supervised contact sessions'}: ${providerName.get(pid)}`,
        status: 'LIVE', start_date: start, end_date: `${currentFy + 1}-03-31`, extension_options: '1 year',
        ceiling_value: pounds(rng.int(40, 400) * 1000), review_date: `${currentFy}-12-01`,
      });
    });
  }

  // children and placements -----------------------------------------------------------------
  const pickSetting = (group: string, far: boolean, preferFramework: boolean): SettingModel => {
    const fits = (s: SettingModel) => s.group === group && s.far === far && s.rating !== 'INADEQUATE';
    if (preferFramework) {
      const fw = settings.filter((s) => fits(s) && agreementOf.has(s.providerId));
      if (fw.length) return rng.pick(fw);
    }
    const pool = settings.filter(fits);
    return pool.length ? rng.pick(pool) : rng.pick(settings.filter((s) => s.group === group && s.rating !== 'INADEQUATE'));
  };

  const placements: PlacementModel[] = [];
  const inCareToday = 345 + rng.int(0, 10);
  const leavers = 270;
  let caseSerial = rng.int(100_000, 200_000);
  for (let c = 0; c < inCareToday + leavers; c++) {
    const current = c < inCareToday;
    const cid = id(`child:${c}`);
    let dob: string;
    let entry: string;
    let exit: string | null;
    if (current) {
      const age = rng.weighted([[[0, 4], 18], [[5, 9], 18], [[10, 15], 39], [[16, 17], 25]] as const);
      dob = addDays(addYears(asOf, -rng.int(age[0], age[1])), -rng.int(1, 364));
      entry = randomDate(rng, maxDate(addDays(dob, 1), historyStart), addDays(asOf, -7));
      exit = null;
    } else {
      exit = randomDate(rng, addDays(historyStart, 60), asOf);
      const ageAtExit = rng.int(0, 17);
      dob = addDays(addYears(exit, -ageAtExit), -rng.int(1, 364));
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
    const caseRef = `BCP-${caseSerial++}`;
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
    const bounds = [entry, ...[...new Set(cuts)].sort(), exit];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const start = bounds[k]!;
      const stop = bounds[k + 1];
      if (stop !== null && stop <= start) continue;
      const age = ageOn(dob, start);
      const t = daysBetween(historyStart, start) / (5 * 365);
      const r = rng.next();
      const group = age >= 16 ? (r < 0.5 ? 'SA' : r < 0.7 ? 'RES' : 'FOSTER') : age >= 11 ? (r < 0.36 ? 'RES' : 'FOSTER') : age >= 5 ? (r < 0.09 ? 'RES' : 'FOSTER') : 'FOSTER';
      let placementType: string;
      let setting: SettingModel;
      let fee: bigint;
      let need: string | null = null;
      if (group === 'FOSTER') {
        const friends = rng.chance(0.12);
        const inHouse = friends || rng.chance(0.45 + 0.15 * t);
        placementType = friends ? rng.pick(['U1', 'U3', 'U3']) : age < 2 && rng.chance(0.15) ? 'U5' : rng.chance(0.38) ? 'U4' : 'U6';
        if (inHouse) {
          setting = inHouseSetting;
          fee = deflate(friends ? rng.int(300, 450) : rng.int(480, 680), yearsBefore(start));
        } else {
          setting = pickSetting('IFA', rng.chance(0.25 - 0.16 * t), rng.chance(0.6));
          need = rng.weighted([['STANDARD', 70], ['ENHANCED', 20], ['COMPLEX', 7], ['PARENT_AND_CHILD', 3]] as const);
          const nf = NEEDS.find(([n]) => n === need)![1];
          fee = cardFee(setting.providerId, placementType, need, age, start) ?? deflate((800 + rng.normal() * 35) * nf, yearsBefore(start));
          if (agreementOf.has(setting.providerId) && rng.chance(0.2)) fee = (fee * BigInt(rng.int(95, 98))) / 100n / 100n * 100n;
        }
      } else if (group === 'RES') {
        placementType = 'K2';
        setting = pickSetting('RES', rng.chance(0.4 - 0.22 * t), false);
        fee = deflate(rng.chance(0.06) ? rng.int(10_500, 14_000) : rng.int(3_500, 6_000), yearsBefore(start));
      } else {
        placementType = rng.chance(0.5) ? 'H5' : 'K3';
        setting = pickSetting('SA', rng.chance(0.12 - 0.08 * t), false);
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
            reference: `${kindCode}-${start.slice(0, 4)}-${String(++contractSerial).padStart(4, '0')}`,
            title: `${callOff ? 'Individual placement agreement (call-off)' : 'Spot placement'}: ${caseRef}`,
            status: stop === null ? 'LIVE' : 'ENDED', start_date: start, end_date: stop, weekly_fee: fee,
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
      const distance = round2(haversineMiles(home.lat, home.lon, setting.lat, setting.lon));
      const isLast = k + 2 === bounds.length;
      placements.push({
        id: pid, reference: `PL-${String(placements.length + 1).padStart(6, '0')}`, childId: cid, providerId, providerCode, settingId: setting.id,
        contractId, placementType, startDate: start, endDate: stop, plannedEndDate: plannedEnd, fees, distance, localityIndex: li, uasc,
      });
      rows.placement.push({
        id: pid, ...versioned, child_id: cid, provider_id: providerId, setting_id: setting.id, contract_id: contractId,
        placement_type: placementType, provider_code: providerCode, start_date: start, planned_end_date: plannedEnd, end_date: stop,
        end_reason: stop === null ? null : isLast ? (age >= 16 ? rng.weighted([['E17', 3], ['E5', 3], ['E4A', 2], ['E8', 1]] as const) : rng.weighted([['E4A', 30], ['E4B', 5], ['E13', 15], ['E11', 12], ['E45', 12], ['E41', 5], ['E3', 3], ['E8', 3]] as const)) : 'X1',
        change_reason: stop !== null && !isLast ? rng.weighted([['CARPL', 35], ['STAND', 15], ['CHILD', 12], ['PLACE', 12], ['LAREQ', 10], ['CREQB', 6], ['ALLEG', 3], ['CLOSE', 4], ['OTHER', 3]] as const) : null,
        distance_miles: distance.toFixed(2), reference: `PL-${String(placements.length).padStart(6, '0')}`,
      });
      fees.forEach((f, fi) => rows.placement_fee.push({
        id: id(`fee:${pid}:${fi}`), placement_id: pid, weekly_fee: f.weeklyFee, effective_from: f.effectiveFrom,
        reason: fi === 0 ? 'Agreed fee at start' : '4% annual uplift', created_at: stamp,
      }));
    }
  }

  // negotiations with offer histories --------------------------------------------------------
  const spot = rows.contract.filter((c) => c.kind === 'SPOT' && (c.placement_type === 'K2' || c.placement_type === 'H5'));
  let negSerial = 0;
  const addNegotiation = (target: { contract_id?: string; rate_line_id?: string }, status: string, offers: Array<[string, string, bigint, string]>, agreed: bigint | null, closedOn: string | null, note: string | null) => {
    const nid = id(`negotiation:${negSerial++}`);
    rows.negotiation.push({ id: nid, ...versioned, contract_id: target.contract_id ?? null, rate_line_id: target.rate_line_id ?? null, status, agreed, closed_on: closedOn, closing_note: note });
    offers.forEach(([on, party, amount, text], i) => rows.negotiation_offer.push({ id: id(`offer:${nid}:${i}`), negotiation_id: nid, sequence: i + 1, offered_on: on, party, amount, note: text, officer_id: null, created_at: stamp }));
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
    addNegotiation({ contract_id: c.id as string }, 'AGREED', offers, fee, addDays(start, -4), 'Agreed');
  });
  const live = spot.filter((c) => c.status === 'LIVE');
  for (let i = 0; i < 3 && i < live.length; i++) {
    const c = live[live.length - 1 - i];
    const fee = c.weekly_fee as bigint;
    addNegotiation({ contract_id: c.id as string }, 'OPEN', [[addDays(asOf, -20 + i), 'PROVIDER', roundPounds((fee * 112n) / 100n), 'Fee review: increased staffing'], [addDays(asOf, -12 + i), 'AUTHORITY', roundPounds((fee * 103n) / 100n), 'Counter-offer']], null, null, null);
  }
  const ended = spot.filter((c) => c.status === 'ENDED');
  for (let i = 0; i < 2 && i < ended.length; i++) {
    const c = ended[i * 7 + 1] ?? ended[i];
    if (rows.negotiation.some((n) => n.contract_id === c.id)) continue;
    addNegotiation({ contract_id: c.id as string }, 'ABANDONED', [[addDays(c.start_date as string, 30), 'PROVIDER', roundPounds(((c.weekly_fee as bigint) * 115n) / 100n), 'Request for an increase']], null, addDays(c.start_date as string, 45), 'Provider withdrew the request');
  }
  addNegotiation({ rate_line_id: rateLineIds[rng.int(0, rateLineIds.length - 1)] }, 'OPEN', [[addDays(asOf, -30), 'PROVIDER', pounds(1020), 'Proposed rate for next year'], [addDays(asOf, -21), 'AUTHORITY', pounds(960), 'Counter-offer within the uplift rule']], null, null, null);

  // procurement rounds in every state ---------------------------------------------------------
  const matrix = [{ criterion: 'Matching to the child’s needs', maxPoints: 40 }, { criterion: 'Staffing and safeguarding', maxPoints: 30 }, { criterion: 'Education and health support', maxPoints: 30 }];
  const states = ['DRAFT', 'DRAFT', 'OPEN', 'OPEN', 'CLOSED', 'CLOSED', 'AWARDED', 'AWARDED', 'AWARDED', 'AWARDED', 'WITHDRAWN', 'WITHDRAWN'];
  const recentRes = placements.filter((p) => p.placementType === 'K2' && p.contractId && rows.contract.find((c) => c.id === p.contractId)?.kind === 'SPOT' && p.startDate > addYears(asOf, -2));
  const resProviders = providersOf.RES.filter((pid) => settings.some((s) => s.providerId === pid && s.rating !== 'INADEQUATE'));
  states.forEach((state, i) => {
    const rid = id(`round:${i}`);
    const awarded = state === 'AWARDED' ? recentRes[(i * 5) % Math.max(recentRes.length, 1)] : undefined;
    const child = rows.child.find((ch) => ch.id === (awarded?.childId ?? rows.child[i * 11].id))!;
    const start = awarded?.startDate ?? addDays(asOf, 14 + i * 3);
    const closesAt = state === 'DRAFT' || state === 'OPEN' ? `${addDays(asOf, 5 + i)}T12:00:00.000Z` : state === 'CLOSED' ? `${addDays(asOf, -2 - i)}T12:00:00.000Z` : `${addDays(start, -12)}T12:00:00.000Z`;
    const bidders = new Set<string>();
    if (awarded) bidders.add(awarded.providerId);
    while (bidders.size < 4) bidders.add(rng.pick(resProviders));
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
          notes: null, submitted_at: closesAt.replace(/T.*/, 'T09:00:00.000Z').replace(/^(.{10})/, (d) => addDays(d, -2)),
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
      scoring_matrix: matrix, owner_id: null, awarded_bid_id: awardedBidId, contract_id: awarded?.contractId ?? null,
      withdrawn_reason: state === 'WITHDRAWN' ? 'Need met by an in-house placement' : null,
    });
    invited.forEach((pid) => {
      const nearest = settings.filter((s) => s.providerId === pid).map((s) => haversineMiles(Number(child.home_latitude), Number(child.home_longitude), s.lat, s.lon)).sort((a, b) => a - b)[0];
      rows.procurement_invitation.push({ id: id(`invitation:${i}:${pid}`), round_id: rid, provider_id: pid, distance_miles: nearest === undefined ? null : round2(nearest).toFixed(2), invited_at: closesAt.replace(/^(.{10})/, (d) => addDays(d, -10)) });
    });
    rows.bid.push(...roundBids);
  });

  // monthly invoices for the last 12 months ----------------------------------------------------
  const invoiceLines: InvoiceLineModel[] = [];
  const invoiceTotals = new Map<string, bigint>();
  const thisMonth = `${asOf.slice(0, 7)}-01`;
  const invoiced = placements.filter((p) => p.providerCode !== 'PR1');
  const byProvider = new Map<string, PlacementModel[]>();
  for (const p of invoiced) byProvider.set(p.providerId, [...(byProvider.get(p.providerId) ?? []), p]);
  const providerOrder = rows.provider.map((p) => p.id as string).filter((pid) => byProvider.has(pid));
  for (let m = 12; m >= 1; m--) {
    const from = addMonths(thisMonth, -m);
    const to = addMonths(thisMonth, -m + 1);
    for (const pid of providerOrder) {
      const running = byProvider.get(pid)!.filter((p) => p.startDate < to && (p.endDate === null || p.endDate > from));
      if (!running.length) continue;
      const invId = id(`invoice:${pid}:${from}`);
      let total = 0n;
      let disputed = false;
      const lines: Row[] = [];
      running.forEach((p, k) => {
        const lo = maxDate(from, p.startDate);
        const hi = p.endDate ? minDate(to, p.endDate) : to;
        const expected = costBetween(p, p.fees, [], lo, hi);
        const deliberate = rng.chance(0.03);
        const amount = deliberate ? expected + (rng.chance(0.7) ? pounds(rng.int(20, 400)) : -pounds(rng.int(10, 150))) : expected;
        const status = amount === expected ? 'MATCHED' : 'DISPUTED';
        if (status === 'DISPUTED') disputed = true;
        total += amount;
        invoiceLines.push({ invoiceId: invId, placementId: p.id, fromDate: lo, toDate: hi, amount, expectedAmount: expected, status, deliberateDispute: deliberate });
        lines.push({
          id: id(`line:${invId}:${k}`), ...versioned, invoice_id: invId, line_number: k + 1, placement_id: p.id,
          description: `Placement ${p.reference}: care ${lo} to ${addDays(hi, -1)}`, from_date: lo, to_date: hi,
          nights: daysBetween(lo, hi), amount, expected_amount: expected, status,
        });
      });
      // clean invoices older than two months have been approved and paid; last month's are matched or approved
      const received = addDays(to, rng.int(2, 9));
      const paid = !disputed && m >= 3;
      const status = disputed ? 'DISPUTED' : paid ? 'PAID' : m === 2 ? 'APPROVED' : 'MATCHED';
      const lineStatus = status === 'PAID' ? 'PAID' : status === 'APPROVED' ? 'APPROVED' : null;
      if (lineStatus) for (const l of lines) l.status = lineStatus;
      invoiceTotals.set(invId, total);
      rows.invoice.push({
        id: invId, ...versioned, provider_id: pid, reference: `INV-${from.slice(0, 7).replace('-', '')}-${rng.int(1000, 9999)}`,
        period_start: from, period_end: addDays(to, -1), received_date: minDate(received, asOf), status,
        approval_reason: null, paid_date: paid ? minDate(addDays(received, 28), asOf) : null,
      });
      rows.invoice_line.push(...lines);
    }
  }

  // budgets: ORIGINAL and REVISED for five financial years, by Section 251 line and locality ----------
  const categoryOf = (p: PlacementModel) =>
    p.uasc ? 'ASYLUM_SEEKERS' : ['U1', 'U2', 'U3'].includes(p.placementType) ? 'FAMILY_AND_FRIENDS' : FOSTER.has(p.placementType) ? (p.providerCode === 'PR1' ? 'FOSTERING_OWN_CARERS' : 'FOSTERING_SERVICES') : ['K1', 'K2', 'R1', 'S1'].includes(p.placementType) ? 'RESIDENTIAL_CARE' : 'OTHER_LOOKED_AFTER';
  const spend = new Map<string, bigint>(); // fy|category|locality → full-year cost (current year: to 31 March)
  for (const p of placements) {
    for (let fy = currentFy - 4; fy <= currentFy; fy++) {
      const lo = `${fy}-04-01`;
      const hi = `${fy + 1}-04-01`;
      if (p.startDate >= hi || (p.endDate && p.endDate <= lo)) continue;
      const until = p.endDate ?? minDate(p.plannedEndDate ?? hi, hi);
      const cost = costBetween({ startDate: p.startDate, endDate: until }, p.fees, [], lo, hi);
      const key = `${fy}|${categoryOf(p)}|${p.localityIndex}`;
      spend.set(key, (spend.get(key) ?? 0n) + cost);
    }
  }
  // This year's position as the app's budgetPosition reads it: actual = invoice lines approved or
  // paid whose first night is in the year; committed = open placements from today to their end,
  // planned end or 31 March. Invoiced lines set this year's budgets so the app shows the overspend.
  const appForecast = new Map<string, bigint>(); // category|locality → actual + committed, this year
  {
    const lo = `${currentFy}-04-01`;
    const hi = `${currentFy + 1}-04-01`;
    const byId = new Map(placements.map((p) => [p.id, p]));
    for (const l of rows.invoice_line) {
      if ((l.status !== 'APPROVED' && l.status !== 'PAID') || (l.from_date as string) < lo || (l.from_date as string) >= hi) continue;
      const p = byId.get(l.placement_id as string)!;
      const key = `${categoryOf(p)}|${p.localityIndex}`;
      appForecast.set(key, (appForecast.get(key) ?? 0n) + (l.amount as bigint));
    }
    for (const p of placements) {
      if (p.endDate !== null && p.endDate <= lo) continue;
      const from = maxDate(maxDate(asOf, lo), p.startDate);
      const to = minDate(hi, p.endDate ?? p.plannedEndDate ?? hi);
      if (from >= to) continue;
      const key = `${categoryOf(p)}|${p.localityIndex}`;
      appForecast.set(key, (appForecast.get(key) ?? 0n) + costBetween(p, p.fees, [], from, to));
    }
  }
  const INVOICED = new Set(['RESIDENTIAL_CARE', 'FOSTERING_SERVICES', 'OTHER_LOOKED_AFTER', 'ASYLUM_SEEKERS']);
  const OTHER_LINES: Array<[string, number]> = [['SHORT_BREAKS', 1_200_000], ['EDUCATION', 600_000], ['LEAVING_CARE', 2_500_000], ['ADOPTION', 1_100_000], ['SPECIAL_GUARDIANSHIP', 1_400_000]];
  const CATEGORIES = ['RESIDENTIAL_CARE', 'FOSTERING_OWN_CARERS', 'FOSTERING_SERVICES', 'OTHER_LOOKED_AFTER', 'FAMILY_AND_FRIENDS', 'ASYLUM_SEEKERS', ...OTHER_LINES.map(([c]) => c)];
  const toThousand = (p: bigint) => divideRoundHalfUp(p, 100_000n) * 100_000n;
  for (let fy = currentFy - 4; fy <= currentFy; fy++) {
    for (const category of CATEGORIES) {
      LOCALITIES.forEach((l, li) => {
        const other = OTHER_LINES.find(([c]) => c === category);
        const actual = other
          ? deflate(other[1] * l.share, currentFy - fy)
          : fy === currentFy && INVOICED.has(category)
            ? appForecast.get(`${category}|${li}`) ?? 0n
            : spend.get(`${fy}|${category}|${li}`) ?? 0n;
        const [o, r] = category === 'RESIDENTIAL_CARE' ? [rng.int(82, 88), rng.int(91, 96)] : [rng.int(97, 106), 0];
        const original = toThousand((actual * BigInt(o)) / 100n);
        const revised = category === 'RESIDENTIAL_CARE' ? toThousand((actual * BigInt(r)) / 100n) : toThousand((original * BigInt(rng.int(98, 102))) / 100n);
        for (const [stage, amount] of [['ORIGINAL', original], ['REVISED', revised]] as const) {
          rows.budget_line.push({ id: id(`budget:${fy}:${category}:${li}:${stage}`), ...versioned, financial_year: fy, category, locality_id: localityIds[li], stage, amount });
        }
      });
    }
  }

  // one summary audit event for the whole load --------------------------------------------------
  rows.audit_event.push({
    id: id('audit:seed'), occurred_at: stamp, actor_id: null, actor_email: 'system', entity_type: 'DemoData', entity_id: id('audit:seed:entity'), action: 'CREATE',
    changes: { shape: 'demo', seed, asOf, rows: Object.fromEntries(TABLES.filter((t) => t !== 'audit_event').map((t) => [t, rows[t].length])) }, request_id: null,
  });

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
  return { options, rows, placements, contracts, invoiceLines, invoiceTotals, spend: spendByCategory, forecastThisYear };
}
