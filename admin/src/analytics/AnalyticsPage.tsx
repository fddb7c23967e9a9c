import { Alert, Box, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Title } from 'react-admin';
import type { ApiError } from '../providers/apiError';

interface Props {
  /** Marks the page for the browser tests (data-testid="analytics-<name>"). */
  name: string;
  title: string;
  /** A sentence saying what the figures are and how they are worked out. */
  description?: ReactNode;
  /** The filters row: dates, toggles, choices. */
  filters?: ReactNode;
  /** Tabs between views of the page, under the filters (the chart and tables below follow the tab). */
  tabs?: ReactNode;
  /** The chart above the tables. */
  chart?: ReactNode;
  loading?: boolean;
  error?: ApiError | null;
  children?: ReactNode;
}

/**
 * The frame of an analytics page: title, what the figures mean, a filters row, a chart and the
 * tables (AnalyticsTable). Every figure on it comes from a server aggregate: the page only shows them.
 */
export function AnalyticsPage({ name, title, description, filters, tabs, chart, loading, error, children }: Props) {
  return (
    <Box data-testid={`analytics-${name}`} sx={{ p: 2 }}>
      <Title title={title} />
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {description && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 960 }}>
          {description}
        </Typography>
      )}
      {filters && (
        <Box data-testid="analytics-filters" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mb: 2 }}>
          {filters}
        </Box>
      )}
      {tabs && <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>{tabs}</Box>}
      {error ? (
        <Alert severity="error" data-testid="analytics-error">
          {error.message}
        </Alert>
      ) : loading ? (
        <Box sx={{ display: 'flex', justifyContent: 'center', p: 4 }}>
          <CircularProgress size={28} />
        </Box>
      ) : (
        <>
          {chart && (
            <Card variant="outlined" sx={{ mb: 2 }} data-testid="analytics-chart">
              <CardContent>{chart}</CardContent>
            </Card>
          )}
          {children}
        </>
      )}
    </Box>
  );
}
