/** How the API's codes read in the admin. */

/** A code in words: ACTIVE → Active, REQUIRES_IMPROVEMENT → Requires improvement. */
export function humanizeCode(code: string): string {
  const words = code.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** WAV for "A wheelchair-accessible vehicle": the initials of its description, kept in capitals rather than shown as "Wav". */
export function isAcronym(code: string, description: string): boolean {
  if (!/^[A-Z]{2,5}$/.test(code)) return false;
  const words = description.split(/[\s-]+/).filter((w) => w && !/^(a|an|the|of|and|or)$/i.test(w));
  return words.map((w) => w.charAt(0).toUpperCase()).join('') === code;
}
