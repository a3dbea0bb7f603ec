/** Placing someone into a course: the course, the programme, the enrolment date. */
import type { Course, WaitingListEntry } from '../../../../contracts/courses.js';
import { todayInRome } from '../../../../domain/dates.js';
import { SelectField, TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { RecordForm, useChange, useFields } from '../../../kit/index.js';
import { ProgrammeSelect, personName } from '../shared.js';

export function PlaceForm({
  entry,
  courses,
  reload,
  onPlaced,
  onCancel,
}: {
  entry: WaitingListEntry;
  courses: Course[];
  reload(): void;
  onPlaced(course: Course): void;
  onCancel(): void;
}) {
  const { t, formatDate } = useI18n();
  const change = useChange({ reload });
  const form = useFields({ courseId: '', programme: '', enrolledOn: todayInRome() });
  const bound = boundTo(form, change);
  const { values } = form;
  const place = async () => {
    const courseId = Number(values.courseId);
    const sent = await change.send('POST', `/waiting-list/${entry.id}/place`, {
      version: entry.version,
      courseId,
      programme: values.programme,
      enrolledOn: values.enrolledOn,
    });
    if (sent.ok) onPlaced(courses.find((c) => c.id === courseId) as Course);
  };
  const name = entry.person ? personName(entry.person) : t('courses.erased');
  const ofCentre = courses.filter((course) => course.centreId === entry.centreId);
  return (
    <RecordForm
      change={change}
      onSubmit={place}
      label={t('courses.waiting.placeOf', { name })}
      submitLabel={t('courses.waiting.placeAction')}
      onCancel={onCancel}
      small
      autoFocus
    >
      <SelectField label={t('courses.waiting.course')} required {...bound('courseId')}>
        <option value="">{t('common.choose')}</option>
        {ofCentre.map((course) => (
          <option key={course.id} value={course.id}>
            {course.title} ({formatDate(course.startDate)} – {formatDate(course.endDate)})
            {course.capacity !== null ? ` · ${course.activeEnrolments}/${course.capacity}` : ''}
          </option>
        ))}
      </SelectField>
      <ProgrammeSelect {...bound('programme')} />
      <TextField label={t('courses.enrolments.enrolledOn')} type="date" required min={entry.requestedOn} {...bound('enrolledOn')} />
    </RecordForm>
  );
}
