/** The form of an event: a new one, or the one being corrected (sent back with the version it was read at). */
import { useState } from 'react';
import type { Event, EventParticipant } from '../../../../contracts/events.js';
import { NumberField, TextAreaField, TextField } from '../../../components/fields.js';
import { PersonSearch } from '../../../components/PersonSearch.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo, textsOf } from '../../../kit/bound.js';
import { FieldGroup } from '../../../kit/FieldGroup.js';
import { orNull, useChange, useFields } from '../../../kit/index.js';
import { personName } from '../../activities/shared.js';
import { NewRecordCentre, RecordFormOnTop, saveAndClose } from './shared.js';

/** The people of the centre taking part: the list chosen so far, and the search to add one. */
function ParticipantsField({
  participants,
  onChange,
  error,
}: {
  participants: EventParticipant[];
  onChange(participants: EventParticipant[]): void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <FieldGroup id="event-participants" legend={t('events.participants')} hint={t('events.participantsHint')} error={error}>
      {participants.length === 0 ? (
        <p>{t('events.participantsNone')}</p>
      ) : (
        <ul className="list-unstyled" data-testid="event-participants">
          {participants.map((person) => (
            <li key={person.id} className="d-flex justify-content-between align-items-center border-bottom py-1">
              <span>{personName(person)}</span>
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm"
                aria-label={t('events.removeWho', { name: personName(person) })}
                onClick={() => onChange(participants.filter((p) => p.id !== person.id))}
              >
                {t('events.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <PersonSearch
        onSelect={(chosen) => {
          if (!participants.some((p) => p.id === chosen.id)) {
            onChange([...participants, { id: chosen.id, givenNames: chosen.givenNames, familyNames: chosen.familyNames }]);
          }
        }}
      />
    </FieldGroup>
  );
}

export function EventForm({ editing, reload, onDone }: { editing: Event | null; reload(): void; onDone(saved: boolean): void }) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const form = useFields({
    ...textsOf(editing, ['title', 'date', 'startTime', 'endTime', 'place', 'meetingPoint', 'partner', 'description']),
    others: String(editing?.otherParticipants ?? 0),
    centreId: '',
  });
  const bound = boundTo(form, change);
  const [participants, setParticipants] = useState<EventParticipant[]>(editing?.participants ?? []);
  const { values } = form;
  const errors = change.fieldErrors;

  const save = async () => {
    const fields = {
      title: values.title.trim(),
      date: values.date,
      startTime: values.startTime || null,
      endTime: values.endTime || null,
      place: orNull(values.place),
      meetingPoint: orNull(values.meetingPoint),
      partner: orNull(values.partner),
      description: orNull(values.description),
      participantIds: participants.map((p) => p.id),
      otherParticipants: Number(values.others) || 0,
    };
    await saveAndClose(change, '/events', editing, fields, values.centreId, onDone);
  };

  return (
    <RecordFormOnTop
      testId="event-form"
      texts="events"
      editing={editing && { title: editing.title }}
      change={change}
      onSubmit={save}
      onDone={onDone}
    >
      <div className="row">
        <TextField column="col-lg-6" label={t('events.field.title')} required maxLength={200} {...bound('title')} />
        <TextField
          column="col-sm-6 col-lg-2"
          label={t('events.field.date')}
          type="date"
          required
          hint={t('events.field.dateHint')}
          {...bound('date')}
        />
        <TextField column="col-sm-3 col-lg-2" label={t('events.field.startTime')} type="time" {...bound('startTime')} />
        <TextField column="col-sm-3 col-lg-2" label={t('events.field.endTime')} type="time" {...bound('endTime')} />
        <TextField column="col-lg-4" label={t('events.field.place')} maxLength={200} {...bound('place')} />
        <TextField column="col-lg-4" label={t('events.field.meetingPoint')} maxLength={200} {...bound('meetingPoint')} />
        <TextField column="col-lg-4" label={t('events.field.partner')} maxLength={200} {...bound('partner')} />
        <NewRecordCentre editing={editing} {...bound('centreId')} />
      </div>
      <TextAreaField label={t('events.field.description')} maxLength={4000} {...bound('description')} />
      <ParticipantsField participants={participants} onChange={setParticipants} error={errors.participantIds} />
      <div className="row">
        <NumberField
          column="col-sm-6 col-lg-4"
          label={t('events.field.otherParticipants')}
          min={0}
          max={100000}
          {...form.field('others')}
          error={errors.otherParticipants}
        />
      </div>
    </RecordFormOnTop>
  );
}
