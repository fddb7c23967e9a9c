import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { todayIso, useApiQuery } from '../../api/useApi';
import { GenericShow } from '../../forms/GenericShow';
import { humanizeCode } from '../../grid/columns';
import { financialYear, formatDate, formatMoney } from '../../i18n/formats';

export const CARE_COSTS = `query CareCosts($childId: ID!, $from: Date!, $to: Date!) {
  careCosts(childId: $childId, from: $from, to: $to) {
    from to placements transport contact total
    lines { id source reference amount }
  }
}`;

interface CareCostsResult {
  careCosts: {
    from: string;
    to: string;
    placements: string;
    transport: string;
    contact: string;
    total: string;
    lines: Array<{ id: string; source: string; reference: string | null; amount: string }>;
  } | null;
}

/** The financial year (1 April to 31 March) of a day: its first day and the day after its last. */
export function yearBounds(day: string): { from: string; to: string; label: string } {
  const label = financialYear(day);
  const start = Number(label.slice(0, 4));
  return { from: `${start}-04-01`, to: `${start + 1}-04-01`, label };
}

/** What the child's care costs this financial year: placements, transport and contact, and each line, from `careCosts`. */
export function CareCosts() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { from, to, label } = yearBounds(todayIso());
  const { data, error } = useApiQuery<CareCostsResult>('careCosts', CARE_COSTS, { childId: record?.id, from, to }, Boolean(record?.id));
  if (!record) return null;
  const costs = data?.careCosts;
  const figure = (key: 'placements' | 'transport' | 'contact' | 'total', text: string) => (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {text}
      </Typography>
      <Typography variant="h6" data-testid={`care-cost-${key}`}>
        {costs ? formatMoney(costs[key]) : '…'}
      </Typography>
    </Box>
  );
  return (
    <Box sx={{ mt: 3 }} data-testid="care-costs">
      <Typography variant="h6">{translate('placewise.careCosts.title', { _: 'Care cost, %{year}', year: label })}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('placewise.careCosts.period', { _: '%{from} to %{to}, by the contracts’ prices', from: formatDate(from), to: formatDate(`${to.slice(0, 4)}-03-31`) })}
      </Typography>
      {error && <Typography color="error">{error.message}</Typography>}
      <Box sx={{ display: 'flex', gap: 4, mb: 2 }}>
        {figure('placements', translate('placewise.careCosts.placements', { _: 'Placements' }))}
        {figure('transport', translate('placewise.careCosts.transport', { _: 'Transport' }))}
        {figure('contact', translate('placewise.careCosts.contact', { _: 'Supervised contact' }))}
        {figure('total', translate('placewise.careCosts.total', { _: 'Total' }))}
      </Box>
      {costs && costs.lines.length > 0 && (
        <Table size="small" sx={{ width: 'auto', minWidth: 420 }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ fontWeight: 600 }}>{translate('placewise.careCosts.source', { _: 'Source' })}</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>{translate('placewise.careCosts.reference', { _: 'Reference' })}</TableCell>
              <TableCell align="right" sx={{ fontWeight: 600 }}>{translate('placewise.careCosts.amount', { _: 'Amount' })}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {costs.lines.map((line) => (
              <TableRow key={`${line.source}-${line.id}`} data-testid="care-cost-line">
                <TableCell data-field="source">{humanizeCode(line.source)}</TableCell>
                <TableCell data-field="reference">{line.reference ?? '—'}</TableCell>
                <TableCell align="right" data-field="amount">{formatMoney(line.amount)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

const childShowFields = ['caseReference', 'initials', 'dateOfBirth', 'age', 'ageBand', 'gender', 'legalStatus', 'uasc', 'homePostcode', 'localityId'];

/** A child's page: the child's details and what their care costs this financial year. */
export const ChildShow = () => (
  <GenericShow fields={childShowFields}>
    <CareCosts />
  </GenericShow>
);
