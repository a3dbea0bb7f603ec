/**
 * A centre's contact field (address, telephone, e-mail) as the first-run setup and the centre's
 * settings both ask it: its label, input type, autocomplete and length (contracts/centres.ts).
 */
import type { InputHTMLAttributes } from 'react';
import { type FieldProps, TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';

const CONTACTS = {
  address: { label: 'centres.address', maxLength: 300, autoComplete: 'street-address' },
  phone: { label: 'centres.phone', type: 'tel', maxLength: 40 },
  email: { label: 'centres.email', type: 'email', maxLength: 200 },
} as const;

export function CentreContactField({
  contact,
  ...props
}: { contact: keyof typeof CONTACTS } & Omit<FieldProps, 'label'> & InputHTMLAttributes<HTMLInputElement>) {
  const { t } = useI18n();
  const { label, ...input } = CONTACTS[contact];
  return <TextField label={t(label)} {...input} {...props} />;
}
