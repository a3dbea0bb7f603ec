import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { Course, GenerateLessonsResult, Lesson } from '../../../contracts/courses.js';
import { TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { type Change, type RowAction, useConfirm } from '../../kit/index.js';
import { useSession } from '../../session.js';
import { CourseListSection, useCourseList } from './courseList.js';
import { AddLessonForm, MoveForm } from './lessons/LessonForms.js';
import { formatMinutes, LessonFlags } from './shared.js';

/** The dates the last generation skipped, and why. */
function Skipped({ result }: { result: GenerateLessonsResult }) {
  const { t, formatDate } = useI18n();
  if (result.skipped.length === 0) return null;
  return (
    <div className="alert alert-info" role="status">
      <p className="mb-1">{t('courses.lessons.skipped')}</p>
      <ul className="mb-0">
        {result.skipped.map((s) => (
          <li key={s.date}>
            {formatDate(s.date, true)}: {t(`courses.skip.${s.reason}`)}
            {s.detail ? ` (${s.detail})` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Genera le lezioni" from the course's pattern, from a date (or its start); again, once there are lessons. */
function GenerateForm({
  course,
  regenerating,
  change,
  onSubmit,
}: {
  course: Course;
  regenerating: boolean;
  change: Change;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
}) {
  const { t } = useI18n();
  return (
    <form onSubmit={onSubmit} noValidate className="row align-items-end" aria-label={t('courses.lessons.generate')}>
      <div className="col-sm-4">
        <TextField
          label={t('courses.lessons.from')}
          name="from"
          type="date"
          min={course.startDate}
          max={course.endDate}
          hint={t('courses.lessons.fromHint')}
          error={change.fieldErrors.from}
        />
      </div>
      <div className="col-sm-8 mb-3">
        <button type="submit" className="btn btn-primary" aria-disabled={change.busy || undefined}>
          {regenerating ? t('courses.lessons.regenerate') : t('courses.lessons.generate')}
        </button>
        <p className="small mb-0 mt-1">{t('courses.lessons.generateHint')}</p>
      </div>
    </form>
  );
}

/** A course's lessons: generated from the pattern, moved, cancelled, added one by one; each with its attendance screen. */
export function LessonsSection({ course, onChanged }: { course: Course; onChanged(): void }) {
  const { t, formatDate, formatNumber, label } = useI18n();
  const { can } = useSession();
  const manage = can('catalogues.manage');
  const lessons = useCourseList<Lesson>(`/courses/${course.id}/lessons`, 'course-lessons', onChanged);
  const { items, reload, change, setNotice, edit, done } = lessons;
  const [generated, setGenerated] = useState<GenerateLessonsResult | null>(null);
  const confirm = useConfirm();

  const generate = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const from = String(new FormData(event.currentTarget).get('from') ?? '');
    if (items.length > 0 && !(await confirm(t('courses.lessons.regenerateConfirm'), { confirmLabel: t('courses.lessons.regenerate') })))
      return;
    setNotice(null);
    const sent = await change.send<GenerateLessonsResult>('POST', `/courses/${course.id}/lessons/generate`, from ? { from } : {});
    if (!sent.ok) return;
    const result = sent.data;
    setGenerated(result);
    done(t('courses.lessons.generated', { added: result.added, removed: result.removed, kept: result.kept + result.unchanged }));
  };
  const setStatus = async (lesson: Lesson, status: Lesson['status']) => {
    setNotice(null);
    const sent = await change.send('PATCH', `/lessons/${lesson.id}`, { version: lesson.version, status });
    if (sent.ok) done(t(status === 'cancelled' ? 'courses.lessons.cancelledNotice' : 'courses.lessons.restoredNotice'));
  };
  const remove = async (lesson: Lesson) => {
    const removed = await lessons.remove(`/lessons/${lesson.id}`, lesson, {
      question: t('courses.lessons.deleteConfirm', { date: formatDate(lesson.date) }),
      confirmLabel: t('courses.lessons.delete'),
      success: t('courses.lessons.deleted'),
    });
    if (removed) done(null);
  };
  const actions = (lesson: Lesson): RowAction[] => [
    { label: t('courses.lessons.move'), onClick: () => edit(lesson) },
    ...(lesson.status === 'scheduled' ? [{ label: t('courses.lessons.cancel'), onClick: () => setStatus(lesson, 'cancelled') }] : []),
    ...(lesson.status === 'cancelled' ? [{ label: t('courses.lessons.restore'), onClick: () => setStatus(lesson, 'scheduled') }] : []),
    ...(lesson.marked === 0 ? [{ label: t('courses.lessons.delete'), danger: true, onClick: () => remove(lesson) }] : []),
  ];

  return (
    <CourseListSection
      id="course-lessons"
      title={t('courses.lessons.title')}
      list={lessons}
      before={
        <>
          {manage ? <GenerateForm course={course} regenerating={items.length > 0} change={change} onSubmit={generate} /> : null}
          {generated ? <Skipped result={generated} /> : null}
        </>
      }
      table={{
        rowName: (lesson) => formatDate(lesson.date, true),
        empty: t('courses.lessons.none'),
        columns: [
          {
            header: t('courses.lessons.date'),
            rowHeader: true,
            className: 'fw-normal',
            cell: (lesson) => (
              <>
                {formatDate(lesson.date, true)}
                <LessonFlags lesson={lesson} />
                {lesson.notes ? <div className="small">{lesson.notes}</div> : null}
              </>
            ),
          },
          { header: t('courses.startTime'), cell: (lesson) => lesson.startTime },
          { header: t('courses.lessonLength'), cell: (lesson) => formatMinutes(lesson.minutes) },
          { header: t('courses.lessons.status'), cell: (lesson) => label('lessonStatus', lesson.status) },
          {
            header: t('courses.lessons.attendance'),
            cell: (lesson) => (
              <>
                {lesson.marked > 0
                  ? t('courses.lessons.presentOf', { present: formatNumber(lesson.present), marked: formatNumber(lesson.marked) })
                  : t('person.notSet')}
                {lesson.status !== 'cancelled' && can('personal.read') ? (
                  <Link to={`/lessons/${lesson.id}/attendance`} className="btn btn-outline-primary btn-sm ms-2 text-nowrap">
                    {t('courses.lessons.takeAttendance')}
                  </Link>
                ) : null}
              </>
            ),
          },
        ],
        actions: manage ? actions : undefined,
      }}
      rowForm={(lesson, close) => <MoveForm lesson={lesson} reload={reload} onClose={close} />}
    >
      {manage ? <AddLessonForm course={course} reload={reload} onAdded={() => done(t('courses.lessons.added'))} /> : null}
    </CourseListSection>
  );
}
