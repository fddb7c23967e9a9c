/**
 * CSV as Excel reads it: UTF-8 with a byte-order mark, comma separated, CRLF line ends,
 * fields quoted when they hold a comma, quote or line break. Text that a spreadsheet would
 * run as a formula (=, +, -, @ at the start) is prefixed with an apostrophe.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string, isText: boolean): string {
  let text = value;
  if (isText && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: string[]): string {
  return `${fields.join(',')}\r\n`;
}

export const CSV_BOM = '\uFEFF';

/** Splits text copied from Excel or Google Sheets (tab-separated, quoted cells may hold tabs and line breaks) into rows of cells. */
export function parseTsv(text: string): string[][] {
  return parseDelimited(text, '\t');
}

/** Reads a CSV file's text (comma separated, a leading byte-order mark ignored; blank lines left out) into rows of cells. */
export function parseCsvText(text: string): string[][] {
  return parseDelimited(text.replace(/^\uFEFF/, ''), ',').filter((row) => row.some((cell) => cell.trim() !== ''));
}

/** Splits delimited text (quoted cells may hold the delimiter and line breaks; "" is a quote) into rows of cells. */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  const input = text.replace(/\r\n?/g, '\n');
  while (i < input.length) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
      continue;
    }
    if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
