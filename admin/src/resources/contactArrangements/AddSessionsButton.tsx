import { useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, type ActionValues } from '../../actions/ActionDialog';
import { useCanAct } from '../../actions/useCanAct';

export const ADD_CONTACT_SESSIONS = `mutation AddContactSessions($arrangementId: ID!, $version: Int!, $sessions: [ContactSessionInput!]!) {
  addContactSessions(arrangementId: $arrangementId, version: $version, sessions: $sessions) { id version }
}`;

/** Days between sessions for each frequency; "as arranged" and "quarterly" are added one at a time unless the officer says otherwise. */
const EVERY_DAYS: Record<string, string> = { WEEKLY: '7', FORTNIGHTLY: '14', MONTHLY: '28', QUARTERLY: '91', AS_ARRANGED: '7' };

/** The dates of `count` sessions from `first`, `every` days apart (calendar arithmetic on ISO dates). */
export function sessionDates(first: string, count: number, every: number): string[] {
  const [y, m, d] = first.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1, d + i * every)).toISOString().slice(0, 10));
}

/**
 * "Add sessions": from a first date, how many and how many days apart (the arrangement's
 * frequency to start with), at a start time and for the planned hours (the arrangement's when
 * left empty); sent as one all-or-nothing `addContactSessions` with the version on screen.
 */
export function AddSessionsButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!useCanAct() || !record) return null;
  const sessions = (v: ActionValues) => {
    const count = Math.max(0, Math.floor(Number(v.count ?? '1')));
    const every = Math.max(1, Math.floor(Number(v.every ?? '7')));
    // A count or interval that is not a number sends no sessions: the server says how many it needs.
    if (!v.date || !Number.isFinite(count) || !Number.isFinite(every)) return [];
    return sessionDates(v.date, count, every).map((date) => ({ date, startTime: v.startTime, plannedHours: v.plannedHours || undefined }));
  };
  return (
    <ActionDialog
      label={translate('placewise.contact.addSessions', { _: 'Add sessions' })}
      testId="add-sessions"
      variant="contained"
      mutation={ADD_CONTACT_SESSIONS}
      fields={[
        { name: 'date', label: translate('placewise.contact.firstDate', { _: 'First session' }), kind: 'date', required: true, initial: record.startDate },
        { name: 'count', label: translate('placewise.contact.count', { _: 'How many sessions' }), kind: 'text', required: true, initial: '1' },
        { name: 'every', label: translate('placewise.contact.every', { _: 'Days between sessions' }), kind: 'text', required: true, initial: EVERY_DAYS[record.frequency] ?? '7' },
        { name: 'startTime', label: translate('placewise.contact.startTime', { _: 'Start time (HH:MM, UK time)' }), kind: 'text', required: true, initial: '10:00' },
        { name: 'plannedHours', label: translate('placewise.contact.plannedHours', { _: 'Planned hours (the arrangement’s when empty)' }), kind: 'text', initial: record.sessionHours },
      ]}
      done={translate('placewise.contact.sessionsAdded', { _: 'Sessions added' })}
      variables={(v) => ({ arrangementId: record.id, version: record.version, sessions: sessions(v) })}
    />
  );
}
