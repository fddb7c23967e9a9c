import { Box, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useCanAct } from '../../actions/useCanAct';
import { useApiQuery } from '../../api/useApi';
import { formatDateTime, formatMoney } from '../../i18n/formats';
import { formatMiles } from '../distance';
import { ScoreBidButton } from './BidActions';
import { EvaluationTable } from './EvaluationTable';
import { RoundActions } from './RoundActions';
import { ROUND, type Round } from './roundQuery';

/** A round from need to award: who is invited and how far away, the bids' evaluation with its arithmetic, and the next step. */
export function RoundWorkspace() {
  const record = useRecordContext();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const canAct = useCanAct();
  const { data } = useApiQuery<{ procurementRound: Round | null }>('roundWorkspace', ROUND, { id: record?.id }, Boolean(record?.id));
  const round = data?.procurementRound;
  if (!round) return null;
  // Bids are scored while the round is open or closed; once awarded or withdrawn the scores stand.
  const canScore = canAct && (round.status === 'OPEN' || round.status === 'CLOSED');
  return (
    <Stack spacing={3} data-testid="round-workspace" data-status={round.status} sx={{ width: '100%' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" data-testid="round-status">
          {translate(`placewise.round.status.${round.status}`)}
        </Typography>
        {round.contract && (
          <Typography variant="body2" data-testid="round-contract">
            {translate('placewise.round.contract')}{' '}
            <Link component={RouterLink} to={createPath({ resource: 'contracts', id: round.contract.id, type: 'show' })}>
              {round.contract.reference}
            </Link>
            {round.contract.weeklyFee && ` · ${formatMoney(round.contract.weeklyFee)}`}
          </Typography>
        )}
        <Box sx={{ flex: 1 }} />
        <RoundActions round={round} />
      </Stack>
      <Box>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {translate('placewise.round.invitations')}
        </Typography>
        {round.invitations.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('placewise.round.noInvitations')}
          </Typography>
        ) : (
          <Table size="small" sx={{ width: 'auto', minWidth: 480 }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ fontWeight: 600 }}>{translate('placewise.round.provider')}</TableCell>
                <TableCell sx={{ fontWeight: 600 }} align="right">{translate('placewise.round.distance')}</TableCell>
                <TableCell sx={{ fontWeight: 600 }}>{translate('placewise.round.invitedAt')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {round.invitations.map((i) => (
                <TableRow key={i.id} data-testid="invitation-row">
                  <TableCell>{i.provider.legalName}</TableCell>
                  <TableCell align="right" data-field="distance">{formatMiles(i.distanceMiles, translate('placewise.notKnown'))}</TableCell>
                  <TableCell>{formatDateTime(i.invitedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
      <Box>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {translate('placewise.round.evaluation', { quality: round.qualityWeight, price: round.priceWeight })}
        </Typography>
        <EvaluationTable round={round} action={canScore ? (row) => <ScoreBidButton round={round} row={row} /> : undefined} />
      </Box>
    </Stack>
  );
}
