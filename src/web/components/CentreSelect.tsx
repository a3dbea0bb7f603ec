import type { SelectHTMLAttributes } from 'react';
import { useI18n } from '../i18n/index.js';
import { useSession } from '../session.js';
import { SelectField } from './fields.js';

/** The user's centres, for those who work in more than one (the page shows nothing otherwise). */
export function CentreSelect({
  label,
  error,
  required,
  emptyLabel,
  ...select
}: { label: string; error?: string; required?: boolean; emptyLabel?: string; column?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const { t } = useI18n();
  const centres = useSession().me?.centres ?? [];
  return (
    <SelectField label={label} required={required} error={error} {...select}>
      <option value="">{emptyLabel ?? t('common.choose')}</option>
      {centres.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </SelectField>
  );
}
