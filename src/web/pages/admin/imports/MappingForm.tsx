import { useId, useState } from 'react';
import type { Import, ImportFieldKey } from '../../../../contracts/imports.js';
import { useI18n } from '../../../i18n/index.js';
import { RecordForm, useChange } from '../../../kit/index.js';
import { fieldLabel, fieldsOf } from './fields.js';

/**
 * The file's columns, each header with the field it fills (or "Ignora"): a change is sent
 * with "Aggiorna l'analisi", and the dry run runs again on it.
 */
export function MappingForm({ imp, reload }: { imp: Import; reload(): void }) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const id = useId();
  const [mapping, setMapping] = useState<Record<string, ImportFieldKey | null>>(() =>
    Object.fromEntries(imp.headers.map((_, index) => [String(index), imp.mapping[String(index)] ?? null])),
  );
  const fields = fieldsOf(imp.kind);
  const errors = change.fieldErrors;
  const submit = () =>
    change.send(
      'PATCH',
      `/imports/${imp.id}`,
      { version: imp.version, mapping },
      { success: t('imports.reanalysing'), focus: 'import-title' },
    );
  return (
    <RecordForm change={change} onSubmit={submit} title={t('imports.mapping.title')} submitLabel={t('imports.reanalyse')}>
      <p className="small">{t('imports.mapping.intro')}</p>
      {errors.mapping ? (
        <div className="alert alert-danger" role="alert">
          {errors.mapping}
        </div>
      ) : null}
      <div className="table-responsive">
        <table className="table table-sm">
          <caption className="visually-hidden">{t('imports.mapping.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.mapping.header')}</th>
              <th scope="col">{t('imports.mapping.field')}</th>
            </tr>
          </thead>
          <tbody>
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
                    <select
                      id={selectId}
                      className={`form-select form-select-sm${errors[`mapping.${key}`] ? ' is-invalid' : ''}`}
                      aria-invalid={errors[`mapping.${key}`] ? true : undefined}
                      aria-describedby={errors[`mapping.${key}`] ? `${selectId}-error` : undefined}
                      value={mapping[key] ?? ''}
                      onChange={(e) => setMapping({ ...mapping, [key]: (e.target.value || null) as ImportFieldKey | null })}
                    >
                      <option value="">{t('imports.mapping.ignore')}</option>
                      {fields.map((field) => (
                        <option key={field} value={field}>
                          {fieldLabel(t, field)}
                        </option>
                      ))}
                    </select>
                    {errors[`mapping.${key}`] ? (
                      <div id={`${selectId}-error`} className="invalid-feedback d-block">
                        {errors[`mapping.${key}`]}
                      </div>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </RecordForm>
  );
}
