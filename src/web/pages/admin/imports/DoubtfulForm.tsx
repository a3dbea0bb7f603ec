import { useId, useState } from 'react';
import type { Import, ImportSummary } from '../../../../contracts/imports.js';
import { useI18n } from '../../../i18n/index.js';
import { ChoiceSelect, ReanalyseForm, useReanalyse } from './ReanalyseForm.js';

type Doubtful = ImportSummary['doubtful'][number];

/**
 * People of the file who may be someone already in the register: for each, "Nuova persona" or
 * one of the candidates; the dry run runs again on the decisions.
 */
export function DoubtfulForm({ imp, doubtful, reload }: { imp: Import; doubtful: Doubtful[]; reload(): void }) {
  const { t, formatDate } = useI18n();
  const { change, send } = useReanalyse(imp, reload);
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
    return send({ decisions: chosen });
  };
  return (
    <ReanalyseForm
      change={change}
      onSubmit={submit}
      texts="imports.doubtful"
      columns={[t('imports.doubtful.person'), t('imports.doubtful.rows'), t('imports.doubtful.decision')]}
    >
      {doubtful.map((d, index) => (
        <tr key={d.key}>
          <th scope="row">{person(d)}</th>
          <td>{d.rowNumbers.join(', ')}</td>
          <td>
            <ChoiceSelect
              id={`${id}-doubtful-${index}`}
              label={t('imports.doubtful.decisionFor', { person: person(d) })}
              value={decisions[d.key] ?? ''}
              onChange={(value) => setDecisions({ ...decisions, [d.key]: value })}
              empty={t('common.choose')}
              options={[
                { value: 'new', label: t('imports.doubtful.new') },
                ...d.candidates.map((c) => ({ value: String(c.id), label: t('imports.doubtful.same', { person: person(c) }) })),
              ]}
            />
          </td>
        </tr>
      ))}
    </ReanalyseForm>
  );
}
