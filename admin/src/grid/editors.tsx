import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { RenderEditCellProps } from 'react-data-grid';
import { editText, type GridColumn } from './columns';

export type Row = Record<string, any> & { id: string };

function selectAll(input: HTMLInputElement | null) {
  input?.focus();
  input?.select();
}

/**
 * Text, number, money and date cells: one text input. The grid keeps what is typed as text and
 * parses it on commit, so a value the server refuses stays in the cell for correction.
 */
export function TextEditor({ row, column, onRowChange, onClose, gridColumn }: RenderEditCellProps<Row> & { gridColumn: GridColumn }) {
  const [text, setText] = useState(() => editText(gridColumn, row[column.key]));
  return (
    <input
      className="pw-editor"
      ref={selectAll}
      value={text}
      aria-label={typeof column.name === 'string' ? column.name : column.key}
      inputMode={gridColumn.kind === 'integer' || gridColumn.kind === 'number' || gridColumn.kind === 'money' ? 'decimal' : undefined}
      placeholder={gridColumn.kind === 'date' ? 'DD/MM/YYYY' : gridColumn.kind === 'datetime' ? 'DD/MM/YYYY HH:MM' : undefined}
      onChange={(event) => {
        setText(event.target.value);
        onRowChange({ ...row, [column.key]: event.target.value });
      }}
      onBlur={() => onClose(true, false)}
    />
  );
}

/** Enum and yes/no cells: a native select (type a letter to jump, Enter to commit). */
export function SelectEditor({
  row,
  column,
  onRowChange,
  onClose,
  options,
  allowEmpty,
}: RenderEditCellProps<Row> & { options: Array<{ value: string; label: string }>; allowEmpty: boolean }) {
  const current = row[column.key];
  const value = current === null || current === undefined ? '' : String(current);
  return (
    <select
      className="pw-editor"
      ref={(el) => el?.focus()}
      value={value}
      aria-label={typeof column.name === 'string' ? column.name : column.key}
      onChange={(event) => {
        const v = event.target.value;
        onRowChange({ ...row, [column.key]: v === '' ? null : v === 'true' ? true : v === 'false' ? false : v });
      }}
      onBlur={() => onClose(true, false)}
    >
      {(allowEmpty || value === '') && <option value="" />}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function Floating({ anchor, children }: { anchor: HTMLElement | null; children: ReactNode }) {
  const [position, setPosition] = useState<{ top: number; left: number; minWidth: number } | null>(null);
  useLayoutEffect(() => {
    if (!anchor) return;
    const rect = anchor.getBoundingClientRect();
    setPosition({ top: rect.bottom + window.scrollY, left: rect.left + window.scrollX, minWidth: rect.width });
  }, [anchor]);
  if (!position) return null;
  return createPortal(
    <div className="pw-floating-editor" style={{ top: position.top, left: position.left, minWidth: position.minWidth }}>
      {children}
    </div>,
    document.body,
  );
}

/** A list of codes (service categories): tick boxes under the cell; Enter saves, Esc cancels. */
export function MultiSelectEditor({ row, column, onRowChange, gridColumn }: RenderEditCellProps<Row> & { gridColumn: GridColumn }) {
  const anchor = useRef<HTMLSpanElement>(null);
  const [anchorEl, setAnchorEl] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => setAnchorEl(anchor.current), []);
  const selected: string[] = Array.isArray(row[column.key]) ? row[column.key] : [];
  const toggle = (code: string) => {
    const next = selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code];
    const order = (gridColumn.enumValues ?? []).map((o) => o.value);
    onRowChange({ ...row, [column.key]: next.sort((a, b) => order.indexOf(a) - order.indexOf(b)) });
  };
  return (
    <span ref={anchor} className="pw-editor pw-multi-anchor">
      {selected.join(', ')}
      <Floating anchor={anchorEl}>
        <div role="group" aria-label={typeof column.name === 'string' ? column.name : column.key}>
          {(gridColumn.enumValues ?? []).map((option, i) => (
            <label key={option.value} className="pw-multi-option">
              <input type="checkbox" autoFocus={i === 0} checked={selected.includes(option.value)} onChange={() => toggle(option.value)} />
              <span className="pw-code">{option.value}</span> {option.description}
            </label>
          ))}
        </div>
      </Floating>
    </span>
  );
}
