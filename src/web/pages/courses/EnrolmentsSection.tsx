import { Link } from 'react-router';
import type { Course, Enrolment } from '../../../contracts/courses.js';
import { useI18n } from '../../i18n/index.js';
import { ExportLinks } from '../../kit/ExportLinks.js';
import type { RowAction } from '../../kit/index.js';
import { useSession } from '../../session.js';
import { CourseListSection, useCourseList } from './courseList.js';
import { EnrolForm, WithdrawForm } from './enrolments/EnrolmentForms.js';
import { personName, useEnrolmentColumns } from './shared.js';

/** A course's learners with their programme, dates and attendance; enrolling, withdrawing (on demand). */
export function EnrolmentsSection({ course, onChanged }: { course: Course; onChanged(): void }) {
  const { t } = useI18n();
  const enrolmentColumns = useEnrolmentColumns<Enrolment>();
  const { can } = useSession();
  const write = can('personal.write');
  const enrolments = useCourseList<Enrolment>(`/courses/${course.id}/enrolments`, 'course-enrolments', onChanged);
  const { reload, setNotice, edit } = enrolments;
  const nameOf = (enrolment: Enrolment) => (enrolment.person ? personName(enrolment.person) : t('courses.erased'));

  const remove = (enrolment: Enrolment) =>
    enrolments.remove(`/enrolments/${enrolment.id}`, enrolment, {
      question: t('courses.enrolments.deleteConfirm'),
      confirmLabel: t('courses.enrolments.delete'),
      success: t('courses.enrolments.deleted'),
    });
  const actions = (enrolment: Enrolment): RowAction[] => [
    ...(enrolment.withdrawnOn === null ? [{ label: t('courses.enrolments.withdraw'), onClick: () => edit(enrolment) }] : []),
    { label: t('courses.enrolments.delete'), danger: true, onClick: () => remove(enrolment) },
  ];
  return (
    <CourseListSection
      id="course-enrolments"
      title={t('courses.enrolments.title')}
      list={enrolments}
      table={{
        rowName: nameOf,
        empty: t('courses.enrolments.none'),
        columns: [
          {
            header: t('courses.learner'),
            rowHeader: true,
            className: 'fw-normal',
            cell: (enrolment) =>
              enrolment.person ? <Link to={`/people/${enrolment.person.id}`}>{personName(enrolment.person)}</Link> : t('courses.erased'),
          },
          ...enrolmentColumns,
        ],
        actions: write ? actions : undefined,
      }}
      rowForm={(enrolment, close) => <WithdrawForm enrolment={enrolment} reload={reload} onClose={close} />}
    >
      <ExportLinks list={`/courses/${course.id}/enrolments`} className="mb-3" />
      {write ? <EnrolForm course={course} reload={reload} onEnrolled={setNotice} /> : null}
    </CourseListSection>
  );
}
