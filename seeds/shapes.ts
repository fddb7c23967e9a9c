/**
 * The parameters of each shape: one generator (./generator.ts), different sizes, years and
 * names. `demo` is one authority like BCP; `large` a large county like Hampshire with about
 * 2,000 children in care and ten years of history, at any `scale` (the tests load 1%).
 */
export interface Place {
  name: string;
  code: string;
  lat: number;
  lon: number;
  /** Share of the authority's children living there. */
  share: number;
  districts: readonly string[];
}
export interface Town {
  name: string;
  lat: number;
  lon: number;
  area: string;
}

export interface ShapeParams {
  shape: 'demo' | 'large';
  scale: number;
  authorityName: string;
  onsCode: string;
  casePrefix: string;
  inHouseName: string;
  inHouseSettingName: string;
  emailDomain: string;
  phonePrefix: string;
  /** What the summary audit event names the load. */
  auditEntity: string;
  localities: readonly Place[];
  /** One centre for every near setting (a compact authority), or null: near settings sit around each locality. */
  centre: { lat: number; lon: number } | null;
  nearRadius: number;
  nearDistricts: readonly string[];
  /** Towns more than 20 miles from every locality: where "far" settings are. */
  farTowns: readonly Town[];
  historyYears: number;
  /** Longest a child in care today has been in care. */
  maxYearsInCare: number;
  inCareToday: number;
  inCareSpread: number;
  /** Children who left care during the history. */
  leavers: number;
  providers: { IFA: number; RES: number; SA: number; TRANSPORT: number; CONTACT: number };
  ifaFrameworks: number;
  resFrameworks: number;
  blocks: number;
  inadequateHomes: number;
  /** Chance a foster placement is in-house: base + growth × (share of the history elapsed). */
  inHouseShare: [number, number];
  officersPerTeam: number;
  temporaryMoveChance: number;
  /** Chance a child in care at 16 moves placement then (most such moves are to supported accommodation). */
  moveAt16Chance: number;
  /** Share of the children who left care who left on their 18th birthday. */
  ageOutShare: number;
  /** Sets of 12 procurement rounds (two or four in each state). */
  roundSets: number;
  /** Months of monthly invoices, ending last month. */
  invoiceMonths: number;
  /** The last months in which transport and contact providers bill each journey and session, a line each. */
  serviceInvoiceMonths: number;
  /** One invoice line per placement-month, or one per week of care within the month (weeks from Monday). */
  invoiceLines: 'month' | 'week';
  /** Placement types whose providers bill per night (supported accommodation in the large shape): one line per night. */
  nightlyLines: readonly string[];
  disputeRate: number;
  budgetYears: number;
  /** Section 251 lines that are not placements: [category, yearly amount in pounds today]. */
  otherBudgetLines: ReadonlyArray<readonly [string, number]>;
  contractDigits: number;
  /** School terms of transport routes, ending with the term that started last on or before today (within the history). */
  transportTerms: number;
  /** Routes each term (some shared by 2 or 3 children at the same school). */
  routesPerTerm: number;
  /** Supervised-contact arrangements, starting within the last `contactYears` years. */
  contactArrangements: number;
  contactYears: number;
}

const DORSET_FAR: Town[] = [
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
];

export const DEMO: ShapeParams = {
  shape: 'demo',
  scale: 1,
  authorityName: 'Bournemouth, Christchurch and Poole Council',
  onsCode: 'E06000058',
  casePrefix: 'BCP',
  inHouseName: 'BCP Council Fostering Service',
  inHouseSettingName: 'BCP Fostering Service',
  emailDomain: 'bcp.example',
  phonePrefix: '01202',
  auditEntity: 'DemoData',
  localities: [
    { name: 'Bournemouth', code: 'BOU', lat: 50.7192, lon: -1.8808, share: 0.45, districts: ['BH1', 'BH2', 'BH3', 'BH4', 'BH5', 'BH6', 'BH7', 'BH8', 'BH9', 'BH10', 'BH11'] },
    { name: 'Christchurch', code: 'CHR', lat: 50.7356, lon: -1.7785, share: 0.15, districts: ['BH23'] },
    { name: 'Poole', code: 'POO', lat: 50.715, lon: -1.9872, share: 0.4, districts: ['BH12', 'BH13', 'BH14', 'BH15', 'BH16', 'BH17'] },
  ],
  centre: { lat: 50.7192, lon: -1.8808 },
  nearRadius: 16,
  nearDistricts: ['BH18', 'BH19', 'BH20', 'BH21', 'BH22', 'BH24', 'BH25', 'SP6', 'DT11', 'SO41'],
  farTowns: DORSET_FAR,
  historyYears: 5,
  maxYearsInCare: 5,
  inCareToday: 345,
  inCareSpread: 10,
  leavers: 270,
  providers: { IFA: 30, RES: 40, SA: 20, TRANSPORT: 15, CONTACT: 14 },
  ifaFrameworks: 4,
  resFrameworks: 2,
  blocks: 2,
  inadequateHomes: 3,
  inHouseShare: [0.45, 0.15],
  officersPerTeam: 1,
  temporaryMoveChance: 0.08,
  moveAt16Chance: 0,
  ageOutShare: 0,
  roundSets: 1,
  invoiceMonths: 12,
  serviceInvoiceMonths: 3,
  invoiceLines: 'month',
  nightlyLines: [],
  disputeRate: 0.03,
  budgetYears: 5,
  otherBudgetLines: [['SHORT_BREAKS', 1_200_000], ['EDUCATION', 600_000], ['LEAVING_CARE', 2_500_000], ['ADOPTION', 1_100_000], ['SPECIAL_GUARDIANSHIP', 1_400_000]],
  contractDigits: 4,
  transportTerms: 1,
  routesPerTerm: 30,
  contactArrangements: 40,
  contactYears: 1,
};

const scaled = (n: number, scale: number, min = 1) => Math.max(min, Math.round(n * scale));

/**
 * A large county: ~2,000 children in care today, ten years of history, ~400 providers, monthly
 * invoices for all ten years itemised by week, and by night for supported accommodation, whose
 * providers bill nightly rates (≥ 1,000,000 lines at scale 1: one line per placement-month would
 * give only ~130,000, as ~1,100 bought placements × 120 months). `scale` shrinks
 * the children, providers and officers together (0.01 for the tests) and keeps the ten years.
 */
export function largeShape(scale = 1): ShapeParams {
  if (!(scale > 0 && scale <= 1)) throw new Error('scale must be more than 0 and at most 1');
  return {
    shape: 'large',
    scale,
    authorityName: 'Hampshire County Council',
    onsCode: 'E10000014',
    casePrefix: 'HCC',
    inHouseName: 'Hampshire County Council Fostering Service',
    inHouseSettingName: 'Hampshire Fostering Service',
    emailDomain: 'hants.example',
    phonePrefix: '01962',
    auditEntity: 'LargeData',
    localities: [
      { name: 'North (Basingstoke)', code: 'NTH', lat: 51.2665, lon: -1.0924, share: 0.22, districts: ['RG21', 'RG22', 'RG23', 'RG24'] },
      { name: 'Central (Winchester and Andover)', code: 'CEN', lat: 51.0632, lon: -1.308, share: 0.18, districts: ['SO22', 'SO23', 'SP10', 'SP11'] },
      { name: 'South (Eastleigh and Fareham)', code: 'STH', lat: 50.8548, lon: -1.1866, share: 0.25, districts: ['PO14', 'PO15', 'PO16', 'SO50', 'SO53'] },
      { name: 'East (Havant and Petersfield)', code: 'EST', lat: 50.8563, lon: -0.9803, share: 0.2, districts: ['PO7', 'PO8', 'PO9', 'GU32'] },
      { name: 'West (New Forest)', code: 'WST', lat: 50.919, lon: -1.4909, share: 0.15, districts: ['SO40', 'SO41', 'SO43', 'SO45'] },
    ],
    centre: null,
    nearRadius: 12,
    nearDistricts: ['GU14', 'GU51', 'GU34', 'SO51', 'SO24', 'PO17', 'SO31', 'RG26', 'RG27', 'BH25'],
    farTowns: [
      { name: 'Croydon', lat: 51.3762, lon: -0.0982, area: 'CR0' },
      { name: 'Brighton', lat: 50.8225, lon: -0.1372, area: 'BN2' },
      { name: 'Oxford', lat: 51.752, lon: -1.2577, area: 'OX4' },
      { name: 'Swindon', lat: 51.5558, lon: -1.7797, area: 'SN2' },
      { name: 'Bournemouth', lat: 50.7192, lon: -1.8808, area: 'BH8' },
      { name: 'Bristol', lat: 51.4545, lon: -2.5879, area: 'BS5' },
      { name: 'Birmingham', lat: 52.4862, lon: -1.8904, area: 'B23' },
      { name: 'Milton Keynes', lat: 52.0406, lon: -0.7594, area: 'MK6' },
      { name: 'Exeter', lat: 50.7184, lon: -3.5339, area: 'EX4' },
      { name: 'Plymouth', lat: 50.3755, lon: -4.1427, area: 'PL4' },
      { name: 'Northampton', lat: 52.2405, lon: -0.9027, area: 'NN3' },
      { name: 'Taunton', lat: 51.0151, lon: -3.1029, area: 'TA1' },
    ],
    historyYears: 10,
    maxYearsInCare: 10,
    inCareToday: scaled(1990, scale),
    inCareSpread: scaled(20, scale, 0),
    leavers: scaled(7200, scale),
    providers: { IFA: scaled(100, scale), RES: scaled(160, scale), SA: scaled(70, scale), TRANSPORT: scaled(40, scale), CONTACT: scaled(30, scale) },
    ifaFrameworks: scaled(10, scale),
    resFrameworks: scaled(6, scale),
    blocks: scaled(6, scale),
    inadequateHomes: scaled(12, scale),
    inHouseShare: [0.4, 0.15],
    officersPerTeam: scaled(3, scale),
    temporaryMoveChance: 0.08,
    moveAt16Chance: 0.6,
    ageOutShare: 0.3,
    roundSets: scaled(4, scale),
    invoiceMonths: 120,
    serviceInvoiceMonths: 2,
    invoiceLines: 'week',
    nightlyLines: ['H5', 'K3'],
    disputeRate: 0.03,
    budgetYears: 10,
    otherBudgetLines: [['SHORT_BREAKS', 6_000_000], ['EDUCATION', 3_000_000], ['LEAVING_CARE', 12_000_000], ['ADOPTION', 5_500_000], ['SPECIAL_GUARDIANSHIP', 7_000_000]].map(([c, n]) => [c as string, Math.round((n as number) * scale)] as const),
    contractDigits: 5,
    // ≈ 1,000,000 journeys (30 terms × 315 routes × ~106 journeys) and ≈ 300,000 contact sessions (17,300 arrangements) at scale 1
    transportTerms: 30,
    routesPerTerm: scaled(315, scale),
    contactArrangements: scaled(17300, scale),
    contactYears: 10,
  };
}
