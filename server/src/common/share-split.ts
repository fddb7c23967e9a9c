/**
 * How an amount is shared between people, exactly: equal shares in whole pence, the odd pence
 * going one each to the first in order (so the shares always add up to the amount). A credit
 * (a negative amount) is shared the same way with the sign turned round.
 */
export function splitEqually(total: bigint, parts: number): bigint[] {
  if (parts <= 0) return [];
  const sign = total < 0n ? -1n : 1n;
  const abs = total * sign;
  const n = BigInt(parts);
  const base = abs / n;
  const odd = abs % n;
  return Array.from({ length: parts }, (_, i) => (base + (BigInt(i) < odd ? 1n : 0n)) * sign);
}

/** The same rule in SQL: the share of the `rank`-th (from 1) of `parts` people in `total`. */
export function shareSql(total: string, parts: string, rank: string): string {
  return `(sign(${total}) * (abs(${total}) / ${parts} + CASE WHEN ${rank} <= abs(${total}) % ${parts} THEN 1 ELSE 0 END))`;
}
