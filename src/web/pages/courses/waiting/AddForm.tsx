/** "Aggiungi a una lista d'attesa": the person, the list, the date asked, the priority, a short note. */
import { useState } from 'react';
import { WAITING_LIST_KINDS, WAITING_LIST_PRIORITIES } from '../../../../contracts/enums.js';
import type { PersonSummary } from '../../../../contracts/people.js';
import { todayInRome } from '../../../../domain/dates.js';
import { SelectField, TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { orNull, RecordForm, useChange, useFields, ValueSelect } from '../../../kit/index.js';
import { PersonPicker } from '../../activities/shared.js';
import { personName } from '../shared.js';

export function AddForm({ reload, onAdded }: { reload(): void; onAdded(message: string): void }) {
  const { t, label } = useI18n();
  const change = useChange({ reload });
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const form = useFields({ kind: '', requestedOn: todayInRome(), priority: '0', notes: '' });
  const bound = boundTo(form, change);
  const { values } = form;
  const errors = change.fieldErrors;
  const add = async () => {
    if (!person) {
      change.invalid({ personId: t('courses.enrolments.choosePerson') });
      return;
    }
    const sent = await change.send('POST', '/waiting-list', {
      personId: person.id,
      kind: values.kind,
      requestedOn: values.requestedOn,
      priority: Number(values.priority),
      notes: orNull(values.notes),
    });
    if (sent.ok) {
      setPerson(null);
      form.reset();
      onAdded(t('courses.waiting.added', { name: personName(person) }));
    }
  };
  return (
    <RecordForm
      change={change}
      onSubmit={add}
      title={t('courses.waiting.add')}
      titleAs="h2"
      submitLabel={t('courses.waiting.addAction')}
      className="border rounded p-3 mb-4"
    >
      <PersonPicker legend={t('courses.waiting.person')} person={person} onChange={setPerson} error={errors.personId} />
      <div className="row align-items-end">
        <div className="col-md-3">
          <ValueSelect label={t('courses.waiting.kind')} list="waitingListKind" values={WAITING_LIST_KINDS} choose {...bound('kind')} />
        </div>
        <div className="col-md-3">
          <TextField label={t('courses.waiting.requestedOn')} type="date" required max={todayInRome()} {...bound('requestedOn')} />
        </div>
        <div className="col-md-2">
          <SelectField label={t('courses.waiting.priority')} {...bound('priority')}>
            {WAITING_LIST_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {label('waitingListPriority', p)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-4">
          <TextField label={t('courses.waiting.notes')} maxLength={1000} {...bound('notes')} />
        </div>
      </div>
    </RecordForm>
  );
}
