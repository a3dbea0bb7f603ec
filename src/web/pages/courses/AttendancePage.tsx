import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { LessonAttendance } from '../../../contracts/courses.js';
import { todayInRome } from '../../../domain/dates.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { ExportLinks } from '../../kit/ExportLinks.js';
import { useChange } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { formatMinutes, LessonFlags, personName } from './shared.js';

/**
 * The attendance of one lesson, taken in a few seconds: a table of checkboxes, one per learner
 * enrolled on the lesson's date. Space ticks, the arrows (or Tab) move, "Tutti presenti" ticks
 * everyone; one save sends the whole lesson.
 */
export default function AttendancePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const screen = useApiGet<LessonAttendance>(`/lessons/${id}/attendance`);
  const [saved, setSaved] = useState<LessonAttendance | null>(null);
  // Kept here, not in the form: the form starts again from the marks someone else saved.
  const [staleLesson, setStaleLesson] = useState<string | null>(null);
  const data = saved && String(saved.lesson.id) === id ? saved : screen.data;
  if (screen.error) return <ProblemAlert error={screen.error} />;
  if (!data || String(data.lesson.id) !== id) return <p>{t('app.loading')}</p>;
  // A new key after each save starts the form again from what was saved (and its new version).
  return (
    <AttendanceForm
      key={`${data.lesson.id}-${data.lesson.version}`}
      screen={data}
      justSaved={saved !== null}
      stale={staleLesson === id}
      onSaved={(result) => {
        setStaleLesson(null);
        setSaved(result);
      }}
      onStale={() => {
        setSaved(null);
        setStaleLesson(id ?? null);
        screen.reload();
      }}
    />
  );
}

function AttendanceForm({
  screen,
  justSaved,
  stale,
  onSaved,
  onStale,
}: {
  screen: LessonAttendance;
  justSaved: boolean;
  /** Someone else saved this lesson meanwhile: the marks shown are theirs. */
  stale: boolean;
  onSaved(result: LessonAttendance): void;
  onStale(): void;
}) {
  const { t, formatDate, formatNumber, label } = useI18n();
  const { can } = useSession();
  const { lesson, course, learners } = screen;
  const [marks, setMarks] = useState<Record<number, boolean>>(() =>
    Object.fromEntries(learners.map((learner) => [learner.enrolmentId, learner.present ?? false])),
  );
  // No "Ricarica" for a stale lesson: the screen reloads by itself (onStale).
  const change = useChange({ reloadCodes: [] });
  const boxes = useRef<Array<HTMLInputElement | null>>([]);
  const when = `${formatDate(lesson.date, true)}, ${lesson.startTime}`;
  usePageTitle(t('courses.attendance.title', { course: course.title }));

  const cancelled = lesson.status === 'cancelled';
  const future = lesson.date > todayInRome();
  const editable = can('personal.write') && !cancelled && !future;

  useEffect(() => {
    if (editable && !justSaved) boxes.current[0]?.focus();
  }, [editable, justSaved]);

  const move = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    const last = learners.length - 1;
    const target =
      event.key === 'ArrowDown' || event.key === 'ArrowRight'
        ? Math.min(index + 1, last)
        : event.key === 'ArrowUp' || event.key === 'ArrowLeft'
          ? Math.max(index - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    boxes.current[target]?.focus();
  };

  const everyone = (present: boolean) => setMarks(Object.fromEntries(learners.map((learner) => [learner.enrolmentId, present])));

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const sent = await change.send<LessonAttendance>('PUT', `/lessons/${lesson.id}/attendance`, {
      version: lesson.version,
      entries: learners.map((learner) => ({ enrolmentId: learner.enrolmentId, present: marks[learner.enrolmentId] ?? false })),
    });
    if (sent.ok) onSaved(sent.data);
    // Someone else saved meanwhile: the screen starts again from their marks, and says so.
    else if (sent.error?.code === 'resource.stale_version') onStale();
  };

  const present = learners.filter((learner) => marks[learner.enrolmentId]).length;
  return (
    <>
      <p className="mb-1">
        <Link to={`/courses/${course.id}`}>{t('courses.attendance.backToCourse', { course: course.title })}</Link>
      </p>
      <h1 className="h2">{t('courses.attendance.title', { course: course.title })}</h1>
      <p>
        {when} · {formatMinutes(lesson.minutes)} · {label('lessonStatus', lesson.status)}
        <LessonFlags lesson={lesson} />
      </p>
      <SuccessAlert message={justSaved ? t('courses.attendance.saved', { present: lesson.present, total: learners.length }) : null} />
      {change.error?.code === 'resource.stale_version' ? null : change.problem}
      {stale ? (
        <div className="alert alert-warning" role="alert">
          {t('courses.attendance.stale')}
        </div>
      ) : null}
      {cancelled ? <p className="alert alert-warning">{t('courses.attendance.cancelled')}</p> : null}
      {future && !cancelled ? <p className="alert alert-info">{t('courses.attendance.future')}</p> : null}
      {learners.length === 0 ? <p>{t('courses.attendance.nobody')}</p> : null}
      {learners.length > 0 ? <ExportLinks list={`/lessons/${lesson.id}/attendance`} className="mb-3" /> : null}
      {learners.length > 0 ? (
        <form onSubmit={save} noValidate aria-busy={change.busy || undefined}>
          <p className="small" id="attendance-keys">
            {t('courses.attendance.keys')}
          </p>
          {editable ? (
            <div className="d-flex gap-2 mb-2">
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => everyone(true)}>
                {t('courses.attendance.allPresent')}
              </button>
              <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => everyone(false)}>
                {t('courses.attendance.nonePresent')}
              </button>
            </div>
          ) : null}
          <table className="table table-sm align-middle attendance-table" aria-describedby="attendance-keys">
            <caption className="caption-top h6 text-body">{t('courses.attendance.caption', { when })}</caption>
            <thead>
              <tr>
                <th scope="col" className="text-end">
                  {t('courses.attendance.number')}
                </th>
                <th scope="col">{t('courses.learner')}</th>
                <th scope="col">{t('courses.programme')}</th>
                <th scope="col">{t('courses.attendance.present')}</th>
              </tr>
            </thead>
            <tbody>
              {learners.map((learner, index) => {
                const boxId = `present-${learner.enrolmentId}`;
                const name = learner.person ? personName(learner.person) : t('courses.erased');
                return (
                  <tr key={learner.enrolmentId}>
                    <td className="text-end">{index + 1}</td>
                    <th scope="row" className="fw-normal">
                      <label htmlFor={boxId} className="mb-0">
                        {name}
                      </label>
                    </th>
                    <td>{label('enrolmentProgramme', learner.programme)}</td>
                    <td>
                      <input
                        id={boxId}
                        ref={(element) => {
                          boxes.current[index] = element;
                        }}
                        type="checkbox"
                        className="form-check-input m-0"
                        // A large target: the screen is ticked in a hurry, with the mouse too.
                        style={{ width: '1.5rem', height: '1.5rem' }}
                        checked={marks[learner.enrolmentId] ?? false}
                        disabled={!editable}
                        onChange={(e) => setMarks((current) => ({ ...current, [learner.enrolmentId]: e.target.checked }))}
                        onKeyDown={move(index)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p aria-live="polite">
            {t('courses.attendance.count', { present: formatNumber(present), total: formatNumber(learners.length) })}
          </p>
          {editable ? (
            <button type="submit" className="btn btn-primary" aria-disabled={change.busy || undefined}>
              {t('courses.attendance.save')}
            </button>
          ) : null}
        </form>
      ) : null}
    </>
  );
}
