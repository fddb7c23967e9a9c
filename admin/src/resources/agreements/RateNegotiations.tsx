import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useApiQuery } from '../../api/useApi';
import { formatDate, formatMoney } from '../../i18n/formats';
import { StartNegotiationButton } from '../../negotiation/NegotiationActions';
import { NegotiationPanel } from '../../negotiation/NegotiationPanel';
import { MARKET_RATE, RATE_LINES, type MarketRate, type NegotiationSubject, type WorkspaceAgreement, type WorkspaceRateLine } from '../../negotiation/queries';

/** Rates are negotiated while the agreement is not yet in force (the API refuses otherwise). */
const NEGOTIABLE = new Set(['DRAFT', 'NEGOTIATING']);

function RateLineNegotiation({ line, agreement }: { line: WorkspaceRateLine; agreement: WorkspaceAgreement }) {
  const translate = useTranslate();
  const { data } = useApiQuery<{ marketRate: MarketRate }>('marketRate', MARKET_RATE, { placementType: line.placementType });
  const market = data?.marketRate;
  const label = `${line.placementType} · ${line.needLevel.toLowerCase()} · ${translate('placewise.workspace.ages', { min: line.minAge, max: line.maxAge })}`;
  const subject: NegotiationSubject = { reference: translate('placewise.workspace.rateLineSubject', { line: label, agreement: agreement.reference }), cardWeeklyFee: null, start: { rateLineId: line.id } };
  const negotiations = [...line.negotiations].reverse();
  const hasOpen = negotiations.some((n) => n.status === 'OPEN');
  return (
    <Card variant="outlined" data-testid="rate-line" data-id={line.id}>
      <CardContent>
        <Stack direction="row" spacing={3} sx={{ alignItems: 'center', mb: negotiations.length ? 2 : 0 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {label}
          </Typography>
          <Typography variant="body2" data-testid="rate-line-fee">
            {translate('placewise.workspace.rateFrom', { fee: formatMoney(line.weeklyFee), date: formatDate(line.effectiveFrom) })}
          </Typography>
          <Typography variant="body2" color="text.secondary" data-testid="rate-line-market">
            {translate('placewise.workspace.marketMedian')}: {market?.median ? formatMoney(market.median) : translate('placewise.notKnown')}
          </Typography>
          <Box sx={{ flex: 1 }} />
          {!hasOpen && NEGOTIABLE.has(agreement.status) && <StartNegotiationButton subject={subject} testId="start-rate-negotiation" />}
        </Stack>
        <Stack spacing={2}>
          {negotiations.map((n) => (
            <NegotiationPanel key={n.id} negotiation={n} subject={subject} market={market} />
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}

/** The rate card's lines with their negotiations: each line's fee, the market median for its type, the offers and the actions. */
export function RateNegotiations() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { data } = useApiQuery<{ agreement: WorkspaceAgreement | null }>('rateNegotiations', RATE_LINES, { id: record?.id }, Boolean(record?.id));
  const agreement = data?.agreement;
  if (!agreement) return null;
  return (
    <Stack spacing={2} data-testid="rate-negotiations" sx={{ width: '100%' }}>
      {!NEGOTIABLE.has(agreement.status) && (
        <Typography variant="body2" color="text.secondary">
          {translate('placewise.workspace.ratesInForce')}
        </Typography>
      )}
      {agreement.rateLines.map((line) => (
        <RateLineNegotiation key={line.id} line={line} agreement={agreement} />
      ))}
    </Stack>
  );
}
