import type { DataSource, EntityManager } from 'typeorm';
import { badInput } from '../../common/errors';
import { assertId } from '../../common/versioned-update';
import { CARE_FLOWS_SQL, careIndicatorsSql, type FlowKind } from './indicators.sql';
import type { CareFigures, CareFlows, CareIndicators, FlowFigures, GroupCount } from './indicators.types';
import type { PlacementGroup } from './placement-group';

type Db = DataSource | EntityManager;

/** The longest series: ten years of months. */
export const MAX_SERIES_MONTHS = 120;
type Row = Record<string, any>;

const big = (text: string | null): bigint | null => (text === null ? null : BigInt(text));

/** Refuses an id that is not a locality's, naming the field. */
export async function assertLocality(db: Db, localityId: string | null | undefined): Promise<void> {
  if (localityId === null || localityId === undefined) return;
  assertId(localityId, 'localityId');
  const [found] = await db.query('SELECT 1 FROM "locality" WHERE "id" = $1', [localityId]);
  if (!found) throw badInput('localityId', 'no locality has this id');
}

function careFigures(r: Row): CareFigures {
  return {
    childrenInCare: r.children,
    childPopulation: r.population,
    ratePer10000: big(r.rate),
    byGroup: (r.by_group as Array<{ group: PlacementGroup; children: number; percent: string }>).map((g): GroupCount => ({ group: g.group, children: g.children, percent: BigInt(g.percent) })),
    inHouseFostering: r.g_in_house_fostering,
    independentFostering: r.g_ifa_fostering,
    inHouseFosteringPercent: big(r.in_house_percent),
    residential: r.g_residential,
    over20Miles: r.over20,
    within20Miles: r.within20,
    distanceNotKnown: r.not_known,
    percentOver20Miles: big(r.over20_percent),
    threeOrMorePlacements: r.three_plus,
    threeOrMorePlacementsPercent: big(r.three_plus_percent),
    longTermLookedAfter: r.long_term,
    longTermSamePlacement: r.long_term_stable,
    longTermStabilityPercent: big(r.long_term_percent),
  };
}

/** The rows of careIndicatorsSql as one CareIndicators per day (each day's overall row comes first). */
function byDay(rows: Row[], localityId: string | null): CareIndicators[] {
  const days: CareIndicators[] = [];
  for (const r of rows) {
    if (r.overall) days.push({ onDate: r.on_date, localityId, ...careFigures(r), byLocality: [] });
    else days[days.length - 1].byLocality.push({ localityId: r.locality_id, localityName: r.locality_name, ...careFigures(r) });
  }
  return days;
}

/** The indicators on one date. */
export async function careIndicatorsOn(db: Db, onDate: string, localityId: string | null): Promise<CareIndicators> {
  return byDay(await db.query(careIndicatorsSql('oneDay'), [localityId, onDate]), localityId)[0];
}

/** The indicators on the first of each month from the month of `from` to `to`, at most `months` of them. */
export async function careIndicatorSeries(db: Db, from: string, to: string, months: number, localityId: string | null): Promise<CareIndicators[]> {
  return byDay(await db.query(careIndicatorsSql('months'), [localityId, from, to, months]), localityId);
}

/** Months from the month of `from` to the month of `to`, both counted. */
export function monthsSpanned(from: string, to: string): number {
  const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return month(to) - month(from) + 1;
}

const codes = <K extends string>(key: K, list: Array<{ code: string | null; count: number }>) => list.map((c) => ({ [key]: c.code, count: c.count }) as Record<K, any> & { count: number });

function flowFigures(r: Row | undefined): FlowFigures {
  const n = (k: FlowKind) => (r ? (r[k.toLowerCase()] as number) : 0);
  const list = (k: FlowKind) => (r ? (r[`${k.toLowerCase()}_codes`] as Array<{ code: string | null; count: number }>) : []);
  return {
    childrenStarted: n('STARTED'),
    startedByLegalStatus: codes('legalStatus', list('STARTED')),
    childrenCeased: n('CEASED'),
    ceasedByReason: codes('reason', list('CEASED')),
    placementsStarted: n('PLACEMENT_STARTED'),
    placementsStartedByChangeReason: codes('reason', list('PLACEMENT_STARTED')),
    placementsEnded: n('PLACEMENT_ENDED'),
    placementsEndedByReason: codes('reason', list('PLACEMENT_ENDED')),
    childrenDiverted: n('DIVERTED'),
    placedChildren: n('PLACED'),
    placedOver20Miles: r?.placed_over20 ?? 0,
    placedWithin20Miles: r?.placed_within20 ?? 0,
    placedDistanceNotKnown: r?.placed_not_known ?? 0,
    placedPercentOver20Miles: r ? big(r.placed_over20_percent) : null,
  };
}

/** Starts, ends, diversions and distances from `from` to `to`, both included. */
export async function careFlows(db: Db, from: string, to: string, localityId: string | null): Promise<CareFlows> {
  const rows: Row[] = await db.query(CARE_FLOWS_SQL, [from, to, localityId]);
  return {
    from,
    to,
    localityId,
    ...flowFigures(rows.find((r) => r.overall)),
    byLocality: rows.filter((r) => !r.overall).map((r) => ({ localityId: r.locality_id, localityName: r.locality_name, ...flowFigures(r) })),
  };
}
