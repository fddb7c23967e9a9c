import { Alert, Box, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { ApiError } from '../providers/apiError';

/** One widget of the dashboard: a titled card that shows its figures, a spinner while they load, or the API's message. */
export function DashboardCard({ title, testId, loading, error, children }: { title: string; testId: string; loading: boolean; error: ApiError | null; children: ReactNode }) {
  return (
    <Card variant="outlined" data-testid={testId} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {title}
        </Typography>
        {error ? (
          <Alert severity="error">{error.message}</Alert>
        ) : loading ? (
          <Box sx={{ display: 'flex', justifyContent: 'center', p: 3 }}>
            <CircularProgress size={24} />
          </Box>
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
}

/** A headline figure with its label; `testId` marks the figure for the browser tests. */
export function Figure({ label, value, testId, detail }: { label: string; value: string; testId: string; detail?: ReactNode }) {
  return (
    <Box>
      <Typography variant="h4" component="p" data-testid={testId} sx={{ fontWeight: 500 }}>
        {value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      {detail && (
        <Typography variant="caption" color="text.secondary" component="div">
          {detail}
        </Typography>
      )}
    </Box>
  );
}

/** "50.00" → "50.00%"; null → the text for "not known". */
export function percent(value: string | null | undefined, notKnown: string): string {
  return value === null || value === undefined ? notKnown : `${value}%`;
}

/** A money string as a number of pounds, for drawing only: every figure shown as text stays the exact string. */
export function pounds(value: string): number {
  return Number(value);
}

/** Axis ticks: 1250000 → "£1.3m", 45000 → "£45k". */
export function shortPounds(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `£${(value / 1_000_000).toFixed(1)}m`;
  if (abs >= 1_000) return `£${Math.round(value / 1_000)}k`;
  return `£${value}`;
}
