import { useId, useState } from 'react';
import type { Import, ImportFieldKey } from '../../../../contracts/imports.js';
import { useI18n } from '../../../i18n/index.js';
import { fieldLabel, fieldsOf } from './fields.js';
import { ChoiceSelect, ReanalyseForm, useReanalyse } from './ReanalyseForm.js';

/**
 * The file's columns, each header with the field it fills (or "Ignora"): a change is sent
 * with "Aggiorna l'analisi", and the dry run runs again on it.
 */
export function MappingForm({ imp, reload }: { imp: Import; reload(): void }) {
  const { t } = useI18n();
  const { change, send } = useReanalyse(imp, reload);
  const id = useId();
  const [mapping, setMapping] = useState<Record<string, ImportFieldKey | null>>(() =>
    Object.fromEntries(imp.headers.map((_, index) => [String(index), imp.mapping[String(index)] ?? null])),
  );
  const options = fieldsOf(imp.kind).map((field) => ({ value: field, label: fieldLabel(t, field) }));
  const errors = change.fieldErrors;
  return (
    <ReanalyseForm
      change={change}
      onSubmit={() => send({ mapping })}
      texts="imports.mapping"
      columns={[t('imports.mapping.header'), t('imports.mapping.field')]}
      before={
        errors.mapping ? (
          <div className="alert alert-danger" role="alert">
            {errors.mapping}
          </div>
        ) : null
      }
    >
      {imp.headers.map((header, index) => {
        const key = String(index);
        const selectId = `${id}-column-${index}`;
        return (
          <tr key={key}>
            <th scope="row">
              <label htmlFor={selectId} className="fw-semibold mb-0">
                {header || t('imports.mapping.noHeader', { column: index + 1 })}
              </label>
            </th>
            <td>
              <ChoiceSelect
                id={selectId}
                value={mapping[key] ?? ''}
                onChange={(value) => setMapping({ ...mapping, [key]: (value || null) as ImportFieldKey | null })}
                empty={t('imports.mapping.ignore')}
                options={options}
                error={errors[`mapping.${key}`]}
              />
            </td>
          </tr>
        );
      })}
    </ReanalyseForm>
  );
}
