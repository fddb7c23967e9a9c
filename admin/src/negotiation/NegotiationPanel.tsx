import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Figure } from '../dashboard/DashboardCard';
import { formatDate, formatMoney } from '../i18n/formats';
import { NegotiationActions } from './NegotiationActions';
import { OfferTimeline } from './OfferTimeline';
import type { MarketRate, NegotiationSubject, WorkspaceNegotiation } from './queries';

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
          {cardRate && <ReferenceLine y={Number(cardRate)} ifOverflow="extendDomain" stroke="#2e7d32" strokeDasharray="6 3" label={{ value: translate('placewise.workspace.cardRate'), position: 'right', fontSize: 12 }} />}
          {median && <ReferenceLine y={Number(median)} ifOverflow="extendDomain" stroke="#ef6c00" strokeDasharray="6 3" label={{ value: translate('placewise.workspace.marketMedian'), position: 'right', fontSize: 12 }} />}
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}

/** One negotiation: its offer timeline, the figures the API gives for it, a chart of the offers against the card rate and market median, and its actions while open. */
export function NegotiationPanel({ negotiation, subject, market }: { negotiation: WorkspaceNegotiation; subject: NegotiationSubject; market: MarketRate | undefined }) {
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
          {open && <NegotiationActions negotiation={negotiation} subject={subject} />}
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
              {negotiation.projectedSaving !== null && (
                <Figure
                  label={translate('placewise.workspace.projectedSaving', { weeks: negotiation.weeks ?? '' })}
                  value={money(negotiation.projectedSaving)}
                  testId="projected-saving"
                />
              )}
              {negotiation.savingVsCardRate !== null && (
                <Figure label={translate('placewise.workspace.savingVsCard')} value={money(negotiation.savingVsCardRate)} testId="saving-vs-card" />
              )}
            </Stack>
            <OfferChart negotiation={negotiation} cardRate={subject.cardWeeklyFee} median={market?.median ?? null} />
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
}
