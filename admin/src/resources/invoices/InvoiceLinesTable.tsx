import { Box, Stack } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useRoleIn } from '../../actions/useCanAct';
import { EmbeddedTable, type EmbeddedColumn } from '../../forms/GenericShow';
import { InvoiceLineActions } from './InvoiceLineActions';
import { InvoiceLineState, linePeriod, RecordLink, type InvoiceLineRow } from './InvoiceLineState';

const OPEN = ['MATCHED', 'DISPUTED'];

/**
 * The invoice's lines: what each is for, expected against invoiced and the difference, the
 * matching state with its reason and, while the invoice is open, Dispute or Resolve under it.
 */
export function InvoiceLinesTable() {
  const record = useRecordContext();
  const canAct = useRoleIn(['ADMIN', 'CONTRACT_OFFICER', 'FINANCE']);
  const actionable = canAct && OPEN.includes(String(record?.status));
  const columns: EmbeddedColumn[] = [
    'lineNumber',
    'description',
    { key: 'placement', render: (row) => <RecordLink resource="placements" record={row.placement} label={row.placement?.reference ?? ''} /> },
    { key: 'period', render: linePeriod },
    'nights',
    'expectedAmount',
    'amount',
    'difference',
    {
      key: 'status',
      render: (row) => (
        <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <InvoiceLineState line={row as InvoiceLineRow} />
          {actionable && <InvoiceLineActions line={row as InvoiceLineRow} />}
        </Stack>
      ),
    },
  ];
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <EmbeddedTable source="lines" columns={columns} />
    </Box>
  );
}
