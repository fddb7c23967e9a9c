/** Mean radius of the Earth in miles, as used for the national "over 20 miles" indicator. */
export const EARTH_RADIUS_MILES = 3958.8;

/** Great-circle (haversine) distance in miles between two points in degrees. */
export function haversineMiles(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The same distance as an SQL expression over four numeric expressions (null when any is null). */
export function haversineSql(lat1: string, lon1: string, lat2: string, lon2: string): string {
  const r = (x: string) => `radians((${x})::float8)`;
  const a = `(power(sin((${r(lat2)} - ${r(lat1)}) / 2), 2) + cos(${r(lat1)}) * cos(${r(lat2)}) * power(sin((${r(lon2)} - ${r(lon1)}) / 2), 2))`;
  // CASE rather than least(): least() would ignore a null and turn an unknown distance into a number.
  return `(2 * ${EARTH_RADIUS_MILES} * asin(sqrt(CASE WHEN ${a} > 1 THEN 1 ELSE ${a} END)))`;
}
