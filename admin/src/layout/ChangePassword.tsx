import PasswordIcon from '@mui/icons-material/Password';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, ListItemIcon, ListItemText, MenuItem, Stack, TextField } from '@mui/material';
import { forwardRef, useState } from 'react';
import { useNotify, useTranslate, useUserMenu } from 'react-admin';
import { toApiError, type ApiError } from '../providers/apiError';
import { graphqlRequest, readSession, SESSION_FIELDS, writeSession, type Session } from '../providers/session';

const CHANGE_PASSWORD = `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { ${SESSION_FIELDS} }
}`;

const FIELDS = ['currentPassword', 'newPassword', 'repeat'] as const;
type Field = (typeof FIELDS)[number];
const LABEL: Record<Field, string> = { currentPassword: 'current', newPassword: 'next', repeat: 'repeat' };

/** The user menu's "Change password": every other session of the person ends; this one carries on with the new session. */
export const ChangePasswordItem = forwardRef<HTMLLIElement>(function ChangePasswordItem(_props, ref) {
  const t = useTranslate();
  const notify = useNotify();
  const userMenu = useUserMenu();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', repeat: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [pending, setPending] = useState(false);
  const [other, setOther] = useState<string | null>(null);

  const close = () => {
    setOpen(false);
    setValues({ currentPassword: '', newPassword: '', repeat: '' });
    setProblems({});
    setOther(null);
    userMenu?.onClose();
  };
  // Not through react-query: the new session must be stored before anything on screen reads again, as the old tokens no longer work.
  const submit = async () => {
    if (values.newPassword !== values.repeat) return setProblems({ repeat: t('placewise.account.mismatch') });
    setPending(true);
    try {
      const data = await graphqlRequest<{ changePassword: Omit<Session, 'user'> }>(CHANGE_PASSWORD, { currentPassword: values.currentPassword, newPassword: values.newPassword });
      const session = readSession();
      if (session) writeSession({ ...data.changePassword, user: session.user });
      notify('placewise.account.changed', { type: 'success' });
      close();
    } catch (caught) {
      const error: ApiError = toApiError(caught);
      setProblems(Object.fromEntries((error.fieldErrors ?? []).map((f) => [f.field, f.message])));
      setOther(error.fieldErrors?.length ? null : error.message);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <MenuItem ref={ref} onClick={() => setOpen(true)} data-testid="change-password">
        <ListItemIcon>
          <PasswordIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{t('placewise.account.changePassword')}</ListItemText>
      </MenuItem>
      <Dialog open={open} onClose={close} maxWidth="xs" fullWidth data-testid="change-password-dialog">
        <DialogTitle>{t('placewise.account.changePassword')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {other && <Alert severity="error">{other}</Alert>}
            {FIELDS.map((field) => (
              <TextField
                key={field}
                type="password"
                label={t(`placewise.account.${LABEL[field]}`)}
                value={values[field]}
                onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
                error={!!problems[field]}
                helperText={problems[field] ?? (field === 'newPassword' ? t('placewise.account.rules') : undefined)}
                slotProps={{ htmlInput: { 'data-testid': `password-${field}`, autoComplete: field === 'currentPassword' ? 'current-password' : 'new-password' } }}
              />
            ))}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('placewise.account.cancel')}</Button>
          <Button variant="contained" onClick={() => void submit()} disabled={pending} data-testid="change-password-confirm">
            {t('placewise.account.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
});
