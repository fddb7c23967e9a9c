/**
 * Money is integer pence as a bigint everywhere in the server, a `bigint` column in
 * PostgreSQL and a decimal string with two places on the wire ("1045.50").
 * Nothing here goes through binary floating point.
 */
export type Pence = bigint;

const MONEY_PATTERN = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Parses "1045.5", "1045.50" or "-3" into pence; null when the text is not money. */
export function parsePence(text: string): Pence | null {
  const match = MONEY_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, sign, pounds, fraction = ''] = match;
  const pence = BigInt(pounds) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign ? -pence : pence;
}

/** Formats pence as a decimal string with exactly two places: 104550n → "1045.50". */
export function formatPence(pence: Pence): string {
  const negative = pence < 0n;
  const abs = negative ? -pence : pence;
  const pounds = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${pounds}.${fraction}`;
}

/** Divides and rounds half away from zero, exactly: the one rounding rule for money. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

/** TypeORM column transformer: `bigint` column (a string from pg) ⇄ bigint pence. */
export const penceColumn = {
  to: (value: Pence | null | undefined): string | null | undefined =>
    value === null || value === undefined ? value : value.toString(),
  from: (value: string | null): Pence | null => (value === null ? null : BigInt(value)),
};

/** The same transformer for any two-place decimal kept as whole hundredths in an integer column. */
export const hundredthsColumn = {
  to: (value: bigint | null | undefined): number | null | undefined =>
    value === null || value === undefined ? value : Number(value),
  from: (value: number | null): bigint | null => (value === null ? null : BigInt(value)),
};
