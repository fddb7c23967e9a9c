import type { CardLine } from '../resources/agreements/rateCardModel';

export interface Offer {
  id: string;
  sequence: number;
  party: 'PROVIDER' | 'AUTHORITY';
  amount: string;
  offeredOn: string;
  note: string | null;
}

export interface WorkspaceNegotiation {
  id: string;
  version: number;
  status: 'OPEN' | 'AGREED' | 'ABANDONED';
  firstAsk: string | null;
  agreed: string | null;
  currentOffer: string | null;
  savingSoFarPerWeek: string | null;
  savingPerWeek: string | null;
  savingVsCardRate: string | null;
  projectedSaving: string | null;
  weeks: string | null;
  closedOn: string | null;
  closingNote: string | null;
  offers: Offer[];
}

export interface WorkspaceContract {
  id: string;
  version: number;
  reference: string;
  kind: string;
  status: string;
  placementType: string | null;
  needLevel: string | null;
  weeklyFee: string | null;
  cardWeeklyFee: string | null;
  startDate: string;
  endDate: string | null;
  negotiations: WorkspaceNegotiation[];
}

/** A line of the rate card as the card reads it, with its negotiations. */
export interface WorkspaceRateLine extends CardLine {
  negotiations: WorkspaceNegotiation[];
}

export interface WorkspaceAgreement {
  id: string;
  reference: string;
  status: string;
  rateLines: WorkspaceRateLine[];
}

/** What is negotiated: a contract's fee or a rate line's, with the card rate it is held against. */
export interface NegotiationSubject {
  /** How it is named in a sentence: "contract CO-2026-0001", "the rate line U4 · standard · ages 0–10 of IFA-2025-01". */
  reference: string;
  cardWeeklyFee: string | null;
  start: { contractId: string } | { rateLineId: string };
}

export interface MarketRate {
  placementType: string;
  onDate: string;
  placements: number;
  median: string | null;
  lowest: string | null;
  highest: string | null;
}

const NEGOTIATION = `id version status firstAsk agreed currentOffer savingSoFarPerWeek savingPerWeek savingVsCardRate projectedSaving weeks closedOn closingNote
  offers { id sequence party amount offeredOn note }`;

export const WORKSPACE = `query NegotiationWorkspace($id: ID!) {
  contract(id: $id) { id version reference kind status placementType needLevel weeklyFee cardWeeklyFee startDate endDate negotiations { ${NEGOTIATION} } }
}`;

export const RATE_LINES = `query RateNegotiations($id: ID!) {
  agreement(id: $id) { id reference status rateLines { id version placementType needLevel minAge maxAge weeklyFee effectiveFrom negotiations { ${NEGOTIATION} } } }
}`;

export const MARKET_RATE = `query WorkspaceMarketRate($placementType: PlacementType!) {
  marketRate(placementType: $placementType) { placementType onDate placements median lowest highest }
}`;

export const START_NEGOTIATION = `mutation StartNegotiation($input: NegotiationStartInput!) { startNegotiation(input: $input) { id } }`;
export const RECORD_OFFER = `mutation RecordOffer($id: ID!, $version: Int!, $input: OfferInput!) { recordOffer(id: $id, version: $version, input: $input) { id version } }`;
export const AGREE = `mutation Agree($id: ID!, $version: Int!, $amount: Money, $note: String, $feeAboveCardReason: String) {
  agreeNegotiation(id: $id, version: $version, amount: $amount, note: $note, feeAboveCardReason: $feeAboveCardReason) { id version }
}`;
export const ABANDON = `mutation Abandon($id: ID!, $version: Int!, $reason: String!) { abandonNegotiation(id: $id, version: $version, reason: $reason) { id version } }`;
