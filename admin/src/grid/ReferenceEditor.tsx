import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { RenderEditCellProps } from 'react-data-grid';
import { useDataProvider, useTranslate } from 'react-admin';
import { schemaModel } from '../providers/schemaModel';
import { displayValue, isReferenceChoice, type GridColumn, type ReferenceChoice } from './columns';
import { Floating, type Row } from './editors';
import { searchReferences } from './resolveReferences';

/** The list's "no record" entry, for a reference that may be empty. */
const NONE: ReferenceChoice = { id: '', label: '' };
/** Wait this long after the last key before searching. */
const DEBOUNCE_MS = 250;

/**
 * A reference cell (a placement's setting, a contract's agreement): type part of a name, the
 * referenced records that match are listed under the cell (first 20, by label, searched on the
 * server), arrows move in the list, Enter picks and moves down, Esc cancels. What the list
 * highlights is what the cell will hold; the id is saved and the label shown.
 */
export function ReferenceEditor({ row, column, onRowChange, gridColumn, allowEmpty }: RenderEditCellProps<Row> & { gridColumn: GridColumn; allowEmpty: boolean }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const target = useMemo(() => schemaModel.resource(gridColumn.field.reference!), [gridColumn]);
  const listId = useId();
  // The value and label when the editor opened: kept when nothing is highlighted.
  const [initial] = useState(() => ({ value: row[column.key], label: displayValue(gridColumn, row) }));
  const initialId = isReferenceChoice(initial.value) ? initial.value.id : initial.value;
  const [text, setText] = useState(initial.label);
  const [found, setFound] = useState<ReferenceChoice[]>([]);
  const [active, setActive] = useState(-1);
  const [searching, setSearching] = useState(true);
  const [failed, setFailed] = useState<string | null>(null);
  const rowRef = useRef(row);
  rowRef.current = row;
  const searchCount = useRef(0);
  // Enter pressed before the list came back: pick its first entry when it does.
  const pickWhenFound = useRef(false);
  const anchor = useRef<HTMLSpanElement>(null);
  const [anchorEl, setAnchorEl] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => setAnchorEl(anchor.current), []);

  const items = useMemo(() => (allowEmpty ? [NONE, ...found] : found), [allowEmpty, found]);

  /** Highlights an entry and puts it in the row (−1: the value the cell had). */
  const highlight = useCallback(
    (list: ReferenceChoice[], index: number, commit = false) => {
      setActive(index);
      const choice = list[index];
      const value = index < 0 || !choice ? initial.value : choice === NONE ? null : choice;
      onRowChange({ ...rowRef.current, [column.key]: value }, commit);
    },
    [initial.value, onRowChange, column.key],
  );

  useEffect(() => {
    const id = ++searchCount.current;
    // On opening the cell's own label lists the first records, the current one highlighted.
    const term = text === initial.label ? '' : text;
    setSearching(true);
    const timer = setTimeout(
      async () => {
        try {
          const records = await searchReferences(dataProvider, target, term);
          if (id !== searchCount.current) return;
          const list = allowEmpty ? [NONE, ...records] : records;
          let index: number;
          if (term.trim()) index = records.length ? list.indexOf(records[0]) : -1;
          else if (text.trim() === '' && allowEmpty) index = 0;
          else index = list.findIndex((c) => c !== NONE && c.id === initialId);
          setFound(records);
          setFailed(null);
          setSearching(false);
          const pick = pickWhenFound.current && index >= 0;
          pickWhenFound.current = false;
          highlight(list, index, pick);
        } catch (caught) {
          if (id !== searchCount.current) return;
          setFound([]);
          setFailed(caught instanceof Error ? caught.message : String(caught));
          setSearching(false);
        }
      },
      id === 1 ? 0 : DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
    // Searches again only when the text changes.
  }, [text]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      if (!items.length) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      highlight(items, Math.min(items.length - 1, Math.max(0, active + step)));
      return;
    }
    if (event.key === 'Enter' && (searching || (text !== initial.label && active < 0))) {
      // Not yet found, or nothing matches: the cell keeps the editor rather than a value nobody chose.
      event.preventDefault();
      event.stopPropagation();
      if (searching) pickWhenFound.current = true;
    }
  };

  const options = useRef<Array<HTMLLIElement | null>>([]);
  useEffect(() => {
    // Braces: a browser's scrollIntoView may return a promise, which React would take for a clean-up.
    options.current[active]?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const name = typeof column.name === 'string' ? column.name : column.key;
  return (
    <span ref={anchor} className="pw-reference-anchor">
      <input
        className="pw-editor"
        ref={(el) => {
          if (el && document.activeElement !== el) {
            el.focus();
            el.select();
          }
        }}
        value={text}
        role="combobox"
        aria-label={name}
        aria-autocomplete="list"
        aria-expanded
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={translate('placewise.grid.reference.placeholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <Floating anchor={anchorEl}>
        <ul role="listbox" id={listId} aria-label={name} className="pw-reference-list" data-testid="reference-options">
          {items.map((choice, i) => (
            <li
              key={choice === NONE ? '' : choice.id}
              id={`${listId}-${i}`}
              ref={(el) => {
                options.current[i] = el;
              }}
              role="option"
              aria-selected={i === active}
              data-id={choice.id}
              className={`pw-reference-option${i === active ? ' pw-reference-active' : ''}`}
              onMouseDown={(event) => {
                // Picked with the mouse: saved at once (the input keeps the focus until then).
                event.preventDefault();
                highlight(items, i, true);
              }}
            >
              {choice === NONE ? (
                <span className="pw-reference-none">{translate('placewise.grid.reference.none')}</span>
              ) : (
                <>
                  <span className="pw-reference-label">{choice.label}</span>
                  {choice.detail && <span className="pw-reference-detail">{choice.detail}</span>}
                </>
              )}
            </li>
          ))}
          {searching && <li className="pw-reference-status">{translate('placewise.grid.reference.searching')}</li>}
          {!searching && failed && <li className="pw-reference-status pw-reference-failed">{failed}</li>}
          {!searching && !failed && found.length === 0 && (
            <li className="pw-reference-status">{translate('placewise.grid.reference.noMatch', { text: text.trim() })}</li>
          )}
        </ul>
      </Floating>
    </span>
  );
}
