import { useState } from 'react';
import { Link } from 'react-router';
import type { Course, Enrolment } from '../../../contracts/courses.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { focusLater, RecordTable, type RowAction, useChange, useConfirm } from '../../kit/index.js';
import { useSession } from '../../session.js';
import { EnrolForm, WithdrawForm } from './enrolments/EnrolmentForms.js';
import { personName, useEnrolmentColumns } from './shared.js';

/** A course's learners with their programme, dates and attendance; enrolling, withdrawing (on demand). */
export function EnrolmentsSection({ course, onChanged }: { course: Course; onChanged(): void }) {
  const { t } = useI18n();
  const enrolmentColumns = useEnrolmentColumns<Enrolment>();
  const { can } = useSession();
  const write = can('personal.write');
  const enrolments = useApiGet<Enrolment[]>(`/courses/${course.id}/enrolments`);
  const [withdrawing, setWithdrawing] = useState<Enrolment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => {
    enrolments.reload();
    onChanged();
  };
  const change = useChange({ reload });
  const confirm = useConfirm();
  const nameOf = (enrolment: Enrolment) => (enrolment.person ? personName(enrolment.person) : t('courses.erased'));

  const remove = async (enrolment: Enrolment) => {
    if (!(await confirm(t('courses.enrolments.deleteConfirm'), { confirmLabel: t('courses.enrolments.delete'), danger: true }))) return;
    setNotice(null);
    await change.send('DELETE', `/enrolments/${enrolment.id}`, undefined, {
      query: { version: enrolment.version },
      success: t('courses.enrolments.deleted'),
      focus: 'course-enrolments',
    });
  };
  const actions = (enrolment: Enrolment): RowAction[] => [
    ...(enrolment.withdrawnOn === null
      ? [
          {
            label: t('courses.enrolments.withdraw'),
            onClick: () => {
              setNotice(null);
              setWithdrawing(enrolment);
            },
          },
        ]
      : []),
    { label: t('courses.enrolments.delete'), danger: true, onClick: () => remove(enrolment) },
  ];
  const closeWithdraw = (message: string | null) => {
    setWithdrawing(null);
    setNotice(message);
    focusLater('course-enrolments');
  };

  const items = enrolments.data ?? [];
  return (
    <section aria-labelledby="course-enrolments" className="mt-4">
      <h2 id="course-enrolments" className="h4" tabIndex={-1}>
        {t('courses.enrolments.title')} <span className="badge bg-primary">{items.length}</span>
      </h2>
      <SuccessAlert message={notice} />
      <ProblemAlert error={enrolments.error} />
      {change.problem}
      {enrolments.data ? (
        <RecordTable<Enrolment>
          caption={t('courses.enrolments.title')}
          captionHidden
          className="table table-sm align-middle"
          rows={items}
          rowKey={(enrolment) => `${enrolment.id}-${enrolment.version}`}
          rowName={nameOf}
          empty={t('courses.enrolments.none')}
          columns={[
            {
              header: t('courses.learner'),
              rowHeader: true,
              className: 'fw-normal',
              cell: (enrolment) =>
                enrolment.person ? <Link to={`/people/${enrolment.person.id}`}>{personName(enrolment.person)}</Link> : t('courses.erased'),
            },
            ...enrolmentColumns,
          ]}
          actions={write ? actions : undefined}
        />
      ) : null}
      {withdrawing ? (
        <WithdrawForm
          key={withdrawing.id}
          enrolment={withdrawing}
          reload={reload}
          onDone={() => closeWithdraw(t('courses.enrolments.withdrawn'))}
          onCancel={() => closeWithdraw(null)}
        />
      ) : null}
      {write ? <EnrolForm course={course} reload={reload} onEnrolled={setNotice} /> : null}
    </section>
  );
}
