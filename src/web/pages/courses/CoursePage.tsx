import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Course, CourseFigures } from '../../../contracts/courses.js';
import { ENROLMENT_PROGRAMMES } from '../../../contracts/enums.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/it.js';
import { LoadedSection, useChange, useConfirm } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { EnrolmentsSection } from './EnrolmentsSection.js';
import { LessonsSection } from './LessonsSection.js';
import { formatMinutes, usePatternText } from './shared.js';

/** A course: details, figures, lessons (generate, move, cancel, add) and enrolments. */
export default function CoursePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const course = useApiGet<Course>(`/courses/${id}`);
  if (course.error) return <ProblemAlert error={course.error} />;
  return course.data && String(course.data.id) === id ? (
    <CourseView key={id} course={course.data} reload={course.reload} />
  ) : (
    <p>{t('app.loading')}</p>
  );
}

function FiguresSection({ figures }: { figures: CourseFigures }) {
  const { t, formatNumber, label } = useI18n();
  const facts: Array<[string, string]> = [
    [t('courses.figures.lessonsHeld'), formatNumber(figures.lessonsHeld)],
    [t('courses.figures.hoursHeld'), formatNumber(figures.hoursHeld)],
    [t('courses.figures.lessonsScheduled'), formatNumber(figures.lessonsScheduled)],
    [t('courses.figures.lessonsCancelled'), formatNumber(figures.lessonsCancelled)],
    [t('courses.figures.enrolments'), formatNumber(figures.enrolments)],
    ...ENROLMENT_PROGRAMMES.map((programme): [string, string] => [
      `${t('courses.figures.ofWhich')} ${label('enrolmentProgramme', programme)}`,
      formatNumber(figures.byProgramme[programme] ?? 0),
    ]),
    [t('courses.figures.withdrawn'), formatNumber(figures.withdrawn)],
    [
      t('courses.figures.attendanceRate'),
      figures.attendanceRate === null ? t('person.notSet') : `${formatNumber(figures.attendanceRate)}%`,
    ],
    [t('courses.figures.completed', { threshold: figures.completionThreshold }), formatNumber(figures.completed)],
  ];
  return (
    <dl className="row" data-testid="course-figures">
      {facts.map(([label, value]) => (
        <div className="col-sm-6 col-lg-3 mb-2" key={label}>
          <dt>{label}</dt>
          <dd className="mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CourseView({ course, reload }: { course: Course; reload(): void }) {
  const { t, formatDate, formatNumber, label } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const patternText = usePatternText();
  const figures = useApiGet<CourseFigures>(`/courses/${course.id}/figures`);
  const change = useChange();
  const confirm = useConfirm();
  const notice = (location.state as { notice?: MessageKey } | null)?.notice;
  usePageTitle(course.title);

  const changed = () => {
    reload();
    figures.reload();
  };
  const remove = async () => {
    if (!(await confirm(t('courses.deleteConfirm', { title: course.title }), { confirmLabel: t('courses.delete'), danger: true }))) return;
    const sent = await change.send('DELETE', `/courses/${course.id}`, undefined, {
      query: { version: course.version },
      success: t('courses.deleted'),
    });
    if (sent.ok) navigate('/courses', { replace: true });
  };

  const facts: Array<[string, string]> = [
    [t('courses.kind'), label(course.kind)],
    [t('courses.level'), course.level ? label('courseLevel', course.level) : t('person.notSet')],
    [t('courses.partner'), course.partner ?? t('person.notSet')],
    [t('courses.place'), course.place ?? t('person.notSet')],
    [t('courses.startDate'), formatDate(course.startDate, true)],
    [t('courses.endDate'), formatDate(course.endDate, true)],
    [t('courses.pattern'), patternText(course)],
    [t('courses.lessonLength'), formatMinutes(course.lessonMinutes)],
    [
      t('courses.capacity'),
      course.capacity !== null
        ? t('courses.ofCapacity', { count: formatNumber(course.activeEnrolments), capacity: formatNumber(course.capacity) })
        : t('courses.noLimit'),
    ],
  ];

  return (
    <>
      <SuccessAlert message={notice ? t(notice) : null} />
      {change.problem}
      <p className="mb-1">
        <Link to="/courses">{t('courses.backToList')}</Link>
      </p>
      <div className="d-flex justify-content-between align-items-start flex-wrap gap-2 mb-3">
        <h1 className="h2">{course.title}</h1>
        {can('catalogues.manage') ? (
          <div className="d-flex gap-2">
            <Link to={`/courses/${course.id}/edit`} className="btn btn-outline-primary">
              {t('courses.editAction')}
            </Link>
            <button type="button" className="btn btn-outline-danger" onClick={remove}>
              {t('courses.delete')}
            </button>
          </div>
        ) : null}
      </div>
      <dl className="row">
        {facts.map(([name, value]) => (
          <div className="col-sm-6 col-lg-4 mb-2" key={name}>
            <dt>{name}</dt>
            <dd className="mb-0">{value}</dd>
          </div>
        ))}
        {course.notes ? (
          <div className="col-12 mb-2">
            <dt>{t('courses.notes')}</dt>
            <dd className="mb-0">{course.notes}</dd>
          </div>
        ) : null}
      </dl>

      <LoadedSection id="course-figures" title={t('courses.figures.title')} loaded={figures} className="mt-3">
        {(data) => <FiguresSection figures={data} />}
      </LoadedSection>

      <LessonsSection course={course} onChanged={changed} />

      {can('personal.read') ? <EnrolmentsSection course={course} onChanged={changed} /> : null}
    </>
  );
}
