import { codeText, type AnalyticsColumn } from '../columns';
import type { GroupRow, HighCostRow, OfstedRow, PremiumRow, ProviderRow, Spread } from './unitCostsQueries';

type T = (key: string) => string;
const L = (t: T, key: string) => t(`placewise.unitCosts.col.${key}`);

function spreadColumns<R extends Spread>(t: T): AnalyticsColumn<R>[] {
  return [
    { key: 'placements', label: L(t, 'placements'), kind: 'count', value: (r) => r.placements },
    { key: 'lowest', label: L(t, 'lowest'), kind: 'money', value: (r) => r.lowest },
    { key: 'lowerQuartile', label: L(t, 'lowerQuartile'), kind: 'money', value: (r) => r.lowerQuartile },
    { key: 'median', label: L(t, 'median'), kind: 'money', value: (r) => r.median },
    { key: 'upperQuartile', label: L(t, 'upperQuartile'), kind: 'money', value: (r) => r.upperQuartile },
    { key: 'highest', label: L(t, 'highest'), kind: 'money', value: (r) => r.highest },
  ];
}

const group = <R extends { placementType: string; needLevel: string | null }>(t: T): AnalyticsColumn<R>[] => [
  { key: 'placementType', label: L(t, 'placementType'), kind: 'text', value: (r) => r.placementType },
  { key: 'needLevel', label: L(t, 'needLevel'), kind: 'text', minWidth: 110, value: (r) => codeText(r.needLevel, t('placewise.notKnown')) },
];

export const groupColumns = (t: T): AnalyticsColumn<GroupRow>[] => [...group<GroupRow>(t), ...spreadColumns<GroupRow>(t)];

export const ofstedColumns = (t: T): AnalyticsColumn<OfstedRow>[] => [
  { key: 'ofstedRating', label: L(t, 'ofstedRating'), kind: 'text', value: (r) => codeText(r.ofstedRating, t('placewise.notKnown')) },
  ...spreadColumns<OfstedRow>(t),
];

export const providerColumns = (t: T): AnalyticsColumn<ProviderRow>[] => [
  { key: 'provider', label: L(t, 'provider'), kind: 'text', minWidth: 220, value: (r) => r.provider.legalName, link: (r) => `/providers/${r.providerId}/show` },
  ...group<ProviderRow>(t),
  { key: 'placements', label: L(t, 'placements'), kind: 'count', value: (r) => r.placements },
  { key: 'averageWeeklyCost', label: L(t, 'averageWeeklyCost'), kind: 'money', value: (r) => r.averageWeeklyCost },
  { key: 'groupMedian', label: L(t, 'groupMedian'), kind: 'money', value: (r) => r.groupMedian },
  { key: 'differenceFromMedian', label: L(t, 'differenceFromMedian'), kind: 'money', value: (r) => r.differenceFromMedian },
  { key: 'percentFromMedian', label: L(t, 'percentFromMedian'), kind: 'percent', value: (r) => r.percentFromMedian },
  { key: 'placementsWithCardRate', label: L(t, 'placementsWithCardRate'), kind: 'count', value: (r) => r.placementsWithCardRate },
  { key: 'averageWeeklyFee', label: L(t, 'averageWeeklyFee'), kind: 'money', value: (r) => r.averageWeeklyFee },
  { key: 'averageCardRate', label: L(t, 'averageCardRate'), kind: 'money', value: (r) => r.averageCardRate },
  { key: 'differenceFromCard', label: L(t, 'differenceFromCard'), kind: 'money', value: (r) => r.differenceFromCard },
  { key: 'percentFromCard', label: L(t, 'percentFromCard'), kind: 'percent', value: (r) => r.percentFromCard },
];

export const premiumColumns = (t: T): AnalyticsColumn<PremiumRow>[] => [
  ...group<PremiumRow>(t),
  { key: 'spotPlacements', label: L(t, 'spotPlacements'), kind: 'count', value: (r) => r.spotPlacements },
  { key: 'spotMedian', label: L(t, 'spotMedian'), kind: 'money', value: (r) => r.spotMedian },
  { key: 'frameworkPlacements', label: L(t, 'frameworkPlacements'), kind: 'count', value: (r) => r.frameworkPlacements },
  { key: 'frameworkMedian', label: L(t, 'frameworkMedian'), kind: 'money', value: (r) => r.frameworkMedian },
  { key: 'premium', label: L(t, 'premium'), kind: 'money', value: (r) => r.premium },
  { key: 'premiumPercent', label: L(t, 'premiumPercent'), kind: 'percent', value: (r) => r.premiumPercent },
];

export const highCostColumns = (t: T): AnalyticsColumn<HighCostRow>[] => [
  { key: 'reference', label: L(t, 'reference'), kind: 'text', value: (r) => r.placement.reference ?? r.placementId.slice(0, 8), link: (r) => `/placements/${r.placementId}/show` },
  { key: 'provider', label: L(t, 'provider'), kind: 'text', minWidth: 220, value: (r) => r.placement.provider.legalName },
  { key: 'placementType', label: L(t, 'placementType'), kind: 'text', value: (r) => r.placement.placementType },
  { key: 'needLevel', label: L(t, 'needLevel'), kind: 'text', minWidth: 110, value: (r) => codeText(r.needLevel, t('placewise.notKnown')) },
  { key: 'contractKind', label: L(t, 'contractKind'), kind: 'text', value: (r) => codeText(r.contractKind, t('placewise.unitCosts.noContract')) },
  { key: 'weeklyFee', label: L(t, 'weeklyFee'), kind: 'money', value: (r) => r.weeklyFee },
  { key: 'weeklyCost', label: L(t, 'weeklyCost'), kind: 'money', value: (r) => r.weeklyCost },
  { key: 'cardWeeklyFee', label: L(t, 'cardWeeklyFee'), kind: 'money', value: (r) => r.cardWeeklyFee, empty: '—' },
  { key: 'aboveCard', label: L(t, 'aboveCard'), kind: 'money', value: (r) => r.aboveCard },
];
