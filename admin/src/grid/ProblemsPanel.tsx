import { Alert, AlertTitle, Button, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface Problem {
  rowId: string;
  field: string;
  rowLabel: string;
  columnLabel: string;
  kind: 'error' | 'conflict';
  message: string;
  mine?: string;
  theirs?: string;
}

interface Props {
  problems: Problem[];
  onKeepMine: (p: Problem) => void;
  onTakeTheirs: (p: Problem) => void;
  onDiscard: (p: Problem) => void;
}

/** Every change that is not saved yet, with the server's reason and what can be done: nothing typed is lost silently. */
export function ProblemsPanel({ problems, onKeepMine, onTakeTheirs, onDiscard }: Props) {
  const translate = useTranslate();
  if (!problems.length) return null;
  const empty = translate('placewise.grid.emptyValue');
  return (
    <Stack spacing={1} sx={{ mb: 1 }} data-testid="grid-problems">
      {problems.map((p) => (
        <Alert
          key={`${p.rowId}:${p.field}`}
          severity={p.kind === 'conflict' ? 'warning' : 'error'}
          data-testid="grid-problem"
          data-row-id={p.rowId}
          data-field={p.field}
          data-kind={p.kind}
          action={
            p.kind === 'conflict' ? (
              <Stack direction="row" spacing={1}>
                <Button size="small" variant="outlined" color="inherit" onClick={() => onKeepMine(p)} data-testid="keep-mine">
                  {translate('placewise.grid.keepMine')}
                </Button>
                <Button size="small" variant="outlined" color="inherit" onClick={() => onTakeTheirs(p)} data-testid="take-theirs">
                  {translate('placewise.grid.takeTheirs')}
                </Button>
              </Stack>
            ) : (
              <Button size="small" color="inherit" onClick={() => onDiscard(p)} data-testid="discard">
                {translate('placewise.grid.discard')}
              </Button>
            )
          }
        >
          <AlertTitle>
            {p.rowLabel} · {p.columnLabel}
          </AlertTitle>
          {p.kind === 'conflict' ? (
            <span data-testid="problem-message">
              {translate('placewise.grid.conflict', { theirs: p.theirs || empty, mine: p.mine || empty })}
            </span>
          ) : (
            <span data-testid="problem-message">{p.message}</span>
          )}
        </Alert>
      ))}
    </Stack>
  );
}
