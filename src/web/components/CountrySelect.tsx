import type { SelectHTMLAttributes } from 'react';
import { useCountries } from '../api/hooks.js';
import { useI18n } from '../i18n/index.js';
import { SelectField } from './fields.js';

/**
 * Countries by their Italian (or English) name; stateless and unknown at the top.
 * `citizenship` leaves out the territories (Réunion, Gibraltar…): a citizenship is that of a
 * state (or stateless, or unknown), while a territory is still a valid country of birth. A
 * territory already chosen (a file or a filter from before the rule) stays shown, so the form tells the truth.
 */
export function CountrySelect({
  label,
  error,
  required,
  emptyLabel,
  citizenship = false,
  ...select
}: {
  label: string;
  error?: string;
  required?: boolean;
  emptyLabel?: string;
  citizenship?: boolean;
  column?: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const countries = useCountries();
  const { locale, t } = useI18n();
  const chosen = select.value ?? select.defaultValue;
  const special = countries.filter((c) => c.kind === 'special');
  const others = countries
    .filter((c) => c.kind !== 'special' && !(citizenship && c.kind === 'territory' && c.code !== chosen))
    .map((c) => ({ code: c.code, name: locale === 'it' ? c.it : c.en }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <SelectField label={label} error={error} required={required} {...select}>
      <option value="">{emptyLabel ?? t('common.choose')}</option>
      {special.map((c) => (
        <option key={c.code} value={c.code}>
          {locale === 'it' ? c.it : c.en}
        </option>
      ))}
      {others.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </SelectField>
  );
}

export function useCountryName() {
  const countries = useCountries();
  const { locale } = useI18n();
  return (code: string) => {
    const country = countries.find((c) => c.code === code);
    return country ? (locale === 'it' ? country.it : country.en) : code;
  };
}
