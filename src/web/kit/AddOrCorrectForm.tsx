import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/it.js';
import { RecordForm } from './forms.js';
import type { Change } from './useChange.js';

/** The prefixes of the dictionary that have `.add`, `.editing` and `.save` (an add-or-correct form's texts). */
export type AddOrCorrectTexts = {
  [K in MessageKey]: K extends `${infer P}.add` ? (`${P}.editing` | `${P}.save` extends MessageKey ? P : never) : never;
}[MessageKey];

/**
 * The form beside a list that adds a record, titled `<texts>.add`, or corrects the one chosen in
 * the list (`editing`: the values that name it in the title `<texts>.editing`; then with Cancel,
 * and the focus in its first field); saved with `<texts>.save`. Its title an h2 unless `titleAs`,
 * framed by `className`.
 */
export function AddOrCorrectForm({
  change,
  onSubmit,
  texts,
  editing,
  titleAs = 'h2',
  onCancel,
  className = 'border rounded p-3',
  children,
}: {
  change: Change;
  onSubmit(): unknown;
  texts: AddOrCorrectTexts;
  /** Null: the form adds a record. */
  editing: Record<string, string | number> | null;
  titleAs?: 'h2' | 'h3';
  onCancel(): void;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const correcting = editing !== null;
  return (
    <RecordForm
      change={change}
      onSubmit={onSubmit}
      title={correcting ? t(`${texts}.editing`, editing) : t(`${texts}.add`)}
      titleAs={titleAs}
      submitLabel={t(`${texts}.save`)}
      onCancel={correcting ? onCancel : undefined}
      autoFocus={correcting}
      className={className}
    >
      {children}
    </RecordForm>
  );
}
