import { useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog } from '../../actions/ActionDialog';
import { useRoleIn } from '../../actions/useCanAct';
import { todayIso } from '../../api/useApi';
import { formatMoney } from '../../i18n/formats';

const INVOICE_FIELDS = 'id version status approvalReason paidDate';

/** Approve (with a reason when a line is disputed) and pay: the invoice's own steps, as the API allows them to each role. */
export function InvoiceActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const canApprove = useRoleIn(['ADMIN', 'CONTRACT_OFFICER', 'FINANCE']);
  const canPay = useRoleIn(['ADMIN', 'FINANCE']);
  if (!record) return null;
  const ids = { id: record.id, version: record.version };
  const approvable = ['MATCHED', 'DISPUTED'].includes(record.status);
  return (
    <>
      {canApprove && approvable && (
        <ActionDialog
          label={translate('placewise.invoice.approve')}
          testId="approve-invoice"
          color="success"
          mutation={`mutation ApproveInvoice($id: ID!, $version: Int!, $reason: String) { approveInvoice(id: $id, version: $version, reason: $reason) { ${INVOICE_FIELDS} } }`}
          intro={translate(record.status === 'DISPUTED' ? 'placewise.invoice.approveDisputed' : 'placewise.invoice.approveIntro', { total: formatMoney(record.total) })}
          fields={[{ name: 'reason', label: translate('placewise.invoice.reason'), kind: 'multiline' }]}
          done={translate('placewise.invoice.approved')}
          variables={(v) => ({ ...ids, reason: v.reason })}
        />
      )}
      {canPay && record.status === 'APPROVED' && (
        <ActionDialog
          label={translate('placewise.invoice.pay')}
          testId="pay-invoice"
          variant="contained"
          mutation={`mutation PayInvoice($id: ID!, $version: Int!, $paidDate: Date!) { payInvoice(id: $id, version: $version, paidDate: $paidDate) { ${INVOICE_FIELDS} } }`}
          fields={[{ name: 'paidDate', label: translate('placewise.invoice.paidDate'), kind: 'date', required: true, initial: todayIso() }]}
          done={translate('placewise.invoice.paid')}
          variables={(v) => ({ ...ids, paidDate: v.paidDate })}
        />
      )}
    </>
  );
}
