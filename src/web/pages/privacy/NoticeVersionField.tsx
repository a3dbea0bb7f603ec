/**
 * A privacy notice's version as the organisation names it, required and as long as the server
 * takes it (contracts/privacy.ts noticeVersion): the centre's current version in its settings,
 * the version given in a notice recorded.
 */
import type { InputHTMLAttributes } from 'react';
import { type FieldProps, TextField } from '../../components/fields.js';

export function NoticeVersionField(props: Omit<FieldProps, 'required'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'maxLength'>) {
  return <TextField maxLength={20} required {...props} />;
}
