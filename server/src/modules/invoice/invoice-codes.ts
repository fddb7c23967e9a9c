import { registerCodeEnum } from '../../common/codes/register-code-enum';

export enum InvoiceStatus {
  RECEIVED = 'RECEIVED',
  MATCHED = 'MATCHED',
  DISPUTED = 'DISPUTED',
  APPROVED = 'APPROVED',
  PAID = 'PAID',
}

registerCodeEnum(InvoiceStatus, 'InvoiceStatus', 'Where an invoice is.', {
  RECEIVED: 'Received, not yet matched.',
  MATCHED: 'Every line equals what the fee history gives, or its dispute was resolved.',
  DISPUTED: 'At least one line is disputed: it differs from what was expected, has nothing to match, or an officer disputed it.',
  APPROVED: 'Approved for payment (a disputed one with a recorded reason).',
  PAID: 'Paid.',
});

export enum InvoiceLineStatus {
  MATCHED = 'MATCHED',
  DISPUTED = 'DISPUTED',
  RESOLVED = 'RESOLVED',
  APPROVED = 'APPROVED',
  PAID = 'PAID',
}

registerCodeEnum(InvoiceLineStatus, 'InvoiceLineStatus', 'Where an invoice line is.', {
  MATCHED: 'The amount equals what the fee history gives for those nights.',
  DISPUTED: 'The amount differs (see expectedAmount and difference), there is nothing to match it against, or an officer disputed it (see disputeReason).',
  RESOLVED: 'A dispute settled with a recorded reason (see resolution): the line no longer stops the invoice being approved.',
  APPROVED: 'Approved for payment.',
  PAID: 'Paid.',
});

export enum InvoiceLineResolution {
  ACCEPTED = 'ACCEPTED',
  CREDIT_NOTE = 'CREDIT_NOTE',
  WITHDRAWN = 'WITHDRAWN',
}

registerCodeEnum(InvoiceLineResolution, 'InvoiceLineResolution', 'How a disputed invoice line was settled.', {
  ACCEPTED: 'The amount is accepted as invoiced (an agreed extra, a fee change not yet recorded).',
  CREDIT_NOTE: 'The provider credits the difference with a credit note; the line is paid as invoiced and the credit comes as its own invoice or line.',
  WITHDRAWN: 'The dispute was raised in error: the service was delivered as invoiced.',
});

/**
 * The one rule for an open invoice's status from its lines: any DISPUTED line makes it
 * DISPUTED, otherwise (lines MATCHED or RESOLVED) it is MATCHED. Approval and payment set
 * their own statuses.
 */
export function openInvoiceStatus(lineStatuses: Iterable<InvoiceLineStatus>): InvoiceStatus.MATCHED | InvoiceStatus.DISPUTED {
  for (const status of lineStatuses) if (status === InvoiceLineStatus.DISPUTED) return InvoiceStatus.DISPUTED;
  return InvoiceStatus.MATCHED;
}
