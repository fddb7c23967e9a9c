import { badInput } from './errors';

/** "2025-26" → 2025 (the year it starts on 1 April). */
export function parseFinancialYear(text: string, field = 'financialYear'): number {
  const match = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!match || (Number(match[1]) + 1) % 100 !== Number(match[2])) {
    throw badInput(field, 'must be a financial year written like 2025-26');
  }
  return Number(match[1]);
}

export function formatFinancialYear(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** First day and the day after the last day of a financial year. */
export function financialYearRange(startYear: number): { from: string; to: string } {
  return { from: `${startYear}-04-01`, to: `${startYear + 1}-04-01` };
}
