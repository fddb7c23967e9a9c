import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useApiQuery } from '../../api/useApi';
import { Figure } from '../../dashboard/DashboardCard';
import { EmbeddedTable } from '../../forms/GenericShow';
import { formatMoney } from '../../i18n/formats';
import { InvoiceLineState, linePeriod, RecordLink, type InvoiceLineRow } from '../invoices/InvoiceLineState';

interface Spend {
  expected: string;
  invoiced: string;
  approved: string;
  paid: string;
  disputed: string;
  variance: string;
}

export const PLACEMENT_SPEND = `query PlacementSpend($placementId: ID!) {
  placementSpend(placementId: $placementId) { expected invoiced approved paid disputed variance }
}`;

/** The placement's money as placementSpend gives it (cost to date by the fee history, and its invoices), with the committed cost. */
export function PlacementSpendFigures() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { data, error } = useApiQuery<{ placementSpend: Spend | null }>('placementSpend', PLACEMENT_SPEND, { placementId: record?.id }, Boolean(record?.id));
  const s = data?.placementSpend;
  if (error) return <Typography color="error">{error.message}</Typography>;
  if (!s || !record) return null;
  const t = (key: string) => translate(`placewise.placementSpend.${key}`);
  const figures: Array<[string, string]> = [
    ['costToDate', s.expected],
    ['committed', record.committedCost],
    ['invoiced', s.invoiced],
    ['approved', s.approved],
    ['paid', s.paid],
    ['disputed', s.disputed],
    ['variance', s.variance],
  ];
  return (
    <Box data-testid="placement-spend" sx={{ mt: 3 }}>
      <Typography variant="h6" sx={{ mb: 1 }}>
        {t('title')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4, rowGap: 2 }}>
        {figures.map(([key, value]) => (
          <Figure key={key} label={t(key)} value={formatMoney(value)} testId={`placement-spend-${key}`} />
        ))}
      </Box>
    </Box>
  );
}

/** The invoice lines for the placement's nights: which invoice, the period, invoiced against expected, and the matching state. */
export function PlacementInvoiceLines() {
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <EmbeddedTable
        source="invoiceLines"
        columns={[
          { key: 'invoice', render: (row) => <RecordLink resource="invoices" record={row.invoice} label={row.invoice?.reference ?? ''} /> },
          { key: 'period', render: linePeriod },
          'nights',
          'expectedAmount',
          'amount',
          'difference',
          { key: 'status', render: (row) => <InvoiceLineState line={row as InvoiceLineRow} /> },
        ]}
      />
    </Box>
  );
}
