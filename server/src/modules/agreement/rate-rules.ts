import type { FieldError } from '../../common/errors';
import type { Agreement } from './agreement.entity';
import type { RateLine } from './rate-line.entity';

type LineValues = Pick<RateLine, 'placementType' | 'needLevel' | 'minAge' | 'maxAge' | 'weeklyFee' | 'effectiveFrom'>;

function label(line: LineValues): string {
  return `${line.placementType} ${line.needLevel} ages ${line.minAge}–${line.maxAge} from ${line.effectiveFrom}`;
}

/**
 * The rules every rate card line keeps: a fee above zero, a real age band, a date inside the
 * agreement, and no two lines for the same placement type, need level and date whose age
 * bands overlap (so one rate, and only one, applies to a child).
 */
export function rateLineErrors(agreement: Pick<Agreement, 'startDate' | 'endDate'>, existing: LineValues[], added: LineValues[], prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const at = (index: number, field: string, message: string) => errors.push({ field: `${prefix}${prefix ? `${index}.` : ''}${field}`, message });
  const accepted = [...existing];
  added.forEach((line, index) => {
    if (line.weeklyFee <= 0n) at(index, 'weeklyFee', 'must be more than zero');
    if (line.minAge > line.maxAge) at(index, 'maxAge', 'must not be less than minAge');
    if (line.effectiveFrom < agreement.startDate || line.effectiveFrom > agreement.endDate) {
      at(index, 'effectiveFrom', `must be within the agreement’s period, ${agreement.startDate} to ${agreement.endDate}`);
    }
    const clash = accepted.find(
      (other) =>
        other.placementType === line.placementType &&
        other.needLevel === line.needLevel &&
        other.effectiveFrom === line.effectiveFrom &&
        other.minAge <= line.maxAge &&
        line.minAge <= other.maxAge,
    );
    if (clash) at(index, 'minAge', `overlaps the line ${label(clash)}`);
    accepted.push(line);
  });
  return errors;
}
