import { useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog } from '../../actions/ActionDialog';
import { useCanAct } from '../../actions/useCanAct';
import { todayIso } from '../../api/useApi';
import { schemaModel } from '../../providers/schemaModel';

/** Change the weekly fee from a date (the history keeps every earlier fee) and end the placement. */
export function PlacementActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const canAct = useCanAct();
  if (!record || !canAct || record.endDate) return null;
  const ids = { id: record.id, version: record.version };
  const reasons = (schemaModel.enumOptions('ReasonEnded') ?? []).map((o) => ({ value: o.value, label: `${o.value} – ${o.description}` }));
  return (
    <>
      <ActionDialog
        label={translate('placewise.placement.changeFee')}
        testId="change-fee"
        mutation="mutation ChangeFee($id: ID!, $version: Int!, $input: PlacementFeeInput!) { changePlacementFee(id: $id, version: $version, input: $input) { id version } }"
        intro={translate('placewise.placement.changeFeeIntro')}
        fields={[
          { name: 'effectiveFrom', label: translate('placewise.placement.effectiveFrom'), kind: 'date', required: true, initial: todayIso() },
          { name: 'weeklyFee', label: translate('placewise.placement.weeklyFee'), kind: 'money', required: true },
          { name: 'reason', label: translate('placewise.placement.reason'), kind: 'text' },
        ]}
        done={translate('placewise.placement.feeChanged')}
        variables={(v) => ({ ...ids, input: { effectiveFrom: v.effectiveFrom, weeklyFee: v.weeklyFee, reason: v.reason } })}
      />
      <ActionDialog
        label={translate('placewise.placement.end')}
        testId="end-placement"
        color="error"
        mutation="mutation EndPlacement($id: ID!, $version: Int!, $endDate: Date!, $endReason: ReasonEnded!) { endPlacement(id: $id, version: $version, endDate: $endDate, endReason: $endReason) { id version } }"
        intro={translate('placewise.placement.endIntro')}
        fields={[
          { name: 'endDate', label: translate('placewise.placement.endDate'), kind: 'date', required: true, initial: todayIso() },
          { name: 'endReason', label: translate('placewise.placement.endReason'), kind: 'select', required: true, options: reasons },
        ]}
        done={translate('placewise.placement.ended')}
        variables={(v) => ({ ...ids, endDate: v.endDate, endReason: v.endReason })}
      />
    </>
  );
}
