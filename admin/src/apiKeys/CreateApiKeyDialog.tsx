import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell, TableRow, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useApiMutation } from '../api/useApi';
import { formatDate, parseDate } from '../i18n/formats';
import type { ApiError } from '../providers/apiError';
import { aYearFromNow, accessByDomain, CREATE_API_KEY, DOMAINS, scopesOf, type Access, type CreatedKey, type Domain } from './apiKeyQueries';

const ACCESS: Access[] = ['NONE', 'READ', 'WRITE'];

/** The form of a new key: name, role, one access per domain and an expiry date; the server's field errors appear beside their inputs. */
export function CreateApiKeyDialog({ onCreated, onClose }: { onCreated: (created: CreatedKey) => void; onClose: () => void }) {
  const t = useTranslate();
  const [name, setName] = useState('');
  const [role, setRole] = useState<'SERVICE' | 'ANALYST'>('SERVICE');
  const [access, setAccess] = useState<Record<Domain, Access>>(() => accessByDomain([]));
  const [expires, setExpires] = useState(() => formatDate(aYearFromNow().toISOString()));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const create = useApiMutation<{ createApiKey: CreatedKey }>(CREATE_API_KEY);

  const submit = () => {
    const date = parseDate(expires);
    const scopes = scopesOf(access);
    const local: Record<string, string> = {};
    if (!date) local.expiresAt = t('placewise.apiKeys.form.badDate');
    if (!scopes.length) local.scopes = t('placewise.apiKeys.form.noScope');
    setProblems(local);
    if (Object.keys(local).length) return;
    create.mutate(
      { name, role, scopes, expiresAt: `${date}T23:59:59.000Z` },
      {
        onSuccess: (data) => onCreated(data.createApiKey),
        onError: (error: ApiError) => setProblems(Object.fromEntries((error.fieldErrors ?? []).map((f) => [f.field, f.message]))),
      },
    );
  };
  const setDomain = (domain: Domain, value: Access | null) => {
    // An ANALYST key reads only: its choices stop at READ.
    if (value) setAccess((a) => ({ ...a, [domain]: value }));
  };
  const other = create.error && !create.error.fieldErrors?.length ? create.error.message : null;

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="api-key-create-dialog">
      <DialogTitle>{t('placewise.apiKeys.form.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {other && <Alert severity="error">{other}</Alert>}
          <Stack direction="row" spacing={2}>
            <TextField label={t('placewise.apiKeys.form.name')} value={name} onChange={(e) => setName(e.target.value)} error={!!problems.name} helperText={problems.name ?? t('placewise.apiKeys.form.nameHelp')} sx={{ flex: 2 }} slotProps={{ htmlInput: { 'data-testid': 'api-key-name' } }} />
            <TextField select label={t('placewise.apiKeys.form.role')} value={role} onChange={(e) => setRole(e.target.value as 'SERVICE' | 'ANALYST')} error={!!problems.role} helperText={problems.role} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'data-testid': 'api-key-role' } }}>
              {(['SERVICE', 'ANALYST'] as const).map((r) => (
                <MenuItem key={r} value={r}>
                  {t(`placewise.apiKeys.role.${r}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField label={t('placewise.apiKeys.form.expiresAt')} value={expires} onChange={(e) => setExpires(e.target.value)} error={!!problems.expiresAt} helperText={problems.expiresAt ?? t('placewise.apiKeys.form.expiresHelp')} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'data-testid': 'api-key-expires' } }} />
          </Stack>
          <Typography variant="subtitle2">{t('placewise.apiKeys.form.scopes')}</Typography>
          {problems.scopes && <Alert severity="error" data-testid="api-key-scopes-error">{problems.scopes}</Alert>}
          <Table size="small">
            <TableBody>
              {DOMAINS.map((domain) => (
                <TableRow key={domain}>
                  <TableCell>{t(`placewise.apiKeys.domain.${domain}`)}</TableCell>
                  <TableCell align="right">
                    <ToggleButtonGroup exclusive size="small" value={access[domain]} onChange={(_e, value: Access | null) => setDomain(domain, value)}>
                      {ACCESS.map((a) => (
                        <ToggleButton key={a} value={a} disabled={role === 'ANALYST' && a === 'WRITE'} data-testid={`scope-${domain}-${a}`}>
                          {t(`placewise.apiKeys.access.${a}`)}
                        </ToggleButton>
                      ))}
                    </ToggleButtonGroup>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('placewise.apiKeys.cancel')}</Button>
        <Button variant="contained" onClick={submit} disabled={create.isPending} data-testid="api-key-create-confirm">
          {t('placewise.apiKeys.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
