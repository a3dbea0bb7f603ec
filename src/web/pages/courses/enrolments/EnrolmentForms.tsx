/** The enrolment forms: a person enrolled in the course, a learner withdrawn on a date. */
import { useState } from 'react';
import type { Course, Enrolment } from '../../../../contracts/courses.js';
import type { PersonSummary } from '../../../../contracts/people.js';
import { todayInRome } from '../../../../domain/dates.js';
import { TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { useChange, useFields } from '../../../kit/index.js';
import { PersonPicker } from '../../activities/shared.js';
import { AddToListForm, RowForm } from '../courseList.js';
import { ProgrammeSelect, personName } from '../shared.js';

/** Withdrawing a learner on a date; `onClose` says what was done (null: cancelled). */
export function WithdrawForm({
  enrolment,
  reload,
  onClose,
}: {
  enrolment: Enrolment;
  reload(): void;
  onClose(message: string | null): void;
}) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const form = useFields({ withdrawnOn: todayInRome() });
  const bound = boundTo(form, change);
  const withdraw = async () => {
    const sent = await change.send('PATCH', `/enrolments/${enrolment.id}`, {
      version: enrolment.version,
      withdrawnOn: form.values.withdrawnOn,
    });
    if (sent.ok) onClose(t('courses.enrolments.withdrawn'));
  };
  const name = enrolment.person ? personName(enrolment.person) : t('courses.erased');
  return (
    <RowForm change={change} onSubmit={withdraw} label={t('courses.enrolments.withdrawOf', { name })} onClose={onClose}>
      <TextField label={t('courses.enrolments.withdrawnOn')} type="date" required min={enrolment.enrolledOn} {...bound('withdrawnOn')} />
    </RowForm>
  );
}

export function EnrolForm({ course, reload, onEnrolled }: { course: Course; reload(): void; onEnrolled(message: string): void }) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const form = useFields({ programme: '', enrolledOn: todayInRome() });
  const bound = boundTo(form, change);
  const enrol = async () => {
    if (!person) {
      change.invalid({ personId: t('courses.enrolments.choosePerson') });
      return;
    }
    const sent = await change.send('POST', `/courses/${course.id}/enrolments`, { personId: person.id, ...form.values });
    if (sent.ok) {
      setPerson(null);
      onEnrolled(t('courses.enrolments.enrolled', { name: personName(person) }));
    }
  };
  return (
    <AddToListForm change={change} onSubmit={enrol} title={t('courses.enrolments.add')} submitLabel={t('courses.enrolments.enrol')}>
      <PersonPicker legend={t('courses.learner')} person={person} onChange={setPerson} error={change.fieldErrors.personId} />
      <div className="row align-items-end">
        <div className="col-sm-6">
          <ProgrammeSelect {...bound('programme')} />
        </div>
        <div className="col-sm-6">
          <TextField label={t('courses.enrolments.enrolledOn')} type="date" required {...bound('enrolledOn')} />
        </div>
      </div>
    </AddToListForm>
  );
}
