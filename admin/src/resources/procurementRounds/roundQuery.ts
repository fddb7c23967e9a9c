export interface Evaluation {
  rank: number | null;
  amount: string;
  qualityPointsGiven: number;
  qualityPointsAvailable: number;
  qualityScore: string | null;
  qualityPoints: string | null;
  pricePoints: string;
  total: string | null;
  bid: { id: string; version: number; submittedAt: string; notes: string | null; provider: { id: string; legalName: string }; qualityMarks: Array<{ criterion: string; points: number }> };
}

export interface Round {
  id: string;
  version: number;
  reference: string;
  status: 'DRAFT' | 'OPEN' | 'CLOSED' | 'AWARDED' | 'WITHDRAWN';
  title: string;
  category: 'PLACEMENT' | 'TRANSPORT' | 'SUPERVISED_CONTACT';
  closesAt: string;
  qualityWeight: number;
  priceWeight: number;
  startDate: string | null;
  endDate: string | null;
  awardedBidId: string | null;
  contract: { id: string; reference: string; weeklyFee: string | null } | null;
  scoringMatrix: Array<{ criterion: string; maxPoints: number }>;
  invitations: Array<{ id: string; invitedAt: string; distanceMiles: number | null; provider: { id: string; legalName: string } }>;
  evaluation: Evaluation[];
}

export const ROUND = `query RoundWorkspace($id: ID!) {
  procurementRound(id: $id) {
    id version reference status title category closesAt qualityWeight priceWeight startDate endDate awardedBidId
    contract { id reference weeklyFee }
    scoringMatrix { criterion maxPoints }
    invitations { id invitedAt distanceMiles provider { id legalName } }
    evaluation { rank amount qualityPointsGiven qualityPointsAvailable qualityScore qualityPoints pricePoints total
      bid { id version submittedAt notes provider { id legalName } qualityMarks { criterion points } } }
  }
}`;

export const SUGGESTED = `query Suggested($id: ID!) { suggestedProviders(roundId: $id) { distanceMiles provider { id legalName } } }`;
