import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Select, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { toApiError } from '../providers/apiError';
import type { PlacewiseDataProvider } from '../providers/dataProvider';
import type { ImportFormat, ImportTarget } from './importFormats';
import {
  guessMapping,
  importCsv,
  importReferenceTexts,
  importServerErrors,
  missingColumns,
  planImport,
  type ImportEdits,
  type ImportPlan,
  type ImportMapping,
  type ImportMessages,
  type ImportServerErrors,
} from './importPlan';
import { ImportPreviewTable } from './ImportPreviewTable';
import { readRecords, rowsToSave, updateRowsErrors } from './importRows';
import { lookUpReferences, type ReferenceLookups } from './resolveReferences';
import { readSheetFile, SHEET_FILE_TYPES, type SheetTable } from './sheetFile';
import { schemaModel } from '../providers/schemaModel';

interface Props {
  /** The resource imported into (its update<Type>Rows saves a file of rows by id). */
  resource: string;
  format: ImportFormat;
  targets: ImportTarget[];
  messages: ImportMessages;
  onClose: () => void;
  /** After the server wrote every row. */
  onImported: () => void;
}

/**
 * Import a CSV or XLSX file: choose the file, say which column is which (guessed from the
 * headings), check every row in a preview, then send the whole file through the resource's
 * import mutation: every row is written or none is, and the server's refusals are shown on
 * their rows, where they can be corrected before trying again.
 */
export function ImportDialog({ resource, format, targets, messages, onClose, onImported }: Props) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<PlacewiseDataProvider>();
  const [table, setTable] = useState<SheetTable | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>([]);
  const [step, setStep] = useState<'file' | 'map' | 'preview'>('file');
  const [edits, setEdits] = useState<ImportEdits>({});
  const [serverErrors, setServerErrors] = useState<ImportServerErrors | null>(null);
  const [applying, setApplying] = useState(false);

  const missing = useMemo(() => missingColumns(mapping, targets), [mapping, targets]);
  const references = useReferenceLookups(table && step === 'preview' ? importReferenceTexts(table, mapping, targets, edits) : null);
  const plan = useMemo(
    () => (table && step === 'preview' && references ? planImport(table, mapping, targets, edits, messages, references) : null),
    [table, step, mapping, targets, edits, messages, references],
  );

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setReadError(null);
    try {
      const read = await readSheetFile(file);
      if (!read.rows.length) throw new Error(translate('placewise.grid.import.empty'));
      setTable(read);
      setMapping(guessMapping(read.headers, targets));
      setEdits({});
      setServerErrors(null);
      setStep('map');
    } catch (caught) {
      setReadError(translate('placewise.grid.import.unreadable', { message: (caught as Error).message }));
    }
  };

  const correct = (row: number, column: string, text: string) => {
    setEdits((e) => ({ ...e, [row]: { ...e[row], [column]: text } }));
    if (serverErrors?.cells[`${row}:${column}`]) {
      const cells = { ...serverErrors.cells };
      delete cells[`${row}:${column}`];
      setServerErrors({ ...serverErrors, cells });
    }
  };

  const apply = async () => {
    if (!plan) return;
    setApplying(true);
    setServerErrors(null);
    try {
      if (format.mutation) {
        await dataProvider.importFile(format.mutation, importCsv(plan));
        notify('placewise.grid.import.done', { type: 'success', messageArgs: { count: plan.rows.length, smart_count: plan.rows.length } });
        onImported();
      } else await applyByIds(plan);
    } catch (caught) {
      const error = toApiError(caught);
      setServerErrors(importServerErrors(plan, error.message, error.extensions, error.fieldErrors));
    } finally {
      setApplying(false);
    }
  };

  /** Rows naming records by id: the records are read, and every changed row is saved in one update<Type>Rows. */
  const applyByIds = async (plan: ImportPlan) => {
    const ids = plan.rows.map((r) => String(r.cells.find((c) => c.target.name === 'id')?.value ?? ''));
    const records = await readRecords(dataProvider, resource, ids);
    const toSave = rowsToSave(plan, records, {
      notFound: (id) => translate('placewise.grid.import.noSuchRecord', { id }),
      repeated: (row) => translate('placewise.grid.import.repeatedId', { row }),
    });
    if (Object.keys(toSave.unknown).length) {
      setServerErrors({ message: translate('placewise.grid.import.unknownIds'), cells: toSave.unknown, rows: {} });
      return;
    }
    if (toSave.changes.length) {
      try {
        await dataProvider.updateRows(resource, { rows: toSave.changes });
      } catch (caught) {
        const error = toApiError(caught);
        setServerErrors(updateRowsErrors(plan, toSave, error.message, error.fieldErrors, error.index));
        return;
      }
    }
    notify('placewise.grid.import.updated', { type: 'success', messageArgs: { count: toSave.changes.length, smart_count: toSave.changes.length, unchanged: toSave.unchanged } });
    onImported();
  };

  return (
    <Dialog open onClose={applying ? undefined : onClose} maxWidth="xl" fullWidth aria-labelledby="pw-import-title" data-testid="import-dialog" data-step={step}>
      <DialogTitle id="pw-import-title">{translate('placewise.grid.import.title', { file: table?.fileName ?? '' })}</DialogTitle>
      <DialogContent dividers>
        {step === 'file' && (
          <>
            <Typography variant="body2" sx={{ mb: 2 }}>
              {translate('placewise.grid.import.intro', { columns: targets.map((t) => t.label).join(', ') })}
            </Typography>
            <Button variant="outlined" component="label">
              {translate('placewise.grid.import.choose')}
              <input hidden type="file" accept={SHEET_FILE_TYPES} data-testid="import-file" onChange={(e) => void chooseFile(e.target.files?.[0])} />
            </Button>
            {readError && (
              <Alert severity="error" sx={{ mt: 2 }}>
                {readError}
              </Alert>
            )}
          </>
        )}
        {step === 'map' && table && (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('placewise.grid.import.mapIntro', { rows: table.rows.length, smart_count: table.rows.length })}
            </Typography>
            {missing.length > 0 && (
              <Alert severity="warning" data-testid="import-missing" sx={{ mb: 1 }}>
                {translate('placewise.grid.import.missing', { columns: missing.map((t) => t.label).join(', ') })}
              </Alert>
            )}
            <table className="pw-paste-table pw-import-mapping">
              <thead>
                <tr>
                  <th>{translate('placewise.grid.import.fileColumn')}</th>
                  <th>{translate('placewise.grid.import.firstValue')}</th>
                  <th>{translate('placewise.grid.import.gridColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {table.headers.map((header, i) => (
                  <tr key={i}>
                    <th scope="row">{header || `(${i + 1})`}</th>
                    <td>{String(table.rows[0]?.[i] ?? '')}</td>
                    <td>
                      <Select
                        size="small"
                        value={mapping[i] ?? ''}
                        displayEmpty
                        inputProps={{ 'data-testid': `import-map-${i}`, 'aria-label': header }}
                        onChange={(e) => setMapping((m) => m.map((v, j) => (j === i ? (e.target.value as string) || null : v === e.target.value ? null : v)))}
                        sx={{ minWidth: 240 }}
                      >
                        <MenuItem value="">{translate('placewise.grid.import.ignore')}</MenuItem>
                        {targets.map((t) => (
                          <MenuItem key={t.name} value={t.name}>
                            {t.label}
                            {t.required ? ' *' : ''}
                          </MenuItem>
                        ))}
                      </Select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {step === 'preview' && plan && (
          <>
            {plan.invalid > 0 && (
              <Alert severity="error" sx={{ mb: 1 }} data-testid="import-invalid">
                {translate('placewise.grid.import.invalid', { count: plan.invalid, smart_count: plan.invalid })}
              </Alert>
            )}
            {serverErrors && (
              <Alert severity="error" sx={{ mb: 1 }} data-testid="import-error">
                {translate('placewise.grid.paste.failed', { message: serverErrors.message })}
              </Alert>
            )}
            {plan.invalid === 0 && !serverErrors && (
              <Alert severity="info" sx={{ mb: 1 }}>
                {translate('placewise.grid.import.ready', { count: plan.rows.length, smart_count: plan.rows.length })}
              </Alert>
            )}
            <ImportPreviewTable plan={plan} serverErrors={serverErrors} onCorrect={correct} />
          </>
        )}
      </DialogContent>
      <DialogActions>
        {step !== 'file' && (
          <Button onClick={() => setStep(step === 'preview' ? 'map' : 'file')} disabled={applying}>
            {translate('ra.action.back')}
          </Button>
        )}
        <Button onClick={onClose} disabled={applying}>
          {translate('placewise.grid.paste.cancel')}
        </Button>
        {step === 'map' && (
          <Button variant="contained" onClick={() => setStep('preview')} disabled={missing.length > 0} data-testid="import-preview">
            {translate('placewise.grid.import.preview')}
          </Button>
        )}
        {step === 'preview' && plan && (
          <Button variant="contained" onClick={apply} disabled={applying || plan.invalid > 0} data-testid="import-apply">
            {translate('placewise.grid.import.apply', { count: plan.rows.length, smart_count: plan.rows.length })}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

/**
 * The names in the file's reference columns looked up, one request per column, before the
 * preview (and again when a correction changes them); null until they are.
 */
function useReferenceLookups(wanted: ReturnType<typeof importReferenceTexts> | null): ReferenceLookups | null {
  const dataProvider = useDataProvider<PlacewiseDataProvider>();
  const notify = useNotify();
  const [found, setFound] = useState<{ key: string; lookups: ReferenceLookups } | null>(null);
  const key = wanted ? JSON.stringify(wanted.map((w) => [w.column.key, w.texts])) : null;
  useEffect(() => {
    if (!wanted || key === null) return;
    if (!wanted.length) {
      setFound({ key, lookups: {} });
      return;
    }
    let current = true;
    lookUpReferences(dataProvider, schemaModel, wanted).then(
      (lookups) => current && setFound({ key, lookups }),
      (caught) => current && notify(toApiError(caught).message, { type: 'error' }),
    );
    return () => {
      current = false;
    };
    // Looked up again only when the texts change.
  }, [key]);
  if (key === null) return null;
  // While a correction is looked up, the previous look-up stands.
  return found?.lookups ?? null;
}
