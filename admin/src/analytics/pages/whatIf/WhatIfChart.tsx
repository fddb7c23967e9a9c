import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pounds, shortPounds } from '../../../dashboard/DashboardCard';
import { formatMoney } from '../../../i18n/formats';
import type { WhatIfMonth } from './whatIfQuery';

/** The base and the scenario's cumulative forecast month by month, and the year's budget, on one chart (numbers for drawing only). */
export function WhatIfChart({ base, scenario }: { base: WhatIfMonth[]; scenario: WhatIfMonth[] }) {
  const translate = useTranslate();
  const data = base.map((m, i) => ({
    month: m.month,
    base: pounds(m.cumulativeForecast),
    scenario: pounds(scenario[i]?.cumulativeForecast ?? m.cumulativeForecast),
    budget: pounds(m.budget),
  }));
  return (
    <Box sx={{ height: 320 }} data-testid="whatif-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, left: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} tickFormatter={(m: string) => `${m.slice(5)}/${m.slice(2, 4)}`} />
          <YAxis tickFormatter={shortPounds} tick={{ fontSize: 12 }} width={64} />
          <Tooltip formatter={(value) => formatMoney(Number(value).toFixed(2))} />
          <Legend />
          <Line type="monotone" dataKey="base" name={translate('placewise.whatIf.base')} stroke="#1565c0" strokeWidth={2} isAnimationActive={false} />
          <Line type="monotone" dataKey="scenario" name={translate('placewise.whatIf.scenario')} stroke="#ef6c00" strokeWidth={2} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="budget" name={translate('placewise.whatIf.budget')} stroke="#c62828" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}
