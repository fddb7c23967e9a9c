import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApiQuery } from '../api/useApi';
import { formatMoney } from '../i18n/formats';
import { DashboardCard, pounds, shortPounds } from './DashboardCard';

export interface BudgetLine {
  category: string | null;
  budget: string;
  actual: string;
  committed: string;
  forecast: string;
  variance: string;
  variancePercent: string | null;
}

export const BUDGET_POSITION = `query DashboardBudget($financialYear: String!) {
  budgetPosition(financialYear: $financialYear) { financialYear lines { category budget actual committed forecast variance variancePercent } }
}`;

/** Spend against budget per Section 251 line this financial year, with the forecast outturn (actual + committed). */
export function SpendVersusBudget({ financialYear }: { financialYear: string }) {
  const translate = useTranslate();
  const { data, isPending, error } = useApiQuery<{ budgetPosition: { lines: BudgetLine[] } }>('budgetPosition', BUDGET_POSITION, { financialYear });
  const lines = data?.budgetPosition.lines ?? [];
  const category = (c: string | null) => (c ? translate(`placewise.dashboard.category.${c}`, { _: c }) : translate('placewise.dashboard.total'));
  const chart = lines
    .filter((l) => l.category !== null)
    .map((l) => ({ name: category(l.category), budget: pounds(l.budget), actual: pounds(l.actual), forecast: pounds(l.forecast) }));
  return (
    <DashboardCard title={translate('placewise.dashboard.spendTitle', { year: financialYear })} testId="dashboard-budget" loading={isPending} error={error}>
      {chart.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('placewise.dashboard.noBudget')}
        </Typography>
      ) : (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
          {/* Bars run across, one group per budget line, so long line names never overlap however many there are. */}
          <Box sx={{ height: 80 + chart.length * 56, flex: '1 1 420px', minWidth: 0 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={chart} layout="vertical" margin={{ top: 8, right: 16, left: 8, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <YAxis type="category" dataKey="name" tick={{ fontSize: 12 }} interval={0} width={170} />
                <XAxis type="number" tickFormatter={shortPounds} tick={{ fontSize: 12 }} />
                <Tooltip formatter={(value) => formatMoney(Number(value).toFixed(2))} />
                <Legend />
                <Bar dataKey="budget" name={translate('placewise.dashboard.budget')} fill="#90a4ae" isAnimationActive={false} />
                <Bar dataKey="actual" name={translate('placewise.dashboard.actual')} fill="#1976d2" isAnimationActive={false} />
                <Bar dataKey="forecast" name={translate('placewise.dashboard.forecast')} fill="#ef6c00" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </Box>
          <Table size="small" sx={{ flex: '1 1 560px', width: 'auto' }}>
            <TableHead>
              <TableRow>
                {['category', 'budget', 'actual', 'committed', 'forecast', 'variance'].map((k) => (
                  <TableCell key={k} align={k === 'category' ? 'left' : 'right'} sx={{ fontWeight: 600 }}>
                    {translate(`placewise.dashboard.${k === 'category' ? 'categoryHeading' : k}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {lines.map((l) => (
                <TableRow key={l.category ?? 'total'} data-testid="budget-row" data-category={l.category ?? 'TOTAL'} sx={l.category ? undefined : { '& td': { fontWeight: 600 } }}>
                  <TableCell>{category(l.category)}</TableCell>
                  {(['budget', 'actual', 'committed', 'forecast', 'variance'] as const).map((k) => (
                    <TableCell key={k} align="right" data-field={k}>
                      {formatMoney(l[k])}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </DashboardCard>
  );
}
