import { Link } from 'react-router';
import type { PersonCourses } from '../../../contracts/courses.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { RecordTable, TitledSection } from '../../kit/index.js';
import { useEnrolmentColumns } from './shared.js';

/** The person's file: the courses they followed (with attendance) and the waiting lists they are on. */
export function PersonCoursesSection({ personId, initial }: { personId: number; initial?: PersonCourses }) {
  const { t, formatDate, formatNumber, label } = useI18n();
  const enrolmentColumns = useEnrolmentColumns<PersonCourses['enrolments'][number]>();
  const courses = useApiGet<PersonCourses>(`/people/${personId}/courses`, undefined, initial);
  const enrolments = courses.data?.enrolments ?? [];
  const waiting = courses.data?.waitingList ?? [];

  return (
    <TitledSection id="person-courses" title={t('courses.person.title')} count={enrolments.length} className="mt-4">
      <ProblemAlert error={courses.error} />
      {courses.data ? (
        <RecordTable<PersonCourses['enrolments'][number]>
          caption={t('courses.person.title')}
          captionHidden
          rows={enrolments}
          empty={t('courses.person.none')}
          columns={[
            {
              header: t('courses.courseTitle'),
              rowHeader: true,
              className: 'fw-normal',
              cell: (enrolment) => <Link to={`/courses/${enrolment.course.id}`}>{enrolment.course.title}</Link>,
            },
            {
              header: t('courses.kind'),
              cell: (enrolment) =>
                `${label(enrolment.course.kind)}${enrolment.course.level ? ` · ${label('courseLevel', enrolment.course.level)}` : ''}`,
            },
            {
              header: t('courses.dates'),
              cell: (enrolment) => `${formatDate(enrolment.course.startDate)} – ${formatDate(enrolment.course.endDate)}`,
            },
            ...enrolmentColumns,
          ]}
        />
      ) : null}
      <RecordTable<PersonCourses['waitingList'][number]>
        caption={t('courses.person.waiting')}
        className="table table-sm caption-top"
        rows={waiting}
        columns={[
          {
            header: t('courses.waiting.kind'),
            rowHeader: true,
            className: 'fw-normal',
            cell: (entry) => label('waitingListKind', entry.kind),
          },
          { header: t('courses.waiting.requestedOn'), cell: (entry) => formatDate(entry.requestedOn) },
          {
            header: t('courses.waiting.status'),
            cell: (entry) => (
              <>
                {label('waitingListStatus', entry.status)}
                {entry.enrolment ? (
                  <>
                    {' · '}
                    <Link to={`/courses/${entry.enrolment.courseId}`}>{entry.enrolment.courseTitle}</Link>
                  </>
                ) : null}
              </>
            ),
          },
          { header: t('courses.waiting.daysWaited'), className: 'text-end', cell: (entry) => formatNumber(entry.daysWaited) },
        ]}
      />
      <p className="small">
        <Link to="/waiting-list">{t('courses.person.toWaitingList')}</Link>
      </p>
    </TitledSection>
  );
}
