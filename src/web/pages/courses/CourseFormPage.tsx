import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Course } from '../../../contracts/courses.js';
import { COURSE_LEVELS } from '../../../contracts/enums.js';
import { useApiGet } from '../../api/hooks.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo, textsOf } from '../../kit/bound.js';
import { CheckboxList, FieldGroup } from '../../kit/FieldGroup.js';
import { orNull, useChange, useFields, ValueSelect } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { useCourseKinds, useWeekdayName, WEEKDAYS } from './shared.js';

/** A new course, or the course to edit (/courses/:id/edit). */
export default function CourseFormPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const existing = useApiGet<Course>(id ? `/courses/${id}` : null);
  if (id && existing.error) return <ProblemAlert error={existing.error} />;
  if (id && !existing.data) return <p>{t('app.loading')}</p>;
  return <CourseForm key={id ?? 'new'} course={existing.data} />;
}

function CourseForm({ course }: { course?: Course }) {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const weekdayName = useWeekdayName();
  const kinds = useCourseKinds();
  const centres = useSession().me?.centres ?? [];
  const [weekdays, setWeekdays] = useState<number[]>(course?.weekdays ?? []);
  const change = useChange();
  const form = useFields({
    centreId: '',
    kindId: course ? String(course.kind.id) : '',
    ...textsOf(course, ['title', 'level', 'partner', 'place', 'startDate', 'endDate', 'startTime', 'notes']),
    lessonMinutes: String(course?.lessonMinutes ?? 180),
    capacity: course?.capacity == null ? '' : String(course.capacity),
  });
  const bound = boundTo(form, change);
  const title = course ? t('courses.edit', { title: course.title }) : t('courses.new');
  usePageTitle(title);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = form.values;
    const body = {
      kindId: Number(values.kindId),
      title: values.title.trim(),
      level: orNull(values.level),
      partner: orNull(values.partner),
      place: orNull(values.place),
      startDate: values.startDate.trim(),
      endDate: values.endDate.trim(),
      weekdays,
      startTime: values.startTime.trim(),
      lessonMinutes: Number(values.lessonMinutes.trim()),
      capacity: values.capacity.trim() === '' ? null : Number(values.capacity.trim()),
      notes: orNull(values.notes),
    };
    const sent = course
      ? await change.send<Course>('PATCH', `/courses/${course.id}`, { version: course.version, ...body })
      : await change.send<Course>('POST', '/courses', { ...body, ...(values.centreId && { centreId: Number(values.centreId) }) });
    if (sent.ok) navigate(`/courses/${sent.data.id}`, { state: { notice: course ? 'courses.saved' : 'courses.created' } });
  };

  const shownKinds = (kinds.data ?? []).filter((kind) => kind.active || kind.id === course?.kind.id);
  return (
    <>
      <h1 className="h2">{title}</h1>
      <ProblemAlert error={kinds.error} />
      {change.problem}
      <form onSubmit={submit} noValidate aria-busy={change.busy || undefined}>
        <div className="row">
          {!course && centres.length > 1 ? (
            <div className="col-md-4">
              <CentreSelect label={t('courses.centre')} required {...bound('centreId')} />
            </div>
          ) : null}
          <div className="col-md-4">
            <SelectField label={t('courses.kind')} required {...bound('kindId')}>
              <option value="">{t('common.choose')}</option>
              {shownKinds.map((kind) => (
                <option key={kind.id} value={kind.id}>
                  {label(kind)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-8">
            <TextField label={t('courses.courseTitle')} required maxLength={200} {...bound('title')} />
          </div>
          <div className="col-md-4">
            <ValueSelect
              label={t('courses.level')}
              hint={t('courses.levelHint')}
              list="courseLevel"
              values={COURSE_LEVELS}
              blank={t('courses.noLevel')}
              {...bound('level')}
            />
          </div>
          <div className="col-md-4">
            <TextField label={t('courses.partner')} maxLength={200} hint={t('courses.partnerHint')} {...bound('partner')} />
          </div>
          <div className="col-md-4">
            <TextField label={t('courses.place')} maxLength={200} {...bound('place')} />
          </div>
          <div className="col-md-3">
            <TextField label={t('courses.startDate')} type="date" required {...bound('startDate')} />
          </div>
          <div className="col-md-3">
            <TextField label={t('courses.endDate')} type="date" required {...bound('endDate')} />
          </div>
          <div className="col-md-3">
            <TextField label={t('courses.startTime')} type="time" required {...bound('startTime')} />
          </div>
          <div className="col-md-3">
            <TextField label={t('courses.lessonMinutes')} type="number" min={15} max={600} step={5} required {...bound('lessonMinutes')} />
          </div>
        </div>
        <FieldGroup id="course-weekdays" legend={t('courses.weekdays')} required error={change.fieldErrors.weekdays}>
          <CheckboxList
            idPrefix="course-weekday"
            className="d-flex flex-wrap gap-3"
            options={WEEKDAYS.map((weekday) => ({ value: weekday, label: weekdayName(weekday) }))}
            chosen={weekdays}
            onChange={setWeekdays}
          />
        </FieldGroup>
        <div className="row">
          <div className="col-md-3">
            <TextField
              label={t('courses.capacity')}
              type="number"
              min={1}
              max={1000}
              hint={t('courses.capacityHint')}
              {...bound('capacity')}
            />
          </div>
          <div className="col-md-9">
            <TextAreaField label={t('courses.notes')} maxLength={2000} rows={2} {...bound('notes')} />
          </div>
        </div>
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary" aria-disabled={change.busy || undefined}>
            {t('common.save')}
          </button>
          <Link to={course ? `/courses/${course.id}` : '/courses'} className="btn btn-outline-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
