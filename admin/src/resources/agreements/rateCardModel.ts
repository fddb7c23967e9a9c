/**
 * The rate card as officers read it: a pivot of placement type × age band (rows) against need
 * level (columns), one version (the lines with the same effective date) at a time. Pure
 * functions without imports (the tests load them as they are), money in exact pence (bigint),
 * the server's rounding (half up to the penny).
 */

export interface CardLine {
  id: string;
  version: number;
  placementType: string;
  needLevel: string;
  minAge: number;
  maxAge: number;
  /** "1234.50", as on the wire. */
  weeklyFee: string;
  effectiveFrom: string;
}

/** An agreement as the rate card screen reads it. */
export interface RateCardAgreement {
  id: string;
  version: number;
  status: string;
  startDate: string;
  endDate: string;
  rateLines: CardLine[];
}

/** A row of the pivot: one placement type and age band. */
export interface RowKey {
  placementType: string;
  minAge: number;
  maxAge: number;
}

export interface CardRow extends RowKey {
  key: string;
  /** The line of each need level in this row, if any. */
  cells: Record<string, CardLine | undefined>;
}

export interface CardVersion {
  effectiveFrom: string;
  lines: CardLine[];
  /** In force today: the latest version that took effect on or before today. */
  current: boolean;
}

/** Need levels from the core service up, as a rate card reads (the schema lists codes alphabetically). */
export const NEED_LEVEL_ORDER = ['STANDARD', 'ENHANCED', 'COMPLEX', 'PARENT_AND_CHILD', 'SOLO'];

/** Codes in a given order, any others after them as they came. */
export function inOrder<T extends { value: string }>(options: T[], order: string[]): T[] {
  const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
  return [...options].sort((a, b) => rank(a.value) - rank(b.value));
}

export const rowKey = (r: RowKey) => `${r.placementType}|${r.minAge}|${r.maxAge}`;
export const cellKey = (r: RowKey, needLevel: string) => `${rowKey(r)}|${needLevel}`;

/** Every version of the card, oldest first, the one in force today marked. */
export function cardVersions(lines: CardLine[], today: string): CardVersion[] {
  const dates = [...new Set(lines.map((l) => l.effectiveFrom))].sort();
  const inForce = dates.filter((d) => d <= today).pop();
  return dates.map((effectiveFrom) => ({ effectiveFrom, lines: lines.filter((l) => l.effectiveFrom === effectiveFrom), current: effectiveFrom === inForce }));
}

/** The version to show first: the one in force today, else the latest. */
export function defaultVersion(versions: CardVersion[]): string | undefined {
  return (versions.find((v) => v.current) ?? versions[versions.length - 1])?.effectiveFrom;
}

/**
 * The pivot of one version: a row for each placement type and age band that has a line (plus
 * `extraRows`, added by the officer and not yet priced), in the order of the placement-type
 * codes, then by age band.
 */
export function pivotRows(lines: CardLine[], placementTypeOrder: string[], extraRows: RowKey[] = []): CardRow[] {
  const rows = new Map<string, CardRow>();
  const ensure = (r: RowKey) => {
    const key = rowKey(r);
    if (!rows.has(key)) rows.set(key, { key, placementType: r.placementType, minAge: r.minAge, maxAge: r.maxAge, cells: {} });
    return rows.get(key)!;
  };
  for (const line of lines) ensure(line).cells[line.needLevel] = line;
  for (const extra of extraRows) ensure(extra);
  const order = (type: string) => {
    const i = placementTypeOrder.indexOf(type);
    return i < 0 ? placementTypeOrder.length : i;
  };
  return [...rows.values()].sort((a, b) => order(a.placementType) - order(b.placementType) || a.minAge - b.minAge || a.maxAge - b.maxAge);
}

/** An amount as the API writes it ("1234.50", "-3.5") → pence (123450n). */
export function toPence(money: string): bigint {
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(money.trim());
  if (!match) throw new RangeError(`not money: ${money}`);
  const pence = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -pence : pence;
}

/** 123450n → "1234.50". */
export function fromPence(pence: bigint): string {
  const negative = pence < 0n;
  const abs = negative ? -pence : pence;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Divides and rounds half away from zero, exactly: the server's one rounding rule for money. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

/** A percentage as typed ("2.5", "2.50 %", "3") → whole hundredths (250n); null when it is not one, or has more than two places. */
export function parsePercent(text: string): bigint | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!match) return null;
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** The fee raised by a percentage, rounded half up to the penny, as the server's variation does. */
export function upliftFee(fee: string, percentHundredths: bigint): string {
  return fromPence(divideRoundHalfUp(toPence(fee) * (10000n + percentHundredths), 10000n));
}

/** The change from one fee to another in percent, to two places, rounded half up: ("850.00", "871.25") → "+2.50%". */
export function percentChange(before: string, after: string): string {
  const old = toPence(before);
  const hundredths = divideRoundHalfUp((toPence(after) - old) * 10000n, old);
  const sign = hundredths > 0n ? '+' : hundredths < 0n ? '-' : '';
  const abs = hundredths < 0n ? -hundredths : hundredths;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}%`;
}

/** The line of the version before `effectiveFrom` for the same cell, if there is one. */
export function previousLine(versions: CardVersion[], effectiveFrom: string, line: Pick<CardLine, 'placementType' | 'needLevel' | 'minAge' | 'maxAge'>): CardLine | undefined {
  const index = versions.findIndex((v) => v.effectiveFrom === effectiveFrom);
  if (index <= 0) return undefined;
  return versions[index - 1].lines.find((l) => l.placementType === line.placementType && l.needLevel === line.needLevel && l.minAge === line.minAge && l.maxAge === line.maxAge);
}

/** One typed or pasted value for one cell of the pivot. */
export interface CellEdit {
  row: RowKey;
  needLevel: string;
  text: string;
}

export interface RateLineInput {
  placementType: string;
  needLevel: string;
  minAge: number;
  maxAge: number;
  weeklyFee: string;
  effectiveFrom: string;
}

/** What saveRateCard is sent, and which cell each entry came from (for the server's errors). */
export interface CardSave {
  add: RateLineInput[];
  update: Array<{ id: string; version: number; input: { weeklyFee: string } }>;
  remove: Array<{ id: string; version: number }>;
  cells: { add: string[]; update: string[]; remove: string[] };
}

export interface PlannedSave {
  save: CardSave;
  /** Cells whose text is not an amount of money: nothing is sent while there are any. */
  invalid: Record<string, string>;
  /** Number of cells that change. */
  changes: number;
}

/**
 * Turns edits of the pivot into one save: a new amount in an empty cell adds a line (dated as
 * the version shown), a different amount changes the line's fee, an emptied cell removes it.
 */
export function planSave(rows: CardRow[], edits: CellEdit[], effectiveFrom: string, readMoney: (text: string) => string | null, notMoney: string): PlannedSave {
  const save: CardSave = { add: [], update: [], remove: [], cells: { add: [], update: [], remove: [] } };
  const invalid: Record<string, string> = {};
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const last = new Map<string, CellEdit>();
  for (const edit of edits) last.set(cellKey(edit.row, edit.needLevel), edit);
  for (const [key, edit] of last) {
    const line = byKey.get(rowKey(edit.row))?.cells[edit.needLevel];
    const text = edit.text.trim();
    if (text === '') {
      if (line) {
        save.remove.push({ id: line.id, version: line.version });
        save.cells.remove.push(key);
      }
      continue;
    }
    const fee = readMoney(text);
    if (fee === null) {
      invalid[key] = notMoney;
      continue;
    }
    if (!line) {
      save.add.push({ placementType: edit.row.placementType, needLevel: edit.needLevel, minAge: edit.row.minAge, maxAge: edit.row.maxAge, weeklyFee: fee, effectiveFrom });
      save.cells.add.push(key);
    } else if (toPence(fee) !== toPence(line.weeklyFee)) {
      save.update.push({ id: line.id, version: line.version, input: { weeklyFee: fee } });
      save.cells.update.push(key);
    }
  }
  return { save, invalid, changes: save.add.length + save.update.length + save.remove.length };
}

/** The cells a refused save's field errors name (`add.1.weeklyFee` → the second added cell); the rest are not about a cell. */
export function errorsByCell(save: CardSave, fieldErrors: Array<{ field: string; message: string }>): { cells: Record<string, string>; other: string[] } {
  const cells: Record<string, string> = {};
  const other: string[] = [];
  for (const fe of fieldErrors) {
    const match = /^(add|update|remove)\.(\d+)\./.exec(fe.field);
    const key = match ? save.cells[match[1] as keyof CardSave['cells']][Number(match[2])] : undefined;
    if (key && !cells[key]) cells[key] = fe.message;
    else other.push(`${fe.field}: ${fe.message}`);
  }
  return { cells, other };
}

/**
 * The cells a refused variation's field errors name: `lines.3.weeklyFee` (or `input.lines.3.weeklyFee`)
 * → the cell of the fourth line sent. The rest (a line's date, which is the variation's, or
 * nothing about a line) are left for the form.
 */
export function errorsByLine<E extends { field: string; message: string }>(sent: Array<RowKey & { needLevel: string }>, fieldErrors: E[]): { cells: Record<string, string>; other: E[] } {
  const cells: Record<string, string> = {};
  const other: E[] = [];
  for (const fe of fieldErrors) {
    const match = /^(?:input\.)?lines\.(\d+)\.(\w+)$/.exec(fe.field);
    const line = match && match[2] !== 'effectiveFrom' ? sent[Number(match[1])] : undefined;
    if (!line) other.push(fe);
    else cells[cellKey(line, line.needLevel)] ??= fe.message;
  }
  return { cells, other };
}

/** A block pasted from a spreadsheet, laid over the pivot from a cell: one edit per cell that falls inside it. */
export function pasteEdits(block: string[][], rows: RowKey[], needLevels: string[], rowIndex: number, columnIndex: number): CellEdit[] {
  const edits: CellEdit[] = [];
  block.forEach((cells, r) =>
    cells.forEach((text, c) => {
      const row = rows[rowIndex + r];
      const needLevel = needLevels[columnIndex + c];
      if (row && needLevel) edits.push({ row, needLevel, text });
    }),
  );
  return edits;
}

/** The lines of a version as the input of a new version from another date (the "edit the new card" variation). */
export function copyForVersion(lines: CardLine[], effectiveFrom: string): CardLine[] {
  return lines.map((l, i) => ({ ...l, id: `new-${i}`, version: 0, effectiveFrom }));
}

/** A save applied to lines held on screen (a new version being drawn up, not yet sent): removed, changed and added lines. */
export function applySave(lines: CardLine[], save: CardSave, newId: (index: number) => string): CardLine[] {
  const removed = new Set(save.remove.map((r) => r.id));
  const fees = new Map(save.update.map((u) => [u.id, u.input.weeklyFee]));
  const kept = lines.filter((l) => !removed.has(l.id)).map((l) => (fees.has(l.id) ? { ...l, weeklyFee: fees.get(l.id)! } : l));
  return [...kept, ...save.add.map((a, i) => ({ ...a, id: newId(i), version: 0 }))];
}

/** Whole hundredths of a percent as the API's decimal: 250n → "2.50". */
export function percentText(hundredths: bigint): string {
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}
