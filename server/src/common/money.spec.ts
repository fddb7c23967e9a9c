import { divideRoundHalfUp, formatPence, parsePence } from './money';

describe('money', () => {
  it('parses decimal strings into exact pence', () => {
    expect(parsePence('1045.50')).toBe(104550n);
    expect(parsePence('1045.5')).toBe(104550n);
    expect(parsePence('0.01')).toBe(1n);
    expect(parsePence('-3')).toBe(-300n);
    expect(parsePence('9999999999999.99')).toBe(999999999999999n);
  });

  it('refuses anything that is not money with at most two decimals', () => {
    for (const bad of ['1.005', 'abc', '', '1,000.00', '1e3', '.5', '1.', '--1', '0x10']) {
      expect(parsePence(bad)).toBeNull();
    }
  });

  it('formats pence with two places', () => {
    expect(formatPence(104550n)).toBe('1045.50');
    expect(formatPence(5n)).toBe('0.05');
    expect(formatPence(-5n)).toBe('-0.05');
    expect(formatPence(0n)).toBe('0.00');
    expect(formatPence(-123456n)).toBe('-1234.56');
  });

  it('rounds half up exactly', () => {
    // £815.00 a week for 3 nights: 81500 * 3 / 7 = 34928.571… → 34929
    expect(divideRoundHalfUp(81500n * 3n, 7n)).toBe(34929n);
    // exactly half: 7 / 2 = 3.5 → 4; -7 / 2 → -4 (away from zero)
    expect(divideRoundHalfUp(7n, 2n)).toBe(4n);
    expect(divideRoundHalfUp(-7n, 2n)).toBe(-4n);
    expect(divideRoundHalfUp(10n, 4n)).toBe(3n);
    expect(divideRoundHalfUp(9n, 4n)).toBe(2n);
  });
});
