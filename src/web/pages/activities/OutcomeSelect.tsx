import type { Application } from '../../../contracts/activities.js';
import { APPLICATION_OUTCOMES } from '../../../contracts/enums.js';
import { type ApiError, api } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { useTypeLabel } from './shared.js';

/** The outcome of an application, changed in place (it is often known weeks later). */
export function OutcomeSelect({
  application,
  onChanged,
  onError,
}: {
  application: Application;
  onChanged(): void;
  onError(error: ApiError): void;
}) {
  const { t, formatDate, label } = useI18n();
  const { can } = useSession();
  const typeLabel = useTypeLabel();
  if (!can('personal.write')) return <>{label('applicationOutcome', application.outcome)}</>;
  const change = (outcome: string) =>
    api('PATCH', `/applications/${application.id}`, { version: application.version, outcome }).then(onChanged).catch(onError);
  return (
    <select
      className="form-select form-select-sm"
      aria-label={t('activities.applications.outcomeOf', { type: typeLabel(application.type), date: formatDate(application.date) })}
      value={application.outcome}
      onChange={(e) => change(e.target.value)}
    >
      {APPLICATION_OUTCOMES.map((o) => (
        <option key={o} value={o}>
          {label('applicationOutcome', o)}
        </option>
      ))}
    </select>
  );
}
