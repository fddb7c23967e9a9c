import { IsDefined, IsInt, IsNotEmpty, Matches, Max, MaxLength, Min, validate, ValidateIf, type ValidationError } from 'class-validator';
import { ValidationFailed, type FieldError } from './errors';

function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

/** Only checks a field the client sent: an update may leave it out. */
const IfSent = () => ValidateIf((_object, value) => value !== undefined);
/** Only checks a field that has a value: null clears an optional field. */
const IfGiven = () => ValidateIf((_object, value) => value !== undefined && value !== null);

/** A required text: on create it must be there; on update it may be left out but never emptied. */
export const RequiredText = (max: number) =>
  compose(IfSent(), IsDefined({ message: 'is required' }), IsNotEmpty({ message: 'must not be empty' }), MaxLength(max, { message: `must be at most ${max} characters` }));

/** An optional text that null clears. */
export const OptionalText = (max: number) => compose(IfGiven(), MaxLength(max, { message: `must be at most ${max} characters` }));

/** A required value of any other kind (an enum, a date): may be left out of an update, never set to null. */
export const RequiredValue = () => compose(IfSent(), IsDefined({ message: 'is required' }));

export const WholeNumber = (min: number, max: number) =>
  compose(IfGiven(), IsInt({ message: 'must be a whole number' }), Min(min, { message: `must be at least ${min}` }), Max(max, { message: `must be at most ${max}` }));

export const Between = (min: number, max: number, what: string) =>
  compose(IfGiven(), Min(min, { message: `${what} must be between ${min} and ${max}` }), Max(max, { message: `${what} must be between ${min} and ${max}` }));

export const Pattern = (pattern: RegExp, message: string) => compose(IfGiven(), Matches(pattern, { message }));

/** UK postcode, in any case and with or without the space. */
export const UK_POSTCODE = /^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRV-Y]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/i;

/** Upper case with the single space before the inward code: "bh1 1aa" → "BH1 1AA". */
export function normalisePostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** A latitude without its longitude (or the reverse) names the missing one; both or neither are fine. */
export function missingCoordinate(latitude: unknown, longitude: unknown, latitudeField: string, longitudeField: string): FieldError | null {
  if ((latitude === null || latitude === undefined) === (longitude === null || longitude === undefined)) return null;
  return { field: latitude === null || latitude === undefined ? latitudeField : longitudeField, message: 'give latitude and longitude together, or neither' };
}

/** Flattens class-validator's error tree into field paths: `contacts.0.email`. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) result.push({ field: path, message });
    if (error.children?.length) result.push(...toFieldErrors(error.children, path));
  }
  return result;
}

/**
 * Validates the rows of a bulk input one by one, so each error names its row (`index`) and
 * its field inside the row's `input`. Bulk arguments opt out of the automatic validation,
 * which would lose the row number.
 */
export async function validateRows(rows: object[], listName?: string): Promise<void> {
  const errors: FieldError[] = [];
  for (const [index, row] of rows.entries()) {
    const found = await validate(row, { forbidUnknownValues: false, validationError: { target: false, value: false } });
    errors.push(
      ...toFieldErrors(found).map((e) =>
        listName ? { field: `${listName}.${index}.${e.field}`, message: e.message } : { field: e.field.replace(/^input\./, ''), message: e.message, index },
      ),
    );
  }
  if (errors.length) throw new ValidationFailed(errors);
}
