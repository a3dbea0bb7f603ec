import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Course } from '../../../contracts/courses.js';
import { COURSE_LEVELS } from '../../../contracts/enums.js';
import { useApiGet } from '../../api/hooks.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { useChange } from '../../kit/index.js';
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
  const fieldErrors = change.fieldErrors;
  const title = course ? t('courses.edit', { title: course.title }) : t('courses.new');
  usePageTitle(title);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const optionalNumber = (name: string) => (text(name) === '' ? null : Number(text(name)));
    const body = {
      kindId: Number(text('kindId')),
      title: text('title'),
      level: text('level') || null,
      partner: text('partner') || null,
      place: text('place') || null,
      startDate: text('startDate'),
      endDate: text('endDate'),
      weekdays,
      startTime: text('startTime'),
      lessonMinutes: Number(text('lessonMinutes')),
      capacity: optionalNumber('capacity'),
      notes: text('notes') || null,
    };
    const sent = course
      ? await change.send<Course>('PATCH', `/courses/${course.id}`, { version: course.version, ...body })
      : await change.send<Course>('POST', '/courses', { ...body, ...(text('centreId') && { centreId: Number(text('centreId')) }) });
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
              <CentreSelect label={t('courses.centre')} name="centreId" required error={fieldErrors.centreId} />
            </div>
          ) : null}
          <div className="col-md-4">
            <SelectField label={t('courses.kind')} name="kindId" required defaultValue={course?.kind.id ?? ''} error={fieldErrors.kindId}>
              <option value="">{t('common.choose')}</option>
              {shownKinds.map((kind) => (
                <option key={kind.id} value={kind.id}>
                  {label(kind)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-8">
            <TextField
              label={t('courses.courseTitle')}
              name="title"
              required
              maxLength={200}
              defaultValue={course?.title}
              error={fieldErrors.title}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              label={t('courses.level')}
              name="level"
              defaultValue={course?.level ?? ''}
              hint={t('courses.levelHint')}
              error={fieldErrors.level}
            >
              <option value="">{t('courses.noLevel')}</option>
              {COURSE_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {label('courseLevel', level)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-4">
            <TextField
              label={t('courses.partner')}
              name="partner"
              maxLength={200}
              hint={t('courses.partnerHint')}
              defaultValue={course?.partner ?? ''}
              error={fieldErrors.partner}
            />
          </div>
          <div className="col-md-4">
            <TextField
              label={t('courses.place')}
              name="place"
              maxLength={200}
              defaultValue={course?.place ?? ''}
              error={fieldErrors.place}
            />
          </div>
          <div className="col-md-3">
            <TextField
              label={t('courses.startDate')}
              name="startDate"
              type="date"
              required
              defaultValue={course?.startDate}
              error={fieldErrors.startDate}
            />
          </div>
          <div className="col-md-3">
            <TextField
              label={t('courses.endDate')}
              name="endDate"
              type="date"
              required
              defaultValue={course?.endDate}
              error={fieldErrors.endDate}
            />
          </div>
          <div className="col-md-3">
            <TextField
              label={t('courses.startTime')}
              name="startTime"
              type="time"
              required
              defaultValue={course?.startTime}
              error={fieldErrors.startTime}
            />
          </div>
          <div className="col-md-3">
            <TextField
              label={t('courses.lessonMinutes')}
              name="lessonMinutes"
              type="number"
              min={15}
              max={600}
              step={5}
              required
              defaultValue={course?.lessonMinutes ?? 180}
              error={fieldErrors.lessonMinutes}
            />
          </div>
        </div>
        <fieldset className="mb-3" aria-describedby={fieldErrors.weekdays ? 'course-weekdays-error' : undefined}>
          <legend className="form-label h6">
            {t('courses.weekdays')}
            <span className="visually-hidden"> ({t('common.required')})</span>
            <span aria-hidden="true"> *</span>
          </legend>
          <div className="d-flex flex-wrap gap-3">
            {WEEKDAYS.map((weekday) => (
              <div className="form-check" key={weekday}>
                <input
                  id={`course-weekday-${weekday}`}
                  type="checkbox"
                  checked={weekdays.includes(weekday)}
                  onChange={(e) =>
                    setWeekdays((list) => (e.target.checked ? [...list, weekday].sort((a, b) => a - b) : list.filter((d) => d !== weekday)))
                  }
                />
                <label htmlFor={`course-weekday-${weekday}`}>{weekdayName(weekday)}</label>
              </div>
            ))}
          </div>
          {fieldErrors.weekdays ? (
            <div id="course-weekdays-error" className="invalid-feedback d-block" role="alert">
              {fieldErrors.weekdays}
            </div>
          ) : null}
        </fieldset>
        <div className="row">
          <div className="col-md-3">
            <TextField
              label={t('courses.capacity')}
              name="capacity"
              type="number"
              min={1}
              max={1000}
              hint={t('courses.capacityHint')}
              defaultValue={course?.capacity ?? ''}
              error={fieldErrors.capacity}
            />
          </div>
          <div className="col-md-9">
            <TextAreaField
              label={t('courses.notes')}
              name="notes"
              maxLength={2000}
              rows={2}
              defaultValue={course?.notes ?? ''}
              error={fieldErrors.notes}
            />
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
