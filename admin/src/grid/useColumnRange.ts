import { useCallback, useRef, useState } from 'react';

/** A block of cells in one column, from the anchor row to the row the selection was extended to. */
export interface ColumnRange {
  columnKey: string;
  anchor: number;
  to: number;
}

export function rangeRows(range: ColumnRange): [number, number] {
  return [Math.min(range.anchor, range.to), Math.max(range.anchor, range.to)];
}

/**
 * Selection of several cells down one column, as in a spreadsheet: Shift+click or
 * Shift+Up/Down from the active cell extends it; moving without Shift starts again.
 */
export function useColumnRange() {
  const [range, setRange] = useState<ColumnRange | null>(null);
  const active = useRef<{ columnKey: string; rowIdx: number } | null>(null);
  const extending = useRef(false);

  /** Call before the grid moves the active cell: the next move extends the range. */
  const extendNextMove = useCallback(() => {
    extending.current = true;
  }, []);

  const onActiveCellChange = useCallback((columnKey: string | undefined, rowIdx: number) => {
    const previous = active.current;
    const extend = extending.current;
    extending.current = false;
    if (!columnKey || rowIdx < 0) {
      active.current = null;
      setRange(null);
      return;
    }
    if (extend && previous && previous.columnKey === columnKey) {
      setRange((r) => ({ columnKey, anchor: r && r.columnKey === columnKey ? r.anchor : previous.rowIdx, to: rowIdx }));
      active.current = { columnKey, rowIdx };
      return;
    }
    active.current = { columnKey, rowIdx };
    setRange(null);
  }, []);

  const inRange = useCallback(
    (columnKey: string, rowIdx: number) => {
      if (!range || range.columnKey !== columnKey) return false;
      const [from, to] = rangeRows(range);
      return rowIdx >= from && rowIdx <= to;
    },
    [range],
  );

  return { range, active, extendNextMove, onActiveCellChange, inRange, clear: () => setRange(null) };
}
