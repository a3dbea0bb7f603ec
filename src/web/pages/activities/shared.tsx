/** Pieces the pages of this area share: the period filter, the application-type select. */
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ApplicationType } from '../../../contracts/activities.js';
import { APPLICATION_LEVELS } from '../../../contracts/enums.js';
import type { PersonSummary } from '../../../contracts/people.js';
import { todayInRome } from '../../../domain/dates.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { useI18n } from '../../i18n/index.js';

/** The period in the address (?from&to), the current calendar year by default. */
export function usePeriod() {
  const [params, setParams] = useSearchParams();
  const year = todayInRome().slice(0, 4);
  const from = params.get('from') ?? `${year}-01-01`;
  const to = params.get('to') ?? `${year}-12-31`;
  const page = Number(params.get('page') ?? 1) || 1;
  const setPage = (next: number) => setParams({ from, to, page: String(next) });
  const setPeriod = (next: { from: string; to: string }) => setParams(next);
  return { from, to, page, setPage, setPeriod };
}

export function PeriodForm({ from, to, onApply }: { from: string; to: string; onApply(period: { from: string; to: string }): void }) {
  const { t } = useI18n();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onApply({ from: String(form.get('from')), to: String(form.get('to')) });
  };
  return (
    <form onSubmit={submit} className="row align-items-end mb-3" aria-label={t('stats.period')} key={`${from}-${to}`}>
      <div className="col-sm-4">
        <TextField label={t('visits.from')} name="from" type="date" defaultValue={from} required />
      </div>
      <div className="col-sm-4">
        <TextField label={t('visits.to')} name="to" type="date" defaultValue={to} required />
      </div>
      <div className="col-sm-4 mb-3">
        <button type="submit" className="btn btn-outline-primary">
          {t('visits.apply')}
        </button>
      </div>
    </form>
  );
}

export function useApplicationTypes() {
  return useApiGet<ApplicationType[]>('/application-types');
}

/** A type's name in the current language. */
export function useTypeLabel() {
  const { locale } = useI18n();
  return (type: { labelIt: string; labelEn: string }) => (locale === 'it' ? type.labelIt : type.labelEn);
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
  const typeLabel = useTypeLabel();
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
                {typeLabel(type)}
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
  const [query, setQuery] = useState('');
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
        <PersonSearch
          query={query}
          onQueryChange={setQuery}
          onSelect={(chosen) => {
            setQuery('');
            onChange(chosen);
          }}
        />
      )}
      {error ? (
        <div className="invalid-feedback d-block mb-2" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}
