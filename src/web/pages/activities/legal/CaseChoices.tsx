/** The centre's open cases as checkboxes: those discussed in a consultation. */
import type { CaseOption } from '../../../../contracts/activities.js';
import { useI18n } from '../../../i18n/index.js';

export function CaseChoices({
  options,
  chosen,
  onToggle,
  error,
}: {
  options: CaseOption[];
  chosen: number[];
  onToggle(id: number): void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="mb-3" aria-describedby={`legal-cases-hint${error ? ' legal-cases-error' : ''}`}>
      <legend className="form-label h6">{t('activities.legal.cases')}</legend>
      <p id="legal-cases-hint" className="small mb-2">
        {t('activities.legal.casesHint')}
      </p>
      {options.length === 0 ? <p>{t('activities.legal.noCases')}</p> : null}
      <div className="topic-grid">
        {options.map((option) => (
          <div className="form-check my-1" key={option.id}>
            <input
              id={`legal-case-${option.id}`}
              type="checkbox"
              checked={chosen.includes(option.id)}
              onChange={() => onToggle(option.id)}
            />
            <label htmlFor={`legal-case-${option.id}`}>
              {option.name ?? t('activities.legal.case', { id: option.id })}
              {option.kind === 'household' ? ` (${t('activities.legal.household')})` : ''}
              <span className="small"> · {t('activities.legal.case', { id: option.id })}</span>
            </label>
          </div>
        ))}
      </div>
      {error ? (
        <div id="legal-cases-error" className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}
