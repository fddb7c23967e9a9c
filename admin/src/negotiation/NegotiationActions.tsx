import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ActionDialog, type ActionField } from '../actions/ActionDialog';
import { useCanAct } from '../actions/useCanAct';
import { todayIso } from '../api/useApi';
import { ABANDON, AGREE, RECORD_OFFER, START_NEGOTIATION, type NegotiationSubject, type WorkspaceNegotiation } from './queries';

function useOfferFields(defaultParty: 'PROVIDER' | 'AUTHORITY', amountRequired: boolean): ActionField[] {
  const translate = useTranslate();
  return [
    {
      name: 'party',
      label: translate('placewise.workspace.party'),
      kind: 'select',
      required: true,
      initial: defaultParty,
      options: (['PROVIDER', 'AUTHORITY'] as const).map((p) => ({ value: p, label: translate(`placewise.workspace.partyName.${p}`) })),
    },
    { name: 'amount', label: translate('placewise.workspace.amount'), kind: 'money', required: amountRequired },
    { name: 'offeredOn', label: translate('placewise.workspace.offeredOn'), kind: 'date', initial: todayIso() },
    { name: 'note', label: translate('placewise.workspace.note'), kind: 'multiline' },
  ];
}

/** Opens a negotiation on a contract or a rate line, with the provider's first ask when it is known. */
export function StartNegotiationButton({ subject, testId = 'start-negotiation' }: { subject: NegotiationSubject; testId?: string }) {
  const translate = useTranslate();
  const fields = useOfferFields('PROVIDER', false);
  if (!useCanAct()) return null;
  return (
    <ActionDialog
      label={translate('placewise.workspace.start')}
      testId={testId}
      mutation={START_NEGOTIATION}
      fields={fields}
      variant="contained"
      done={translate('placewise.workspace.started')}
      variables={(v) => ({
        input: { ...subject.start, firstOffer: v.amount ? { party: v.party, amount: v.amount, offeredOn: v.offeredOn, note: v.note } : null },
      })}
    />
  );
}

/** Record offer, agree and abandon for an open negotiation, each sent with the version on screen. */
export function NegotiationActions({ negotiation, subject }: { negotiation: WorkspaceNegotiation; subject: NegotiationSubject }) {
  const translate = useTranslate();
  const last = negotiation.offers[negotiation.offers.length - 1];
  const offerFields = useOfferFields(last?.party === 'PROVIDER' ? 'AUTHORITY' : 'PROVIDER', true);
  if (!useCanAct()) return null;
  const ids = { id: negotiation.id, version: negotiation.version };
  return (
    <Stack direction="row" spacing={1}>
      <ActionDialog
        label={translate('placewise.workspace.recordOffer')}
        testId="record-offer"
        mutation={RECORD_OFFER}
        fields={offerFields}
        done={translate('placewise.workspace.offerRecorded')}
        variables={(v) => ({ ...ids, input: { party: v.party, amount: v.amount, offeredOn: v.offeredOn, note: v.note } })}
      />
      <ActionDialog
        label={translate('placewise.workspace.agree')}
        testId="agree"
        color="success"
        variant="contained"
        mutation={AGREE}
        intro={translate('placewise.workspace.agreeIntro', { reference: subject.reference })}
        fields={[
          { name: 'amount', label: translate('placewise.workspace.agreedAmount'), kind: 'money', initial: negotiation.currentOffer, required: true },
          { name: 'note', label: translate('placewise.workspace.note'), kind: 'multiline' },
          ...(subject.cardWeeklyFee
            ? [{ name: 'feeAboveCardReason', label: translate('placewise.workspace.feeAboveCardReason'), kind: 'multiline' as const, helperText: translate('placewise.workspace.feeAboveCardHelp') }]
            : []),
        ]}
        done={translate('placewise.workspace.agreedDone')}
        variables={(v) => ({ ...ids, amount: v.amount, note: v.note, feeAboveCardReason: v.feeAboveCardReason ?? null })}
      />
      <ActionDialog
        label={translate('placewise.workspace.abandon')}
        testId="abandon"
        color="error"
        variant="text"
        mutation={ABANDON}
        fields={[{ name: 'reason', label: translate('placewise.workspace.reason'), kind: 'multiline', required: true }]}
        done={translate('placewise.workspace.abandoned')}
        variables={(v) => ({ ...ids, reason: v.reason })}
      />
    </Stack>
  );
}
