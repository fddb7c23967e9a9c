import { Box, Link, Typography } from '@mui/material';
import { useCreatePath, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { formatDate, formatDateTime, formatMoney } from '../../i18n/formats';

/** An invoice line as the API gives it (the fields the status cell reads). */
export interface InvoiceLineRow {
  id: string;
  version: number;
  lineNumber: number;
  amount: string;
  expectedAmount: string | null;
  difference: string | null;
  status: 'MATCHED' | 'DISPUTED' | 'RESOLVED' | 'APPROVED' | 'PAID';
  disputeReason: string | null;
  disputedBy: string | null;
  disputedAt: string | null;
  resolution: string | null;
  resolutionReason: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

const COLOURS: Record<InvoiceLineRow['status'], string> = {
  MATCHED: 'success.main',
  DISPUTED: 'error.main',
  RESOLVED: 'warning.dark',
  APPROVED: 'success.main',
  PAID: 'text.primary',
};

/**
 * A line's matching state in words, with why: a dispute raised by hand (reason, who, when), a
 * difference found by matching, or how a dispute was resolved.
 */
export function InvoiceLineState({ line }: { line: InvoiceLineRow }) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`placewise.invoiceLine.${key}`, options);
  const notes: string[] = [];
  if (line.disputeReason) {
    notes.push(t('disputedByHand', { reason: line.disputeReason, who: line.disputedBy ?? '', when: formatDateTime(line.disputedAt) }));
  } else if (line.status === 'DISPUTED' || line.resolution) {
    notes.push(line.expectedAmount === null ? t('nothingToMatch') : t('differs', { difference: formatMoney(line.difference) }));
  }
  if (line.resolution) {
    notes.push(t('resolvedAs', { resolution: t(`resolution.${line.resolution}`), reason: line.resolutionReason ?? '', who: line.resolvedBy ?? '', when: formatDateTime(line.resolvedAt) }));
  }
  return (
    <Box data-testid={`line-state-${line.lineNumber}`} data-status={line.status} sx={{ minWidth: 200, maxWidth: 300 }}>
      <Typography variant="body2" sx={{ fontWeight: 600, color: COLOURS[line.status] }}>
        {t(`status.${line.status}`)}
      </Typography>
      {notes.map((note) => (
        <Typography key={note} variant="caption" component="div" color="text.secondary">
          {note}
        </Typography>
      ))}
    </Box>
  );
}

/** A link to a record's page, by its label; nothing when there is no record. */
export function RecordLink({ resource, record, label }: { resource: string; record: { id: string } | null | undefined; label: string }) {
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <Link component={RouterLink} to={createPath({ resource, id: record.id, type: 'show' })}>
      {label}
    </Link>
  );
}

/** The nights a line is for, "01/01/2026 – 01/02/2026" (the second date is the day after the last night); empty for other items. */
export function linePeriod(row: { fromDate?: string | null; toDate?: string | null }): string {
  return row.fromDate ? `${formatDate(row.fromDate)}\u00a0–\u00a0${formatDate(row.toDate)}` : '';
}
