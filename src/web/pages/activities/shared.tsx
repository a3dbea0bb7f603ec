/** Pieces the pages of this area share: the period filter (the kit's), the application-type select, the person picker. */
import type { ApplicationType } from '../../../contracts/activities.js';
import { APPLICATION_LEVELS } from '../../../contracts/enums.js';
import type { PersonSummary } from '../../../contracts/people.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField } from '../../components/fields.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { useI18n } from '../../i18n/index.js';

// The events pages count over a period too.
export { PeriodForm, usePeriod } from '../../kit/period.js';

export function useApplicationTypes() {
  return useApiGet<ApplicationType[]>('/application-types');
}

/** The active types, grouped by level (the one already chosen stays shown even if deactivated since). */
export function ApplicationTypeSelect({
  types,
  value,
  error,
  onChange,
}: {
  types: ApplicationType[];
  value: string;
  error?: string;
  onChange(value: string): void;
}) {
  const { t, label } = useI18n();
  const shown = types.filter((type) => type.active || String(type.id) === value);
  return (
    <SelectField label={t('activities.applications.type')} required value={value} error={error} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('common.choose')}</option>
      {APPLICATION_LEVELS.map((level) => (
        <optgroup key={level} label={label('applicationLevel', level)}>
          {shown
            .filter((type) => type.level === level)
            .map((type) => (
              <option key={type.id} value={type.id}>
                {label(type)}
              </option>
            ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

export const personName = (person: { givenNames: string; familyNames: string }) => `${person.familyNames} ${person.givenNames}`;

/** The chosen person with a button to change it, or the search to choose one, under a legend. */
export function PersonPicker({
  legend,
  hint,
  person,
  onChange,
  error,
}: {
  legend: string;
  hint?: string;
  person: PersonSummary | null;
  onChange(person: PersonSummary | null): void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="mb-2">
      <legend className="form-label h6">{legend}</legend>
      {hint ? <p className="small mb-2">{hint}</p> : null}
      {person ? (
        <div className="selected-person mb-3 d-flex justify-content-between align-items-center">
          <strong>{personName(person)}</strong>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onChange(null)}>
            {t('activities.changePerson')}
          </button>
        </div>
      ) : (
        <PersonSearch onSelect={onChange} />
      )}
      {error ? (
        <div className="invalid-feedback d-block mb-2" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}
