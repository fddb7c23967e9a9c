import { Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useApiMutation, useApiQuery } from '../../api/useApi';
import { formatMiles } from '../distance';
import { SUGGESTED, type Round } from './roundQuery';

const INVITE = `mutation Invite($roundId: ID!, $version: Int!, $providerIds: [ID!]!) { inviteProviders(roundId: $roundId, version: $version, providerIds: $providerIds) { id version } }`;

/** Invite eligible providers (suggestedProviders: active, the right service, no Inadequate setting, within the radius; not known distances last). */
export function InviteDialog({ round }: { round: Round }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const { data } = useApiQuery<{ suggestedProviders: Array<{ distanceMiles: number | null; provider: { id: string; legalName: string } }> }>('suggestedProviders', SUGGESTED, { id: round.id }, open);
  const invite = useApiMutation(INVITE);
  const invited = new Set(round.invitations.map((i) => i.provider.id));
  const suggestions = (data?.suggestedProviders ?? []).filter((s) => !invited.has(s.provider.id));
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const send = async () => {
    setProblem(null);
    try {
      await invite.mutateAsync({ roundId: round.id, version: round.version, providerIds: chosen });
      setOpen(false);
      notify(translate('placewise.round.invited', { smart_count: chosen.length }), { type: 'success' });
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  return (
    <>
      <Button size="small" variant="outlined" data-testid="invite-providers" onClick={() => (setChosen([]), setProblem(null), setOpen(true))}>
        {translate('placewise.round.invite')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth data-testid="invite-providers-dialog">
        <DialogTitle>{translate('placewise.round.invite')}</DialogTitle>
        <DialogContent>
          {problem && <Alert severity="error">{problem}</Alert>}
          {data && suggestions.length === 0 ? (
            <Typography variant="body2">{translate('placewise.round.noSuggestions')}</Typography>
          ) : (
            <Stack>
              {suggestions.map((s) => (
                <FormControlLabel
                  key={s.provider.id}
                  control={<Checkbox checked={chosen.includes(s.provider.id)} onChange={() => toggle(s.provider.id)} />}
                  label={`${s.provider.legalName} · ${formatMiles(s.distanceMiles, translate('placewise.notKnown'))}`}
                />
              ))}
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={chosen.length === 0 || invite.isPending} onClick={send} data-testid="invite-providers-confirm">
            {translate('placewise.round.inviteChosen', { smart_count: chosen.length })}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
