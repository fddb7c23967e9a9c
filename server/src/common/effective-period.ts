import type { IsoDate } from './dates';

export interface EffectivePeriod {
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
}

/** The row whose period (both days included; open-ended without an end) holds the date. */
export function effectiveOn<T extends EffectivePeriod>(rows: readonly T[], date: IsoDate): T | null {
  return rows.find((r) => r.effectiveFrom <= date && (r.effectiveTo === null || r.effectiveTo >= date)) ?? null;
}

/** Another row whose period shares a day with this one, if any. */
export function overlapping<T extends EffectivePeriod & { id?: string }>(rows: readonly T[], period: EffectivePeriod, exceptId?: string): T | null {
  return (
    rows.find(
      (r) =>
        r.id !== exceptId &&
        (period.effectiveTo === null || r.effectiveFrom <= period.effectiveTo) &&
        (r.effectiveTo === null || period.effectiveFrom <= r.effectiveTo),
    ) ?? null
  );
}

export function describePeriod(p: EffectivePeriod): string {
  return `${p.effectiveFrom} to ${p.effectiveTo ?? 'open-ended'}`;
}
