import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { GridColumn } from './columns';

interface Props {
  columns: GridColumn[];
  count: number;
  label: (column: GridColumn) => string;
  /** Saves the value on every selected row at once; resolves to the server's refusal, or null when saved. */
  onApply: (column: GridColumn, text: string) => Promise<string | null>;
  onClose: () => void;
}

/** Sets one field to the same value on every selected row, in one all-or-nothing mutation. */
export function BulkSetDialog({ columns, count, label, onApply, onClose }: Props) {
  const translate = useTranslate();
  const [key, setKey] = useState(columns[0]?.key ?? '');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const column = columns.find((c) => c.key === key);
  const options =
    column?.kind === 'enum'
      ? (column.enumValues ?? []).map((o) => ({ value: o.value, label: `${o.value} – ${o.description}` }))
      : column?.kind === 'boolean'
        ? [
            { value: 'true', label: translate('placewise.yes') },
            { value: 'false', label: translate('placewise.no') },
          ]
        : null;

  const apply = async () => {
    if (!column) return;
    setSaving(true);
    setError(null);
    const refusal = await onApply(column, text);
    setSaving(false);
    if (refusal) setError(refusal);
  };

  return (
    <Dialog open onClose={saving ? undefined : onClose} maxWidth="sm" fullWidth data-testid="bulk-set-dialog">
      <DialogTitle>{translate('placewise.grid.bulk.title', { count, smart_count: count })}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <TextField
            select
            label={translate('placewise.grid.bulk.field')}
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              setText('');
              setError(null);
            }}
            slotProps={{ htmlInput: { 'data-testid': 'bulk-field' } }}
          >
            {columns.map((c) => (
              <MenuItem key={c.key} value={c.key}>
                {label(c)}
              </MenuItem>
            ))}
          </TextField>
          {options ? (
            <TextField select label={translate('placewise.grid.bulk.value')} value={text} onChange={(e) => setText(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'bulk-value' } }}>
              {options.map((o) => (
                <MenuItem key={o.value} value={o.value}>
                  {o.label}
                </MenuItem>
              ))}
            </TextField>
          ) : (
            <TextField
              label={translate('placewise.grid.bulk.value')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={column?.kind === 'date' ? 'DD/MM/YYYY' : column?.kind === 'reference' ? translate('placewise.grid.reference.nameOrId') : undefined}
              slotProps={{ htmlInput: { 'data-testid': 'bulk-value' } }}
            />
          )}
          {error && (
            <Alert severity="error" data-testid="bulk-error">
              {error}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          {translate('placewise.grid.paste.cancel')}
        </Button>
        <Button variant="contained" onClick={apply} disabled={saving || !column} data-testid="bulk-apply">
          {translate('placewise.grid.bulk.apply', { count, smart_count: count })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
