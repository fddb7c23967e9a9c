import { parseCsvText } from './csv';

/** A value read from a file: text from CSV; text, numbers (as their exact decimal text), dates and booleans from XLSX. */
export type SheetValue = string | Date | boolean | null;

export interface SheetTable {
  fileName: string;
  headers: string[];
  rows: SheetValue[][];
}

export const SHEET_FILE_TYPES = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Reads the first sheet of an XLSX file, or a CSV file, into a header line and rows. XLSX
 * numbers keep the decimal text written in the file (never rounded through a float here);
 * cells formatted as dates come as dates.
 */
export async function readSheetFile(file: File): Promise<SheetTable> {
  const cells = /\.xlsx$/i.test(file.name) ? await readXlsx(file) : parseCsvText(await file.text());
  const [header = [], ...rows] = cells;
  const headers = header.map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  const width = headers.length;
  return {
    fileName: file.name,
    headers,
    rows: rows
      .map((row) => Array.from({ length: width }, (_, i) => normalise(row[i])))
      .filter((row) => row.some((v) => v !== null && v !== '')),
  };
}

async function readXlsx(file: File): Promise<SheetValue[][]> {
  // Loaded only when an XLSX file is chosen: the reader is not part of the grid's first load.
  const { readSheet } = await import('read-excel-file/browser');
  const data = await readSheet<string>(file, { parseNumber: (text) => text });
  return data as unknown as SheetValue[][];
}

function normalise(value: unknown): SheetValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'boolean') return value;
  return String(value);
}

/** A date read from a file as the ISO date it shows (XLSX dates are midnight UTC). */
export function isoDateOf(value: Date): string {
  return value.toISOString().slice(0, 10);
}
