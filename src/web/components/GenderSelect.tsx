import type { SelectHTMLAttributes } from 'react';
import { GENDERS } from '../../contracts/enums.js';
import { useI18n } from '../i18n/index.js';
import { ValueSelect } from '../kit/ValueSelect.js';

/** "Genere": the value list's genders, "Scegli" first. */
export function GenderSelect(select: { error?: string; required?: boolean; column?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const { t } = useI18n();
  return <ValueSelect label={t('person.gender')} list="gender" values={GENDERS} blank={t('common.choose')} {...select} />;
}
