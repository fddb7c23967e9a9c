import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ActionDialog } from '../../actions/ActionDialog';
import { formatMoney } from '../../i18n/formats';
import { schemaModel } from '../../providers/schemaModel';
import type { InvoiceLineRow } from './InvoiceLineState';

const LINE_FIELDS = 'id version status disputeReason resolution resolutionReason invoice { id version status }';

/**
 * A line's own steps while its invoice is open: dispute it by hand (a MATCHED or RESOLVED line)
 * or resolve its dispute, each with a reason, sent with the line's version.
 */
export function InvoiceLineActions({ line }: { line: InvoiceLineRow }) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`placewise.invoiceLine.${key}`, options);
  const ids = { id: line.id, version: line.version };
  const resolutions = (schemaModel.enumOptions('InvoiceLineResolution') ?? []).map((o) => ({ value: o.value, label: t(`resolution.${o.value}`) }));
  const what = { line: line.lineNumber, amount: formatMoney(line.amount) };
  return (
    <Stack direction="row" spacing={1}>
      {(line.status === 'MATCHED' || line.status === 'RESOLVED') && (
        <ActionDialog
          label={t('dispute')}
          title={t('disputeTitle', what)}
          testId={`dispute-line-${line.lineNumber}`}
          color="error"
          mutation={`mutation DisputeInvoiceLine($id: ID!, $version: Int!, $reason: String!) { disputeInvoiceLine(id: $id, version: $version, reason: $reason) { ${LINE_FIELDS} } }`}
          intro={t('disputeIntro')}
          fields={[{ name: 'reason', label: t('disputeReason'), kind: 'multiline', required: true }]}
          done={t('disputed')}
          variables={(v) => ({ ...ids, reason: v.reason })}
        />
      )}
      {line.status === 'DISPUTED' && (
        <ActionDialog
          label={t('resolve')}
          title={t('resolveTitle', what)}
          testId={`resolve-line-${line.lineNumber}`}
          color="success"
          mutation={`mutation ResolveInvoiceLine($id: ID!, $version: Int!, $resolution: InvoiceLineResolution!, $reason: String!) { resolveInvoiceLine(id: $id, version: $version, resolution: $resolution, reason: $reason) { ${LINE_FIELDS} } }`}
          intro={t('resolveIntro')}
          fields={[
            { name: 'resolution', label: t('resolutionLabel'), kind: 'select', required: true, options: resolutions, initial: 'ACCEPTED' },
            { name: 'reason', label: t('resolutionReason'), kind: 'multiline', required: true },
          ]}
          done={t('resolved')}
          variables={(v) => ({ ...ids, resolution: v.resolution, reason: v.reason })}
        />
      )}
    </Stack>
  );
}
