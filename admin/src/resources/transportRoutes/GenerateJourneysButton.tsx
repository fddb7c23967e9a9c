import { useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog } from '../../actions/ActionDialog';
import { useCanAct } from '../../actions/useCanAct';
import { formatDate } from '../../i18n/formats';

export const GENERATE_TERM_JOURNEYS = `mutation GenerateTermJourneys($routeId: ID!, $version: Int!) {
  generateTermJourneys(routeId: $routeId, version: $version) { created alreadyThere route { id version totals { journeys cost } } }
}`;

/** "Generate term journeys": every day the route runs in its term, both ways, sent with the version on screen; journeys already there stay as they are. */
export function GenerateJourneysButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!useCanAct() || !record) return null;
  return (
    <ActionDialog
      label={translate('placewise.transport.generate', { _: 'Generate term journeys' })}
      testId="generate-journeys"
      variant="contained"
      mutation={GENERATE_TERM_JOURNEYS}
      intro={translate('placewise.transport.generateIntro', {
        _: 'Creates a journey each way for every day the route runs from %{from} to %{to} (its days, less its breaks and, unless it runs on them, bank holidays). Journeys already there are left as they are.',
        from: formatDate(record.termStart),
        to: formatDate(record.termEnd),
      })}
      fields={[]}
      done={translate('placewise.transport.generated', { _: 'Term journeys generated' })}
      variables={() => ({ routeId: record.id, version: record.version })}
    />
  );
}
