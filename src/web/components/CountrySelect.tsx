import type { SelectHTMLAttributes } from 'react';
import { useCountries } from '../api/hooks.js';
import { useI18n } from '../i18n/index.js';
import { ChoiceSelect } from '../kit/FilterSelect.js';

/**
 * Countries by their Italian (or English) name; stateless and unknown at the top.
 * `citizenship` leaves out the territories (Réunion, Gibraltar…): a citizenship is that of a
 * state (or stateless, or unknown), while a territory is still a valid country of birth. A
 * territory already chosen (a file or a filter from before the rule) stays shown, so the form tells the truth.
 * `issuing` offers the countries that issue documents: states and territories, not "stateless" or "unknown".
 */
export function CountrySelect({
  emptyLabel,
  citizenship = false,
  issuing = false,
  ...field
}: {
  label: string;
  error?: string;
  required?: boolean;
  emptyLabel?: string;
  citizenship?: boolean;
  issuing?: boolean;
  column?: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const countries = useCountries();
  const { locale, t } = useI18n();
  const chosen = field.value ?? field.defaultValue;
  const name = (c: { it: string; en: string }) => (locale === 'it' ? c.it : c.en);
  const special = countries.filter((c) => c.kind === 'special' && !issuing).map((c) => ({ value: c.code, label: name(c) }));
  const others = countries
    .filter((c) => c.kind !== 'special' && !(citizenship && c.kind === 'territory' && c.code !== chosen))
    .map((c) => ({ value: c.code, label: name(c) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return <ChoiceSelect {...field} blank={emptyLabel ?? t('common.choose')} choices={[...special, ...others]} />;
}

export function useCountryName() {
  const countries = useCountries();
  const { locale } = useI18n();
  return (code: string) => {
    const country = countries.find((c) => c.code === code);
    return country ? (locale === 'it' ? country.it : country.en) : code;
  };
}
