import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, usePermissions, useTranslate } from 'react-admin';
import { useApiMutation, useApiQuery } from '../api/useApi';
import { formatDate, formatDateTime } from '../i18n/formats';
import type { Role } from '../providers/session';
import { accessByDomain, API_KEYS, aYearFromNow, DOMAINS, REVOKE_API_KEY, ROTATE_API_KEY, type ApiKeyRow, type CreatedKey } from './apiKeyQueries';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';
import { SecretDialog } from './SecretDialog';

const STATUS_COLOUR = { ACTIVE: 'success', EXPIRED: 'warning', REVOKED: 'default' } as const;

function Scopes({ row }: { row: ApiKeyRow }) {
  const t = useTranslate();
  const access = accessByDomain(row.scopes);
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {DOMAINS.filter((d) => access[d] !== 'NONE').map((d) => (
        <Chip key={d} size="small" variant={access[d] === 'WRITE' ? 'filled' : 'outlined'} label={`${t(`placewise.apiKeys.domain.${d}`)}: ${t(`placewise.apiKeys.access.${access[d]}`)}`} />
      ))}
    </Stack>
  );
}

type Confirming = { kind: 'rotate' | 'revoke'; row: ApiKeyRow } | null;

/** API keys (administrators only): the list without secrets, creating a key (its secret shown once), rotating and revoking. */
export function ApiKeysPage() {
  const t = useTranslate();
  const notify = useNotify();
  const { permissions, isPending } = usePermissions<Role>();
  const isAdmin = permissions === 'ADMIN';
  const keys = useApiQuery<{ apiKeys: ApiKeyRow[] }>('apiKeys', API_KEYS, {}, isAdmin);
  const rotate = useApiMutation<{ rotateApiKey: CreatedKey }>(ROTATE_API_KEY);
  const revoke = useApiMutation(REVOKE_API_KEY);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<CreatedKey | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);

  if (isPending) return null;
  if (!isAdmin) return <Alert severity="warning" sx={{ m: 2 }} data-testid="api-keys-forbidden">{t('placewise.apiKeys.forbidden')}</Alert>;

  const confirm = () => {
    if (!confirming) return;
    const { kind, row } = confirming;
    setConfirming(null);
    const onError = (error: Error) => notify(error.message, { type: 'error' });
    if (kind === 'rotate') {
      const expiresAt = row.status === 'EXPIRED' ? aYearFromNow().toISOString() : null;
      rotate.mutate({ id: row.id, expiresAt }, { onSuccess: (data) => (setSecret(data.rotateApiKey), notify('placewise.apiKeys.rotated')), onError });
    } else revoke.mutate({ id: row.id }, { onSuccess: () => notify('placewise.apiKeys.revoked'), onError });
  };
  const rows = keys.data?.apiKeys ?? [];
  const col = (name: string) => t(`placewise.apiKeys.col.${name}`);

  return (
    <Box sx={{ p: 2 }} data-testid="api-keys-page">
      <Title title={t('placewise.apiKeys.title')} />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'flex-start' }}>
        <Typography variant="body2" sx={{ flex: 1, maxWidth: 900 }}>{t('placewise.apiKeys.about')}</Typography>
        <Button variant="contained" onClick={() => setCreating(true)} data-testid="api-key-create">{t('placewise.apiKeys.create')}</Button>
      </Stack>
      {keys.error && <Alert severity="error">{keys.error.message}</Alert>}
      <Paper variant="outlined">
        <Table size="small" data-testid="api-keys-table">
          <TableHead>
            <TableRow>
              {['name', 'role', 'scopes', 'status', 'expiresAt', 'lastUsedAt', 'createdAt', 'actions'].map((c) => <TableCell key={c}>{col(c)}</TableCell>)}
            </TableRow>
          </TableHead>
          <TableBody>
            {!rows.length && !keys.isLoading && (
              <TableRow><TableCell colSpan={8}>{t('placewise.apiKeys.empty')}</TableCell></TableRow>
            )}
            {rows.map((row) => (
              <TableRow key={row.id} data-testid={`api-key-row-${row.name}`}>
                <TableCell>{row.name}</TableCell>
                <TableCell>{row.role}</TableCell>
                <TableCell><Scopes row={row} /></TableCell>
                <TableCell><Chip size="small" color={STATUS_COLOUR[row.status]} label={t(`placewise.apiKeys.status.${row.status}`)} data-testid="api-key-status" /></TableCell>
                <TableCell>{formatDate(row.expiresAt)}</TableCell>
                <TableCell>{row.lastUsedAt ? formatDateTime(row.lastUsedAt) : t('placewise.apiKeys.never')}</TableCell>
                <TableCell>{formatDate(row.createdAt)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {row.status !== 'REVOKED' && (
                    <>
                      <Button size="small" onClick={() => setConfirming({ kind: 'rotate', row })} data-testid="api-key-rotate">{t('placewise.apiKeys.rotate')}</Button>
                      <Button size="small" color="error" onClick={() => setConfirming({ kind: 'revoke', row })} data-testid="api-key-revoke">{t('placewise.apiKeys.revoke')}</Button>
                    </>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {creating && <CreateApiKeyDialog onClose={() => setCreating(false)} onCreated={(created) => (setCreating(false), setSecret(created))} />}
      {secret && <SecretDialog created={secret} onClose={() => setSecret(null)} />}
      {confirming && (
        <Dialog open onClose={() => setConfirming(null)} data-testid="api-key-confirm-dialog">
          <DialogTitle>{t(`placewise.apiKeys.${confirming.kind}Confirm.title`, { name: confirming.row.name })}</DialogTitle>
          <DialogContent>{t(`placewise.apiKeys.${confirming.kind}Confirm.content`)}</DialogContent>
          <DialogActions>
            <Button onClick={() => setConfirming(null)}>{t('placewise.apiKeys.cancel')}</Button>
            <Button variant="contained" color={confirming.kind === 'revoke' ? 'error' : 'primary'} onClick={confirm} data-testid="api-key-confirm">
              {t(`placewise.apiKeys.${confirming.kind}`)}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Box>
  );
}
