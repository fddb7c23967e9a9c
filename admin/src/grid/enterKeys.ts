import type { RefObject } from 'react';
import type { CellKeyboardEvent, CellKeyDownArgs, DataGridHandle } from 'react-data-grid';

/**
 * Enter as in a spreadsheet, for every grid: on a cell it opens the editor (its keypress must
 * not reach the editor, where a list would open its popup); in an editor it saves and moves
 * down (Shift+Enter: up), or closes the editor on the last row. True when Enter was handled.
 */
export function handleEnter<R>(args: CellKeyDownArgs<R>, event: CellKeyboardEvent, rowCount: number, grid: RefObject<DataGridHandle | null>): boolean {
  if (event.key !== 'Enter') return false;
  if (args.mode === 'ACTIVE') {
    event.preventDefault();
    return false;
  }
  if (event.altKey || event.ctrlKey || event.metaKey) return false;
  event.preventGridDefault();
  event.preventDefault();
  const target = args.rowIdx + (event.shiftKey ? -1 : 1);
  if (target >= 0 && target < rowCount) grid.current?.setActivePosition({ idx: args.column.idx, rowIdx: target }, { shouldFocus: true });
  else args.onClose(true);
  return true;
}
