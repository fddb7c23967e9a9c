import EditIcon from '@mui/icons-material/Edit';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Box, LinearProgress } from '@mui/material';
import { useCallback, useMemo, useRef, useState, type UIEvent } from 'react';
import { DataGrid, SelectColumn, type CellKeyboardEvent, type CellKeyDownArgs, type CellMouseArgs, type CellMouseEvent, type Column, type DataGridHandle, type PositionChangeArgs, type SortColumn } from 'react-data-grid';
import 'react-data-grid/lib/styles.css';
import {
  useCreatePath,
  useDataProvider,
  useGetIdentity,
  useInfinitePaginationContext,
  useListContext,
  useNotify,
  usePermissions,
  useRefresh,
  useResourceContext,
  useResourceDefinition,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { toApiError } from '../providers/apiError';
import type { PlacewiseDataProvider } from '../providers/dataProvider';
import { hasTotals } from '../providers/buildQuery';
import { schemaModel } from '../providers/schemaModel';
import { formatMoney } from '../i18n/formats';
import { canEdit, type Role } from '../providers/session';
import { BulkSetDialog } from './BulkSetDialog';
import { ColumnChooser } from './ColumnChooser';
import { displayValue, enumDescription, formatValue, gridColumns, parseValue, rawText, rowName, sameValue, type GridColumn, type ParseMessages } from './columns';
import { parseTsv } from './csv';
import { handleEnter } from './enterKeys';
import { editorFor } from './editorFor';
import type { Row } from './editors';
import { blockReferenceTexts, lookupOfRow, lookUpReferences, resolveReferenceText, type ReferenceLookups } from './resolveReferences';
import { useExport } from './useExport';
import { ImportDialog } from './ImportDialog';
import { importFormatOf, importTargets } from './importFormats';
import { PastePreview, type PasteServerErrors } from './PastePreview';
import { planPaste, type PasteBlock } from './pastePlan';
import { problemsOf, type Draft, type Drafts } from './drafts';
import { ProblemsPanel, type Problem } from './ProblemsPanel';
import { GridToolbar } from './GridToolbar';
import { NewRowBar } from './NewRowBar';
import { rangeRows, useColumnRange } from './useColumnRange';
import { useManyRowChanges } from './useManyRowChanges';
import { orderColumns, useColumnPrefs } from './useColumnPrefs';
import { creatableColumn, NEW_ROW, useNewRow } from './useNewRow';
import { useTotals } from './useTotals';
import './grid.css';


export interface SpreadsheetGridProps {
  /** Fields shown, in order (the first is frozen); every scalar field when left out. */
  columns?: string[];
  /** The list's read options, also used for the grid's own reads (export, re-reads after a conflict). */
  queryMeta?: Record<string, unknown>;
}

const ROW_HEIGHT = 35;
const OPEN_COLUMN = 'pw-open';

/**
 * The spreadsheet grid, one component for every list: edit in place with an editor per field
 * type, save each change with the record's version, keep refused values for correction,
 * resolve conflicts, paste blocks as one all-or-nothing mutation, sort and filter on the
 * server, show/hide and reorder columns per user, and export the view to CSV.
 */
export function SpreadsheetGrid({ columns: columnNames, queryMeta }: SpreadsheetGridProps) {
  const resourceName = useResourceContext()!;
  const resource = schemaModel.resource(resourceName);
  const definition = useResourceDefinition();
  const createPath = useCreatePath();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<PlacewiseDataProvider>();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Role>();
  const { data, total, sort, setSort, filterValues, filter: fixedFilter, isPending } = useListContext<Row>();
  // What the grid shows: the officer's filters and the list's fixed one (a record's own rows on its page).
  const viewFilter = useMemo(() => ({ ...filterValues, ...fixedFilter }), [filterValues, fixedFilter]);
  const { hasNextPage, fetchNextPage, isFetchingNextPage } = useInfinitePaginationContext();
  const gridRef = useRef<DataGridHandle>(null);
  const refresh = useRefresh();
  const editable = canEdit(permissions) && Boolean(resource.updateMutation);
  const importFormat = canEdit(permissions) ? importFormatOf(resource) : undefined;

  const label = useCallback(
    (column: GridColumn) => translate(`resources.${resourceName}.fields.${column.key}`, { _: humanize(column.key) }),
    [translate, resourceName],
  );
  const yesNo = useMemo<[string, string]>(() => [translate('placewise.yes'), translate('placewise.no')], [translate]);
  const messages = useMemo<ParseMessages>(
    () => ({
      date: translate('placewise.grid.enterDate'),
      dateTime: translate('placewise.grid.enterDateTime'),
      number: translate('placewise.grid.enterNumber'),
      wholeNumber: translate('placewise.grid.enterWholeNumber'),
      money: translate('placewise.grid.enterMoney'),
      boolean: translate('placewise.grid.enterBoolean'),
      code: (codes) => translate('placewise.grid.enterCode', { codes }),
      notEditable: translate('placewise.grid.notEditable'),
      ...referenceMessages(translate),
    }),
    [translate],
  );

  const importMessages = useMemo(() => ({ ...messages, required: translate('placewise.grid.import.required') }), [messages, translate]);
  const targets = useMemo(
    () => (importFormat ? importTargets(resource, importFormat, (field) => translate(`resources.${resourceName}.fields.${field}`, { _: humanize(field) })) : []),
    [importFormat, resource, translate, resourceName],
  );
  const [importing, setImporting] = useState(false);

  const allColumns = useMemo(() => gridColumns(schemaModel, resource, columnNames), [resource, columnNames]);
  const [prefs, savePrefs] = useColumnPrefs(identity?.id as string | undefined, resourceName);
  const visible = useMemo(() => orderColumns(allColumns, prefs.order).filter((c) => !prefs.hidden.includes(c.key)), [allColumns, prefs]);

  // Records saved here are newer than the list's copy until the list is read again.
  const overridesRef = useRef<Record<string, Row>>({});
  const [overrides, setOverrides] = useState<Record<string, Row>>({});
  const draftsRef = useRef<Drafts>({});
  const [drafts, setDrafts] = useState<Drafts>({});
  const listById = useMemo(() => new Map((data ?? []).map((r) => [String(r.id), r])), [data]);

  const newest = useCallback((a: Row | undefined, b: Row | undefined) => {
    if (!a) return b;
    if (!b) return a;
    return Number(a.version ?? 0) >= Number(b.version ?? 0) ? a : b;
  }, []);
  const records = useMemo(() => (data ?? []).map((r) => newest(overrides[r.id], r)!), [data, overrides, newest]);
  const rows = useMemo(
    () =>
      records.map((r) => {
        const d = drafts[r.id];
        if (!d) return r;
        const out: Row = { ...r };
        for (const [key, draft] of Object.entries(d)) out[key] = draft.value;
        return out;
      }),
    [records, drafts],
  );
  const listByIdRef = useRef(listById);
  listByIdRef.current = listById;
  const currentRecord = useCallback((id: string) => newest(overridesRef.current[id], listByIdRef.current.get(id)), [newest]);

  const putRecord = useCallback((record: Row) => {
    overridesRef.current = { ...overridesRef.current, [record.id]: record };
    setOverrides(overridesRef.current);
  }, []);
  const setDraft = useCallback((id: string, field: string, draft: Draft | null) => {
    const row = { ...(draftsRef.current[id] ?? {}) };
    if (draft) row[field] = draft;
    else delete row[field];
    const next = { ...draftsRef.current };
    if (Object.keys(row).length) next[id] = row;
    else delete next[id];
    draftsRef.current = next;
    setDrafts(next);
  }, []);

  const nameRow = useCallback((row: Row) => rowName(resource.labelField, visible, row, yesNo), [resource.labelField, visible, yesNo]);
  const clearDraft = useCallback((id: string, field: string) => draftsRef.current[id]?.[field] && setDraft(id, field, null), [setDraft]);
  const { remember, undoCount, saveChangedRows, setMany, runUndo } = useManyRowChanges({
    resourceName,
    resource,
    currentRecord,
    putRecord,
    clearDraft,
    queryMeta,
    nameRow,
    onRecordsChanged: refresh,
  });

  // Changes to one row are saved one after another, each with the version the previous one left.
  const queues = useRef(new Map<string, Promise<void>>());
  const enqueue = useCallback((id: string, job: () => Promise<void>) => {
    const next = (queues.current.get(id) ?? Promise.resolve()).then(job, job);
    queues.current.set(id, next);
    void next.finally(() => {
      if (queues.current.get(id) === next) queues.current.delete(id);
    });
  }, []);

  const save = useCallback(
    async (id: string, column: GridColumn, value: unknown, typed: unknown) => {
      const record = currentRecord(id);
      if (!record) return;
      try {
        const { data: saved } = await dataProvider.update(resourceName, {
          id,
          data: { [column.key]: value },
          previousData: record,
          meta: { version: record.version },
        });
        putRecord(saved as Row);
        remember({ label: column.key, values: [{ id, field: column.key, before: record[column.key], after: (saved as Row)[column.key] }] });
        if (draftsRef.current[id]?.[column.key]?.value === typed) setDraft(id, column.key, null);
      } catch (caught) {
        const error = toApiError(caught);
        if (draftsRef.current[id]?.[column.key]?.value !== typed) return;
        if (error.code === 'CONFLICT') {
          let theirs: Row | undefined;
          try {
            theirs = (await dataProvider.getOne<Row>(resourceName, { id })).data;
            putRecord(theirs);
          } catch {
            // shown without their value; "keep mine" reads the record again
          }
          setDraft(id, column.key, { value: typed, state: 'conflict', message: error.message, theirs: theirs?.[column.key] });
        } else {
          const fieldError = error.fieldErrors.find((f) => f.field === column.key || f.field.startsWith(`${column.key}.`));
          setDraft(id, column.key, { value: typed, state: 'error', message: fieldError?.message ?? error.message });
        }
      }
    },
    [currentRecord, dataProvider, resourceName, putRecord, setDraft, remember],
  );

  const commitCell = useCallback(
    (id: string, column: GridColumn, typed: unknown) => {
      const record = currentRecord(id);
      if (!record) return;
      const parsed = parseValue(column, typed, messages);
      if (!parsed.ok) {
        setDraft(id, column.key, { value: typed, state: 'error', message: parsed.message });
        return;
      }
      if (sameValue(parsed.value, record[column.key])) {
        setDraft(id, column.key, null);
        return;
      }
      setDraft(id, column.key, { value: typed, state: 'saving' });
      enqueue(id, () => save(id, column, parsed.value, typed));
    },
    [currentRecord, messages, setDraft, enqueue, save],
  );

  const keepMine = useCallback(
    (p: Problem) => {
      const draft = draftsRef.current[p.rowId]?.[p.field];
      const column = allColumns.find((c) => c.key === p.field);
      if (!draft || !column) return;
      const parsed = parseValue(column, draft.value, messages);
      if (!parsed.ok) return;
      setDraft(p.rowId, p.field, { value: draft.value, state: 'saving' });
      enqueue(p.rowId, async () => {
        if (!overridesRef.current[p.rowId] || draft.theirs === undefined) {
          try {
            putRecord((await dataProvider.getOne<Row>(resourceName, { id: p.rowId })).data);
          } catch {
            // the save below reports what is wrong
          }
        }
        await save(p.rowId, column, parsed.value, draft.value);
      });
    },
    [allColumns, messages, setDraft, enqueue, putRecord, dataProvider, resourceName, save],
  );
  const dropDraft = useCallback((p: Problem) => setDraft(p.rowId, p.field, null), [setDraft]);

  // Paste: a block from Excel or Google Sheets, previewed, then saved in one mutation.
  const [paste, setPaste] = useState<PasteBlock | null>(null);
  const [pasteSaving, setPasteSaving] = useState(false);
  const [pasteErrors, setPasteErrors] = useState<PasteServerErrors | null>(null);
  const plan = useMemo(() => (paste ? planPaste(paste, records, visible, nameRow, messages) : null), [paste, records, visible, nameRow, messages]);

  // Reference columns' names looked up (one request per column) before the preview shows the block.
  const openPaste = useCallback(
    async (block: PasteBlock) => {
      const columns = blockReferenceTexts(block.cells, visible.slice(block.columnIndex));
      let references: ReferenceLookups | undefined;
      try {
        if (columns.length) references = await lookUpReferences(dataProvider, schemaModel, columns);
      } catch (caught) {
        notify(toApiError(caught).message, { type: 'error' });
        return;
      }
      setPasteErrors(null);
      setPaste({ ...block, references });
    },
    [visible, dataProvider, notify],
  );
  const pasteReference = useCallback(
    async (id: string, column: GridColumn, text: string) => {
      const parsed = await resolveReferenceText(dataProvider, schemaModel, column, text, messages).catch((caught) => ({ ok: false as const, message: toApiError(caught).message }));
      if (!parsed.ok) setDraft(id, column.key, { value: text, state: 'error', message: parsed.message });
      else commitCell(id, column, parsed.value === null ? null : { id: String(parsed.value), label: parsed.shown ?? String(parsed.value) });
    },
    [dataProvider, messages, setDraft, commitCell],
  );

  const savePaste = useCallback(async () => {
    if (!plan) return;
    setPasteSaving(true);
    setPasteErrors(null);
    const refused = await saveChangedRows(plan.changedRows);
    setPasteSaving(false);
    if (refused) setPasteErrors(refused);
    else setPaste(null);
  }, [plan, saveChangedRows]);

  /**
   * Fill down (Ctrl+D): the value of the first row of the range copied into the rows under it,
   * saved at once in one mutation; anything that cannot be used, or a refusal, opens the
   * paste preview with the cells marked.
   */
  const fillDown = useCallback(
    async (columnKey: string, from: number, to: number) => {
      const columnIndex = visible.findIndex((c) => c.key === columnKey);
      if (columnIndex < 0 || from < 0 || to <= from || to >= records.length) return;
      const column = visible[columnIndex];
      // A reference is filled by the first row's id (its label may name several records).
      const reference = column.kind === 'reference';
      const text = reference ? String(records[from][column.key] ?? '') : rawText(column, records[from]);
      const block: PasteBlock = {
        cells: Array.from({ length: to - from }, () => [text]),
        rowIndex: from + 1,
        columnIndex,
        references: reference ? { [column.key]: lookupOfRow(column, records[from]) } : undefined,
      };
      const fill = planPaste(block, records, visible, nameRow, messages);
      if (fill.invalid > 0) {
        setPasteErrors(null);
        setPaste(block);
        return;
      }
      if (!fill.changedRows.length) return;
      const refused = await saveChangedRows(fill.changedRows);
      if (refused) {
        setPaste(block);
        setPasteErrors(refused);
      }
    },
    [visible, records, nameRow, messages, saveChangedRows],
  );

  // Select rows (tick boxes) and set one field on all of them, in one all-or-nothing mutation.
  const [selectedRows, setSelectedRows] = useState<ReadonlySet<string>>(() => new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  const canSetMany = editable && Boolean(resource.updateManyMutation || resource.updateRowsMutation);
  const setField = useCallback(
    async (column: GridColumn, text: string): Promise<string | null> => {
      let parsed;
      try {
        parsed = column.kind === 'reference' ? await resolveReferenceText(dataProvider, schemaModel, column, text, messages) : parseValue(column, text, messages);
      } catch (caught) {
        return toApiError(caught).message;
      }
      if (!parsed.ok) return `${label(column)} ${parsed.message}`;
      const refused = await setMany(selectedRows, column.key, parsed.value);
      if (!refused) {
        setBulkOpen(false);
        setSelectedRows(new Set());
      }
      return refused;
    },
    [messages, label, setMany, selectedRows, dataProvider],
  );

  // Add a row in place: typed like any other row, created with create<Type> when saved.
  const requiredToCreate = useMemo(() => new Set((resource.createInputType?.inputFields ?? []).filter((f) => f.type.kind === 'NON_NULL').map((f) => f.name)), [resource]);
  const newRowState = useNewRow({
    resourceName,
    columns: visible,
    messages,
    enabled: canEdit(permissions) && Boolean(resource.createMutation),
    required: requiredToCreate,
    requiredMessage: translate('placewise.grid.import.required'),
    onCreated: (record) => {
      remember({ label: nameRow(record), values: [], created: { id: record.id, version: Number(record.version) } });
      refresh();
    },
  });
  const { newRow } = newRowState;
  const gridRows = useMemo(() => (newRow ? [newRow, ...rows] : rows), [newRow, rows]);
  const offset = newRow ? 1 : 0;
  const columnRange = useColumnRange();

  const reloadPasteRows = useCallback(async () => {
    if (!plan) return;
    const { data: fresh } = await dataProvider.getMany<Row>(resourceName, { ids: plan.rows.map((r) => r.id) });
    for (const record of fresh) putRecord(record);
    setPasteErrors(null);
  }, [plan, dataProvider, resourceName, putRecord]);

  const { exporting, runExport } = useExport({ dataProvider, resourceName, filter: viewFilter, sort, columns: visible, label, queryMeta });

  const problems = useMemo(() => problemsOf(drafts, records, allColumns, nameRow, label, yesNo), [drafts, records, allColumns, nameRow, label, yesNo]);

  // Totals of the money columns, from the server (the whole filtered list, not the loaded rows).
  // Read again when a record is saved here or the list's size changes (an import, a new row), not for each page loaded.
  const totalsKey = useMemo(() => [overrides, total], [overrides, total]);
  const totals = useTotals(resourceName, viewFilter, hasTotals(schemaModel, resource) && visible.some((c) => c.kind === 'money'), totalsKey);
  const summaryRows = useMemo(() => (totals ? [{ id: 'totals' }] : undefined), [totals]);

  const gridRowIndex = useMemo(() => new Map(gridRows.map((r, i) => [r.id, i])), [gridRows]);

  const gridColumnDefs = useMemo<Column<Row>[]>(() => {
    const defs: Column<Row>[] = canSetMany ? [{ ...SelectColumn, frozen: true }] : [];
    // A resource with a page of its own opens it (its Edit button is there); otherwise the edit form, for those who may edit.
    const openType = definition.hasShow ? 'show' : definition.hasEdit && editable ? 'edit' : null;
    if (openType) {
      defs.push({
        key: OPEN_COLUMN,
        name: '',
        width: 36,
        minWidth: 36,
        frozen: true,
        resizable: false,
        sortable: false,
        renderCell: ({ row }) =>
          row.id === NEW_ROW ? null : (
          <Link
            to={createPath({ resource: resourceName, type: openType, id: row.id })}
            className="pw-open-link"
            aria-label={translate(openType === 'show' ? 'ra.action.show' : 'ra.action.edit')}
            data-testid={`open-${openType}`}
            tabIndex={-1}
          >
            {openType === 'show' ? <VisibilityIcon fontSize="inherit" /> : <EditIcon fontSize="inherit" />}
          </Link>
          ),
      });
    }
    visible.forEach((column, index) => {
      const canChange = editable && column.updatable;
      const canType = newRowState.enabled && creatableColumn(column);
      defs.push({
        key: column.key,
        name: (
          <span title={column.field.description} className="pw-header">
            {label(column)}
          </span>
        ) as unknown as string,
        frozen: index === 0,
        resizable: true,
        sortable: column.sortable,
        draggable: true,
        width: defaultWidth(column),
        minWidth: 60,
        editable: (row) => (row.id === NEW_ROW ? canType : canChange),
        cellClass: (row) => {
          const draft = drafts[row.id]?.[column.key];
          const classes = [`pw-kind-${column.kind}`];
          if (row.id === NEW_ROW) {
            classes.push('pw-cell-new');
            if (newRowState.errors[column.key]) classes.push('pw-cell-error');
            if (!canType) classes.push('pw-cell-readonly');
            return classes.join(' ');
          }
          if (draft) classes.push(`pw-cell-${draft.state}`);
          if (!canChange) classes.push('pw-cell-readonly');
          if (columnRange.inRange(column.key, gridRowIndex.get(row.id) ?? -1)) classes.push('pw-cell-range');
          return classes.join(' ');
        },
        renderCell: ({ row }) => {
          if (row.id === NEW_ROW) {
            const typed = row[column.key];
            const message = newRowState.errors[column.key];
            return (
              <span className="pw-cell" data-row-id={NEW_ROW} data-field={column.key} data-state={message ? 'error' : undefined} title={message}>
                {typeof typed === 'string' && column.kind !== 'enum' ? typed : formatValue(column, typed, yesNo)}
              </span>
            );
          }
          const draft = drafts[row.id]?.[column.key];
          const text = draft
            ? typeof draft.value === 'string' && column.kind !== 'enum'
              ? draft.value
              : formatValue(column, draft.value, yesNo)
            : displayValue(column, row, yesNo);
          return (
            <span
              className="pw-cell"
              data-row-id={row.id}
              data-field={column.key}
              data-state={draft?.state}
              title={draft?.message ?? (column.kind === 'enum' || column.kind === 'enumList' ? enumDescription(column, row[column.key]) : text)}
            >
              {text}
            </span>
          );
        },
        renderEditCell: canChange || canType ? editorFor(column, yesNo) : undefined,
        editorOptions: column.kind === 'enumList' ? { displayCellContent: false } : undefined,
        summaryCellClass: `pw-kind-${column.kind} pw-total-cell`,
        renderSummaryCell: () =>
          totals?.[column.key] !== undefined ? (
            <span className="pw-total" data-testid={`total-${column.key}`} title={translate('placewise.grid.totalHint')}>
              {formatMoney(totals[column.key])}
            </span>
          ) : index === 0 ? (
            <span className="pw-total-label">{translate('placewise.grid.total')}</span>
          ) : null,
      });
    });
    return defs;
  }, [visible, editable, drafts, label, yesNo, definition.hasEdit, definition.hasShow, createPath, resourceName, translate, canSetMany, newRowState.enabled, newRowState.errors, columnRange, gridRowIndex, totals]);

  const sortColumns = useMemo<SortColumn[]>(() => {
    if (!sort?.field) return [];
    const orders = (sort.order ?? 'ASC').split(',');
    return sort.field
      .split(',')
      .map((field, i) => ({ columnKey: field, direction: (orders[i] ?? 'ASC') === 'DESC' ? ('DESC' as const) : ('ASC' as const) }))
      .filter((s) => allColumns.some((c) => c.key === s.columnKey && c.sortable));
  }, [sort, allColumns]);

  const onSortColumnsChange = useCallback(
    (next: SortColumn[]) => {
      if (!next.length) setSort({ field: 'id', order: 'ASC' });
      else setSort({ field: next.map((s) => s.columnKey).join(','), order: next.map((s) => s.direction).join(',') as 'ASC' | 'DESC' });
    },
    [setSort],
  );

  const onRowsChange = useCallback(
    (nextRows: Row[], change: { indexes: number[]; column: { key: string } }) => {
      const column = allColumns.find((c) => c.key === change.column.key);
      if (!column) return;
      for (const index of change.indexes) {
        if (nextRows[index].id === NEW_ROW) newRowState.change(nextRows[index], column.key);
        else commitCell(String(nextRows[index].id), column, nextRows[index][column.key]);
      }
    },
    [allColumns, commitCell, newRowState],
  );

  const onCellKeyDown = useCallback(
    (args: CellKeyDownArgs<Row>, event: CellKeyboardEvent) => {
      if (handleEnter(args, event, gridRows.length, gridRef)) return;
      if (args.mode !== 'ACTIVE' || !args.row || !args.column) return;
      const { row, column } = args;
      // Shift+Up/Down extends the selection down a column (for fill down).
      if (event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) columnRange.extendNextMove();
      const ctrl = (event.ctrlKey || event.metaKey) && !event.altKey;
      if (ctrl && event.key.toLowerCase() === 'd' && row.id !== NEW_ROW) {
        // Fill down: the range's first value into the rows under it; a single cell takes the value above it.
        event.preventGridDefault();
        event.preventDefault();
        const range = columnRange.range?.columnKey === column.key ? rangeRows(columnRange.range) : null;
        const [from, to] = range && range[1] > range[0] ? range : [args.rowIdx - 1, args.rowIdx];
        if (editable) void fillDown(column.key, from - offset, to - offset);
      }
      if (ctrl && event.key.toLowerCase() === 'z' && !event.shiftKey) {
        event.preventGridDefault();
        event.preventDefault();
        if (editable) void runUndo();
      }
    },
    [gridRows.length, columnRange, editable, fillDown, offset, runUndo],
  );

  const onCellMouseDown = useCallback(
    (_args: CellMouseArgs<Row>, event: CellMouseEvent) => {
      if (!event.shiftKey) return;
      columnRange.extendNextMove();
      // No text selection across the cells: the range is the selection.
      event.preventDefault();
    },
    [columnRange],
  );

  const onActivePositionChange = useCallback(
    ({ rowIdx, row, column }: PositionChangeArgs<Row>) => columnRange.onActiveCellChange(row && row.id !== NEW_ROW ? column?.key : undefined, rowIdx),
    [columnRange],
  );

  const onCellCopy = useCallback(
    ({ row, column }: { row: Row; column: { key: string } }, event: React.ClipboardEvent<HTMLDivElement>) => {
      const gridColumn = allColumns.find((c) => c.key === column.key);
      if (!gridColumn) return;
      event.clipboardData.setData('text/plain', rawText(gridColumn, row));
      event.preventDefault();
    },
    [allColumns],
  );

  const onCellPaste = useCallback(
    ({ row, column }: { row: Row; column: { key: string } }, event: React.ClipboardEvent<HTMLDivElement>): Row => {
      const text = event.clipboardData.getData('text/plain');
      event.preventDefault();
      if (!text) return row;
      const cells = parseTsv(text.replace(/\n$/, ''));
      const rowIndex = rows.findIndex((r) => r.id === row.id);
      const columnIndex = visible.findIndex((c) => c.key === column.key);
      if (rowIndex < 0 || columnIndex < 0 || !cells.length) return row;
      if (cells.length === 1 && cells[0].length === 1) {
        if (visible[columnIndex].kind === 'reference') void pasteReference(row.id, visible[columnIndex], cells[0][0]);
        else commitCell(row.id, visible[columnIndex], cells[0][0]);
        return row;
      }
      void openPaste({ cells, rowIndex, columnIndex });
      return row;
    },
    [rows, visible, commitCell, pasteReference, openPaste],
  );

  const onScroll = useCallback(
    (event: UIEvent<HTMLDivElement>) => {
      const el = event.currentTarget;
      if (hasNextPage && !isFetchingNextPage && el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT * 30) void fetchNextPage();
    },
    [hasNextPage, isFetchingNextPage, fetchNextPage],
  );

  const onColumnsReorder = useCallback(
    (source: string, target: string) => {
      const keys = orderColumns(allColumns, prefs.order).map((c) => c.key);
      const from = keys.indexOf(source);
      const to = keys.indexOf(target);
      if (from < 0 || to < 0) return;
      keys.splice(to, 0, ...keys.splice(from, 1));
      savePrefs({ ...prefs, order: keys });
    },
    [allColumns, prefs, savePrefs],
  );

  return (
    <Box className="pw-grid" data-testid="spreadsheet-grid" data-resource={resourceName}>
      <GridToolbar
        loaded={rows.length}
        total={total}
        readOnly={editable ? null : resource.updateMutation ? 'role' : 'resource'}
        saving={Object.values(drafts).some((d) => Object.values(d).some((x) => x.state === 'saving'))}
        ticked={canSetMany ? selectedRows.size : null}
        onSetField={() => setBulkOpen(true)}
        undoCount={editable ? undoCount : null}
        onUndo={() => void runUndo()}
        addRow={newRowState.enabled ? { adding: Boolean(newRow) } : null}
        onAddRow={newRowState.start}
        onImport={importFormat ? () => setImporting(true) : null}
        columnChooser={<ColumnChooser columns={orderColumns(allColumns, prefs.order)} hidden={prefs.hidden} label={label} onChange={(hidden) => savePrefs({ ...prefs, hidden })} />}
        exporting={exporting}
        onExport={(format) => void runExport(format)}
      />
      {newRow && <NewRowBar saving={newRowState.saving} message={newRowState.errors._} onSave={newRowState.save} onCancel={newRowState.cancel} />}
      <ProblemsPanel problems={problems} onKeepMine={keepMine} onTakeTheirs={dropDraft} onDiscard={dropDraft} />
      {(isPending || isFetchingNextPage) && <LinearProgress sx={{ height: 2 }} />}
      <DataGrid<Row, unknown, string>
        ref={gridRef}
        className="rdg-light pw-rdg"
        aria-label={translate(`resources.${resourceName}.name`, { smart_count: 2 })}
        columns={gridColumnDefs}
        rows={gridRows}
        bottomSummaryRows={summaryRows}
        selectedRows={canSetMany ? selectedRows : undefined}
        onSelectedRowsChange={canSetMany ? setSelectedRows : undefined}
        isRowSelectionDisabled={(row) => row.id === NEW_ROW}
        onCellMouseDown={onCellMouseDown}
        onActivePositionChange={onActivePositionChange}
        rowKeyGetter={(row) => row.id}
        rowHeight={ROW_HEIGHT}
        headerRowHeight={38}
        onRowsChange={onRowsChange}
        sortColumns={sortColumns}
        onSortColumnsChange={onSortColumnsChange}
        onCellKeyDown={onCellKeyDown}
        onCellCopy={onCellCopy}
        onCellPaste={onCellPaste}
        onColumnsReorder={onColumnsReorder}
        onScroll={onScroll}
        renderers={{ noRowsFallback: <div className="pw-no-rows">{isPending ? '' : translate('placewise.grid.noRows')}</div> }}
        style={{ blockSize: 'calc(100vh - 220px)', minBlockSize: 320 }}
      />
      {bulkOpen && (
        <BulkSetDialog
          columns={visible.filter((c) => c.updatable)}
          count={selectedRows.size}
          label={label}
          onApply={setField}
          onClose={() => setBulkOpen(false)}
        />
      )}
      {importing && importFormat && (
        <ImportDialog
          resource={resourceName}
          format={importFormat}
          targets={targets}
          messages={importMessages}
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            refresh();
          }}
        />
      )}
      {plan && (
        <PastePreview
          plan={plan}
          label={label}
          saving={pasteSaving}
          serverErrors={pasteErrors}
          onSave={savePaste}
          onCancel={() => setPaste(null)}
          onReload={reloadPasteRows}
        />
      )}
    </Box>
  );
}

/** "No provider called …", "… matches 2 providers": the resource named in words. */
function referenceMessages(translate: (key: string, options?: any) => string): Pick<ParseMessages, 'unknownReference' | 'noReference' | 'manyReferences'> {
  const named = (resource: string, count: number) => translate(`resources.${resource}.name`, { smart_count: count, _: resource }).toLowerCase();
  return {
    unknownReference: translate('placewise.grid.reference.unknown'),
    noReference: (text, resource) => translate('placewise.grid.reference.noRecord', { text, resource: named(resource, 1) }),
    manyReferences: (text, count, resource) => translate('placewise.grid.reference.many', { text, count, resources: named(resource, count) }),
  };
}

function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function defaultWidth(column: GridColumn): number {
  switch (column.kind) {
    case 'boolean':
      return 90;
    case 'integer':
    case 'number':
    case 'money':
    case 'date':
      return 130;
    case 'datetime':
      return 160;
    case 'enum':
      return 190;
    case 'enumList':
      return 240;
    default:
      if (column.key === 'notes') return 260;
      // Identifiers and codes (Ofsted URN, company number, postcode) are short.
      return /(Urn|Code|Number|postcode|onsCode)$/i.test(column.key) ? 140 : 210;
  }
}
