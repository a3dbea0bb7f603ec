/** The form of a network meeting: the date, the topic, the organisations involved, the outcome. */
import { useState } from 'react';
import type { NetworkMeeting, NetworkOrganisation } from '../../../../contracts/events.js';
import { todayInRome } from '../../../../domain/dates.js';
import { TextAreaField, TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { CheckboxList, FieldGroup } from '../../../kit/FieldGroup.js';
import { orNull, useChange, useFields } from '../../../kit/index.js';
import { NewRecordCentre, RecordFormOnTop, saveAndClose } from './shared.js';

/** The organisations as checkboxes: the active ones, and those the meeting names already. */
function OrganisationChoices({
  catalogue,
  chosen,
  onChange,
  error,
}: {
  catalogue: NetworkOrganisation[];
  chosen: number[];
  onChange(chosen: number[]): void;
  error?: string;
}) {
  const { t, label } = useI18n();
  const offered = catalogue.filter((organisation) => organisation.active || chosen.includes(organisation.id));
  return (
    <FieldGroup
      id="meeting-organisations"
      legend={t('events.meetings.organisations')}
      required
      hint={t('events.meetings.organisationsHint')}
      error={error}
    >
      <CheckboxList
        idPrefix="meeting-organisation"
        className="topic-grid"
        itemClassName="form-check my-1"
        options={offered.map((organisation) => ({
          value: organisation.id,
          label: (
            <>
              {organisation.name}
              <span className="small"> · {label('networkOrganisationKind', organisation.kind)}</span>
            </>
          ),
        }))}
        chosen={chosen}
        onChange={onChange}
      />
    </FieldGroup>
  );
}

/** A new meeting, or the one being corrected (sent back with the version it was read at). */
export function MeetingForm({
  catalogue,
  editing,
  reload,
  onDone,
}: {
  catalogue: NetworkOrganisation[];
  editing: NetworkMeeting | null;
  reload(): void;
  onDone(saved: boolean): void;
}) {
  const { t, formatDate } = useI18n();
  const today = todayInRome();
  const change = useChange({ reload });
  const form = useFields({ date: editing?.date ?? today, topic: editing?.topic ?? '', outcome: editing?.outcome ?? '', centreId: '' });
  const bound = boundTo(form, change);
  const [organisationIds, setOrganisationIds] = useState<number[]>(editing?.organisations.map((o) => o.id) ?? []);
  const { values } = form;
  const errors = change.fieldErrors;

  const save = async () => {
    const fields = { date: values.date, organisationIds, topic: values.topic.trim(), outcome: orNull(values.outcome) };
    await saveAndClose(change, '/network-meetings', editing, fields, values.centreId, onDone);
  };

  return (
    <RecordFormOnTop
      testId="meeting-form"
      texts="events.meetings"
      editing={editing && { date: formatDate(editing.date) }}
      change={change}
      onSubmit={save}
      onDone={onDone}
    >
      <div className="row">
        <TextField column="col-sm-6 col-lg-3" label={t('events.meetings.date')} type="date" required max={today} {...bound('date')} />
        <TextField column="col-lg-9" label={t('events.meetings.topic')} required maxLength={300} {...bound('topic')} />
        <NewRecordCentre editing={editing} {...bound('centreId')} />
      </div>
      <OrganisationChoices catalogue={catalogue} chosen={organisationIds} onChange={setOrganisationIds} error={errors.organisationIds} />
      <TextAreaField label={t('events.meetings.outcome')} maxLength={4000} {...bound('outcome')} />
    </RecordFormOnTop>
  );
}
