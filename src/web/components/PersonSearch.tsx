import type { RefObject } from 'react';
import type { PersonSummary } from '../../contracts/people.js';
import { useI18n } from '../i18n/index.js';
import { useSearch } from '../kit/useSearch.js';
import { Combobox } from './Combobox.js';
import { useCountryName } from './CountrySelect.js';

/** Search-as-you-type over the people of the user's centres. */
export function PersonSearch({
  onSelect,
  query,
  onQueryChange,
  inputRef,
  autoFocus,
  hint,
}: {
  onSelect(person: PersonSummary): void;
  query: string;
  onQueryChange(query: string): void;
  inputRef?: RefObject<HTMLInputElement | null>;
  autoFocus?: boolean;
  /** Defaults to the keyboard hint for choosing a person; the front desk says what comes next. */
  hint?: string;
}) {
  const { t, formatDate } = useI18n();
  const countryName = useCountryName();
  const results = useSearch<PersonSummary>('/people', query, { delay: 120 });

  return (
    <Combobox
      id="person-search"
      label={t('frontDesk.searchLabel')}
      hint={hint ?? t('people.searchHint')}
      value={query}
      onValueChange={onQueryChange}
      options={results}
      optionKey={(p) => p.id}
      onSelect={onSelect}
      emptyText={t('frontDesk.noResults')}
      inputRef={inputRef}
      autoFocus={autoFocus}
      renderOption={(p) => (
        <>
          <strong>
            {p.familyNames} {p.givenNames}
          </strong>
          <small>
            {[p.birthDate ? formatDate(p.birthDate) : null, countryName(p.citizenship), p.fiscalCode].filter(Boolean).join(' · ')}
          </small>
        </>
      )}
    />
  );
}
