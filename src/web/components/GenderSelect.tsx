import type { SelectHTMLAttributes } from 'react';
import { GENDERS } from '../../contracts/enums.js';
import { useI18n } from '../i18n/index.js';
import { SelectField } from './fields.js';

export function GenderSelect({
  error,
  required,
  ...select
}: { error?: string; required?: boolean; column?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const { t, label } = useI18n();
  return (
    <SelectField label={t('person.gender')} required={required} error={error} {...select}>
      <option value="">{t('common.choose')}</option>
      {GENDERS.map((g) => (
        <option key={g} value={g}>
          {label('gender', g)}
        </option>
      ))}
    </SelectField>
  );
}
