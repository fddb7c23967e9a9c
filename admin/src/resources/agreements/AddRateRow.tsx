import AddIcon from '@mui/icons-material/Add';
import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { EnumOption } from '../../providers/schemaModel';
import type { RowKey } from './rateCardModel';

const AGE = /^\d{1,2}$/;

/** A new row of the pivot (a placement type and age band), empty until fees are typed into it. */
export function AddRateRow({ placementTypes, exists, onAdd }: { placementTypes: EnumOption[]; exists: (row: RowKey) => boolean; onAdd: (row: RowKey) => void }) {
  const translate = useTranslate();
  const [placementType, setPlacementType] = useState('');
  const [minAge, setMinAge] = useState('');
  const [maxAge, setMaxAge] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    if (!placementType) return setError(translate('placewise.rateCard.addRow.chooseType'));
    if (!AGE.test(minAge.trim()) || !AGE.test(maxAge.trim()) || Number(maxAge) > 25) return setError(translate('placewise.rateCard.addRow.ages'));
    const row = { placementType, minAge: Number(minAge), maxAge: Number(maxAge) };
    if (row.minAge > row.maxAge) return setError(translate('placewise.rateCard.addRow.order'));
    if (exists(row)) return setError(translate('placewise.rateCard.addRow.exists'));
    setError(null);
    onAdd(row);
    setMinAge('');
    setMaxAge('');
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }} data-testid="rate-add-row">
      <TextField
        select
        size="small"
        label={translate('placewise.rateCard.addRow.placementType')}
        value={placementType}
        onChange={(e) => setPlacementType(e.target.value)}
        sx={{ minWidth: 320, maxWidth: 420 }}
        slotProps={{ htmlInput: { 'data-testid': 'rate-add-type' } }}
        error={Boolean(error)}
        helperText={error ?? ' '}
      >
        {placementTypes.map((o) => (
          <MenuItem key={o.value} value={o.value}>
            {o.value} · {o.description}
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" label={translate('placewise.rateCard.addRow.minAge')} value={minAge} onChange={(e) => setMinAge(e.target.value)} sx={{ width: 110 }} slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'rate-add-min' } }} />
      <TextField size="small" label={translate('placewise.rateCard.addRow.maxAge')} value={maxAge} onChange={(e) => setMaxAge(e.target.value)} sx={{ width: 110 }} slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'rate-add-max' } }} />
      <Button size="small" startIcon={<AddIcon />} onClick={add} sx={{ mt: 0.5 }} data-testid="rate-add-button">
        {translate('placewise.rateCard.addRow.button')}
      </Button>
    </Stack>
  );
}
