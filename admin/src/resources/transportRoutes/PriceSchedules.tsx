import { useRecordContext, useTranslate } from 'react-admin';
import { EmbeddedTable } from '../../forms/GenericShow';

const terms = (row: Record<string, any>) => {
  const c = row.cancellation;
  return c ? `free until ${c.freeHours} h before; late ${c.latePercent}%; no-show ${c.noShowPercent}%` : '';
};

/** On a TRANSPORT contract's page: its price schedules (one per vehicle type and period), read only. */
export function PriceSchedules() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (record?.kind !== 'TRANSPORT') return null;
  return (
    <EmbeddedTable
      source="priceSchedules"
      title={translate('placewise.transport.priceSchedules', { _: 'Price schedules' })}
      columns={['vehicleType', 'pricingBasis', 'rate', 'escortRate', 'waitingRatePerHour', 'freeWaitingMinutes', { key: 'cancellation', render: terms }, 'effectiveFrom', 'effectiveTo']}
    />
  );
}
