import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRecordContext, useTranslate } from 'react-admin';
import { placeErrors } from '../../actions/ActionDialog';
import { useCanAct } from '../../actions/useCanAct';
import { useApiMutation } from '../../api/useApi';
import { humanizeCode } from '../../grid/columns';
import { parseDate } from '../../i18n/formats';
import type { ApiError } from '../../providers/apiError';

export const ADD_TRANSPORT_JOURNEYS = `mutation AddTransportJourneys($routeId: ID!, $version: Int!, $journeys: [TransportJourneyInput!]!) {
  addTransportJourneys(routeId: $routeId, version: $version, journeys: $journeys) { id version totals { journeys cost } }
}`;

interface JourneyRow {
  date: string;
  leg: 'OUTBOUND' | 'RETURN';
  miles: string;
  escort: boolean;
  waitingMinutes: string;
}
type TypedField = 'date' | 'miles' | 'waitingMinutes';

const COLUMNS = ['date', 'leg', 'miles', 'escort', 'waitingMinutes'] as const;
const MILES = /^\d{1,4}(\.\d{1,2})?$/;
const WHOLE = /^\d+$/;
const emptyRow = (): JourneyRow => ({ date: '', leg: 'OUTBOUND', miles: '', escort: false, waitingMinutes: '' });
/** Errors are kept by `row.field`, the server's `journeys.N.field` without its prefix. */
const key = (index: number, field: string) => `${index}.${field}`;

/**
 * "Add journeys" on a route's page: one-off journeys (a trip outside the term, a replacement
 * day) typed as rows of a small table and sent as one `addTransportJourneys`, all or nothing,
 * with the route's version. Miles left empty are the route's; each refusal is shown on the row
 * and input it names.
 */
export function AddJourneysButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const send = useApiMutation<unknown>(ADD_TRANSPORT_JOURNEYS);
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<JourneyRow[]>([emptyRow()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  if (!useCanAct() || !record) return null;

  const start = () => {
    setRows([emptyRow()]);
    setErrors({});
    setProblem(null);
    setOpen(true);
  };
  /** A row's inputs changed: their refusals no longer apply. */
  const change = (index: number, values: Partial<JourneyRow>) => {
    setRows((rs) => rs.map((r, i) => (i === index ? { ...r, ...values } : r)));
    setErrors((es) => Object.fromEntries(Object.entries(es).filter(([k]) => !Object.keys(values).some((field) => k === key(index, field)))));
  };

  /** The rows as the API's journeys, or the errors of what cannot be read (nothing is sent then). */
  const parse = () => {
    const local: Record<string, string> = {};
    const journeys = rows.map((r, i) => {
      const date = parseDate(r.date.trim());
      if (r.date.trim() === '') local[key(i, 'date')] = translate('ra.validation.required');
      else if (date === null) local[key(i, 'date')] = translate('placewise.grid.enterDate');
      const miles = r.miles.trim();
      if (miles !== '' && !MILES.test(miles)) local[key(i, 'miles')] = translate('placewise.grid.enterNumber');
      const waiting = r.waitingMinutes.trim();
      if (waiting !== '' && !WHOLE.test(waiting)) local[key(i, 'waitingMinutes')] = translate('placewise.grid.enterWholeNumber');
      return {
        date,
        leg: r.leg,
        escort: r.escort,
        ...(miles !== '' ? { miles } : {}),
        ...(waiting !== '' ? { waitingMinutes: Number(waiting) } : {}),
      };
    });
    return { journeys, local };
  };

  const submit = async () => {
    const { journeys, local } = parse();
    setErrors(local);
    setProblem(null);
    if (Object.keys(local).length) return;
    try {
      await send.mutateAsync({ routeId: record.id, version: record.version, journeys });
      setOpen(false);
      notify(translate('placewise.addJourneys.added', { smart_count: journeys.length }), { type: 'success' });
    } catch (e) {
      const error = e as ApiError;
      const place = (field: string) => {
        const match = /^journeys\.(\d+)\.(\w+)$/.exec(field);
        return match && Number(match[1]) < rows.length && (COLUMNS as readonly string[]).includes(match[2]) ? key(Number(match[1]), match[2]) : undefined;
      };
      const placed = placeErrors(error, place, translate('placewise.actions.conflict'));
      setErrors(placed.byField);
      setProblem(placed.problem);
      if (error.code === 'CONFLICT') void queryClient.invalidateQueries();
    }
  };

  const textCell = (index: number, field: TypedField, width: number, placeholder?: string) => (
    <TextField
      value={rows[index][field]}
      onChange={(event) => change(index, { [field]: event.target.value })}
      error={Boolean(errors[key(index, field)])}
      helperText={errors[key(index, field)]}
      placeholder={placeholder}
      size="small"
      sx={{ width }}
      slotProps={{ htmlInput: { 'data-testid': `journey-${index}-${field}` }, formHelperText: { 'data-testid': `journey-error-${index}-${field}` } as object }}
    />
  );

  return (
    <>
      <Button size="small" variant="outlined" onClick={start} data-testid="add-journeys" startIcon={<AddIcon />}>
        {translate('placewise.addJourneys.button')}
      </Button>
      <Dialog open={open} onClose={() => !send.isPending && setOpen(false)} maxWidth="md" fullWidth data-testid="add-journeys-dialog">
        <DialogTitle>{translate('placewise.addJourneys.button')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('placewise.addJourneys.intro', { miles: record.miles })}
          </Typography>
          {problem && (
            <Alert severity="error" data-testid="action-problem" sx={{ mb: 1 }}>
              {problem}
            </Alert>
          )}
          <Table size="small" data-testid="add-journeys-rows">
            <TableHead>
              <TableRow>
                {COLUMNS.map((c) => (
                  <TableCell key={c} sx={{ fontWeight: 600 }}>
                    {translate(`resources.transportJourneys.fields.${c}`)}
                  </TableCell>
                ))}
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, i) => (
                <TableRow key={i} data-testid="add-journeys-row" sx={{ verticalAlign: 'top' }}>
                  <TableCell>{textCell(i, 'date', 140, 'DD/MM/YYYY')}</TableCell>
                  <TableCell>
                    <TextField
                      select
                      value={row.leg}
                      onChange={(event) => change(i, { leg: event.target.value as JourneyRow['leg'] })}
                      error={Boolean(errors[key(i, 'leg')])}
                      helperText={errors[key(i, 'leg')]}
                      size="small"
                      sx={{ width: 130 }}
                      slotProps={{ htmlInput: { 'data-testid': `journey-${i}-leg` }, formHelperText: { 'data-testid': `journey-error-${i}-leg` } as object }}
                    >
                      {(['OUTBOUND', 'RETURN'] as const).map((leg) => (
                        <MenuItem key={leg} value={leg}>
                          {humanizeCode(leg)}
                        </MenuItem>
                      ))}
                    </TextField>
                  </TableCell>
                  <TableCell>{textCell(i, 'miles', 100, String(record.miles))}</TableCell>
                  <TableCell>
                    <Checkbox checked={row.escort} onChange={(event) => change(i, { escort: event.target.checked })} slotProps={{ input: { 'data-testid': `journey-${i}-escort` } as object }} />
                  </TableCell>
                  <TableCell>{textCell(i, 'waitingMinutes', 100, '0')}</TableCell>
                  <TableCell>
                    <IconButton
                      size="small"
                      aria-label={translate('placewise.addJourneys.remove')}
                      disabled={rows.length === 1}
                      onClick={() => (setRows((rs) => rs.filter((_, j) => j !== i)), setErrors({}))}
                      data-testid={`journey-${i}-remove`}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Button size="small" startIcon={<AddIcon />} onClick={() => setRows((rs) => [...rs, emptyRow()])} data-testid="add-journeys-row-button" sx={{ mt: 1 }}>
            {translate('placewise.addJourneys.addRow')}
          </Button>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={send.isPending}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" onClick={submit} disabled={send.isPending} data-testid="add-journeys-confirm">
            {translate('placewise.addJourneys.confirm', { smart_count: rows.length })}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
