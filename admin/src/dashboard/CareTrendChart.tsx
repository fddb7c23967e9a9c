import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApiQuery } from '../api/useApi';
import { formatDate } from '../i18n/formats';
import { DashboardCard } from './DashboardCard';

interface TrendPoint {
  onDate: string;
  childrenInCare: number;
  inHouseFostering: number;
  ifaFostering: number;
  residential: number;
}

export const CARE_TREND = `query DashboardTrend($from: Date!, $to: Date!) {
  careTrend(from: $from, to: $to) { onDate childrenInCare inHouseFostering ifaFostering residential }
}`;

/** The first of the month `months` months before the month of `today`. */
export function monthsBefore(today: string, months: number): string {
  const [y, m] = today.split('-').map(Number);
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Children in care on the first of each month over two years (the line), and the mix beneath it: in-house fostering, agency (IFA) fostering, residential (stacked). */
export function CareTrendChart({ today }: { today: string }) {
  const translate = useTranslate();
  const variables = { from: monthsBefore(today, 23), to: today };
  const { data, isPending, error } = useApiQuery<{ careTrend: TrendPoint[] }>('careTrend', CARE_TREND, variables);
  const points = data?.careTrend ?? [];
  const latest = points[points.length - 1];
  const chart = points.map((p) => ({ month: p.onDate.slice(0, 7), inHouse: p.inHouseFostering, ifa: p.ifaFostering, residential: p.residential, all: p.childrenInCare }));
  return (
    <DashboardCard title={translate('placewise.dashboard.trendTitle')} testId="dashboard-trend" loading={isPending} error={error}>
      <Box sx={{ height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={chart} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" tick={{ fontSize: 12 }} tickFormatter={(m: string) => `${m.slice(5)}/${m.slice(2, 4)}`} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
            <Tooltip />
            <Legend />
            <Area type="monotone" stackId="mix" dataKey="inHouse" name={translate('placewise.dashboard.inHouse')} stroke="#2e7d32" fill="#a5d6a7" isAnimationActive={false} />
            <Area type="monotone" stackId="mix" dataKey="ifa" name={translate('placewise.dashboard.ifa')} stroke="#1565c0" fill="#90caf9" isAnimationActive={false} />
            <Area type="monotone" stackId="mix" dataKey="residential" name={translate('placewise.dashboard.residential')} stroke="#ef6c00" fill="#ffcc80" isAnimationActive={false} />
            <Line type="monotone" dataKey="all" name={translate('placewise.dashboard.childrenInCare')} stroke="#212121" strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </Box>
      {latest && (
        <Typography variant="body2" data-testid="trend-latest">
          {translate('placewise.dashboard.trendLatest', {
            date: formatDate(latest.onDate),
            children: latest.childrenInCare,
            inHouse: latest.inHouseFostering,
            ifa: latest.ifaFostering,
            residential: latest.residential,
          })}
        </Typography>
      )}
    </DashboardCard>
  );
}
