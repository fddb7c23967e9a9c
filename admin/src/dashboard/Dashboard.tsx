import { Box } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { todayIso } from '../api/useApi';
import { financialYear } from '../i18n/formats';
import { CareSnapshotCard } from './CareSnapshotCard';
import { CareTrendChart } from './CareTrendChart';
import { ContractsEnding } from './ContractsEnding';
import { HighestCostPlacements } from './HighestCostPlacements';
import { SavingsCard } from './SavingsCard';
import { SpendVersusBudget } from './SpendVersusBudget';

/**
 * The commissioning manager's home page. Every figure is a server aggregate (budgetPosition,
 * careTrend, careSnapshot, highestCostPlacements, contracts ending within 90 days, savingsSummary),
 * shown as the API gives it: nothing is added up in the browser.
 */
export function Dashboard() {
  const translate = useTranslate();
  const today = todayIso();
  const year = financialYear(today);
  return (
    <Box data-testid="dashboard" sx={{ p: 2, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'repeat(12, 1fr)' } }}>
      <Title title={translate('placewise.dashboard.title')} />
      <Box sx={{ gridColumn: { lg: 'span 4' } }}>
        <CareSnapshotCard />
      </Box>
      <Box sx={{ gridColumn: { lg: 'span 4' } }}>
        <SavingsCard financialYear={year} />
      </Box>
      <Box sx={{ gridColumn: { lg: 'span 4' } }}>
        <ContractsEnding />
      </Box>
      <Box sx={{ gridColumn: { lg: 'span 12' } }}>
        <SpendVersusBudget financialYear={year} />
      </Box>
      <Box sx={{ gridColumn: { lg: 'span 5' } }}>
        <CareTrendChart today={today} />
      </Box>
      <Box sx={{ gridColumn: { lg: 'span 7' } }}>
        <HighestCostPlacements />
      </Box>
    </Box>
  );
}
