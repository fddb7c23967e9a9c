// The admin's rate card model (pivot, versions, uplift preview, saves), tested without a browser.
import { parseMoney } from '../../admin/src/i18n/formats';
import { divideRoundHalfUp as serverRound, formatPence, parsePence } from '../../server/src/common/money';
import {
  cardVersions,
  defaultVersion,
  errorsByCell,
  errorsByLine,
  inOrder,
  NEED_LEVEL_ORDER,
  parsePercent,
  pasteEdits,
  percentChange,
  pivotRows,
  planSave,
  previousLine,
  upliftFee,
  type CardLine,
} from '../../admin/src/resources/agreements/rateCardModel';

let n = 0;
const line = (placementType: string, needLevel: string, minAge: number, maxAge: number, weeklyFee: string, effectiveFrom = '2025-04-01'): CardLine => ({
  id: `line-${++n}`,
  version: 1,
  placementType,
  needLevel,
  minAge,
  maxAge,
  weeklyFee,
  effectiveFrom,
});
const ORDER = ['U1', 'U4', 'U6', 'K2'];

const card = [
  line('K2', 'STANDARD', 8, 17, '4200.00'),
  line('U4', 'STANDARD', 11, 17, '900.00'),
  line('U4', 'STANDARD', 0, 10, '850.00'),
  line('U4', 'COMPLEX', 0, 10, '1234.57'),
  line('U4', 'ENHANCED', 0, 17, '990.00'),
  line('U4', 'STANDARD', 0, 10, '871.25', '2026-04-01'),
  line('U4', 'COMPLEX', 0, 10, '1265.43', '2026-04-01'),
  line('U4', 'STANDARD', 0, 10, '880.00', '2027-04-01'),
];

test('versions are the sets of lines with one date, oldest first, the one in force today marked', () => {
  const versions = cardVersions(card, '2026-11-23');
  expect(versions.map((v) => [v.effectiveFrom, v.lines.length, v.current])).toEqual([
    ['2025-04-01', 5, false],
    ['2026-04-01', 2, true],
    ['2027-04-01', 1, false],
  ]);
  expect(defaultVersion(versions)).toBe('2026-04-01');
  expect(defaultVersion(cardVersions(card, '2024-01-01'))).toBe('2027-04-01'); // none in force yet: the latest
  expect(cardVersions(card, '2027-04-01').map((v) => v.current)).toEqual([false, false, true]);
});

test('need levels are columns from the core service up, whatever order the schema lists them in', () => {
  const alphabetical = ['COMPLEX', 'ENHANCED', 'NEW_LEVEL', 'PARENT_AND_CHILD', 'SOLO', 'STANDARD'].map((value) => ({ value, description: value }));
  expect(inOrder(alphabetical, NEED_LEVEL_ORDER).map((o) => o.value)).toEqual(['STANDARD', 'ENHANCED', 'COMPLEX', 'PARENT_AND_CHILD', 'SOLO', 'NEW_LEVEL']);
});

test('the pivot has a row per placement type and age band, in code order then by age, a cell per need level', () => {
  const rows = pivotRows(cardVersions(card, '2026-01-01')[0].lines, ORDER, [{ placementType: 'U1', minAge: 0, maxAge: 4 }]);
  expect(rows.map((r) => [r.key, Object.fromEntries(Object.entries(r.cells).map(([need, l]) => [need, l!.weeklyFee]))])).toEqual([
    ['U1|0|4', {}],
    ['U4|0|10', { STANDARD: '850.00', COMPLEX: '1234.57' }],
    ['U4|0|17', { ENHANCED: '990.00' }],
    ['U4|11|17', { STANDARD: '900.00' }],
    ['K2|8|17', { STANDARD: '4200.00' }],
  ]);
});

test('each cell shows its change from the same cell of the version before, to two places, rounded half up', () => {
  const versions = cardVersions(card, '2026-11-23');
  const [, second, third] = versions;
  const change = (l: CardLine) => {
    const before = previousLine(versions, l.effectiveFrom, l);
    return before ? percentChange(before.weeklyFee, l.weeklyFee) : null;
  };
  // 85000 → 87125: +2.50%; 123457 → 126543: 3086 × 10000 / 123457 = 249.965… → +2.50%.
  expect(second.lines.map(change)).toEqual(['+2.50%', '+2.50%']);
  // 87125 → 88000: 875 × 10000 / 87125 = 100.43… → +1.00%; COMPLEX is not in the third version.
  expect(third.lines.map(change)).toEqual(['+1.00%']);
  expect(versions[0].lines.map(change)).toEqual([null, null, null, null, null]);
  expect(percentChange('900.00', '855.00')).toBe('-5.00%');
  expect(percentChange('900.00', '900.00')).toBe('0.00%');
  expect(percentChange('3.00', '3.01')).toBe('+0.33%'); // 1/3 % = 0.3333…
  expect(percentChange('8.00', '8.01')).toBe('+0.13%'); // 0.125 % rounds half up
});

test('the uplift preview raises each fee and rounds half up to the penny, exactly', () => {
  expect(parsePercent('2.5')).toBe(250n);
  expect(parsePercent('2.50 %')).toBe(250n);
  expect(parsePercent('3')).toBe(300n);
  expect(parsePercent('2.555')).toBeNull();
  expect(parsePercent('two')).toBeNull();
  expect(upliftFee('850.00', 250n)).toBe('871.25');
  expect(upliftFee('1234.57', 250n)).toBe('1265.43'); // 126543.425 → 126543
  expect(upliftFee('1234.58', 250n)).toBe('1265.44'); // 126544.45p → 126544p
  expect(upliftFee('0.10', 500n)).toBe('0.11'); // 10.5p → 11p
  expect(upliftFee('0.30', 500n)).toBe('0.32'); // 31.5p → 32p
  expect(upliftFee('12345678.99', 650n)).toBe('13148148.12'); // 1314814812.435 → …12
});

test('the uplift preview equals the server’s variation rounding for every fee up to £200 at awkward percentages', () => {
  const differences: string[] = [];
  for (const hundredths of [1n, 250n, 333n, 650n, 1000n, 9999n]) {
    for (let p = 1n; p <= 20000n; p++) {
      const server = formatPence(serverRound(p * (10000n + hundredths), 10000n));
      const admin = upliftFee(formatPence(p), hundredths);
      if (admin !== server) differences.push(`${p}p at ${hundredths}: admin ${admin}, server ${server}`);
    }
  }
  expect(differences).toEqual([]);
  expect(parsePence(upliftFee('850.00', 250n))).toBe(87125n);
});

test('edits become one save: new cells are added dated as the version, changed fees updated, emptied cells removed', () => {
  const rows = pivotRows(cardVersions(card, '2026-01-01')[0].lines, ORDER);
  const u4young = rows[0];
  const u4older = rows[2];
  const plan = planSave(
    rows,
    [
      { row: u4young, needLevel: 'STANDARD', text: '£855.10' },
      { row: u4young, needLevel: 'ENHANCED', text: '1,010' },
      { row: u4older, needLevel: 'STANDARD', text: '' },
      { row: u4young, needLevel: 'COMPLEX', text: '1234.57' }, // unchanged: not sent
      { row: u4older, needLevel: 'COMPLEX', text: '' }, // empty and nothing there: nothing to do
    ],
    '2025-04-01',
    parseMoney,
    'not money',
  );
  expect(plan.invalid).toEqual({});
  expect(plan.changes).toBe(3);
  expect(plan.save.update).toEqual([{ id: u4young.cells.STANDARD!.id, version: 1, input: { weeklyFee: '855.10' } }]);
  expect(plan.save.add).toEqual([{ placementType: 'U4', needLevel: 'ENHANCED', minAge: 0, maxAge: 10, weeklyFee: '1010.00', effectiveFrom: '2025-04-01' }]);
  expect(plan.save.remove).toEqual([{ id: u4older.cells.STANDARD!.id, version: 1 }]);
  expect(plan.save.cells).toEqual({ add: ['U4|0|10|ENHANCED'], update: ['U4|0|10|STANDARD'], remove: ['U4|11|17|STANDARD'] });

  const bad = planSave(rows, [{ row: u4young, needLevel: 'STANDARD', text: '12.345' }], '2025-04-01', parseMoney, 'not money');
  expect(bad.invalid).toEqual({ 'U4|0|10|STANDARD': 'not money' });

  // The server's errors land on the cells they name; the rest are reported apart.
  expect(errorsByCell(plan.save, [
    { field: 'add.0.minAge', message: 'overlaps the line U4 ENHANCED ages 0–17 from 2025-04-01' },
    { field: 'update.0.weeklyFee', message: 'must be more than zero' },
    { field: 'agreementId', message: 'the agreement is ACTIVE' },
  ])).toEqual({
    cells: { 'U4|0|10|ENHANCED': 'overlaps the line U4 ENHANCED ages 0–17 from 2025-04-01', 'U4|0|10|STANDARD': 'must be more than zero' },
    other: ['agreementId: the agreement is ACTIVE'],
  });
});

test('a refused variation’s line errors land on the cells the lines were sent from; its date and the rest stay with the form', () => {
  const sent = [
    { placementType: 'U4', needLevel: 'STANDARD', minAge: 0, maxAge: 10 },
    { placementType: 'U4', needLevel: 'COMPLEX', minAge: 11, maxAge: 17 },
    { placementType: 'U4', needLevel: 'STANDARD', minAge: 5, maxAge: 12 },
  ];
  expect(
    errorsByLine(sent, [
      { field: 'lines.1.weeklyFee', message: 'must be more than zero' },
      { field: 'input.lines.2.minAge', message: 'overlaps the line U4 STANDARD ages 0–10 from 2027-04-01' },
      { field: 'lines.2.weeklyFee', message: 'must be more than zero' }, // the cell's first message is the one shown
      { field: 'lines.0.effectiveFrom', message: 'must be within the agreement’s period, 2025-04-01 to 2029-03-31' },
      { field: 'lines.7.weeklyFee', message: 'must be more than zero' }, // no such line sent
      { field: 'lines', message: 'give either upliftPercent or the complete lines, not both' },
      { field: 'effectiveFrom', message: 'must be after the current version, which took effect on 2026-04-01' },
    ]),
  ).toEqual({
    cells: { 'U4|11|17|COMPLEX': 'must be more than zero', 'U4|5|12|STANDARD': 'overlaps the line U4 STANDARD ages 0–10 from 2027-04-01' },
    other: [
      { field: 'lines.0.effectiveFrom', message: 'must be within the agreement’s period, 2025-04-01 to 2029-03-31' },
      { field: 'lines.7.weeklyFee', message: 'must be more than zero' },
      { field: 'lines', message: 'give either upliftPercent or the complete lines, not both' },
      { field: 'effectiveFrom', message: 'must be after the current version, which took effect on 2026-04-01' },
    ],
  });
});

test('a pasted block fills the cells from the active one, and what falls outside the pivot is left out', () => {
  const rows = pivotRows(cardVersions(card, '2026-01-01')[0].lines, ORDER);
  const levels = ['STANDARD', 'ENHANCED', 'COMPLEX', 'PARENT_AND_CHILD', 'SOLO'];
  const edits = pasteEdits(
    [
      ['1', '2', '3'],
      ['4', '5', '6'],
    ],
    rows,
    levels,
    2,
    3,
  );
  expect(edits.map((e) => `${e.row.placementType}|${e.row.minAge}|${e.needLevel}=${e.text}`)).toEqual(['U4|11|PARENT_AND_CHILD=1', 'U4|11|SOLO=2', 'K2|8|PARENT_AND_CHILD=4', 'K2|8|SOLO=5']);
});
