import type { ComponentProps } from 'react';
import type { LabelList, LabelValue } from '../../contracts/labels.js';
import { SelectField } from '../components/fields.js';
import { useI18n } from '../i18n/index.js';
import { Options } from './forms.js';

type ValueSelectProps<L extends LabelList> = Omit<ComponentProps<typeof SelectField>, 'children'> & {
  /** The value list of contracts/labels.ts that words the values. */
  list: L;
  /** The values offered, in their order (an enum of contracts/enums.ts). */
  values: readonly (LabelValue<L> & string)[];
  /** A choice to be made: the field is required, and "Scegli" (the empty value, nothing chosen yet) comes first. */
  choose?: boolean;
  /** The empty value first, so worded ("Qualsiasi", "Nessuno"). */
  blank?: string;
};

/** A field choosing one value of a value list, so that a select, its empty choice and its words are written once. */
export function ValueSelect<L extends LabelList>({ list, values, choose, blank, ...field }: ValueSelectProps<L>) {
  const { t, labels } = useI18n();
  const empty = choose ? t('common.choose') : blank;
  return (
    <SelectField {...field} required={choose || field.required}>
      {empty === undefined ? null : <option value="">{empty}</option>}
      <Options values={values} labels={labels(list)} />
    </SelectField>
  );
}
