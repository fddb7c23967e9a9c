import { evaluateBids } from './procurement-evaluation';

const matrix = [
  { criterion: 'Matching', maxPoints: 40 },
  { criterion: 'Outcomes', maxPoints: 30 },
  { criterion: 'Safeguarding', maxPoints: 30 },
];
const bid = (id: string, pounds: number, points: number[], second = 0) => ({
  id,
  providerId: `p-${id}`,
  amount: BigInt(pounds * 100),
  qualityMarks: points.map((p, i) => ({ criterion: matrix[i].criterion, points: p })),
  submittedAt: new Date(Date.UTC(2026, 0, 1, 9, 0, second)),
});

describe('bid evaluation (60% quality, 40% price)', () => {
  it('scores and ranks with the arithmetic shown', () => {
    // A: £900, 80/100 points → quality 60 × 80/100 = 48.00; price 40 × 850/900 = 37.777… → 37.78; total 85.777… → 85.78
    // B: £850, 70/100 points → quality 42.00; price 40 × 850/850 = 40.00; total 82.00
    // C: £1,000, 95/100 points → quality 57.00; price 40 × 850/1000 = 34.00; total 91.00
    const result = evaluateBids([bid('A', 900, [32, 24, 24]), bid('B', 850, [28, 21, 21]), bid('C', 1000, [38, 28, 29])], matrix, 60, 40);
    expect(result.map((r) => [r.bidId, r.rank, r.qualityScore, r.qualityPoints, r.pricePoints, r.total])).toEqual([
      ['C', 1, 9500n, 5700n, 3400n, 9100n],
      ['A', 2, 8000n, 4800n, 3778n, 8578n],
      ['B', 3, 7000n, 4200n, 4000n, 8200n],
    ]);
  });

  it('breaks an exact tie by the lower price, then the earlier bid', () => {
    // D: £800, 50/100 → 30 + 40 = 70. E: £1,000, 70/100 → 42 + 40 × 0.8 = 42 + 32 = 74. F: £1,000 as E but later.
    const result = evaluateBids([bid('F', 1000, [30, 20, 20], 5), bid('D', 800, [20, 15, 15]), bid('E', 1000, [30, 20, 20], 1)], matrix, 60, 40);
    expect(result.map((r) => [r.bidId, r.rank, r.total])).toEqual([
      ['E', 1, 7400n],
      ['F', 2, 7400n],
      ['D', 3, 7000n],
    ]);
  });

  it('leaves bids without quality marks unranked', () => {
    const result = evaluateBids([bid('G', 700, []), bid('H', 900, [40, 30, 30])], matrix, 70, 30);
    // H: 70 + 30 × 700/900 = 70 + 23.333… = 93.33; G: price points 30.00 but no total.
    expect(result.map((r) => [r.bidId, r.rank, r.pricePoints, r.total])).toEqual([
      ['H', 1, 2333n, 9333n],
      ['G', null, 3000n, null],
    ]);
  });
});
