import { type RefObject, useState } from 'react';
import type { PersonSummary } from '../../contracts/people.js';
import { useI18n } from '../i18n/index.js';
import { useSearch } from '../kit/useSearch.js';
import { Combobox } from './Combobox.js';
import { useCountryName } from './CountrySelect.js';

/**
 * Search-as-you-type over the people of the user's centres. Without `query` and `onQueryChange`
 * it keeps its own words, and starts again empty after each person chosen.
 */
export function PersonSearch({
  id = 'person-search',
  onSelect,
  query: givenQuery,
  onQueryChange,
  inputRef,
  autoFocus,
  hint,
}: {
  /** The field's id: another than the default where a page has two searches (the desk and a visit's correction). */
  id?: string;
  onSelect(person: PersonSummary): void;
  query?: string;
  onQueryChange?(query: string): void;
  inputRef?: RefObject<HTMLInputElement | null>;
  autoFocus?: boolean;
  /** Defaults to the keyboard hint for choosing a person; the front desk says what comes next. */
  hint?: string;
}) {
  const { t, formatDate } = useI18n();
  const countryName = useCountryName();
  const [ownQuery, setOwnQuery] = useState('');
  const query = givenQuery ?? ownQuery;
  const results = useSearch<PersonSummary>('/people', query, { delay: 120 });

  return (
    <Combobox
      id={id}
      label={t('frontDesk.searchLabel')}
      hint={hint ?? t('people.searchHint')}
      value={query}
      onValueChange={onQueryChange ?? setOwnQuery}
      options={results}
      optionKey={(p) => p.id}
      onSelect={(person) => {
        if (givenQuery === undefined) setOwnQuery('');
        onSelect(person);
      }}
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
