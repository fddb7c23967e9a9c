/**
 * Names sort as people expect ("Alpha", "beta", "Item 9", "Item 10"), not by byte value:
 * an ICU collation created by the first migration, used by every name column, so ORDER BY,
 * range filters and cursor paging all agree.
 */
export const NATURAL_SORT = 'natural_sort';
export const CREATE_NATURAL_SORT = `CREATE COLLATION IF NOT EXISTS "${NATURAL_SORT}" (provider = icu, locale = 'en-GB-u-kn-true')`;
