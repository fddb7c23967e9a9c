import { registerCodeEnum } from '../../common/codes/register-code-enum';
import { ageOn } from '../../common/dates';

/** DfE age groups used in the children-looked-after statistics. */
export enum AgeBand {
  UNDER_1 = 'UNDER_1',
  AGE_1_TO_4 = 'AGE_1_TO_4',
  AGE_5_TO_9 = 'AGE_5_TO_9',
  AGE_10_TO_15 = 'AGE_10_TO_15',
  AGE_16_PLUS = 'AGE_16_PLUS',
}

registerCodeEnum(AgeBand, 'AgeBand', 'DfE age group of a child on a date.', {
  UNDER_1: 'Under 1',
  AGE_1_TO_4: '1 to 4',
  AGE_5_TO_9: '5 to 9',
  AGE_10_TO_15: '10 to 15',
  AGE_16_PLUS: '16 and over',
});

/** Each band and the age it starts at, youngest first. */
const BAND_STARTS: ReadonlyArray<[AgeBand, number]> = [
  [AgeBand.UNDER_1, 0],
  [AgeBand.AGE_1_TO_4, 1],
  [AgeBand.AGE_5_TO_9, 5],
  [AgeBand.AGE_10_TO_15, 10],
  [AgeBand.AGE_16_PLUS, 16],
];

export function ageBandOf(dateOfBirth: string, on: string): AgeBand {
  const age = ageOn(dateOfBirth, on);
  let band = AgeBand.UNDER_1;
  for (const [b, from] of BAND_STARTS) if (age >= from) band = b;
  return band;
}

/**
 * The day a child born on `dateOfBirth` (SQL) turns `years`, as `ageOn` counts it: someone
 * born on 29 February turns a year older on 1 March when the year has no 29 February.
 */
export const birthdaySql = (dateOfBirth: string, years: number) => `((${dateOfBirth} - 1 + interval '${years} years')::date + 1)`;

/** The age band (text) on the SQL date `on` of a child born on `dateOfBirth`. */
export function ageBandOnSql(dateOfBirth: string, on: string): string {
  const older = [...BAND_STARTS].reverse().filter(([, from]) => from > 0);
  return `(CASE ${older.map(([band, from]) => `WHEN ${on} >= ${birthdaySql(dateOfBirth, from)} THEN '${band}'`).join(' ')} ELSE '${AgeBand.UNDER_1}' END)`;
}

/**
 * A row per age band with the nights [lo, hi) a child born on `dateOfBirth` spends in it
 * (null for open ends), to cut a stretch of nights at the birthdays where the band changes:
 * `CROSS JOIN LATERAL (${ageBandSpansSql(...)}) band(name, lo, hi)`.
 */
export function ageBandSpansSql(dateOfBirth: string): string {
  const rows = BAND_STARTS.map(([band, from], i) => {
    const next = BAND_STARTS[i + 1];
    const lo = from === 0 ? 'NULL::date' : birthdaySql(dateOfBirth, from);
    const hi = next ? birthdaySql(dateOfBirth, next[1]) : 'NULL::date';
    return `('${band}', ${lo}, ${hi})`;
  });
  return `VALUES ${rows.join(', ')}`;
}
