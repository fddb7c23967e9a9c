import { Box, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { todayIso, useApiQuery } from '../../api/useApi';
import { Figure } from '../../dashboard/DashboardCard';
import { financialYear, formatMoney } from '../../i18n/formats';

interface Spend {
  financialYear: string;
  livePlacements: number;
  costToDate: string;
  committed: string;
  forecast: string;
  invoices: number;
  invoiced: string;
  approved: string;
  paid: string;
  disputed: string;
}

export const PROVIDER_SPEND = `query ProviderSpend($providerId: ID!, $financialYear: String!) {
  providerSpend(providerId: $providerId, financialYear: $financialYear) { financialYear livePlacements costToDate committed forecast invoices invoiced approved paid disputed }
}`;

/** Spend with the provider this financial year, as providerSpend gives it: placement costs by the fee histories, and its invoices. */
export function ProviderSpendCard() {
  const record = useRecordContext();
  const translate = useTranslate();
  const year = financialYear(todayIso());
  const { data, error } = useApiQuery<{ providerSpend: Spend }>('providerSpend', PROVIDER_SPEND, { providerId: record?.id, financialYear: year }, Boolean(record?.id));
  const s = data?.providerSpend;
  if (error) return <Typography color="error">{error.message}</Typography>;
  if (!s) return null;
  const figures: Array<[keyof Spend, string]> = [
    ['costToDate', 'costToDate'],
    ['committed', 'committed'],
    ['forecast', 'forecast'],
    ['invoiced', 'invoiced'],
    ['approved', 'approved'],
    ['paid', 'paid'],
    ['disputed', 'disputed'],
  ];
  return (
    <Box data-testid="provider-spend" sx={{ mt: 3 }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {translate('placewise.provider.spendTitle', { year: s.financialYear, smart_count: s.livePlacements, invoices: s.invoices })}
      </Typography>
      <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
        {figures.map(([key, label]) => (
          <Figure key={key} label={translate(`placewise.provider.${label}`)} value={formatMoney(s[key] as string)} testId={`spend-${key}`} />
        ))}
      </Stack>
    </Box>
  );
}
