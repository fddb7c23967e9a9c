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
  MATCHED: 'Every line equals what the fee history gives.',
  DISPUTED: 'At least one line differs from what was expected, or has nothing to match.',
  APPROVED: 'Approved for payment (a disputed one with a recorded reason).',
  PAID: 'Paid.',
});

export enum InvoiceLineStatus {
  MATCHED = 'MATCHED',
  DISPUTED = 'DISPUTED',
  APPROVED = 'APPROVED',
  PAID = 'PAID',
}

registerCodeEnum(InvoiceLineStatus, 'InvoiceLineStatus', 'Where an invoice line is.', {
  MATCHED: 'The amount equals what the fee history gives for those nights.',
  DISPUTED: 'The amount differs (see expectedAmount and difference), or there is nothing to match it against.',
  APPROVED: 'Approved for payment.',
  PAID: 'Paid.',
});
