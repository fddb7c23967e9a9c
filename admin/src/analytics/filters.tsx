import { useEffect, useState } from 'react';
import { formatDate, parseDate } from '../i18n/formats';
import { FormControlLabel, Switch, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';

/** A date filter typed the British way ("01/06/2026", as everywhere in the admin), kept as an ISO date; a date that is not real is refused and the last one kept. */
export function DateFilter({ label, value, onChange, name = 'onDate' }: { label: string; value: string; onChange: (iso: string) => void; name?: string }) {
  const [text, setText] = useState(formatDate(value));
  useEffect(() => setText(formatDate(value)), [value]);
  const commit = () => {
    const iso = parseDate(text);
    if (iso && iso !== value) onChange(iso);
    else if (!iso) setText(formatDate(value));
  };
  return (
    <TextField
      size="small"
      sx={{ width: 160 }}
      label={label}
      value={text}
      placeholder="dd/mm/yyyy"
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `filter-${name}` } }}
    />
  );
}

/** One of a few choices, e.g. 30 / 60 / 90 days. */
export function ChoiceFilter<T extends string | number>({ name, value, choices, onChange, label }: { name: string; value: T; choices: Array<{ value: T; label: string }>; onChange: (value: T) => void; label: string }) {
  return (
    <ToggleButtonGroup size="small" exclusive value={value} onChange={(_, v: T | null) => v !== null && onChange(v)} aria-label={label} data-testid={`filter-${name}`}>
      {choices.map((c) => (
        <ToggleButton key={String(c.value)} value={c.value} data-testid={`filter-${name}-${c.value}`}>
          {c.label}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

/** A yes/no filter. */
export function SwitchFilter({ name, label, checked, onChange }: { name: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return <FormControlLabel control={<Switch checked={checked} onChange={(e) => onChange(e.target.checked)} slotProps={{ input: { 'data-testid': `filter-${name}` } as object }} />} label={label} />;
}
