import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { CreatedKey } from './apiKeyQueries';

/** The secret of a key just created or rotated: shown this once, with a copy button. */
export function SecretDialog({ created, onClose }: { created: CreatedKey; onClose: () => void }) {
  const t = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(created.secret).then(() => setCopied(true), () => undefined);
  };
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="api-key-secret-dialog">
      <DialogTitle>{t('placewise.apiKeys.secret.title', { name: created.key.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="warning">{t('placewise.apiKeys.secret.warning')}</Alert>
          <TextField value={created.secret} fullWidth slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'api-key-secret', style: { fontFamily: 'monospace' } } }} onFocus={(e) => e.target.select()} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={copy} data-testid="api-key-copy">{t(copied ? 'placewise.apiKeys.copied' : 'placewise.apiKeys.copy')}</Button>
        <Button variant="contained" onClick={onClose} data-testid="api-key-secret-done">
          {t('placewise.apiKeys.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
