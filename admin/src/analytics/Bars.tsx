import { Box } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pounds, shortPounds } from '../dashboard/DashboardCard';
import { formatMoney } from '../i18n/formats';

/** One series of bars: its name, colour and each row's value as the API gives it (money or percent, a decimal string; null: no bar). */
export interface BarSeries<R> {
  name: string;
  colour: string;
  value: (row: R) => string | null;
}

interface Props<R> {
  rows: R[];
  label: (row: R) => string;
  series: BarSeries<R>[];
  /** Money (£ ticks, £1,234.56 in the tooltip) or a percent. */
  unit: 'money' | 'percent';
  testId?: string;
}

/** Horizontal bars, a row each, one bar per series: the API's exact strings turned into numbers for drawing only (the table shows them exactly). */
export function Bars<R>({ rows, label, series, unit, testId = 'bars-chart' }: Props<R>) {
  const data = rows.map((r) => ({ label: label(r), ...Object.fromEntries(series.map((s, i) => [`s${i}`, s.value(r) === null ? null : pounds(s.value(r)!)])), texts: series.map((s) => s.value(r)) }));
  const text = (v: string | null) => (v === null ? '' : unit === 'money' ? formatMoney(v) : `${v}%`);
  return (
    <Box sx={{ height: Math.max(160, 60 + rows.length * 26 * Math.max(1, series.length * 0.7)) }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, left: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={unit === 'money' ? shortPounds : (v: number) => `${v}%`} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(_v, _n, item) => text((item.payload as { texts: Array<string | null> }).texts[Number(String(item.dataKey).slice(1))])} />
          {series.length > 1 && <Legend />}
          {series.map((s, i) => (
            <Bar key={s.name} dataKey={`s${i}`} name={s.name} fill={s.colour} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
