import AddIcon from '@mui/icons-material/Add';
import EditNoteIcon from '@mui/icons-material/EditNote';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import FileUploadIcon from '@mui/icons-material/FileUpload';
import UndoIcon from '@mui/icons-material/Undo';
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { ExportFormat } from './useExport';

interface Props {
  loaded: number;
  total?: number;
  /** Why the grid cannot be edited, when it cannot: the user's role, or a list the API never changes. */
  readOnly: 'role' | 'resource' | null;
  saving: boolean;
  /** Rows ticked, when rows can be set in bulk. */
  ticked: number | null;
  onSetField: () => void;
  /** Changes that can be undone, when the grid is editable. */
  undoCount: number | null;
  onUndo: () => void;
  /** Whether a row can be added, and whether one is being typed. */
  addRow: { adding: boolean } | null;
  onAddRow: () => void;
  onImport: (() => void) | null;
  columnChooser: ReactNode;
  exporting: { format: ExportFormat; rows: number } | null;
  onExport: (format: ExportFormat) => void;
}

/** The grid's bar: how many rows are loaded, whether it is read only or saving, and its actions. */
export function GridToolbar({ loaded, total, readOnly, saving, ticked, onSetField, undoCount, onUndo, addRow, onAddRow, onImport, columnChooser, exporting, onExport }: Props) {
  const translate = useTranslate();
  const exportLabel = (format: ExportFormat) =>
    exporting?.format === format ? translate('placewise.grid.exporting', { count: exporting.rows }) : translate(format === 'csv' ? 'placewise.grid.export' : 'placewise.grid.exportXlsx');
  return (
    <Stack direction="row" spacing={1} sx={{ px: 1, py: 0.5, alignItems: 'center' }}>
      <Typography variant="body2" color="text.secondary" data-testid="grid-count">
        {total !== undefined ? translate('placewise.grid.rows', { count: loaded, total, smart_count: total }) : translate('placewise.grid.rowsNoTotal', { count: loaded })}
      </Typography>
      {readOnly && <Chip size="small" label={translate(readOnly === 'role' ? 'placewise.grid.readOnly' : 'placewise.grid.readOnlyResource')} data-testid="read-only" />}
      {saving && (
        <Typography variant="body2" color="text.secondary" data-testid="grid-saving">
          {translate('placewise.grid.saving')}
        </Typography>
      )}
      <Box sx={{ flex: 1 }} />
      {ticked !== null && ticked > 0 && (
        <Button size="small" startIcon={<EditNoteIcon />} onClick={onSetField} data-testid="bulk-open">
          {translate('placewise.grid.bulk.button', { count: ticked, smart_count: ticked })}
        </Button>
      )}
      {undoCount !== null && (
        <Button size="small" startIcon={<UndoIcon />} onClick={onUndo} disabled={undoCount === 0} data-testid="undo">
          {translate('placewise.grid.undo')}
        </Button>
      )}
      {addRow && (
        <Button size="small" startIcon={<AddIcon />} onClick={onAddRow} disabled={addRow.adding} data-testid="add-row">
          {translate('placewise.grid.newRow.button')}
        </Button>
      )}
      {onImport && (
        <Button size="small" startIcon={<FileUploadIcon />} onClick={onImport} data-testid="import-open">
          {translate('placewise.grid.import.button')}
        </Button>
      )}
      {columnChooser}
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button key={format} size="small" startIcon={<FileDownloadIcon />} onClick={() => onExport(format)} disabled={exporting !== null} data-testid={`export-${format}`}>
          {exportLabel(format)}
        </Button>
      ))}
    </Stack>
  );
}
