import { Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCreatePath, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useApiQuery } from '../api/useApi';
import { formatMoney } from '../i18n/formats';
import { formatMiles } from '../resources/distance';
import { DashboardCard } from './DashboardCard';

export interface CostlyPlacement {
  weeklyCost: string;
  placement: { id: string; reference: string | null; placementType: string; startDate: string; distanceMiles: number | null; provider: { legalName: string }; setting: { name: string } | null };
}

export const HIGHEST_COST = `query DashboardHighestCost {
  highestCostPlacements(first: 10) { weeklyCost placement { id reference placementType startDate distanceMiles provider { legalName } setting { name } } }
}`;

/** The ten placements costing most a week tonight (fee plus weekly services), highest first. */
export function HighestCostPlacements() {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data, isPending, error } = useApiQuery<{ highestCostPlacements: CostlyPlacement[] }>('highestCostPlacements', HIGHEST_COST);
  const rows = data?.highestCostPlacements ?? [];
  return (
    <DashboardCard title={translate('placewise.dashboard.highestTitle')} testId="dashboard-highest" loading={isPending} error={error}>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('placewise.show.none')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              {['reference', 'provider', 'placementType', 'distance', 'weeklyCost'].map((k) => (
                <TableCell key={k} align={k === 'weeklyCost' || k === 'distance' ? 'right' : 'left'} sx={{ fontWeight: 600 }}>
                  {translate(`placewise.dashboard.${k}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(({ placement: p, weeklyCost }) => (
              <TableRow key={p.id} data-testid="highest-row" data-id={p.id}>
                <TableCell>
                  <Link component={RouterLink} to={createPath({ resource: 'placements', id: p.id, type: 'show' })}>
                    {p.reference ?? p.id.slice(0, 8)}
                  </Link>
                </TableCell>
                <TableCell>{p.provider.legalName}</TableCell>
                <TableCell>{p.placementType}</TableCell>
                <TableCell align="right" data-field="distance">
                  {formatMiles(p.distanceMiles, translate('placewise.notKnown'))}
                </TableCell>
                <TableCell align="right" data-field="weeklyCost">
                  {formatMoney(weeklyCost)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </DashboardCard>
  );
}
