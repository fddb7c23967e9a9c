/**
 * The Luton commissioning strategy (shared/seeds/002) reproduced through the public API: a
 * council built with GraphQL mutations only, at plausible weekly fees, whose history gives the
 * document's figures, read back through `spend`, `careIndicators` and `careFlows`:
 * - children in care 386 (31 March 2008) and 340 (31 December 2009);
 * - purchased (agency) foster placements 84 then 65;
 * - purchased foster spend £3,913,000 in 2007-08 and £3,796,000 in 2008-09;
 * - residential spend £2,427,000 in 2007-08 and £1,895,858 in 2008-09;
 * - children placed beyond 20 miles 11.5% of those placed in 2007-08, 2.3% in 2008-09.
 *
 * The council (figures on 31 March 2008): 82 agency foster placements from before April 2007 and
 * two from April 2007, 10 children's home placements from before April 2007 and two from April
 * 2007, 94 in-house foster placements from before April 2007 and 196 made during 2007-08. In
 * 2008-09, 130 more in-house placements; agency and residential placements end, in-house ones too.
 * Two placements of each purchased kind have fees set so that each year's spend is the
 * document's to the penny: one running 52 weeks of the year and one 51, so that their cost is
 * 52 × fee + 51 × fee' exactly (any amount in pence is 52a + 51b).
 */
import { startTestApi, type TestApi } from '../support/test-api';

const LUTON = { latitude: 51.8787, longitude: -0.42 };
const BIRMINGHAM = { latitude: 52.4862, longitude: -1.8904 }; // 60+ miles from Luton

interface Plan {
  kind: 'IFA' | 'RES' | 'OWN';
  start: string;
  fee: bigint;
  far: boolean;
  uplift?: bigint;
  end?: string;
}

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
const addDays = (date: string, n: number) => new Date(Date.parse(date) + n * 86400000).toISOString().slice(0, 10);
/** The cost rule: weekly fee × nights ÷ 7, rounded half-up once. */
const cost = (fee: bigint, nights: number) => (fee * BigInt(nights) * 2n + 7n) / 14n;
const money = (pence: bigint) => `${pence / 100n}.${String(pence % 100n).padStart(2, '0')}`;
/** Nights of a placement in [from, to). */
const nightsIn = (p: { start: string; end?: string }, from: string, to: string) => {
  const lo = p.start > from ? p.start : from;
  const hi = p.end && p.end < to ? p.end : to;
  return Math.max(0, days(lo, hi));
};

/** Fees a (52 weeks) and b (51 weeks) with 52a + 51b = remainder, both close to remainder ÷ 103. */
function balance(remainder: bigint): [bigint, bigint] {
  let b = remainder / 103n;
  while ((remainder - 51n * b) % 52n !== 0n) b += 1n;
  return [(remainder - 51n * b) / 52n, b];
}

const FY07 = ['2007-04-01', '2008-04-01'] as const;
const FY08 = ['2008-04-01', '2009-04-01'] as const;

/** The council's placements, with the balancing fees worked out for the document's spend. */
function plan(): Plan[] {
  const ifa: Plan[] = [];
  for (let i = 0; i < 82; i++) {
    const fee = 81500n + BigInt((i * 3719) % 15000); // £815.00 to £964.99 a week
    // 15 end during 2008-09, 2 in 2009-10 before December; the rest continue. Uplifts of 4% on 1 April 2008.
    const end = i < 15 ? addDays('2008-08-01', i * 14) : i < 17 ? ['2009-06-30', '2009-09-30'][i - 15] : undefined;
    ifa.push({ kind: 'IFA', start: addDays('2005-06-01', i * 7), fee, uplift: (fee * 104n + 50n) / 100n, far: false, end });
  }
  const res: Plan[] = [];
  for (let i = 0; i < 10; i++) {
    const fee = 370000n + BigInt(i * 4500); // £3,700 to £4,105 a week
    const end = ['2008-06-30', '2008-06-30', '2008-10-01', undefined, undefined, undefined, undefined, undefined, undefined, '2008-06-01'][i];
    res.push({ kind: 'RES', start: addDays('2006-01-09', i * 14), fee, uplift: (fee * 103n + 50n) / 100n, far: false, end });
  }
  // The balancing pairs: from 3 April 2007 (364 nights in 2007-08) ending 31 March 2009 (364 in 2008-09),
  // and from 10 April 2007 (357) ending 24 March 2009 (357); both placed far from home.
  const pair = (kind: 'IFA' | 'RES', others: Plan[], targets: [bigint, bigint]): Plan[] => {
    const spent = (year: readonly [string, string], fee: (p: Plan) => bigint) => others.reduce((s, p) => s + cost(fee(p), nightsIn(p, year[0], year[1])), 0n);
    const [a07, b07] = balance(targets[0] - spent(FY07, (p) => p.fee));
    const [a08, b08] = balance(targets[1] - spent(FY08, (p) => p.uplift!));
    return [
      { kind, start: '2007-04-03', fee: a07, uplift: a08, far: true, end: '2009-03-31' },
      { kind, start: '2007-04-10', fee: b07, uplift: b08, far: true, end: '2009-03-24' },
    ];
  };
  const own: Plan[] = [];
  for (let i = 0; i < 94; i++) own.push({ kind: 'OWN', start: addDays('2005-01-03', i * 5), fee: 48000n, far: false, end: addDays('2008-04-15', i * 3) });
  // 196 placed in 2007-08, 19 of them with carers more than 20 miles away; 57 leave care during 2009-10.
  for (let i = 0; i < 196; i++) own.push({ kind: 'OWN', start: addDays('2007-04-02', (i * 363) % 364), fee: 48000n, far: i % 10 === 3 && i < 190, end: i < 57 ? addDays('2009-04-15', i * 4) : undefined });
  // 130 placed in 2008-09, 3 of them far.
  for (let i = 0; i < 130; i++) own.push({ kind: 'OWN', start: addDays('2008-04-02', (i * 359) % 363), fee: 49500n, far: i === 10 || i === 70 || i === 120, end: undefined });
  return [...ifa, ...pair('IFA', ifa, [391300000n, 379600000n]), ...res, ...pair('RES', res, [242700000n, 189585800n]), ...own];
}

let t: TestApi;
let localityId: string;
const placements = plan();

/** Runs many mutations a request (aliases), returning each alias's result. */
async function batch(fields: string[]): Promise<any[]> {
  const results: any[] = [];
  for (let i = 0; i < fields.length; i += 40) {
    const chunk = fields.slice(i, i + 40);
    const data = await t.ok(`mutation { ${chunk.map((f, k) => `m${k}: ${f}`).join('\n')} }`);
    results.push(...chunk.map((_, k) => data[`m${k}`]));
  }
  return results;
}

beforeAll(async () => {
  t = await startTestApi();
  const authority = (await t.ok('mutation { createAuthority(input: { name: "Luton Borough Council", onsCode: "E06000032" }) { id } }')).createAuthority;
  localityId = (await t.ok(`mutation { createLocality(input: { authorityId: "${authority.id}", name: "Luton" }) { id } }`)).createLocality.id;
  const provider = async (legalName: string, providerCode: string) =>
    (await t.ok(`mutation { createProvider(input: { legalName: "${legalName}", providerCode: ${providerCode}, serviceCategories: [FOSTERING, RESIDENTIAL] }) { id } }`)).createProvider.id;
  const setting = async (providerId: string, name: string, kind: string, at: { latitude: number; longitude: number }) =>
    (await t.ok(`mutation { createSetting(input: { providerId: "${providerId}", name: "${name}", kind: ${kind}, latitude: ${at.latitude}, longitude: ${at.longitude} }) { id } }`)).createSetting.id;
  const ifa = await provider('Chiltern Foster Care Ltd', 'PR4');
  const homes = await provider('Three Counties Homes Ltd', 'PR4');
  const own = await provider('Luton Borough Council Fostering', 'PR1');
  const settings = {
    IFA: { near: await setting(ifa, 'Chiltern Foster Care, Luton', 'FOSTERING_AGENCY_OFFICE', LUTON), far: await setting(ifa, 'Chiltern Foster Care, Birmingham', 'FOSTERING_AGENCY_OFFICE', BIRMINGHAM) },
    RES: { near: await setting(homes, 'Stockwood House', 'CHILDRENS_HOME', LUTON), far: await setting(homes, 'Edgbaston House', 'CHILDRENS_HOME', BIRMINGHAM) },
    OWN: { near: await setting(own, 'Luton foster carers', 'FOSTERING_AGENCY_OFFICE', LUTON), far: await setting(own, 'Luton foster carers living out of area', 'FOSTERING_AGENCY_OFFICE', BIRMINGHAM) },
  };
  const providers = { IFA: ifa, RES: homes, OWN: own };
  const types = { IFA: 'U4 providerCode: PR4', RES: 'K2 providerCode: PR4', OWN: 'U4 providerCode: PR1' };
  const children = await batch(
    placements.map((_, i) => `createChild(input: { caseReference: "LBC-${1000 + i}", initials: "LC", dateOfBirth: "${addDays('1995-09-01', (i * 17) % 3600)}", gender: ${i % 2 ? 'MALE' : 'FEMALE'}, legalStatus: C2, localityId: "${localityId}", homeLatitude: ${LUTON.latitude}, homeLongitude: ${LUTON.longitude} }) { id }`),
  );
  const created = await batch(
    placements.map(
      (p, i) =>
        `createPlacement(input: { childId: "${children[i].id}", providerId: "${providers[p.kind]}", settingId: "${settings[p.kind][p.far ? 'far' : 'near']}", placementType: ${types[p.kind]}, startDate: "${p.start}", weeklyFee: "${money(p.fee)}" }) { id version }`,
    ),
  );
  const uplifted = await batch(
    placements.flatMap((p, i) => (p.uplift ? [`changePlacementFee(id: "${created[i].id}", version: 1, input: { weeklyFee: "${money(p.uplift)}", effectiveFrom: "2008-04-01", reason: "Annual uplift" }) { id version }`] : [])),
  );
  const versions = new Map([...created.map((c) => [c.id, c.version] as const), ...uplifted.map((u) => [u.id, u.version] as const)]);
  await batch(placements.flatMap((p, i) => (p.end ? [`endPlacement(id: "${created[i].id}", version: ${versions.get(created[i].id)}, endDate: "${p.end}", endReason: E4A) { id }`] : [])));
}, 120000);
afterAll(() => t.stop());

/** A percentage in hundredths (the API's) to one decimal place, rounded half-up, as the document gives it. */
const oneDecimal = (hundredths: string) => {
  const n = BigInt(hundredths.replace('.', ''));
  const tenths = (n + 5n) / 10n;
  return `${tenths / 10n}.${tenths % 10n}`;
};

describe('the Luton strategy’s figures through the API', () => {
  it('builds the council at plausible fees', () => {
    for (const p of placements) {
      const [lo, hi] = p.kind === 'IFA' ? [55000n, 110000n] : p.kind === 'RES' ? [300000n, 500000n] : [45000n, 70000n];
      for (const fee of [p.fee, p.uplift ?? p.fee]) expect({ kind: p.kind, inRange: fee >= lo && fee <= hi }).toEqual({ kind: p.kind, inRange: true });
    }
    expect(placements).toHaveLength(386 + 130);
  });

  it('has 386 children in care in March 2008 and 340 in December 2009, 84 then 65 of them with agency foster carers', async () => {
    const q = '{ march: careIndicators(onDate: "2008-03-31") { childrenInCare independentFostering residential } december: careIndicators(onDate: "2009-12-31") { childrenInCare independentFostering residential } }';
    expect(await t.ok(q)).toEqual({
      march: { childrenInCare: 386, independentFostering: 84, residential: 12 },
      december: { childrenInCare: 340, independentFostering: 65, residential: 6 },
    });
  });

  it('spent £3,913,000 and £3,796,000 on purchased foster placements, £2,427,000 and £1,895,858 on residential care', async () => {
    const { spend } = await t.ok(`{ spend(groupBy: [FINANCIAL_YEAR, CATEGORY], from: "2007-04-01", to: "2009-03-31", basis: EXPECTED,
      filter: { categories: [FOSTERING_SERVICES, RESIDENTIAL_CARE] }) { groups { key { financialYear category } amount placements } total { amount } } }`);
    expect(spend.groups).toEqual([
      { key: { financialYear: '2007-08', category: 'FOSTERING_SERVICES' }, amount: '3913000.00', placements: 84 },
      { key: { financialYear: '2007-08', category: 'RESIDENTIAL_CARE' }, amount: '2427000.00', placements: 12 },
      { key: { financialYear: '2008-09', category: 'FOSTERING_SERVICES' }, amount: '3796000.00', placements: 84 },
      { key: { financialYear: '2008-09', category: 'RESIDENTIAL_CARE' }, amount: '1895858.00', placements: 12 },
    ]);
    expect(spend.total.amount).toBe('12031858.00');
  });

  it('placed 11.5% of the children placed in 2007-08 beyond 20 miles, and 2.3% in 2008-09', async () => {
    const q = `{ y07: careFlows(from: "2007-04-01", to: "2008-03-31") { placedChildren placedOver20Miles placedPercentOver20Miles }
                 y08: careFlows(from: "2008-04-01", to: "2009-03-31") { placedChildren placedOver20Miles placedPercentOver20Miles } }`;
    const { y07, y08 } = await t.ok(q);
    // 2007-08: 196 in-house (19 far) and the four balancing placements (far): 23 of 200 = 11.50%.
    expect(y07).toEqual({ placedChildren: 200, placedOver20Miles: 23, placedPercentOver20Miles: '11.50' });
    // 2008-09: 130 in-house, 3 far: 2.307…% → 2.31.
    expect(y08).toEqual({ placedChildren: 130, placedOver20Miles: 3, placedPercentOver20Miles: '2.31' });
    expect([oneDecimal(y07.placedPercentOver20Miles), oneDecimal(y08.placedPercentOver20Miles)]).toEqual(['11.5', '2.3']);
  });
});
