import { type FormEvent, Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { Course, Enrolment } from '../../../contracts/courses.js';
import { ENROLMENT_PROGRAMMES } from '../../../contracts/enums.js';
import { ENROLMENT_PROGRAMME_LABELS } from '../../../contracts/labels.js';
import type { PersonSummary } from '../../../contracts/people.js';
import { todayInRome } from '../../../domain/dates.js';
import { type ApiError, api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { PersonPicker } from '../activities/shared.js';
import { personName } from './shared.js';

/** The withdrawal of one learner: the last day enrolled. */
function WithdrawForm({ enrolment, onDone, onError }: { enrolment: Enrolment; onDone(): void; onError(e: ApiError): void }) {
  const { t } = useI18n();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      await api('PATCH', `/enrolments/${enrolment.id}`, {
        version: enrolment.version,
        withdrawnOn: String(new FormData(event.currentTarget).get('withdrawnOn')),
      });
      onDone();
    } catch (e) {
      onError(e as ApiError);
    }
  };
  const name = enrolment.person ? personName(enrolment.person) : t('courses.erased');
  return (
    <form onSubmit={submit} className="d-flex align-items-end gap-2 mt-2" aria-label={t('courses.enrolments.withdrawOf', { name })}>
      <TextField
        label={t('courses.enrolments.withdrawnOn')}
        name="withdrawnOn"
        type="date"
        required
        min={enrolment.enrolledOn}
        defaultValue={todayInRome()}
      />
      <button type="submit" className="btn btn-primary btn-sm mb-3">
        {t('common.save')}
      </button>
    </form>
  );
}

/** A course's learners with their programme, dates and attendance; enrolling, withdrawing. */
export function EnrolmentsSection({ course, onChanged }: { course: Course; onChanged(): void }) {
  const { t, locale, formatDate, formatNumber } = useI18n();
  const { can } = useSession();
  const write = can('personal.write');
  const enrolments = useApiGet<Enrolment[]>(`/courses/${course.id}/enrolments`);
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [withdrawing, setWithdrawing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const done = (message?: string) => {
    setError(null);
    setFieldErrors({});
    setWithdrawing(null);
    setNotice(message ?? null);
    enrolments.reload();
    onChanged();
  };
  const fail = (e: ApiError) => {
    setNotice(null);
    setError(e);
    setFieldErrors(e.fieldErrors());
  };

  const enrol = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!person) {
      setFieldErrors({ personId: t('courses.enrolments.choosePerson') });
      return;
    }
    const form = new FormData(event.currentTarget);
    try {
      await api('POST', `/courses/${course.id}/enrolments`, {
        personId: person.id,
        programme: String(form.get('programme')),
        enrolledOn: String(form.get('enrolledOn')),
      });
      setPerson(null);
      done(t('courses.enrolments.enrolled', { name: personName(person) }));
    } catch (e) {
      fail(e as ApiError);
    }
  };
  const remove = async (enrolment: Enrolment) => {
    if (!window.confirm(t('courses.enrolments.deleteConfirm'))) return;
    try {
      await api('DELETE', `/enrolments/${enrolment.id}`, undefined, { version: enrolment.version });
      done();
    } catch (e) {
      fail(e as ApiError);
    }
  };

  const items = enrolments.data ?? [];
  return (
    <section aria-labelledby="course-enrolments" className="mt-4">
      <h2 id="course-enrolments" className="h4">
        {t('courses.enrolments.title')} <span className="badge bg-primary">{items.length}</span>
      </h2>
      <SuccessAlert message={notice} />
      <ProblemAlert error={error ?? enrolments.error} />
      {enrolments.data && items.length === 0 ? <p>{t('courses.enrolments.none')}</p> : null}
      {items.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm align-middle">
            <caption className="visually-hidden">{t('courses.enrolments.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('courses.learner')}</th>
                <th scope="col">{t('courses.programme')}</th>
                <th scope="col">{t('courses.enrolments.enrolledOn')}</th>
                <th scope="col">{t('courses.enrolments.withdrawnOn')}</th>
                <th scope="col">{t('courses.enrolments.attendance')}</th>
                <th scope="col">{t('courses.enrolments.completed')}</th>
                {write ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((enrolment) => (
                <Fragment key={`${enrolment.id}-${enrolment.version}`}>
                  <tr>
                    <th scope="row" className="fw-normal">
                      {enrolment.person ? (
                        <Link to={`/people/${enrolment.person.id}`}>{personName(enrolment.person)}</Link>
                      ) : (
                        t('courses.erased')
                      )}
                    </th>
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
                    {write ? (
                      <td>
                        <div className="d-flex gap-2 flex-wrap">
                          {enrolment.withdrawnOn === null ? (
                            <button
                              type="button"
                              className="btn btn-outline-secondary btn-sm"
                              aria-expanded={withdrawing === enrolment.id}
                              onClick={() => setWithdrawing(withdrawing === enrolment.id ? null : enrolment.id)}
                            >
                              {t('courses.enrolments.withdraw')}
                            </button>
                          ) : null}
                          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(enrolment)}>
                            {t('courses.enrolments.delete')}
                          </button>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                  {/* The form in a row of its own: inside the row header it would become part of every cell's name. */}
                  {withdrawing === enrolment.id ? (
                    <tr>
                      <td colSpan={7}>
                        <WithdrawForm enrolment={enrolment} onDone={() => done(t('courses.enrolments.withdrawn'))} onError={fail} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {write ? (
        <form onSubmit={enrol} className="border rounded p-3 mt-2" aria-labelledby="enrol-person">
          <h3 id="enrol-person" className="h5">
            {t('courses.enrolments.add')}
          </h3>
          <PersonPicker legend={t('courses.learner')} person={person} onChange={setPerson} error={fieldErrors.personId} />
          <div className="row align-items-end">
            <div className="col-sm-5">
              <SelectField label={t('courses.programme')} name="programme" required defaultValue="" error={fieldErrors.programme}>
                <option value="">{t('common.choose')}</option>
                {ENROLMENT_PROGRAMMES.map((programme) => (
                  <option key={programme} value={programme}>
                    {ENROLMENT_PROGRAMME_LABELS[locale][programme]}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="col-sm-4">
              <TextField
                label={t('courses.enrolments.enrolledOn')}
                name="enrolledOn"
                type="date"
                required
                defaultValue={todayInRome()}
                error={fieldErrors.enrolledOn}
              />
            </div>
            <div className="col-sm-3 mb-3">
              <button type="submit" className="btn btn-primary">
                {t('courses.enrolments.enrol')}
              </button>
            </div>
          </div>
        </form>
      ) : null}
    </section>
  );
}
