/**
 * Medians and quartiles of money in SQL, defined once: PostgreSQL's `percentile_cont` (linear
 * interpolation between the two nearest values, so the median of an even count is the mean of
 * the middle two), rounded half-up (half away from zero) to the penny once. percentile_cont works
 * in double precision; at the quartiles the interpolation weights are 0, ¼, ½ or ¾, exact in
 * binary, and a weekly amount in pence with two binary places converts to numeric exactly
 * (well within its 15 significant digits), so the result is the exact figure, rounded once.
 */
export const penceQuantile = (fraction: 0.25 | 0.5 | 0.75, pence: string, filter?: string) =>
  `round((percentile_cont(${fraction}) WITHIN GROUP (ORDER BY ${pence})${filter ? ` FILTER (WHERE ${filter})` : ''})::numeric)::bigint`;

/** The median of pence, as above; of the rows matching `filter` when given. */
export const penceMedian = (pence: string, filter?: string) => penceQuantile(0.5, pence, filter);

/**
 * The five figures of a distribution of pence and its count, as columns of an aggregate query:
 * placements, lowest, lower_quartile, median, upper_quartile, highest (money as text).
 */
export const penceDistribution = (pence: string) => `count(*)::int AS placements,
       min(${pence})::text AS lowest, ${penceQuantile(0.25, pence)}::text AS lower_quartile, ${penceMedian(pence)}::text AS median,
       ${penceQuantile(0.75, pence)}::text AS upper_quartile, max(${pence})::text AS highest`;

/**
 * A difference as a percentage of a base, in hundredths of a percent rounded half-up:
 * (difference × 10000 / base) — null when the base is null or zero. Both are bigint pence.
 */
export const percentOf = (difference: string, base: string) =>
  `CASE WHEN ${base} IS NULL OR ${base} = 0 OR ${difference} IS NULL THEN NULL ELSE round((${difference})::numeric * 10000 / (${base}))::bigint END`;
