import { type FormEvent, Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { Course, GenerateLessonsResult, Lesson } from '../../../contracts/courses.js';
import { LESSON_STATUS_LABELS } from '../../../contracts/labels.js';
import { type ApiError, api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { formatMinutes } from './shared.js';

/** Moving a lesson: date, time and length in one small form. */
function MoveForm({ lesson, onDone, onError }: { lesson: Lesson; onDone(): void; onError(e: ApiError): void }) {
  const { t, formatDate } = useI18n();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      await api('PATCH', `/lessons/${lesson.id}`, {
        version: lesson.version,
        date: String(form.get('date')),
        startTime: String(form.get('startTime')),
        minutes: Number(form.get('minutes')),
      });
      onDone();
    } catch (e) {
      onError(e as ApiError);
    }
  };
  return (
    <form
      onSubmit={submit}
      className="row align-items-end border rounded p-2 my-2"
      aria-label={t('courses.lessons.moveOf', { date: formatDate(lesson.date) })}
    >
      <div className="col-sm-4">
        <TextField label={t('courses.lessons.date')} name="date" type="date" required defaultValue={lesson.date} />
      </div>
      <div className="col-sm-3">
        <TextField label={t('courses.startTime')} name="startTime" type="time" required defaultValue={lesson.startTime} />
      </div>
      <div className="col-sm-3">
        <TextField
          label={t('courses.lessonMinutes')}
          name="minutes"
          type="number"
          min={15}
          max={600}
          required
          defaultValue={lesson.minutes}
        />
      </div>
      <div className="col-sm-2 mb-3">
        <button type="submit" className="btn btn-primary btn-sm">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** A course's lessons: generated from the pattern, moved, cancelled, added one by one; each with its attendance screen. */
export function LessonsSection({ course, onChanged }: { course: Course; onChanged(): void }) {
  const { t, locale, formatDate, formatNumber } = useI18n();
  const { can } = useSession();
  const manage = can('catalogues.manage');
  const lessons = useApiGet<Lesson[]>(`/courses/${course.id}/lessons`);
  const [moving, setMoving] = useState<number | null>(null);
  const [generated, setGenerated] = useState<GenerateLessonsResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const done = (message?: string) => {
    setError(null);
    setFieldErrors({});
    setMoving(null);
    setNotice(message ?? null);
    lessons.reload();
    onChanged();
  };
  const fail = (e: ApiError) => {
    setNotice(null);
    setError(e);
    setFieldErrors(e.fieldErrors());
  };

  const generate = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const from = String(new FormData(event.currentTarget).get('from') ?? '');
    if ((lessons.data?.length ?? 0) > 0 && !window.confirm(t('courses.lessons.regenerateConfirm'))) return;
    try {
      const result = await api<GenerateLessonsResult>('POST', `/courses/${course.id}/lessons/generate`, from ? { from } : {});
      setGenerated(result);
      done(t('courses.lessons.generated', { added: result.added, removed: result.removed, kept: result.kept + result.unchanged }));
    } catch (e) {
      fail(e as ApiError);
    }
  };
  const setStatus = async (lesson: Lesson, status: Lesson['status']) => {
    try {
      await api('PATCH', `/lessons/${lesson.id}`, { version: lesson.version, status });
      done(t(status === 'cancelled' ? 'courses.lessons.cancelledNotice' : 'courses.lessons.restoredNotice'));
    } catch (e) {
      fail(e as ApiError);
    }
  };
  const remove = async (lesson: Lesson) => {
    if (!window.confirm(t('courses.lessons.deleteConfirm', { date: formatDate(lesson.date) }))) return;
    try {
      await api('DELETE', `/lessons/${lesson.id}`, undefined, { version: lesson.version });
      done();
    } catch (e) {
      fail(e as ApiError);
    }
  };
  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    try {
      await api('POST', `/courses/${course.id}/lessons`, {
        date: text('date'),
        ...(text('startTime') && { startTime: text('startTime') }),
        ...(text('minutes') && { minutes: Number(text('minutes')) }),
        notes: text('notes') || null,
      });
      formElement.reset();
      done(t('courses.lessons.added'));
    } catch (e) {
      fail(e as ApiError);
    }
  };

  const items = lessons.data ?? [];
  return (
    <section aria-labelledby="course-lessons" className="mt-4">
      <h2 id="course-lessons" className="h4">
        {t('courses.lessons.title')} <span className="badge bg-primary">{items.length}</span>
      </h2>
      <SuccessAlert message={notice} />
      <ProblemAlert error={error ?? lessons.error} />
      {manage ? (
        <form onSubmit={generate} className="row align-items-end" aria-label={t('courses.lessons.generate')}>
          <div className="col-sm-4">
            <TextField
              label={t('courses.lessons.from')}
              name="from"
              type="date"
              min={course.startDate}
              max={course.endDate}
              hint={t('courses.lessons.fromHint')}
              error={fieldErrors.from}
            />
          </div>
          <div className="col-sm-8 mb-3">
            <button type="submit" className="btn btn-primary">
              {items.length > 0 ? t('courses.lessons.regenerate') : t('courses.lessons.generate')}
            </button>
            <p className="small mb-0 mt-1">{t('courses.lessons.generateHint')}</p>
          </div>
        </form>
      ) : null}
      {generated && generated.skipped.length > 0 ? (
        <div className="alert alert-info" role="status">
          <p className="mb-1">{t('courses.lessons.skipped')}</p>
          <ul className="mb-0">
            {generated.skipped.map((s) => (
              <li key={s.date}>
                {formatDate(s.date, true)}: {t(`courses.skip.${s.reason}`)}
                {s.detail ? ` (${s.detail})` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {lessons.data && items.length === 0 ? <p>{t('courses.lessons.none')}</p> : null}
      {items.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm align-middle">
            <caption className="visually-hidden">{t('courses.lessons.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('courses.lessons.date')}</th>
                <th scope="col">{t('courses.startTime')}</th>
                <th scope="col">{t('courses.lessonLength')}</th>
                <th scope="col">{t('courses.lessons.status')}</th>
                <th scope="col">{t('courses.lessons.attendance')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((lesson) => (
                <Fragment key={`${lesson.id}-${lesson.version}`}>
                  <tr>
                    <th scope="row" className="fw-normal">
                      {formatDate(lesson.date, true)}
                      {lesson.outsideCourse ? (
                        <span className="badge bg-warning text-dark ms-2">{t('courses.lessons.outside')}</span>
                      ) : null}
                      {lesson.notes ? <div className="small">{lesson.notes}</div> : null}
                    </th>
                    <td>{lesson.startTime}</td>
                    <td>{formatMinutes(lesson.minutes)}</td>
                    <td>{LESSON_STATUS_LABELS[locale][lesson.status]}</td>
                    <td>
                      {lesson.marked > 0
                        ? t('courses.lessons.presentOf', { present: formatNumber(lesson.present), marked: formatNumber(lesson.marked) })
                        : t('person.notSet')}
                    </td>
                    <td>
                      <div className="d-flex gap-2 flex-wrap">
                        {lesson.status !== 'cancelled' && can('personal.read') ? (
                          <Link to={`/lessons/${lesson.id}/attendance`} className="btn btn-outline-primary btn-sm">
                            {t('courses.lessons.takeAttendance')}
                          </Link>
                        ) : null}
                        {manage ? (
                          <>
                            <button
                              type="button"
                              className="btn btn-outline-secondary btn-sm"
                              aria-expanded={moving === lesson.id}
                              onClick={() => setMoving(moving === lesson.id ? null : lesson.id)}
                            >
                              {t('courses.lessons.move')}
                            </button>
                            {lesson.status === 'scheduled' ? (
                              <button
                                type="button"
                                className="btn btn-outline-secondary btn-sm"
                                onClick={() => setStatus(lesson, 'cancelled')}
                              >
                                {t('courses.lessons.cancel')}
                              </button>
                            ) : null}
                            {lesson.status === 'cancelled' ? (
                              <button
                                type="button"
                                className="btn btn-outline-secondary btn-sm"
                                onClick={() => setStatus(lesson, 'scheduled')}
                              >
                                {t('courses.lessons.restore')}
                              </button>
                            ) : null}
                            {lesson.marked === 0 ? (
                              <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(lesson)}>
                                {t('courses.lessons.delete')}
                              </button>
                            ) : null}
                          </>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                  {/* The form in a row of its own: inside the row header it would become part of every cell's name. */}
                  {moving === lesson.id ? (
                    <tr>
                      <td colSpan={6}>
                        <MoveForm lesson={lesson} onDone={() => done(t('courses.lessons.moved'))} onError={fail} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {manage ? (
        <form onSubmit={add} className="border rounded p-3 mt-2" aria-labelledby="add-lesson">
          <h3 id="add-lesson" className="h5">
            {t('courses.lessons.add')}
          </h3>
          <p className="small">{t('courses.lessons.addHint')}</p>
          <div className="row align-items-end">
            <div className="col-sm-3">
              <TextField label={t('courses.lessons.date')} name="date" type="date" required error={fieldErrors.date} />
            </div>
            <div className="col-sm-2">
              <TextField
                label={t('courses.startTime')}
                name="startTime"
                type="time"
                defaultValue={course.startTime}
                error={fieldErrors.startTime}
              />
            </div>
            <div className="col-sm-2">
              <TextField
                label={t('courses.lessonMinutes')}
                name="minutes"
                type="number"
                min={15}
                max={600}
                defaultValue={course.lessonMinutes}
                error={fieldErrors.minutes}
              />
            </div>
            <div className="col-sm-3">
              <TextField label={t('courses.lessons.notes')} name="notes" maxLength={1000} error={fieldErrors.notes} />
            </div>
            <div className="col-sm-2 mb-3">
              <button type="submit" className="btn btn-outline-primary">
                {t('courses.lessons.addAction')}
              </button>
            </div>
          </div>
        </form>
      ) : null}
    </section>
  );
}
