import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatValue, type GridColumn } from './columns';
import type { PastePlan } from './pastePlan';

export interface PasteServerErrors {
  message: string;
  /** "rowId:field" → message, from fieldErrors[].index/field. */
  cells: Record<string, string>;
  /** rowId → message, for a row the server refused as a whole (e.g. CONFLICT). */
  rows: Record<string, string>;
}

interface Props {
  plan: PastePlan;
  label: (column: GridColumn) => string;
  saving: boolean;
  serverErrors: PasteServerErrors | null;
  onSave: () => void;
  onCancel: () => void;
  onReload?: () => void;
}

/** What a pasted block will change, before it is saved in one all-or-nothing mutation. */
export function PastePreview({ plan, label, saving, serverErrors, onSave, onCancel, onReload }: Props) {
  const translate = useTranslate();
  const yesNo: [string, string] = [translate('placewise.yes'), translate('placewise.no')];
  const height = plan.rows.length + plan.skippedRows;
  const width = plan.columns.length + plan.skippedColumns;
  const canSave = plan.invalid === 0 && plan.changedRows.length > 0 && !saving;
  return (
    <Dialog open onClose={saving ? undefined : onCancel} maxWidth="lg" fullWidth aria-labelledby="pw-paste-title" data-testid="paste-preview">
      <DialogTitle id="pw-paste-title">{translate('placewise.grid.paste.title', { rows: height, columns: width })}</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('placewise.grid.paste.intro')}
        </Typography>
        {plan.skippedRows > 0 && <Alert severity="warning">{translate('placewise.grid.paste.beyondEnd', { count: plan.skippedRows })}</Alert>}
        {plan.skippedColumns > 0 && <Alert severity="warning">{translate('placewise.grid.paste.beyondColumns', { count: plan.skippedColumns })}</Alert>}
        {plan.invalid > 0 && <Alert severity="error">{translate('placewise.grid.paste.fixFirst')}</Alert>}
        {plan.changedRows.length === 0 && plan.invalid === 0 && <Alert severity="info">{translate('placewise.grid.paste.nothing')}</Alert>}
        {serverErrors && (
          <Alert
            severity="error"
            data-testid="paste-error"
            action={
              onReload && Object.keys(serverErrors.rows).length > 0 ? (
                <Button color="inherit" size="small" onClick={onReload}>
                  {translate('ra.action.refresh')}
                </Button>
              ) : undefined
            }
          >
            {translate('placewise.grid.paste.failed', { message: serverErrors.message })}
          </Alert>
        )}
        <table className="pw-paste-table">
          <thead>
            <tr>
              <th>{translate('placewise.grid.paste.row')}</th>
              {plan.columns.map((c) => (
                <th key={c.key}>{label(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.rows.map((row) => (
              <tr key={row.id} data-row-id={row.id} className={serverErrors?.rows[row.id] ? 'pw-paste-row-error' : undefined} title={serverErrors?.rows[row.id]}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell) => {
                  const serverError = serverErrors?.cells[`${row.id}:${cell.column.key}`];
                  const error = cell.parsed.ok ? serverError : cell.parsed.message;
                  const after = cell.parsed.ok ? (cell.parsed.shown ?? formatValue(cell.column, cell.parsed.value, yesNo)) : cell.text;
                  return (
                    <td
                      key={cell.column.key}
                      data-field={cell.column.key}
                      data-error={error ? 'true' : undefined}
                      className={error ? 'pw-paste-error' : cell.changed ? 'pw-paste-changed' : 'pw-paste-same'}
                    >
                      {cell.changed && <span className="pw-paste-before">{(cell.beforeText ?? formatValue(cell.column, cell.before, yesNo)) || translate('placewise.grid.emptyValue')}</span>}
                      <span className="pw-paste-after">{after || translate('placewise.grid.emptyValue')}</span>
                      {error && <span className="pw-paste-message">{error}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={saving}>
          {translate('placewise.grid.paste.cancel')}
        </Button>
        <Button variant="contained" onClick={onSave} disabled={!canSave} data-testid="paste-save">
          {translate('placewise.grid.paste.save', { count: plan.changedRows.length })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
