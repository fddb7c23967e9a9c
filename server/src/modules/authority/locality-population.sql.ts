/**
 * The child population of locality `locality` in force on `date` (the figure with the latest
 * effective date on or before it), as a LATERAL subquery giving one column, `children`, or no
 * row when none is recorded yet. The one definition of "the figure in force".
 */
export const POPULATION_IN_FORCE = (locality: string, date: string) =>
  `(SELECT "lp"."children" FROM "locality_population" "lp"
    WHERE "lp"."locality_id" = ${locality} AND "lp"."effective_from" <= ${date}
    ORDER BY "lp"."effective_from" DESC LIMIT 1)`;
