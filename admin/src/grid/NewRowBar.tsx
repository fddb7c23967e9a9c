import { Alert, Button, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';

interface Props {
  saving: boolean;
  /** What the server said about fields the grid does not show, or about the record as a whole. */
  message?: string;
  onSave: () => void;
  onCancel: () => void;
}

/** Above the grid while a row is being added: save it, or drop it. */
export function NewRowBar({ saving, message, onSave, onCancel }: Props) {
  const translate = useTranslate();
  return (
    <Alert
      severity={message ? 'error' : 'info'}
      sx={{ mb: 1 }}
      data-testid="new-row-bar"
      action={
        <Stack direction="row" spacing={1}>
          <Button size="small" color="inherit" onClick={onCancel} disabled={saving} data-testid="new-row-cancel">
            {translate('placewise.grid.paste.cancel')}
          </Button>
          <Button size="small" variant="contained" onClick={onSave} disabled={saving} data-testid="new-row-save" sx={{ whiteSpace: 'nowrap' }}>
            {translate('placewise.grid.newRow.save')}
          </Button>
        </Stack>
      }
    >
      {message ?? translate('placewise.grid.newRow.intro')}
    </Alert>
  );
}
