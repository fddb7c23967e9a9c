/** The unit costs page's reads: one section of `unitCosts` per tab, so a tab costs one SQL statement (and its loads). */
const SPREAD = 'placements lowest lowerQuartile median upperQuartile highest';
const VARS = '$onDate: Date, $own: Boolean!';
const ARGS = 'onDate: $onDate, includeOwnProvision: $own';

export const UNIT_COST_QUERIES = {
  groups: `query UnitCostsByGroup(${VARS}) { unitCosts(${ARGS}) { onDate byPlacementTypeAndNeed { placementType needLevel ${SPREAD} } } }`,
  providers: `query UnitCostsByProvider(${VARS}) { unitCosts(${ARGS}) { onDate byProvider { providerId provider { legalName } placementType needLevel placements averageWeeklyCost groupMedian differenceFromMedian percentFromMedian placementsWithCardRate averageWeeklyFee averageCardRate differenceFromCard percentFromCard } } }`,
  premium: `query UnitCostsPremium(${VARS}) { unitCosts(${ARGS}) { onDate frameworkPremium { placementType needLevel spotPlacements spotMedian frameworkPlacements frameworkMedian premium premiumPercent } } }`,
  ofsted: `query UnitCostsByOfsted(${VARS}) { unitCosts(${ARGS}) { onDate byOfstedRating { ofstedRating ${SPREAD} } } }`,
  highCost: `query UnitCostsHighCost(${VARS}) { unitCosts(${ARGS}) { onDate highCostPlacements { placementId placement { reference placementType provider { legalName } } weeklyCost weeklyFee needLevel contractKind cardWeeklyFee aboveCard } } }`,
} as const;

export type UnitCostTab = keyof typeof UNIT_COST_QUERIES;
export const UNIT_COST_TABS = Object.keys(UNIT_COST_QUERIES) as UnitCostTab[];

export interface Spread {
  placements: number;
  lowest: string;
  lowerQuartile: string;
  median: string;
  upperQuartile: string;
  highest: string;
}
export interface GroupRow extends Spread {
  placementType: string;
  needLevel: string | null;
}
export interface OfstedRow extends Spread {
  ofstedRating: string | null;
}
export interface ProviderRow {
  providerId: string;
  provider: { legalName: string };
  placementType: string;
  needLevel: string | null;
  placements: number;
  averageWeeklyCost: string;
  groupMedian: string;
  differenceFromMedian: string;
  percentFromMedian: string | null;
  placementsWithCardRate: number;
  averageWeeklyFee: string | null;
  averageCardRate: string | null;
  differenceFromCard: string | null;
  percentFromCard: string | null;
}
export interface PremiumRow {
  placementType: string;
  needLevel: string | null;
  spotPlacements: number;
  spotMedian: string | null;
  frameworkPlacements: number;
  frameworkMedian: string | null;
  premium: string | null;
  premiumPercent: string | null;
}
export interface HighCostRow {
  placementId: string;
  placement: { reference: string | null; placementType: string; provider: { legalName: string } };
  weeklyCost: string;
  weeklyFee: string;
  needLevel: string | null;
  contractKind: string | null;
  cardWeeklyFee: string | null;
  aboveCard: string | null;
}
export interface UnitCostsData {
  unitCosts: {
    onDate: string;
    byPlacementTypeAndNeed?: GroupRow[];
    byProvider?: ProviderRow[];
    frameworkPremium?: PremiumRow[];
    byOfstedRating?: OfstedRow[];
    highCostPlacements?: HighCostRow[];
  };
}
