import { FormControlLabel, Switch, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';

/** A date filter (ISO value, shown in the browser's UK format); clearing it keeps the last date. */
export function DateFilter({ label, value, onChange, name = 'onDate' }: { label: string; value: string; onChange: (iso: string) => void; name?: string }) {
  return (
    <TextField
      type="date"
      size="small"
      label={label}
      value={value}
      onChange={(e) => e.target.value && onChange(e.target.value)}
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
