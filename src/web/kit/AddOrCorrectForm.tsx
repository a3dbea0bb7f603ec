import type { ReactNode } from 'react';
import { RecordForm } from './forms.js';
import type { Change } from './useChange.js';

/**
 * The form beside a list that adds a record, or corrects the one chosen in the list (`correcting`:
 * then titled `correctTitle`, with Cancel, and the focus in its first field). Framed by `className`.
 */
export function AddOrCorrectForm({
  change,
  onSubmit,
  correcting,
  addTitle,
  correctTitle,
  titleAs,
  submitLabel,
  onCancel,
  className = 'border rounded p-3',
  children,
}: {
  change: Change;
  onSubmit(): unknown;
  correcting: boolean;
  addTitle: string;
  correctTitle: string;
  titleAs?: 'h2' | 'h3';
  submitLabel: string;
  onCancel(): void;
  className?: string;
  children: ReactNode;
}) {
  return (
    <RecordForm
      change={change}
      onSubmit={onSubmit}
      title={correcting ? correctTitle : addTitle}
      titleAs={titleAs}
      submitLabel={submitLabel}
      onCancel={correcting ? onCancel : undefined}
      autoFocus={correcting}
      className={className}
    >
      {children}
    </RecordForm>
  );
}
