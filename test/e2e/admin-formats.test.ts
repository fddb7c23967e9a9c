// The admin's British formats and value parsing, tested without a browser (pure functions).
import { financialYear, formatDate, formatDateTime, formatMoney, parseDate, parseMoney } from '../../admin/src/i18n/formats';
import { csvField, parseTsv } from '../../admin/src/grid/csv';
import { humanizeCode, isAcronym } from '../../admin/src/i18n/codes';

test('money is shown as pounds with thousands separators, exactly from the decimal string', () => {
  expect(formatMoney('1234.56')).toBe('£1,234.56');
  expect(formatMoney('1045.5')).toBe('£1,045.50');
  expect(formatMoney('-20')).toBe('-£20.00');
  expect(formatMoney('12345678901234.99')).toBe('£12,345,678,901,234.99');
  expect(formatMoney('0.07')).toBe('£0.07');
  expect(formatMoney(null)).toBe('');
});

test('typed or pasted amounts become the API’s decimal strings, or are refused', () => {
  expect(parseMoney('£1,234.5')).toBe('1234.50');
  expect(parseMoney(' 1045.50 ')).toBe('1045.50');
  expect(parseMoney('-£3')).toBe('-3.00');
  expect(parseMoney('12.345')).toBeNull();
  expect(parseMoney('ten')).toBeNull();
});

test('dates are DD/MM/YYYY both ways, and impossible dates are refused', () => {
  expect(formatDate('2026-03-31')).toBe('31/03/2026');
  expect(parseDate('31/03/2026')).toBe('2026-03-31');
  expect(parseDate('1/4/26')).toBe('2026-04-01');
  expect(parseDate('2026-03-31')).toBe('2026-03-31');
  expect(parseDate('29/02/2024')).toBe('2024-02-29');
  expect(parseDate('29/02/2025')).toBeNull();
  expect(parseDate('03/31/2026')).toBeNull();
});

test('instants are shown in UK time, and financial years run April to March', () => {
  expect(formatDateTime('2026-03-31T09:30:00.000Z')).toBe('31/03/2026 10:30');
  expect(formatDateTime('2026-01-15T09:30:00.000Z')).toBe('15/01/2026 09:30');
  expect(financialYear('2025-06-30')).toBe('2025-26');
  expect(financialYear('2026-03-31')).toBe('2025-26');
  expect(financialYear('2026-04-01')).toBe('2026-27');
  expect(financialYear('2099-04-01')).toBe('2099-00');
});

test('clipboard blocks from Excel and Sheets split into cells, quoted cells included', () => {
  expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
    ['a', 'b'],
    ['c', 'd'],
  ]);
  expect(parseTsv('"two\nlines"\t"say ""hi"""\n\tlast')).toEqual([
    ['two\nlines', 'say "hi"'],
    ['', 'last'],
  ]);
});

test('CSV fields are quoted when needed and formulas are neutralised in text', () => {
  expect(csvField('plain', true)).toBe('plain');
  expect(csvField('a, "b"', true)).toBe('"a, ""b"""');
  expect(csvField('=SUM(A1)', true)).toBe("'=SUM(A1)");
  expect(csvField('-1.5', false)).toBe('-1.5');
});

test('codes are shown in words, and acronyms (the initials of their description) in capitals', () => {
  expect(['ACTIVE', 'REQUIRES_IMPROVEMENT', 'IN_HOUSE'].map(humanizeCode)).toEqual(['Active', 'Requires improvement', 'In house']);
  expect(isAcronym('WAV', 'A wheelchair-accessible vehicle.')).toBe(true);
  expect(isAcronym('IFA', 'Independent fostering agency')).toBe(true);
  expect(isAcronym('CAR', 'A car or taxi.')).toBe(false);
  expect(isAcronym('ACTIVE', 'Trading and accepting referrals')).toBe(false);
  expect(isAcronym('PR4', 'Private provision')).toBe(false);
});
