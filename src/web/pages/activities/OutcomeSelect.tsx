import type { Application } from '../../../contracts/activities.js';
import { APPLICATION_OUTCOMES } from '../../../contracts/enums.js';
import { useI18n } from '../../i18n/index.js';
import { type Change, Options } from '../../kit/index.js';
import { useSession } from '../../session.js';

/**
 * The outcome of an application, changed in place (it is often known weeks later) through the
 * list's `change`. `onSaved` shows the message itself; without it the message is announced.
 */
export function OutcomeSelect({
  application,
  change,
  onSaved,
}: {
  application: Application;
  change: Change;
  onSaved?(message: string): void;
}) {
  const { t, formatDate, label, labels } = useI18n();
  const { can } = useSession();
  if (!can('personal.write')) return <>{label('applicationOutcome', application.outcome)}</>;
  const save = async (outcome: string) => {
    const message = t('activities.applications.outcomeSaved');
    const body = { version: application.version, outcome };
    const sent = await change.send('PATCH', `/applications/${application.id}`, body, { success: onSaved ? undefined : message });
    if (sent.ok) onSaved?.(message);
  };
  return (
    <select
      className="form-select form-select-sm"
      aria-label={t('activities.applications.outcomeOf', { type: label(application.type), date: formatDate(application.date) })}
      value={application.outcome}
      onChange={(e) => save(e.target.value)}
    >
      <Options values={APPLICATION_OUTCOMES} labels={labels('applicationOutcome')} />
    </select>
  );
}
