import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useApiQuery } from '../api/useApi';
import { formatMoney } from '../i18n/formats';
import { DashboardCard, Figure } from './DashboardCard';

export interface Savings {
  negotiationsAgreed: number;
  savingPerWeek: string;
  savingVsCardRatePerWeek: string;
  projectedSaving: string;
}

export const SAVINGS = `query DashboardSavings($financialYear: String!) {
  savingsSummary(financialYear: $financialYear) { negotiationsAgreed savingPerWeek savingVsCardRatePerWeek projectedSaving }
}`;

/** What the negotiations agreed this financial year saved: over the contracts' terms, per week, and against card rates. */
export function SavingsCard({ financialYear }: { financialYear: string }) {
  const translate = useTranslate();
  const { data, isPending, error } = useApiQuery<{ savingsSummary: Savings }>('savingsSummary', SAVINGS, { financialYear });
  const s = data?.savingsSummary;
  return (
    <DashboardCard title={translate('placewise.dashboard.savingsTitle', { year: financialYear })} testId="dashboard-savings" loading={isPending} error={error}>
      {s && (
        <Stack spacing={1.5}>
          <Figure
            label={translate('placewise.dashboard.projectedSaving')}
            value={formatMoney(s.projectedSaving)}
            testId="projected-saving"
            detail={translate('placewise.dashboard.negotiationsAgreed', { smart_count: s.negotiationsAgreed })}
          />
          <Stack direction="row" spacing={4}>
            <Figure label={translate('placewise.dashboard.savingPerWeek')} value={formatMoney(s.savingPerWeek)} testId="saving-per-week" />
            <Figure label={translate('placewise.dashboard.savingVsCard')} value={formatMoney(s.savingVsCardRatePerWeek)} testId="saving-vs-card" />
          </Stack>
        </Stack>
      )}
    </DashboardCard>
  );
}
