import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useApiMutation } from '../api/useApi';
import { formatDate, parseDate, parseMoney } from '../i18n/formats';
import type { ApiError, FieldError } from '../providers/apiError';

export type ActionFieldKind = 'money' | 'date' | 'text' | 'multiline' | 'select' | 'whole';

/** One input of an action: its name is the one the server's field errors use (the last part of `input.amount` is `amount`). */
export interface ActionField {
  name: string;
  label: string;
  kind: ActionFieldKind;
  required?: boolean;
  /** The starting value, as the API writes it ("1045.50", "2026-03-31"). */
  initial?: string | null;
  options?: Array<{ value: string; label: string }>;
  helperText?: string;
  /** Shown (and read) only while this holds of what is typed, e.g. a percentage only when "uplift" is chosen. */
  when?: (texts: Record<string, string>) => boolean;
}

export type ActionValues = Record<string, string | null>;

/** The fields' texts → API values: money as "1234.50", dates as "2026-03-31", empty as null. Errors by field for what cannot be read. */
function parseValues(fields: ActionField[], texts: Record<string, string>, messages: { money: string; date: string; whole: string; required: string }) {
  const values: ActionValues = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    if (f.when && !f.when(texts)) {
      values[f.name] = null;
      continue;
    }
    const text = (texts[f.name] ?? '').trim();
    if (text === '') {
      values[f.name] = null;
      if (f.required) errors[f.name] = messages.required;
      continue;
    }
    if (f.kind === 'money') {
      const m = parseMoney(text);
      if (m === null) errors[f.name] = messages.money;
      values[f.name] = m;
    } else if (f.kind === 'date') {
      const d = parseDate(text);
      if (d === null) errors[f.name] = messages.date;
      values[f.name] = d;
    } else if (f.kind === 'whole') {
      if (!/^\d+$/.test(text)) errors[f.name] = messages.whole;
      values[f.name] = text;
    } else values[f.name] = text;
  }
  return { values, errors };
}

/**
 * The server's refusal placed on a form: each field error under the input `place` names for its
 * path (`input.amount` → `amount` by default), the rest (and a CONFLICT) in one message above.
 * `placedElsewhere`: some of the refusal's field errors are already shown on the form by other
 * means (e.g. on the cells of a grid), so the refusal's own message is not needed for them.
 */
export function placeErrors(error: Pick<ApiError, 'code' | 'message' | 'fieldErrors'>, place: (field: string) => string | undefined, conflictMessage: string, placedElsewhere = false) {
  const byField: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const fe of error.fieldErrors ?? []) {
    const name = place(fe.field);
    if (name !== undefined && !byField[name]) byField[name] = fe.message;
    else elsewhere.push(`${fe.field}: ${fe.message}`);
  }
  const unplaced = (Object.keys(byField).length === 0 && !placedElsewhere) || elsewhere.length > 0;
  const problem = error.code === 'CONFLICT' ? conflictMessage : unplaced ? [error.message, ...elsewhere].join(' · ') : null;
  return { byField, problem };
}

const initialText = (f: ActionField) => (f.initial == null ? '' : f.kind === 'date' ? formatDate(f.initial) : f.initial);

export interface ActionDialogProps {
  /** The button's text and the dialog's title. */
  label: string;
  title?: string;
  intro?: ReactNode;
  /** data-testid of the button; the dialog gets `${testId}-dialog`. */
  testId: string;
  mutation: string;
  fields: ActionField[];
  /** The mutation's variables from the parsed values. */
  variables: (values: ActionValues) => Record<string, unknown>;
  /** What the notification says when it worked. */
  done: string;
  disabled?: boolean;
  variant?: 'text' | 'outlined' | 'contained';
  color?: 'primary' | 'error' | 'success' | 'warning' | 'inherit';
  icon?: ReactNode;
  confirmLabel?: string;
  /** Which input a server field error belongs to, when its last part is not the input's name (e.g. `qualityMarks.1.points`). */
  fieldFor?: (serverField: string) => string | undefined;
  /**
   * Takes the server's field errors that the preview shows itself (e.g. on the cells of the grid
   * it edits), given the variables that were sent, and returns the rest, placed as usual.
   */
  claimFieldErrors?: (fieldErrors: FieldError[], sent: Record<string, unknown>) => FieldError[];
  /** Shown under the inputs, from what is typed so far (e.g. the fees an uplift would give). */
  preview?: (texts: Record<string, string>) => ReactNode;
  maxWidth?: 'sm' | 'md' | 'lg' | 'xl';
}

/**
 * A button that opens a small form and sends one action mutation (record an offer, approve an
 * invoice, award a round) with the version on screen. The server's field errors are shown under
 * the inputs they name, anything else (a CONFLICT, a rule) above them; on success everything
 * on screen is read again.
 */
export function ActionDialog(props: ActionDialogProps) {
  const { label, title, intro, testId, mutation, fields, variables, done, disabled, variant = 'outlined', color = 'primary', icon, confirmLabel, fieldFor, claimFieldErrors, preview, maxWidth = 'sm' } = props;
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const send = useApiMutation<unknown>(mutation);
  const queryClient = useQueryClient();

  const start = () => {
    setTexts(Object.fromEntries(fields.map((f) => [f.name, initialText(f)])));
    setErrors({});
    setProblem(null);
    setOpen(true);
  };

  const submit = async () => {
    const { values, errors: local } = parseValues(fields, texts, {
      money: translate('placewise.grid.enterMoney'),
      date: translate('placewise.grid.enterDate'),
      whole: translate('placewise.grid.enterWholeNumber'),
      required: translate('ra.validation.required'),
    });
    setErrors(local);
    setProblem(null);
    if (Object.keys(local).length) return;
    const sent = variables(values);
    try {
      await send.mutateAsync(sent);
      setOpen(false);
      notify(done, { type: 'success' });
    } catch (e) {
      const error = e as ApiError;
      const byName = (field: string) => {
        const name = fieldFor?.(field) ?? field.split('.').pop() ?? field;
        return fields.some((f) => f.name === name) ? name : undefined;
      };
      const all = error.fieldErrors ?? [];
      const rest = claimFieldErrors?.(all, sent) ?? all;
      const { byField, problem: unplaced } = placeErrors({ code: error.code, message: error.message, fieldErrors: rest }, byName, translate('placewise.actions.conflict'), rest.length < all.length);
      setErrors(byField);
      if (error.code === 'CONFLICT') void queryClient.invalidateQueries();
      setProblem(unplaced);
    }
  };

  return (
    <>
      <Button size="small" variant={variant} color={color} onClick={start} disabled={disabled} data-testid={testId} startIcon={icon}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => !send.isPending && setOpen(false)} maxWidth={maxWidth} fullWidth data-testid={`${testId}-dialog`}>
        <DialogTitle>{title ?? label}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {intro && <Typography variant="body2">{intro}</Typography>}
            {problem && (
              <Alert severity="error" data-testid="action-problem">
                {problem}
              </Alert>
            )}
            {fields.filter((f) => !f.when || f.when(texts)).map((f) => (
              <TextField
                key={f.name}
                name={f.name}
                label={f.label}
                required={f.required}
                value={texts[f.name] ?? ''}
                onChange={(event) => setTexts((t) => ({ ...t, [f.name]: event.target.value }))}
                error={Boolean(errors[f.name])}
                helperText={errors[f.name] ?? f.helperText ?? (f.kind === 'date' ? 'DD/MM/YYYY' : undefined)}
                select={f.kind === 'select'}
                multiline={f.kind === 'multiline'}
                minRows={f.kind === 'multiline' ? 2 : undefined}
                placeholder={f.kind === 'date' ? 'DD/MM/YYYY' : undefined}
                type={f.kind === 'whole' ? 'number' : undefined}
                size="small"
                fullWidth
                slotProps={{ htmlInput: { 'data-testid': `action-field-${f.name}` }, formHelperText: { 'data-testid': `action-error-${f.name}` } as object }}
              >
                {f.kind === 'select' &&
                  (f.options ?? []).map((o) => (
                    <MenuItem key={o.value} value={o.value}>
                      {o.label}
                    </MenuItem>
                  ))}
              </TextField>
            ))}
            {preview?.(texts)}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={send.isPending}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" onClick={submit} disabled={send.isPending} data-testid={`${testId}-confirm`}>
            {confirmLabel ?? label}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
