import { useRecordContext, useTranslate } from 'react-admin';
import { EmbeddedTable } from '../../forms/GenericShow';

const terms = (row: Record<string, any>) => {
  const c = row.cancellation;
  return c ? `free until ${c.freeHours} h before; late ${c.latePercent}%; no-show ${c.noShowPercent}%` : '';
};

/** On a SUPERVISED_CONTACT contract's page: its hourly rates by supervision level, read only. */
export function ContactRates() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (record?.kind !== 'SUPERVISED_CONTACT') return null;
  return (
    <EmbeddedTable
      source="contactRates"
      title={translate('placewise.contact.rates', { _: 'Contact rates' })}
      columns={['supervisionLevel', 'hourlyRate', 'venueCharge', { key: 'cancellation', render: terms }, 'effectiveFrom', 'effectiveTo']}
    />
  );
}
