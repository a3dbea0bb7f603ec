import type { SelectHTMLAttributes } from 'react';
import { useCountries } from '../api/hooks.js';
import { useI18n } from '../i18n/index.js';
import { SelectField } from './fields.js';

/** Countries by their Italian (or English) name; stateless and unknown at the top. */
export function CountrySelect({
  label,
  error,
  required,
  emptyLabel,
  ...select
}: { label: string; error?: string; required?: boolean; emptyLabel?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const countries = useCountries();
  const { locale, t } = useI18n();
  const special = countries.filter((c) => c.kind === 'special');
  const others = countries
    .filter((c) => c.kind !== 'special')
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
