import { useState } from 'react';
import { APPLICATION_OUTCOMES } from '../../../contracts/enums.js';
import type { PersonSummary } from '../../../contracts/people.js';
import { todayInRome } from '../../../domain/dates.js';
import { TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { RecordForm, useChange, useFields, ValueSelect } from '../../kit/index.js';
import { CentreField, DayField, useCentreChoice } from './fields.js';
import { ApplicationTypeSelect, PersonPicker, useApplicationTypes } from './shared.js';

/**
 * Records an application: for the person given (the person's file), or for the person chosen
 * here. Without a person, someone working in several centres says which centre. `onSaved`
 * shows the message itself (and may close the form); without it the message is announced and
 * the form starts again for the next one.
 */
export function ApplicationForm({
  personId,
  title,
  reload,
  onSaved,
  onCancel,
}: {
  personId?: number;
  title?: string;
  reload(): void;
  onSaved?(message: string): void;
  onCancel?(): void;
}) {
  const { t } = useI18n();
  const types = useApplicationTypes();
  const change = useChange({ reload });
  const { fieldErrors } = change;
  const form = useFields({ typeId: '', outcome: 'submitted', date: todayInRome(), notes: '', centreId: '' });
  const bound = boundTo(form, change);
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const chosenPersonId = personId ?? person?.id;
  const centre = useCentreChoice(chosenPersonId !== undefined);

  const save = async () => {
    const { typeId, outcome, date, notes, centreId } = form.values;
    const message = t('activities.applications.saved');
    const body = {
      typeId: Number(typeId),
      outcome,
      date,
      ...(chosenPersonId ? { personId: chosenPersonId } : {}),
      ...centre.body(centreId),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    const sent = await change.send('POST', '/applications', body, { success: onSaved ? undefined : message });
    if (!sent.ok) return;
    form.set({ typeId: '', outcome: 'submitted', notes: '' });
    setPerson(null);
    onSaved?.(message);
  };

  return (
    <RecordForm
      change={change}
      onSubmit={save}
      title={title}
      titleAs={title ? 'h3' : undefined}
      label={title ? undefined : t('activities.applications.record')}
      submitLabel={t('activities.applications.save')}
      onCancel={onCancel}
      autoFocus={Boolean(onCancel)}
      className={title ? 'border rounded p-3 my-3' : ''}
    >
      {personId ? null : (
        <PersonPicker
          legend={t('activities.person')}
          hint={t('activities.applications.personHint')}
          person={person}
          onChange={setPerson}
          error={fieldErrors.personId}
        />
      )}
      <div className="row">
        <div className="col-md-6">
          <ApplicationTypeSelect
            types={types.data ?? []}
            value={form.values.typeId}
            error={fieldErrors.typeId}
            onChange={(typeId) => form.set({ typeId })}
          />
        </div>
        <ValueSelect
          column="col-sm-6 col-md-3"
          label={t('activities.applications.outcome')}
          list="applicationOutcome"
          values={APPLICATION_OUTCOMES}
          {...form.field('outcome')}
        />
        <DayField column="col-sm-6 col-md-3" {...bound('date')} />
        {centre.choose ? <CentreField column="col-md-6" {...bound('centreId')} /> : null}
      </div>
      <TextField label={t('activities.applications.notes')} maxLength={2000} {...bound('notes')} />
    </RecordForm>
  );
}
