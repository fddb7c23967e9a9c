import { Box, Divider, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useApiQuery } from '../../api/useApi';
import { Figure } from '../../dashboard/DashboardCard';
import { formatDate, formatMoney } from '../../i18n/formats';
import { StartNegotiationButton } from '../../negotiation/NegotiationActions';
import { NegotiationPanel } from '../../negotiation/NegotiationPanel';
import { MARKET_RATE, WORKSPACE, type MarketRate, type NegotiationSubject, type WorkspaceContract } from '../../negotiation/queries';

/**
 * The negotiation workspace of a contract: the card rate and the market median for its placement
 * type, each negotiation's offer timeline and figures (from the API), and the actions to record an
 * offer, agree or abandon (or start a negotiation when none is open).
 */
export function NegotiationWorkspace() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { data } = useApiQuery<{ contract: WorkspaceContract | null }>('negotiationWorkspace', WORKSPACE, { id: record?.id }, Boolean(record?.id));
  const contract = data?.contract;
  const { data: marketData } = useApiQuery<{ marketRate: MarketRate }>('marketRate', MARKET_RATE, { placementType: contract?.placementType }, Boolean(contract?.placementType));
  if (!contract) return null;
  const market = marketData?.marketRate;
  const subject: NegotiationSubject = { reference: translate('placewise.workspace.contractSubject', { reference: contract.reference }), cardWeeklyFee: contract.cardWeeklyFee, start: { contractId: contract.id } };
  const negotiations = [...contract.negotiations].reverse();
  const hasOpen = negotiations.some((n) => n.status === 'OPEN');
  return (
    <Stack spacing={2} data-testid="negotiation-workspace" sx={{ width: '100%' }}>
      <Stack direction="row" spacing={5} sx={{ flexWrap: 'wrap', rowGap: 2, alignItems: 'flex-start' }}>
        <Figure label={translate('placewise.workspace.weeklyFee')} value={contract.weeklyFee ? formatMoney(contract.weeklyFee) : translate('placewise.workspace.none')} testId="contract-fee" />
        <Figure
          label={translate('placewise.workspace.cardRate')}
          value={contract.cardWeeklyFee ? formatMoney(contract.cardWeeklyFee) : translate('placewise.workspace.noCard')}
          testId="card-rate"
          detail={contract.placementType ? `${contract.placementType}${contract.needLevel ? ` · ${contract.needLevel.toLowerCase()}` : ''}` : undefined}
        />
        <Figure
          label={translate('placewise.workspace.marketMedian')}
          value={market?.median ? formatMoney(market.median) : translate('placewise.notKnown')}
          testId="market-median"
          detail={
            market && (
              <span data-testid="market-detail">
                {market.placements > 0
                  ? translate('placewise.workspace.marketDetail', {
                      smart_count: market.placements,
                      type: market.placementType,
                      date: formatDate(market.onDate),
                      lowest: formatMoney(market.lowest),
                      highest: formatMoney(market.highest),
                    })
                  : translate('placewise.workspace.marketNone', { type: market.placementType })}
              </span>
            )
          }
        />
        <Box sx={{ flex: 1 }} />
        {!hasOpen && <StartNegotiationButton subject={subject} />}
      </Stack>
      <Divider />
      {negotiations.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('placewise.workspace.noNegotiation')}
        </Typography>
      ) : (
        negotiations.map((n) => <NegotiationPanel key={n.id} negotiation={n} subject={subject} market={market} />)
      )}
    </Stack>
  );
}
