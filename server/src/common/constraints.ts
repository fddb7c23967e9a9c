/**
 * What a broken database constraint means to the user. The database is the last word on
 * uniqueness and references (it also catches races between two requests); this turns its
 * refusal into a field error instead of a 500.
 */
export interface ConstraintMeaning {
  field: string;
  message: string;
}

const meanings = new Map<string, ConstraintMeaning>();

export function explainConstraint(constraint: string, field: string, message: string): void {
  meanings.set(constraint, { field, message });
}

export function constraintMeaning(constraint: string | undefined): ConstraintMeaning | undefined {
  return constraint ? meanings.get(constraint) : undefined;
}
