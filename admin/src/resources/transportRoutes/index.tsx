import DirectionsBusIcon from '@mui/icons-material/DirectionsBus';
import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { GenericCreate, GenericEdit } from '../../forms/GenericForms';
import { EmbeddedTable, GenericShow } from '../../forms/GenericShow';
import { filterInputs } from '../../forms/inputs';
import { GridList } from '../../grid/GridList';
import { formatMoney } from '../../i18n/formats';
import { schemaModel } from '../../providers/schemaModel';
import { journeyColumns } from '../transportJourneys';
import { RecordGrid } from '../transportJourneys/RecordGrid';
import { AddJourneysButton } from './AddJourneysButton';
import { GenerateJourneysButton } from './GenerateJourneysButton';
import { RouteShares } from './RouteShares';

const resource = schemaModel.resource('transportRoutes');

export const routeColumns = [
  'reference',
  'purpose',
  'vehicleType',
  'contractId',
  'fromPostcode',
  'toPostcode',
  'miles',
  'days',
  'pickupTime',
  'returnPickupTime',
  'termStart',
  'termEnd',
  'runsOnBankHolidays',
  'notes',
  'updatedAt',
];
const showFields = [
  'reference',
  'purpose',
  'vehicleType',
  'contractId',
  'fromPostcode',
  'toPostcode',
  'miles',
  'days',
  'pickupTime',
  'returnPickupTime',
  'termStart',
  'termEnd',
  'runsOnBankHolidays',
  'notes',
];
/** The contract picker offers only contracts of this kind. */
const CONTRACTS = { contractId: { kind: ['TRANSPORT'] } };
const createFields = [
  'reference',
  'purpose',
  'vehicleType',
  'childIds',
  'contractId',
  'fromPostcode',
  'toPostcode',
  'miles',
  'days',
  'pickupTime',
  'returnPickupTime',
  'termStart',
  'termEnd',
  'termBreaks',
  'runsOnBankHolidays',
  'notes',
];
const editFields = ['contractId', 'childIds', 'days', 'miles', 'pickupTime', 'returnPickupTime', 'termStart', 'termEnd', 'termBreaks', 'runsOnBankHolidays', 'notes'];
const filters = filterInputs(resource, ['q', 'purpose', 'vehicleType', 'contractId', 'termStart_gte']);

/** How many journeys the route has and what they cost, from the API's totals. */
function RouteTotals() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.totals) return null;
  return (
    <Box sx={{ display: 'flex', gap: 4, mt: 2 }} data-testid="route-totals">
      <Box>
        <Typography variant="caption" color="text.secondary">
          {translate('placewise.transport.journeys', { _: 'Journeys' })}
        </Typography>
        <Typography variant="h6" data-testid="route-journeys">
          {record.totals.journeys}
        </Typography>
      </Box>
      <Box>
        <Typography variant="caption" color="text.secondary">
          {translate('placewise.transport.cost', { _: 'Cost of its journeys' })}
        </Typography>
        <Typography variant="h6" data-testid="route-cost">
          {formatMoney(record.totals.cost)}
        </Typography>
      </Box>
    </Box>
  );
}

function RouteJourneys() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <RecordGrid
      resource="transportJourneys"
      target="routeId"
      id={String(record.id)}
      columns={journeyColumns}
      sort={{ field: 'date,leg', order: 'ASC' }}
      title="placewise.transport.journeysTitle"
      testId="route-journeys-grid"
    />
  );
}

export const TransportRouteList = () => <GridList columns={routeColumns} filters={filters} sort={{ field: 'reference', order: 'ASC' }} />;

/** A route's page: who travels, when and under which contract, its totals, "Generate term journeys" and "Add journeys", and its journeys in the grid. */
export const TransportRouteShow = () => (
  <GenericShow
    fields={showFields}
    actions={
      <>
        <GenerateJourneysButton />
        <AddJourneysButton />
      </>
    }
  >
    <RouteTotals />
    <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
      <EmbeddedTable source="children" columns={['caseReference']} />
      <EmbeddedTable source="termBreaks" columns={['from', 'to']} />
    </Box>
    <RouteJourneys />
    <RouteShares />
  </GenericShow>
);

export const transportRoutes = {
  name: 'transportRoutes',
  list: TransportRouteList,
  show: TransportRouteShow,
  create: () => <GenericCreate fields={createFields} referenceFilters={CONTRACTS} />,
  edit: () => <GenericEdit fields={editFields} referenceFilters={CONTRACTS} />,
  icon: DirectionsBusIcon,
  recordRepresentation: 'reference',
};
