import { Link, List, ListItem, ListItemText } from '@mui/material';
import { useCreatePath, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useApiQuery } from '../api/useApi';
import { formatDate } from '../i18n/formats';
import { DashboardCard, Figure } from './DashboardCard';

export const CONTRACTS_ENDING = `query DashboardContractsEnding {
  contracts(filter: { expiringWithinDays: 90 }, orderBy: [{ field: endDate }], first: 5) {
    totalCount nodes { id reference title endDate provider { legalName } }
  }
}`;

interface Ending {
  totalCount: number;
  nodes: Array<{ id: string; reference: string; title: string; endDate: string; provider: { legalName: string } }>;
}

/** Contracts still in force that end within 90 days: how many (counted by the server), the first to end, and a link to the full contract pipeline. */
export function ContractsEnding() {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data, isPending, error } = useApiQuery<{ contracts: Ending }>('contractsEnding', CONTRACTS_ENDING);
  const c = data?.contracts;
  return (
    <DashboardCard title={translate('placewise.dashboard.endingTitle')} testId="dashboard-ending" loading={isPending} error={error}>
      {c && (
        <>
          <Figure label={translate('placewise.dashboard.endingLabel')} value={String(c.totalCount)} testId="contracts-ending" />
          <List dense disablePadding>
            {c.nodes.map((n) => (
              <ListItem key={n.id} disableGutters data-testid="ending-row">
                <ListItemText
                  primary={
                    <Link component={RouterLink} to={createPath({ resource: 'contracts', id: n.id, type: 'show' })}>
                      {`${n.reference} · ${n.title}`}
                    </Link>
                  }
                  secondary={`${n.provider.legalName} · ${translate('placewise.dashboard.ends', { date: formatDate(n.endDate) })}`}
                />
              </ListItem>
            ))}
          </List>
          <Link component={RouterLink} to="/contract-pipeline" variant="body2" data-testid="pipeline-link">
            {translate('placewise.contractPipeline.dashboardLink')}
          </Link>
        </>
      )}
    </DashboardCard>
  );
}
