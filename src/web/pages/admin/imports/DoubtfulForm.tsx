import { useId, useState } from 'react';
import type { Import, ImportSummary } from '../../../../contracts/imports.js';
import { useI18n } from '../../../i18n/index.js';
import { RecordForm, useChange } from '../../../kit/index.js';

type Doubtful = ImportSummary['doubtful'][number];

/**
 * People of the file who may be someone already in the register: for each, "Nuova persona" or
 * one of the candidates; the dry run runs again on the decisions.
 */
export function DoubtfulForm({ imp, doubtful, reload }: { imp: Import; doubtful: Doubtful[]; reload(): void }) {
  const { t, formatDate } = useI18n();
  const change = useChange({ reload });
  const id = useId();
  const [decisions, setDecisions] = useState<Record<string, string>>(() =>
    Object.fromEntries(doubtful.map((d) => [d.key, d.decision === null ? '' : String(d.decision)])),
  );
  const person = (p: { familyNames: string; givenNames: string; birthDate: string | null }) =>
    p.birthDate ? `${p.familyNames} ${p.givenNames} (${formatDate(p.birthDate)})` : `${p.familyNames} ${p.givenNames}`;
  const submit = () => {
    const chosen: Record<string, 'new' | number> = {};
    for (const [key, value] of Object.entries(decisions)) {
      if (value === 'new') chosen[key] = 'new';
      else if (value) chosen[key] = Number(value);
    }
    return change.send(
      'PATCH',
      `/imports/${imp.id}`,
      { version: imp.version, decisions: chosen },
      { success: t('imports.reanalysing'), focus: 'import-title' },
    );
  };
  return (
    <RecordForm change={change} onSubmit={submit} title={t('imports.doubtful.title')} submitLabel={t('imports.reanalyse')}>
      <p className="small">{t('imports.doubtful.intro')}</p>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption className="visually-hidden">{t('imports.doubtful.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.doubtful.person')}</th>
              <th scope="col">{t('imports.doubtful.rows')}</th>
              <th scope="col">{t('imports.doubtful.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {doubtful.map((d, index) => {
              const selectId = `${id}-doubtful-${index}`;
              return (
                <tr key={d.key}>
                  <th scope="row">{person(d)}</th>
                  <td>{d.rowNumbers.join(', ')}</td>
                  <td>
                    <label htmlFor={selectId} className="visually-hidden">
                      {t('imports.doubtful.decisionFor', { person: person(d) })}
                    </label>
                    <select
                      id={selectId}
                      className="form-select form-select-sm"
                      value={decisions[d.key] ?? ''}
                      onChange={(e) => setDecisions({ ...decisions, [d.key]: e.target.value })}
                    >
                      <option value="">{t('common.choose')}</option>
                      <option value="new">{t('imports.doubtful.new')}</option>
                      {d.candidates.map((c) => (
                        <option key={c.id} value={c.id}>
                          {t('imports.doubtful.same', { person: person(c) })}
                        </option>
                      ))}
                    </select>
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
