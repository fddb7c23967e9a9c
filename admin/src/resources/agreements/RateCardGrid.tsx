import { useCallback, useMemo, useRef } from 'react';
import { DataGrid, type CellKeyboardEvent, type CellKeyDownArgs, type Column, type DataGridHandle } from 'react-data-grid';
import 'react-data-grid/lib/styles.css';
import { useTranslate } from 'react-admin';
import type { GridColumn } from '../../grid/columns';
import { parseTsv } from '../../grid/csv';
import { handleEnter } from '../../grid/enterKeys';
import { TextEditor, type Row } from '../../grid/editors';
import '../../grid/grid.css';
import { formatMoney } from '../../i18n/formats';
import type { EnumOption } from '../../providers/schemaModel';
import { cellKey, pasteEdits, percentChange, type CardLine, type CardRow, type CellEdit } from './rateCardModel';

/** A cell typed but not yet saved: the text stays in the cell until it is saved or dropped. */
export interface CellDraft {
  row: CardRow;
  needLevel: string;
  text: string;
  state: 'saving' | 'error';
  message?: string;
}

export interface RateCardGridProps {
  rows: CardRow[];
  needLevels: EnumOption[];
  placementTypeLabel: (code: string) => string;
  editable: boolean;
  drafts?: Record<string, CellDraft>;
  /** The same cell in the version before, for the change shown under each fee. */
  previous?: (line: CardLine) => CardLine | undefined;
  /** Typed (one cell) or pasted (a block) values, sent together. */
  onEdits?: (edits: CellEdit[]) => void;
  testId?: string;
}

const LABEL = 'pw-rate-row';

/** A weekly-fee column of the pivot, for the grid's text editor (typed as text, parsed on commit). */
function feeColumn(needLevel: string): GridColumn {
  return {
    key: needLevel,
    field: { name: 'weeklyFee', description: '', type: { kind: 'SCALAR', name: 'Money', list: false, nonNull: false }, updatable: true, creatable: true, sortable: false },
    kind: 'money',
    updatable: true,
    required: false,
    sortable: false,
  };
}

/**
 * The rate card pivot: a row per placement type and age band, a column per need level, the
 * weekly fee in each cell with its change from the version before. Editable like a
 * spreadsheet: type or Enter to edit, Enter to commit and move down, Tab across, paste a
 * block from Excel; an emptied cell removes the line.
 */
export function RateCardGrid({ rows, needLevels, placementTypeLabel, editable, drafts = {}, previous, onEdits, testId = 'rate-card-grid' }: RateCardGridProps) {
  const translate = useTranslate();
  const gridRef = useRef<DataGridHandle>(null);
  const levels = useMemo(() => needLevels.map((n) => n.value), [needLevels]);

  const gridRows = useMemo<Row[]>(
    () =>
      rows.map((row) => {
        const out: Row = { id: row.key };
        for (const level of levels) out[level] = drafts[cellKey(row, level)]?.text ?? row.cells[level]?.weeklyFee ?? '';
        return out;
      }),
    [rows, levels, drafts],
  );
  const rowByKey = useMemo(() => new Map(rows.map((r) => [r.key, r])), [rows]);

  const columns = useMemo<Column<Row>[]>(
    () => [
      {
        key: LABEL,
        name: translate('placewise.rateCard.rowHeader'),
        frozen: true,
        width: 320,
        renderCell: ({ row }) => {
          const r = rowByKey.get(row.id)!;
          const description = placementTypeLabel(r.placementType);
          return (
            <span className="pw-cell pw-rate-row" title={`${r.placementType} · ${description}`} data-testid="rate-row-label">
              <strong>
                {r.placementType} · {translate('placewise.rateCard.ages', { min: r.minAge, max: r.maxAge })}
              </strong>
              <span className="pw-rate-row-type">{description}</span>
            </span>
          );
        },
      },
      ...needLevels.map<Column<Row>>((level) => {
        const gridColumn = feeColumn(level.value);
        return {
          key: level.value,
          name: level.description.split(':')[0],
          minWidth: 110,
          renderHeaderCell: () => (
            <span className="pw-header" title={level.description}>
              {level.description.split(':')[0]}
            </span>
          ),
          editable,
          cellClass: (row) => {
            const draft = drafts[cellKey(rowByKey.get(row.id)!, level.value)];
            return ['pw-kind-money', draft ? `pw-cell-${draft.state}` : '', editable ? '' : 'pw-cell-readonly'].join(' ');
          },
          renderCell: ({ row }) => {
            const r = rowByKey.get(row.id)!;
            const key = cellKey(r, level.value);
            const draft = drafts[key];
            const line = r.cells[level.value];
            const before = line && !draft ? previous?.(line) : undefined;
            const change = before ? percentChange(before.weeklyFee, line!.weeklyFee) : null;
            return (
              <span className="pw-cell pw-rate-cell" data-cell={key} data-state={draft?.state} title={draft?.message ?? (before ? translate('placewise.rateCard.was', { fee: formatMoney(before.weeklyFee) }) : undefined)}>
                {draft ? draft.text : formatMoney(line?.weeklyFee)}
                {change && (
                  <span className={`pw-rate-change ${change.startsWith('-') ? 'pw-down' : change.startsWith('+') ? 'pw-up' : ''}`} data-testid="rate-change">
                    {change}
                  </span>
                )}
              </span>
            );
          },
          renderEditCell: editable ? (props) => <TextEditor {...props} gridColumn={gridColumn} /> : undefined,
        };
      }),
    ],
    [translate, needLevels, editable, drafts, rowByKey, placementTypeLabel, previous],
  );

  const onRowsChange = useCallback(
    (next: Row[], change: { indexes: number[]; column: { key: string } }) => {
      const edits = change.indexes.map((i) => ({ row: rowByKey.get(next[i].id)!, needLevel: change.column.key, text: String(next[i][change.column.key] ?? '') }));
      const changed = edits.filter((e) => {
        const draft = drafts[cellKey(e.row, e.needLevel)];
        return draft ? draft.text !== e.text || draft.state === 'error' : e.text !== (e.row.cells[e.needLevel]?.weeklyFee ?? '');
      });
      if (changed.length) onEdits?.(changed);
    },
    [rowByKey, drafts, onEdits],
  );

  const onCellKeyDown = useCallback(
    (args: CellKeyDownArgs<Row>, event: CellKeyboardEvent) => {
      if (handleEnter(args, event, gridRows.length, gridRef)) return;
      // Delete empties the cell: the line is removed.
      if (args.mode !== 'ACTIVE' || !args.row || !args.column) return;
      const { row: gridRow, column } = args;
      if (editable && (event.key === 'Delete' || event.key === 'Backspace') && column.key !== LABEL) {
        event.preventGridDefault();
        const row = rowByKey.get(gridRow.id)!;
        if (row.cells[column.key] || drafts[cellKey(row, column.key)]) onEdits?.([{ row, needLevel: column.key, text: '' }]);
      }
    },
    [gridRows.length, editable, rowByKey, drafts, onEdits],
  );

  const onCellCopy = useCallback(({ row, column }: { row: Row; column: { key: string } }, event: React.ClipboardEvent<HTMLDivElement>) => {
    if (column.key === LABEL) return;
    event.clipboardData.setData('text/plain', String(row[column.key] ?? ''));
    event.preventDefault();
  }, []);

  const onCellPaste = useCallback(
    ({ row, column }: { row: Row; column: { key: string } }, event: React.ClipboardEvent<HTMLDivElement>): Row => {
      const text = event.clipboardData.getData('text/plain');
      event.preventDefault();
      const columnIndex = levels.indexOf(column.key);
      const rowIndex = rows.findIndex((r) => r.key === row.id);
      if (!editable || !text || columnIndex < 0 || rowIndex < 0) return row;
      const edits = pasteEdits(parseTsv(text.replace(/\r?\n$/, '')), rows, levels, rowIndex, columnIndex);
      if (edits.length) onEdits?.(edits);
      return row;
    },
    [levels, rows, editable, onEdits],
  );

  return (
    <div className="pw-grid" data-testid={testId}>
      <DataGrid<Row, unknown, string>
        ref={gridRef}
        className="rdg-light pw-rdg"
        aria-label={translate('placewise.rateCard.tab')}
        columns={columns}
        rows={gridRows}
        rowKeyGetter={(row) => row.id}
        rowHeight={44}
        headerRowHeight={38}
        onRowsChange={onRowsChange}
        onCellKeyDown={onCellKeyDown}
        onCellCopy={onCellCopy}
        onCellPaste={onCellPaste}
        renderers={{ noRowsFallback: <div className="pw-no-rows">{translate('placewise.rateCard.noRows')}</div> }}
        style={{ blockSize: Math.min(38 + 44 * Math.max(rows.length, 1) + 2, 520) }}
      />
    </div>
  );
}
