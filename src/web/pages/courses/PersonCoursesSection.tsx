import { Link } from 'react-router';
import type { PersonCourses } from '../../../contracts/courses.js';
import {
  COURSE_LEVEL_LABELS,
  ENROLMENT_PROGRAMME_LABELS,
  WAITING_LIST_KIND_LABELS,
  WAITING_LIST_STATUS_LABELS,
} from '../../../contracts/labels.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { useLabel } from './shared.js';

/** The person's file: the courses they followed (with attendance) and the waiting lists they are on. */
export function PersonCoursesSection({ personId, initial }: { personId: number; initial?: PersonCourses }) {
  const { t, locale, formatDate, formatNumber } = useI18n();
  const label = useLabel();
  const courses = useApiGet<PersonCourses>(`/people/${personId}/courses`, undefined, initial);
  const enrolments = courses.data?.enrolments ?? [];
  const waiting = courses.data?.waitingList ?? [];

  return (
    <section aria-labelledby="person-courses" className="mt-4">
      <h2 id="person-courses" className="h4">
        {t('courses.person.title')} <span className="badge bg-primary">{enrolments.length}</span>
      </h2>
      <ProblemAlert error={courses.error} />
      {courses.data && enrolments.length === 0 ? <p>{t('courses.person.none')}</p> : null}
      {enrolments.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('courses.person.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('courses.courseTitle')}</th>
                <th scope="col">{t('courses.kind')}</th>
                <th scope="col">{t('courses.dates')}</th>
                <th scope="col">{t('courses.programme')}</th>
                <th scope="col">{t('courses.enrolments.enrolledOn')}</th>
                <th scope="col">{t('courses.enrolments.withdrawnOn')}</th>
                <th scope="col">{t('courses.enrolments.attendance')}</th>
                <th scope="col">{t('courses.enrolments.completed')}</th>
              </tr>
            </thead>
            <tbody>
              {enrolments.map((enrolment) => (
                <tr key={enrolment.id}>
                  <th scope="row" className="fw-normal">
                    <Link to={`/courses/${enrolment.course.id}`}>{enrolment.course.title}</Link>
                  </th>
                  <td>
                    {label(enrolment.course.kind)}
                    {enrolment.course.level ? ` · ${COURSE_LEVEL_LABELS[locale][enrolment.course.level]}` : ''}
                  </td>
                  <td>
                    {formatDate(enrolment.course.startDate)} – {formatDate(enrolment.course.endDate)}
                  </td>
                  <td>{ENROLMENT_PROGRAMME_LABELS[locale][enrolment.programme]}</td>
                  <td>{formatDate(enrolment.enrolledOn)}</td>
                  <td>{enrolment.withdrawnOn ? formatDate(enrolment.withdrawnOn) : t('person.notSet')}</td>
                  <td>
                    {t('courses.enrolments.attendedOf', {
                      attended: formatNumber(enrolment.attended),
                      held: formatNumber(enrolment.heldWhileEnrolled),
                    })}
                  </td>
                  <td>{enrolment.completed ? t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {waiting.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="caption-top h6 text-body">{t('courses.person.waiting')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('courses.waiting.kind')}</th>
                <th scope="col">{t('courses.waiting.requestedOn')}</th>
                <th scope="col">{t('courses.waiting.status')}</th>
                <th scope="col" className="text-end">
                  {t('courses.waiting.daysWaited')}
                </th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row" className="fw-normal">
                    {WAITING_LIST_KIND_LABELS[locale][entry.kind]}
                  </th>
                  <td>{formatDate(entry.requestedOn)}</td>
                  <td>
                    {WAITING_LIST_STATUS_LABELS[locale][entry.status]}
                    {entry.enrolment ? (
                      <>
                        {' · '}
                        <Link to={`/courses/${entry.enrolment.courseId}`}>{entry.enrolment.courseTitle}</Link>
                      </>
                    ) : null}
                  </td>
                  <td className="text-end">{formatNumber(entry.daysWaited)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="small">
        <Link to="/waiting-list">{t('courses.person.toWaitingList')}</Link>
      </p>
    </section>
  );
}
