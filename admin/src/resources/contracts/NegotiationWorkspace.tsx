import { Box, Card, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApiQuery } from '../../api/useApi';
import { Figure } from '../../dashboard/DashboardCard';
import { formatDate, formatMoney } from '../../i18n/formats';
import { NegotiationActions, StartNegotiationButton } from './NegotiationActions';
import { OfferTimeline } from './OfferTimeline';
import { MARKET_RATE, WORKSPACE, type MarketRate, type WorkspaceContract, type WorkspaceNegotiation } from './workspaceQuery';

/** The offers drawn against the card rate and the market median (drawing only: every figure shown as text is the API's). */
function OfferChart({ negotiation, cardRate, median }: { negotiation: WorkspaceNegotiation; cardRate: string | null; median: string | null }) {
  const translate = useTranslate();
  const data = [...negotiation.offers].sort((a, b) => a.sequence - b.sequence).map((o) => ({ n: `${o.sequence}`, amount: Number(o.amount) }));
  if (data.length === 0) return null;
  return (
    <Box sx={{ height: 200 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 16, right: 96, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="n" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => `£${v}`} tick={{ fontSize: 12 }} width={64} domain={['auto', 'auto']} />
          <Tooltip formatter={(value) => formatMoney(Number(value).toFixed(2))} labelFormatter={(n) => translate('placewise.workspace.offerNumber', { n })} />
          <Line type="stepAfter" dataKey="amount" stroke="#1976d2" strokeWidth={2} isAnimationActive={false} />
          {cardRate && <ReferenceLine y={Number(cardRate)} stroke="#2e7d32" strokeDasharray="6 3" label={{ value: translate('placewise.workspace.cardRate'), position: 'right', fontSize: 12 }} />}
          {median && <ReferenceLine y={Number(median)} stroke="#ef6c00" strokeDasharray="6 3" label={{ value: translate('placewise.workspace.marketMedian'), position: 'right', fontSize: 12 }} />}
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}

function NegotiationPanel({ negotiation, contract, market }: { negotiation: WorkspaceNegotiation; contract: WorkspaceContract; market: MarketRate | undefined }) {
  const translate = useTranslate();
  const money = (v: string | null) => (v === null ? translate('placewise.workspace.none') : formatMoney(v));
  const open = negotiation.status === 'OPEN';
  return (
    <Card variant="outlined" data-testid="negotiation" data-id={negotiation.id} data-status={negotiation.status}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate('placewise.workspace.negotiation')}
          </Typography>
          <Chip size="small" label={translate(`placewise.workspace.status.${negotiation.status}`)} color={open ? 'primary' : negotiation.status === 'AGREED' ? 'success' : 'default'} />
          {negotiation.closedOn && <Typography variant="body2" color="text.secondary">{formatDate(negotiation.closedOn)}</Typography>}
          <Box sx={{ flex: 1 }} />
          {open && <NegotiationActions negotiation={negotiation} contract={contract} />}
        </Stack>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
          <Box sx={{ minWidth: 300 }}>
            <OfferTimeline offers={negotiation.offers} agreed={negotiation.agreed} closedOn={negotiation.closedOn} />
            {negotiation.closingNote && (
              <Typography variant="caption" color="text.secondary">
                {negotiation.closingNote}
              </Typography>
            )}
          </Box>
          <Box sx={{ flex: 1 }}>
            <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
              <Figure label={translate(open ? 'placewise.workspace.onTheTable' : 'placewise.workspace.agreedFee')} value={money(negotiation.currentOffer)} testId="current-offer" />
              <Figure label={translate('placewise.workspace.firstAsk')} value={money(negotiation.firstAsk)} testId="first-ask" />
              <Figure label={translate('placewise.workspace.savingSoFar')} value={money(negotiation.savingSoFarPerWeek)} testId="saving-so-far" />
              {negotiation.status === 'AGREED' && (
                <>
                  <Figure
                    label={translate('placewise.workspace.projectedSaving', { weeks: negotiation.weeks ?? '' })}
                    value={money(negotiation.projectedSaving)}
                    testId="projected-saving"
                  />
                  <Figure label={translate('placewise.workspace.savingVsCard')} value={money(negotiation.savingVsCardRate)} testId="saving-vs-card" />
                </>
              )}
            </Stack>
            <OfferChart negotiation={negotiation} cardRate={contract.cardWeeklyFee} median={market?.median ?? null} />
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
}

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
        {!hasOpen && <StartNegotiationButton contract={contract} />}
      </Stack>
      <Divider />
      {negotiations.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('placewise.workspace.noNegotiation')}
        </Typography>
      ) : (
        negotiations.map((n) => <NegotiationPanel key={n.id} negotiation={n} contract={contract} market={market} />)
      )}
    </Stack>
  );
}
