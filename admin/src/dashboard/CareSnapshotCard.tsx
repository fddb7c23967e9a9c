import { Box, Stack, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useApiQuery } from '../api/useApi';
import { formatDate } from '../i18n/formats';
import { DashboardCard, Figure, percent } from './DashboardCard';

export interface CareSnapshot {
  onDate: string;
  childrenInCare: number;
  byGroup: Array<{ group: string; children: number; percent: string }>;
  over20Miles: number;
  within20Miles: number;
  distanceNotKnown: number;
  percentOver20Miles: string | null;
}

export const CARE_SNAPSHOT = `query DashboardSnapshot {
  careSnapshot { onDate childrenInCare byGroup { group children percent } over20Miles within20Miles distanceNotKnown percentOver20Miles }
}`;

/** Children in care tonight, the mix of care, and the share placed over 20 miles from home with "not known" counted apart. */
export function CareSnapshotCard() {
  const translate = useTranslate();
  const { data, isPending, error } = useApiQuery<{ careSnapshot: CareSnapshot }>('careSnapshot', CARE_SNAPSHOT);
  const s = data?.careSnapshot;
  const notKnown = translate('placewise.notKnown');
  return (
    <DashboardCard title={translate('placewise.dashboard.snapshotTitle', { date: s ? formatDate(s.onDate) : '' })} testId="dashboard-snapshot" loading={isPending} error={error}>
      {s && (
        <Stack spacing={2}>
          <Stack direction="row" spacing={4}>
            <Figure label={translate('placewise.dashboard.childrenInCare')} value={String(s.childrenInCare)} testId="children-in-care" />
            <Figure
              label={translate('placewise.dashboard.over20Miles')}
              value={percent(s.percentOver20Miles, notKnown)}
              testId="percent-over-20-miles"
              detail={
                <Box component="span" data-testid="distance-counts">
                  {translate('placewise.dashboard.distanceCounts', { over: s.over20Miles, within: s.within20Miles, notKnown: s.distanceNotKnown })}
                </Box>
              }
            />
          </Stack>
          <Table size="small" sx={{ width: 'auto' }}>
            <TableBody>
              {s.byGroup.map((g) => (
                <TableRow key={g.group} data-testid="group-row" data-group={g.group}>
                  <TableCell>{translate(`placewise.dashboard.group.${g.group}`, { _: g.group })}</TableCell>
                  <TableCell align="right" data-field="children">
                    {g.children}
                  </TableCell>
                  <TableCell align="right" data-field="percent">
                    {percent(g.percent, notKnown)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Stack>
      )}
    </DashboardCard>
  );
}
