import BedIcon from '@mui/icons-material/Bed';
import { usePermissions } from 'react-admin';
import { GenericCreate, GenericEdit } from '../../forms/GenericForms';
import { EmbeddedTable, GenericShow } from '../../forms/GenericShow';
import { filterInputs } from '../../forms/inputs';
import { GridList } from '../../grid/GridList';
import { schemaModel } from '../../providers/schemaModel';
import type { Role } from '../../providers/session';
import { PlacementActions } from './PlacementActions';
import { PlacementInvoiceLines, PlacementSpendFigures } from './PlacementInvoiceLines';

const CHILD_READERS: readonly Role[] = ['ADMIN', 'CONTRACT_OFFICER', 'FINANCE'];

const resource = schemaModel.resource('placements');

export const placementColumns = [
  'reference',
  'childId',
  'providerId',
  'placementType',
  'providerCode',
  'startDate',
  'plannedEndDate',
  'endDate',
  'currentWeeklyCost',
  'costToDate',
  'committedCost',
  'nightsToDate',
  'distanceMiles',
  'within20Miles',
  'contractId',
  'settingId',
  'endReason',
  'updatedAt',
];
const editFields = ['reference', 'placementType', 'providerCode', 'plannedEndDate', 'contractId', 'settingId', 'changeReason'];
const createFields = ['childId', 'providerId', 'settingId', 'contractId', 'reference', 'placementType', 'providerCode', 'startDate', 'plannedEndDate', 'weeklyFee', 'changeReason'];
const filters = filterInputs(resource, ['providerId', 'placementType', 'openOn', 'within20Miles', 'startDate_gte', 'startDate_lte'], []);
const showFields = [
  'reference',
  'childId',
  'providerId',
  'settingId',
  'contractId',
  'placementType',
  'providerCode',
  'startDate',
  'plannedEndDate',
  'endDate',
  'endReason',
  'currentWeeklyCost',
  'nightsToDate',
  'costToDate',
  'committedCost',
  'distanceMiles',
  'within20Miles',
];

/** Analysts read placements but not the child (the API refuses `child` to them): it is left out for them. */
const WITHOUT_CHILD = { omitFields: ['child'] };
/** The grid does not show invoice lines: its pages leave them out (the placement's page reads them). */
const LIST_FOR_READERS = { omitFields: ['invoiceLines'] };
const LIST_FOR_ANALYSTS = { omitFields: ['child', 'invoiceLines'] };
const analystColumns = placementColumns.filter((c) => c !== 'childId');
const analystShowFields = showFields.filter((c) => c !== 'childId');

function useChildHidden(): { isPending: boolean; hidden: boolean } {
  const { permissions, isPending } = usePermissions<Role>();
  return { isPending, hidden: permissions === undefined || !CHILD_READERS.includes(permissions) };
}

export const PlacementList = () => {
  const { isPending, hidden } = useChildHidden();
  if (isPending) return null;
  return (
    <GridList
      columns={hidden ? analystColumns : placementColumns}
      filters={filters}
      sort={{ field: 'startDate', order: 'DESC' }}
      queryMeta={hidden ? LIST_FOR_ANALYSTS : LIST_FOR_READERS}
    />
  );
};

export const PlacementShow = () => {
  const { isPending, hidden } = useChildHidden();
  if (isPending) return null;
  return (
    <GenericShow fields={hidden ? analystShowFields : showFields} queryMeta={hidden ? WITHOUT_CHILD : undefined} actions={<PlacementActions />}>
      <EmbeddedTable source="fees" columns={['effectiveFrom', 'weeklyFee', 'reason']} />
      <EmbeddedTable source="additionalServices" columns={['description', 'charge', 'amount', 'startDate', 'endDate']} />
      <PlacementSpendFigures />
      <PlacementInvoiceLines />
    </GenericShow>
  );
};

export const placements = {
  name: 'placements',
  list: PlacementList,
  show: PlacementShow,
  edit: () => <GenericEdit fields={editFields} />,
  create: () => <GenericCreate fields={createFields} />,
  icon: BedIcon,
  recordRepresentation: 'reference',
};
