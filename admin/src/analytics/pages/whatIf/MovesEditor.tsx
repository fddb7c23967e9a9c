import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, IconButton, MenuItem, TextField, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A move as typed: every value a string until it is sent. */
export interface DraftMove {
  from: string;
  to: string;
  /** '' keeps the moved placement's provider code. */
  toProviderCode: string;
  count: string;
  weeklyFee: string;
  /** Typed the British way, "01/01/2027". */
  fromDate: string;
}

/** The placement types a move can name (SSDA903 PLACE, temporary moves aside); their words are placewise.whatIf.types. */
export const MOVE_TYPES = ['U1', 'U3', 'U4', 'U5', 'U6', 'K1', 'K2', 'K3', 'H5', 'R1', 'R3', 'S1', 'P1', 'P2', 'Z1'];
const PROVIDER_CODES = ['PR1', 'PR2', 'PR3', 'PR4', 'PR5'];
const FIELDS: Array<keyof DraftMove> = ['from', 'to', 'toProviderCode', 'count', 'weeklyFee', 'fromDate'];

interface Props {
  moves: DraftMove[];
  onChange: (moves: DraftMove[]) => void;
  onAdd: () => void;
  onApply: () => void;
  /** Messages by field, e.g. { 'moves.0.count': 'must be at least 1' }: the server's and the page's own. */
  errors: Record<string, string>;
}

/** The rows of moves: from type, to type and provider, how many, weekly fee (British money), from date (British date); add and remove. */
export function MovesEditor({ moves, onChange, onAdd, onApply, errors }: Props) {
  const translate = useTranslate();
  const set = (i: number, patch: Partial<DraftMove>) => onChange(moves.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const field = (i: number, key: keyof DraftMove) => ({
    size: 'small' as const,
    label: translate(`placewise.whatIf.${key}`),
    value: moves[i][key],
    error: Boolean(errors[`moves.${i}.${key}`]),
    onChange: (e: { target: { value: string } }) => set(i, { [key]: e.target.value }),
    slotProps: { htmlInput: { 'data-testid': `move-${i}-${key}` }, inputLabel: { shrink: true } },
  });
  /** The row's messages in one line under it ("How many: must be at least 1"), in the order of its fields. */
  const rowErrors = (i: number) =>
    FIELDS.filter((key) => errors[`moves.${i}.${key}`]).map((key) => `${translate(`placewise.whatIf.${key}`)}: ${errors[`moves.${i}.${key}`]}`);
  const typeChoices = MOVE_TYPES.map((code) => (
    <MenuItem key={code} value={code}>
      {code} {translate(`placewise.whatIf.types.${code}`)}
    </MenuItem>
  ));
  return (
    <Box data-testid="whatif-moves" sx={{ mb: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        {translate('placewise.whatIf.moves')}
      </Typography>
      {moves.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('placewise.whatIf.noMoves')}
        </Typography>
      )}
      {moves.map((_, i) => (
        <Box key={i} data-testid="move-row" sx={{ mb: 1.5 }}>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}>
            <TextField select {...field(i, 'from')} sx={{ width: 210 }}>
              {typeChoices}
            </TextField>
            <TextField select {...field(i, 'to')} sx={{ width: 210 }}>
              {typeChoices}
            </TextField>
            <TextField select {...field(i, 'toProviderCode')} sx={{ width: 170 }}>
              <MenuItem value="">{translate('placewise.whatIf.sameProvider')}</MenuItem>
              {PROVIDER_CODES.map((code) => (
                <MenuItem key={code} value={code}>
                  {code} {translate(`placewise.whatIf.providerCodes.${code}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField {...field(i, 'count')} type="number" sx={{ width: 90 }} />
            <TextField {...field(i, 'weeklyFee')} placeholder="£0.00" sx={{ width: 120 }} />
            <TextField {...field(i, 'fromDate')} placeholder="dd/mm/yyyy" sx={{ width: 140 }} />
            <Tooltip title={translate('placewise.whatIf.removeMove')}>
              <IconButton aria-label={translate('placewise.whatIf.removeMove')} onClick={() => onChange(moves.filter((__, j) => j !== i))} data-testid={`move-${i}-remove`} sx={{ mt: 0.5 }}>
                <DeleteIcon />
              </IconButton>
            </Tooltip>
          </Box>
          {rowErrors(i).length > 0 && (
            <Typography variant="caption" color="error" component="div" data-testid={`move-${i}-errors`} sx={{ mt: 0.5 }}>
              {rowErrors(i).join(' · ')}
            </Typography>
          )}
        </Box>
      ))}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button size="small" startIcon={<AddIcon />} onClick={onAdd} disabled={moves.length >= 20} data-testid="add-move">
          {translate('placewise.whatIf.addMove')}
        </Button>
        <Button size="small" variant="contained" onClick={onApply} data-testid="apply-moves">
          {translate('placewise.whatIf.apply')}
        </Button>
      </Box>
    </Box>
  );
}
