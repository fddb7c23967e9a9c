import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ActionDialog } from '../../actions/ActionDialog';
import { useCanAct } from '../../actions/useCanAct';
import { formatMoney } from '../../i18n/formats';
import { RecordBidButton } from './BidActions';
import { InviteDialog } from './InviteDialog';
import type { Round } from './roundQuery';

const ROUND_FIELDS = 'id version status';

/** A round's steps, each offered only where the lifecycle allows it: invite and open (draft), record a bid and close (open), award (closed), withdraw (until awarded). */
export function RoundActions({ round }: { round: Round }) {
  const translate = useTranslate();
  if (!useCanAct()) return null;
  const ids = { id: round.id, version: round.version };
  const ranked = round.evaluation.filter((e) => e.rank !== null);
  const bidOptions = round.evaluation.map((e) => ({
    value: e.bid.id,
    label: `${e.rank ?? '–'}. ${e.bid.provider.legalName} · ${formatMoney(e.amount)}${e.total ? ` · ${e.total}` : ''}`,
  }));
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
      {(round.status === 'DRAFT' || round.status === 'OPEN') && <InviteDialog round={round} />}
      {round.status === 'DRAFT' && (
        <ActionDialog
          label={translate('placewise.round.open')}
          testId="open-round"
          variant="contained"
          intro={translate('placewise.round.openIntro')}
          mutation={`mutation Open($id: ID!, $version: Int!) { openProcurementRound(id: $id, version: $version) { ${ROUND_FIELDS} } }`}
          fields={[]}
          done={translate('placewise.round.opened')}
          variables={() => ids}
        />
      )}
      {round.status === 'OPEN' && <RecordBidButton round={round} />}
      {round.status === 'OPEN' && (
        <ActionDialog
          label={translate('placewise.round.close')}
          testId="close-round"
          variant="contained"
          intro={translate('placewise.round.closeIntro')}
          mutation={`mutation Close($id: ID!, $version: Int!) { closeProcurementRound(id: $id, version: $version) { ${ROUND_FIELDS} } }`}
          fields={[]}
          done={translate('placewise.round.closed')}
          variables={() => ids}
        />
      )}
      {round.status === 'CLOSED' && (
        <ActionDialog
          label={translate('placewise.round.award')}
          testId="award-round"
          variant="contained"
          color="success"
          intro={translate('placewise.round.awardIntro')}
          mutation={`mutation Award($id: ID!, $version: Int!, $bidId: ID!, $contract: AwardContractInput!) {
            awardProcurementRound(id: $id, version: $version, bidId: $bidId, contract: $contract) { ${ROUND_FIELDS} contract { id reference } } }`}
          fields={[
            { name: 'bidId', label: translate('placewise.round.bid'), kind: 'select', required: true, initial: ranked[0]?.bid.id ?? null, options: bidOptions },
            { name: 'reference', label: translate('placewise.round.contractReference'), kind: 'text', required: true },
            { name: 'title', label: translate('placewise.round.contractTitle'), kind: 'text', initial: round.title },
            { name: 'startDate', label: translate('placewise.round.startDate'), kind: 'date', initial: round.startDate },
            { name: 'endDate', label: translate('placewise.round.endDate'), kind: 'date', initial: round.endDate },
            { name: 'feeAboveCardReason', label: translate('placewise.workspace.feeAboveCardReason'), kind: 'multiline' },
          ]}
          done={translate('placewise.round.awarded')}
          variables={(v) => ({
            ...ids,
            bidId: v.bidId,
            contract: { reference: v.reference, title: v.title, startDate: v.startDate, endDate: v.endDate, feeAboveCardReason: v.feeAboveCardReason },
          })}
        />
      )}
      {['DRAFT', 'OPEN', 'CLOSED'].includes(round.status) && (
        <ActionDialog
          label={translate('placewise.round.withdraw')}
          testId="withdraw-round"
          variant="text"
          color="error"
          mutation={`mutation Withdraw($id: ID!, $version: Int!, $reason: String!) { withdrawProcurementRound(id: $id, version: $version, reason: $reason) { ${ROUND_FIELDS} } }`}
          fields={[{ name: 'reason', label: translate('placewise.workspace.reason'), kind: 'multiline', required: true }]}
          done={translate('placewise.round.withdrawn')}
          variables={(v) => ({ ...ids, reason: v.reason })}
        />
      )}
    </Stack>
  );
}
