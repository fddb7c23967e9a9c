/** A `numeric` column (coordinates, miles) read as a JS number: pg returns numeric as text. Not for money. */
export const numericAsNumberColumn = {
  from: (value: string | null): number | null => (value === null ? null : Number(value)),
  to: (value: number | null | undefined): number | null | undefined => value,
};
