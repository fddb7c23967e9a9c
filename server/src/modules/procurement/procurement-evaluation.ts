import { divideRoundHalfUp, type Pence } from '../../common/money';
import type { QualityMark, ScoringCriterion } from './procurement.entity';

export interface BidForEvaluation {
  id: string;
  providerId: string;
  amount: Pence;
  qualityMarks: QualityMark[];
  submittedAt: Date;
}

export interface EvaluatedBid {
  bidId: string;
  providerId: string;
  amount: Pence;
  qualityPointsGiven: number;
  qualityPointsAvailable: number;
  /** Hundredths: points given / available × 100. */
  qualityScore: bigint | null;
  /** Hundredths: quality weight × points given / available. */
  qualityPoints: bigint | null;
  /** Hundredths: price weight × lowest bid / this bid. */
  pricePoints: bigint;
  /** Hundredths: the exact sum of quality and price points, rounded once. */
  total: bigint | null;
  rank: number | null;
}

/** A total as an exact fraction, for ranking without rounding. */
interface Fraction {
  num: bigint;
  den: bigint;
}

function compare(a: Fraction, b: Fraction): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left === right ? 0 : left > right ? 1 : -1;
}

/**
 * Scores and ranks the bids of a round: quality points = quality weight × points given /
 * points available; price points = price weight × lowest bid / this bid; total = their
 * sum. Ranking uses the exact totals (ties: the lower price, then the earlier bid); the
 * figures shown are rounded half-up to two places once. Bids not yet scored are unranked.
 */
export function evaluateBids(bids: BidForEvaluation[], matrix: ScoringCriterion[], qualityWeight: number, priceWeight: number): EvaluatedBid[] {
  if (bids.length === 0) return [];
  const available = matrix.reduce((sum, c) => sum + c.maxPoints, 0);
  const lowest = bids.reduce((min, b) => (b.amount < min ? b.amount : min), bids[0].amount);
  const qW = BigInt(qualityWeight);
  const pW = BigInt(priceWeight);
  const rows = bids.map((bid) => {
    const scored = bid.qualityMarks.length > 0;
    const given = bid.qualityMarks.reduce((sum, m) => sum + m.points, 0);
    const g = BigInt(given);
    const max = BigInt(available);
    const exact: Fraction | null = scored ? { num: qW * g * bid.amount + pW * lowest * max, den: max * bid.amount } : null;
    return {
      bid,
      exact,
      row: {
        bidId: bid.id,
        providerId: bid.providerId,
        amount: bid.amount,
        qualityPointsGiven: given,
        qualityPointsAvailable: available,
        qualityScore: scored ? divideRoundHalfUp(g * 10000n, max) : null,
        qualityPoints: scored ? divideRoundHalfUp(qW * g * 100n, max) : null,
        pricePoints: divideRoundHalfUp(pW * lowest * 100n, bid.amount),
        total: exact ? divideRoundHalfUp(exact.num * 100n, exact.den) : null,
        rank: null as number | null,
      } satisfies EvaluatedBid,
    };
  });
  const ranked = rows
    .filter((r) => r.exact)
    .sort((a, b) => compare(b.exact!, a.exact!) || (a.bid.amount < b.bid.amount ? -1 : a.bid.amount > b.bid.amount ? 1 : 0) || a.bid.submittedAt.getTime() - b.bid.submittedAt.getTime());
  ranked.forEach((r, i) => (r.row.rank = i + 1));
  const unranked = rows.filter((r) => !r.exact).sort((a, b) => (a.bid.amount < b.bid.amount ? -1 : 1));
  return [...ranked, ...unranked].map((r) => r.row);
}
