import { type ReactNode, useState } from 'react';
import { useApiGet } from '../api/hooks.js';
import { SuccessAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/it.js';
import { RecordForm } from './forms.js';
import { type Change, useChange } from './useChange.js';

/** The prefixes of the dictionary that have `.title`, `.save` and `.saved` (an organisation policy form's texts). */
export type PolicyTexts = {
  [K in MessageKey]: K extends `${infer P}.title` ? (`${P}.save` | `${P}.saved` extends MessageKey ? P : never) : never;
}[MessageKey];

/** What a policy form's fields are given: the values shown (edited, else saved), `set` to edit some, the change. */
export interface PolicyEdit<T> {
  values: T;
  set(patch: Partial<T>): void;
  change: Change;
}

/**
 * An organisation's policy as a form of its own (a section of an administrator's page): loaded
 * from `path` and saved there with PUT. It shows the saved values until someone edits them, then
 * the edited ones; once saved, the saved ones again and `<texts>.saved` above the fields. Titled
 * `<texts>.title` (h2), saved with `<texts>.save`; `intro` (from what was loaded) under the title,
 * `editable` picks from what was loaded what the form sends (default: all of it).
 */
export function PolicyForm<Loaded, T = Loaded>({
  path,
  texts,
  intro,
  editable = (loaded) => loaded as unknown as T,
  children,
}: {
  path: string;
  texts: PolicyTexts;
  intro(loaded: Loaded): ReactNode;
  editable?: (loaded: Loaded) => T;
  children(edit: PolicyEdit<T>): ReactNode;
}) {
  const { t } = useI18n();
  const policy = useApiGet<Loaded>(path);
  const change = useChange({ reload: policy.reload });
  // Null until someone changes a field: then the edited policy, else the saved one.
  const [edited, setEdited] = useState<T | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!policy.data) return null;
  const values = edited ?? editable(policy.data);

  const save = async () => {
    setDone(null);
    const sent = await change.send('PUT', path, values);
    if (sent.ok) {
      setEdited(null);
      setDone(t(`${texts}.saved`));
    }
  };

  return (
    <RecordForm
      change={change}
      onSubmit={save}
      title={t(`${texts}.title`)}
      titleAs="h2"
      submitLabel={t(`${texts}.save`)}
      className="border rounded p-3 mt-4"
    >
      {intro(policy.data)}
      <SuccessAlert message={done} />
      {children({ values, set: (patch) => setEdited({ ...values, ...patch }), change })}
    </RecordForm>
  );
}
