import RefreshIcon from '@mui/icons-material/Refresh';
import { Accordion, AccordionDetails, AccordionSummary, Box, IconButton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { humanizeCode } from '../../grid/columns';
import { formatDate, formatMoney } from '../../i18n/formats';
import { toApiError, type ApiError } from '../../providers/apiError';
import { graphqlRequest } from '../../providers/session';

interface Journey {
  id: string;
  date: string;
  leg: string;
  status: string;
  cost: string | null;
  shares: Array<{ childId: string; amount: string }>;
}

const PAGE = `query RouteShares($routeId: ID!, $after: String) {
  transportJourneys(filter: { routeId: { eq: $routeId } }, orderBy: [{ field: date }, { field: leg }], first: 500, after: $after) {
    nodes { id date leg status cost shares { childId amount } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Every journey of the route (500 a page), for the shares. */
async function allJourneys(routeId: string): Promise<Journey[]> {
  const out: Journey[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { transportJourneys: { nodes: Journey[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await graphqlRequest(PAGE, { routeId, after });
    out.push(...data.transportJourneys.nodes);
    if (!data.transportJourneys.pageInfo.hasNextPage) return out;
    after = data.transportJourneys.pageInfo.endCursor;
  }
}

/** "12.34" → 1234 pence, exactly. */
const pence = (amount: string) => {
  const negative = amount.startsWith('-');
  const [pounds, p = '0'] = amount.replace('-', '').split('.');
  const value = Number(pounds) * 100 + Number(p.padEnd(2, '0').slice(0, 2));
  return negative ? -value : value;
};
const pounds = (p: number) => `${p < 0 ? '-' : ''}${Math.floor(Math.abs(p) / 100)}.${String(Math.abs(p) % 100).padStart(2, '0')}`;

/**
 * What each child's share of the route comes to (the server splits each journey's cost
 * equally, the odd pence to the first children by case reference), and each journey's cost
 * with its shares. Read again with the page's refresh or the button here after changes in the grid.
 */
export function RouteShares() {
  const record = useRecordContext();
  const translate = useTranslate();
  const routeId = record?.id as string | undefined;
  const { data, error, refetch, isFetching } = useQuery<Journey[], ApiError>({
    queryKey: ['placewise', 'routeShares', routeId, record?.version],
    queryFn: () => allJourneys(routeId!).catch((e) => Promise.reject(toApiError(e))),
    enabled: Boolean(routeId),
    retry: false,
  });
  if (!record) return null;
  const children: Array<{ id: string; caseReference: string }> = record.children ?? [];
  const name = (id: string) => children.find((c) => c.id === id)?.caseReference ?? id;
  const journeys = data ?? [];
  const byChild = new Map<string, number>(children.map((c) => [c.id, 0]));
  let total = 0;
  for (const j of journeys) {
    if (j.cost) total += pence(j.cost);
    for (const s of j.shares) byChild.set(s.childId, (byChild.get(s.childId) ?? 0) + pence(s.amount));
  }
  const childIds = [...byChild.keys()];
  return (
    <Box sx={{ mt: 3 }} data-testid="route-shares">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="h6">{translate('placewise.transport.sharesTitle', { _: 'Cost shared between the children' })}</Typography>
        <IconButton size="small" onClick={() => void refetch()} disabled={isFetching} aria-label={translate('ra.action.refresh')} data-testid="route-shares-refresh">
          <RefreshIcon fontSize="small" />
        </IconButton>
      </Box>
      {error && <Typography color="error">{error.message}</Typography>}
      <Table size="small" sx={{ width: 'auto', minWidth: 360, mb: 1 }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ fontWeight: 600 }}>{translate('placewise.transport.child', { _: 'Child' })}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }}>{translate('placewise.transport.share', { _: 'Share of the route' })}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {childIds.map((id) => (
            <TableRow key={id} data-testid="child-share" data-child={name(id)}>
              <TableCell>{name(id)}</TableCell>
              <TableCell align="right" data-field="amount">{formatMoney(pounds(byChild.get(id) ?? 0))}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell sx={{ fontWeight: 600 }}>{translate('placewise.transport.total', { _: 'Total' })}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }} data-testid="shares-total">{formatMoney(pounds(total))}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Accordion disableGutters variant="outlined" data-testid="journey-shares">
        <AccordionSummary expandIcon={<ExpandMoreIcon />}>
          <Typography variant="body2">{translate('placewise.transport.eachJourney', { _: 'Each journey’s cost and shares (%{count})', count: journeys.length })}</Typography>
        </AccordionSummary>
        <AccordionDetails sx={{ maxHeight: 420, overflow: 'auto' }}>
          <Table size="small" stickyHeader>
            <TableHead>
              <TableRow>
                <TableCell sx={{ fontWeight: 600 }}>{translate('resources.transportJourneys.fields.date', { _: 'Date' })}</TableCell>
                <TableCell sx={{ fontWeight: 600 }}>{translate('resources.transportJourneys.fields.leg', { _: 'Leg' })}</TableCell>
                <TableCell sx={{ fontWeight: 600 }}>{translate('resources.transportJourneys.fields.status', { _: 'Status' })}</TableCell>
                <TableCell align="right" sx={{ fontWeight: 600 }}>{translate('resources.transportJourneys.fields.cost', { _: 'Cost' })}</TableCell>
                {childIds.map((id) => (
                  <TableCell key={id} align="right" sx={{ fontWeight: 600 }}>{name(id)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {journeys.map((j) => (
                <TableRow key={j.id} data-testid="journey-share-row" data-journey={j.id}>
                  <TableCell>{formatDate(j.date)}</TableCell>
                  <TableCell>{humanizeCode(j.leg)}</TableCell>
                  <TableCell>{humanizeCode(j.status)}</TableCell>
                  <TableCell align="right" data-field="cost">{j.cost === null ? '—' : formatMoney(j.cost)}</TableCell>
                  {childIds.map((id) => {
                    const share = j.shares.find((s) => s.childId === id);
                    return (
                      <TableCell key={id} align="right" data-field="share" data-child={name(id)}>
                        {share ? formatMoney(share.amount) : '—'}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </AccordionDetails>
      </Accordion>
    </Box>
  );
}
