import { InvoiceLineStatus, InvoiceStatus, openInvoiceStatus } from './invoice-codes';

const { MATCHED, DISPUTED, RESOLVED } = InvoiceLineStatus;

describe('openInvoiceStatus: an open invoice follows its lines', () => {
  it.each([
    [[MATCHED], InvoiceStatus.MATCHED],
    [[MATCHED, RESOLVED], InvoiceStatus.MATCHED],
    [[RESOLVED, RESOLVED], InvoiceStatus.MATCHED],
    [[MATCHED, DISPUTED], InvoiceStatus.DISPUTED],
    [[RESOLVED, DISPUTED, MATCHED], InvoiceStatus.DISPUTED],
    [[DISPUTED], InvoiceStatus.DISPUTED],
  ])('lines %j → %s', (lines, expected) => {
    expect(openInvoiceStatus(lines)).toBe(expected);
  });
});
