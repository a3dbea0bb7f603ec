import type { ComponentProps } from 'react';
import { SelectField } from '../components/fields.js';
import { useI18n } from '../i18n/index.js';

export interface Choice {
  value: string | number;
  label: string;
}

/** The <option>s of `choices`, after the empty value worded `blank` when there is one. */
export function ChoiceOptions({ blank, choices }: { blank?: string; choices: readonly Choice[] }) {
  return (
    <>
      {blank === undefined ? null : <option value="">{blank}</option>}
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </>
  );
}

/** A select of `choices` (value and words each), with the empty value first, worded `blank` ("Nessuno", "Qualsiasi"…). */
export function ChoiceSelect({
  blank,
  choices,
  ...field
}: Omit<ComponentProps<typeof SelectField>, 'children'> & { blank: string; choices: readonly Choice[] }) {
  return (
    <SelectField {...field}>
      <ChoiceOptions blank={blank} choices={choices} />
    </SelectField>
  );
}

/**
 * A list filter's select (field `name`, starting from the address's `value`): "Qualsiasi" first,
 * meaning no filter, then the `choices`; in its grid `column`.
 */
export function FilterSelect({
  label,
  name,
  value,
  choices,
  column,
}: {
  label: string;
  name: string;
  value?: string;
  choices: readonly Choice[];
  column?: string;
}) {
  const { t } = useI18n();
  return <ChoiceSelect label={label} name={name} defaultValue={value ?? ''} column={column} blank={t('visits.any')} choices={choices} />;
}
