import { type FormEvent, Fragment, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Course, WaitingListEntry, WaitingSummary } from '../../../contracts/courses.js';
import { ENROLMENT_PROGRAMMES, WAITING_LIST_KINDS, WAITING_LIST_PRIORITIES, WAITING_LIST_STATUSES } from '../../../contracts/enums.js';
import {
  ENROLMENT_PROGRAMME_LABELS,
  WAITING_LIST_KIND_LABELS,
  WAITING_LIST_PRIORITY_LABELS,
  WAITING_LIST_STATUS_LABELS,
} from '../../../contracts/labels.js';
import type { PersonSummary } from '../../../contracts/people.js';
import { todayInRome } from '../../../domain/dates.js';
import { type ApiError, api, type Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { Pagination, SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { PersonPicker } from '../activities/shared.js';
import { personName } from './shared.js';

const PAGE_SIZE = 50;

function SummaryTable({ summary }: { summary: WaitingSummary }) {
  const { t, locale, formatNumber } = useI18n();
  const columns = ['requested', 'waiting', 'placed', 'withdrawn', 'waitingAtEnd'] as const;
  return (
    <div className="table-responsive">
      <table className="table table-sm" data-testid="waiting-summary">
        <caption className="caption-top h6 text-body">{t('courses.waiting.summaryCaption', { year: summary.from.slice(0, 4) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('courses.waiting.kind')}</th>
            {columns.map((column) => (
              <th scope="col" className="text-end" key={column}>
                {t(`courses.waiting.count.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WAITING_LIST_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row" className="fw-normal">
                {WAITING_LIST_KIND_LABELS[locale][kind]}
              </th>
              {columns.map((column) => (
                <td className="text-end" key={column}>
                  {formatNumber(summary.byKind[kind]?.[column] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('common.total')}</th>
            {columns.map((column) => (
              <td className="text-end fw-bold" key={column}>
                {formatNumber(summary.total[column])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Placing someone into a course: the course, the programme, the enrolment date. */
function PlaceForm({
  entry,
  courses,
  onDone,
  onError,
}: {
  entry: WaitingListEntry;
  courses: Course[];
  onDone(course: Course): void;
  onError(e: ApiError): void;
}) {
  const { t, locale, formatDate } = useI18n();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const courseId = Number(form.get('courseId'));
    try {
      await api('POST', `/waiting-list/${entry.id}/place`, {
        version: entry.version,
        courseId,
        programme: String(form.get('programme')),
        enrolledOn: String(form.get('enrolledOn')),
      });
      onDone(courses.find((c) => c.id === courseId) as Course);
    } catch (e) {
      onError(e as ApiError);
    }
  };
  const name = entry.person ? personName(entry.person) : t('courses.erased');
  const ofCentre = courses.filter((course) => course.centreId === entry.centreId);
  return (
    <form onSubmit={submit} className="border rounded p-2 mt-2" aria-label={t('courses.waiting.placeOf', { name })}>
      <SelectField label={t('courses.waiting.course')} name="courseId" required defaultValue="">
        <option value="">{t('common.choose')}</option>
        {ofCentre.map((course) => (
          <option key={course.id} value={course.id}>
            {course.title} ({formatDate(course.startDate)} – {formatDate(course.endDate)})
            {course.capacity !== null ? ` · ${course.activeEnrolments}/${course.capacity}` : ''}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('courses.programme')} name="programme" required defaultValue="">
        <option value="">{t('common.choose')}</option>
        {ENROLMENT_PROGRAMMES.map((programme) => (
          <option key={programme} value={programme}>
            {ENROLMENT_PROGRAMME_LABELS[locale][programme]}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('courses.enrolments.enrolledOn')}
        name="enrolledOn"
        type="date"
        required
        min={entry.requestedOn}
        defaultValue={todayInRome()}
      />
      <button type="submit" className="btn btn-primary btn-sm">
        {t('courses.waiting.placeAction')}
      </button>
    </form>
  );
}

/** Waiting lists by kind: who asked, when, with what priority, how long they have waited; placing someone enrols them. */
export default function WaitingListPage() {
  const { t, locale, formatDate, formatNumber } = useI18n();
  const { can } = useSession();
  const write = can('personal.write');
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const status = params.get('status') ?? 'waiting';
  const page = Number(params.get('page') ?? 1) || 1;
  const year = todayInRome().slice(0, 4);
  const list = useApiGet<Page<WaitingListEntry>>('/waiting-list', {
    kind: kind || undefined,
    status: status === 'all' ? undefined : status,
    page,
    pageSize: PAGE_SIZE,
  });
  const summary = useApiGet<WaitingSummary>('/waiting-list/summary', { from: `${year}-01-01`, to: `${year}-12-31` });
  const courses = useApiGet<Page<Course>>(write ? '/courses' : null, { year: Number(year), pageSize: 200 });
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [placing, setPlacing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  usePageTitle(t('courses.waiting.title'));

  const done = (message?: string) => {
    setError(null);
    setFieldErrors({});
    setPlacing(null);
    setNotice(message ?? null);
    list.reload();
    summary.reload();
    courses.reload();
  };
  const fail = (e: ApiError) => {
    setNotice(null);
    setError(e);
    setFieldErrors(e.fieldErrors());
  };

  const filter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Record<string, string> = { status: String(form.get('status')) };
    if (form.get('kind')) next.kind = String(form.get('kind'));
    setParams(next);
  };
  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!person) {
      setFieldErrors({ personId: t('courses.enrolments.choosePerson') });
      return;
    }
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    try {
      await api('POST', '/waiting-list', {
        personId: person.id,
        kind: String(form.get('kind')),
        requestedOn: String(form.get('requestedOn')),
        priority: Number(form.get('priority')),
        notes: String(form.get('notes') ?? '').trim() || null,
      });
      setPerson(null);
      formElement.reset();
      done(t('courses.waiting.added', { name: personName(person) }));
    } catch (e) {
      fail(e as ApiError);
    }
  };
  const setEntryStatus = async (entry: WaitingListEntry, next: 'waiting' | 'withdrawn') => {
    try {
      await api('PATCH', `/waiting-list/${entry.id}`, { version: entry.version, status: next });
      done(t(next === 'withdrawn' ? 'courses.waiting.withdrawnNotice' : 'courses.waiting.reopenedNotice'));
    } catch (e) {
      fail(e as ApiError);
    }
  };

  return (
    <>
      <h1 className="h2">{t('courses.waiting.title')}</h1>
      <p>{t('courses.waiting.intro')}</p>
      <SuccessAlert message={notice} />
      <ProblemAlert error={error ?? list.error} />

      <section aria-labelledby="waiting-summary">
        <h2 id="waiting-summary" className="h4">
          {t('courses.waiting.summary')}
        </h2>
        <ProblemAlert error={summary.error} />
        {summary.data ? <SummaryTable summary={summary.data} /> : null}
      </section>

      {write ? (
        <form onSubmit={add} className="border rounded p-3 mb-4" aria-labelledby="waiting-add">
          <h2 id="waiting-add" className="h4">
            {t('courses.waiting.add')}
          </h2>
          <PersonPicker legend={t('courses.waiting.person')} person={person} onChange={setPerson} error={fieldErrors.personId} />
          <div className="row align-items-end">
            <div className="col-md-3">
              <SelectField label={t('courses.waiting.kind')} name="kind" required defaultValue="" error={fieldErrors.kind}>
                <option value="">{t('common.choose')}</option>
                {WAITING_LIST_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {WAITING_LIST_KIND_LABELS[locale][k]}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="col-md-3">
              <TextField
                label={t('courses.waiting.requestedOn')}
                name="requestedOn"
                type="date"
                required
                max={todayInRome()}
                defaultValue={todayInRome()}
                error={fieldErrors.requestedOn}
              />
            </div>
            <div className="col-md-2">
              <SelectField label={t('courses.waiting.priority')} name="priority" defaultValue="0" error={fieldErrors.priority}>
                {WAITING_LIST_PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {WAITING_LIST_PRIORITY_LABELS[locale][p]}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="col-md-4">
              <TextField label={t('courses.waiting.notes')} name="notes" maxLength={1000} error={fieldErrors.notes} />
            </div>
          </div>
          <button type="submit" className="btn btn-primary">
            {t('courses.waiting.addAction')}
          </button>
        </form>
      ) : null}

      <section aria-labelledby="waiting-list">
        <h2 id="waiting-list" className="h4">
          {t('courses.waiting.list')}
        </h2>
        <form onSubmit={filter} className="row align-items-end" aria-label={t('courses.filters')} key={`${kind}-${status}`}>
          <div className="col-sm-4">
            <SelectField label={t('courses.waiting.kind')} name="kind" defaultValue={kind}>
              <option value="">{t('courses.waiting.allKinds')}</option>
              {WAITING_LIST_KINDS.map((k) => (
                <option key={k} value={k}>
                  {WAITING_LIST_KIND_LABELS[locale][k]}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-sm-4">
            <SelectField label={t('courses.waiting.status')} name="status" defaultValue={status}>
              {WAITING_LIST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {WAITING_LIST_STATUS_LABELS[locale][s]}
                </option>
              ))}
              <option value="all">{t('courses.waiting.allStatuses')}</option>
            </SelectField>
          </div>
          <div className="col-sm-4 mb-3">
            <button type="submit" className="btn btn-outline-primary">
              {t('visits.apply')}
            </button>
          </div>
        </form>
        {list.data && list.data.items.length === 0 ? <p>{t('courses.waiting.none')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <div className="table-responsive">
              <table className="table table-sm align-middle">
                <caption className="visually-hidden">{t('courses.waiting.list')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('courses.waiting.person')}</th>
                    <th scope="col">{t('courses.waiting.kind')}</th>
                    <th scope="col">{t('courses.waiting.requestedOn')}</th>
                    <th scope="col" className="text-end">
                      {t('courses.waiting.daysWaited')}
                    </th>
                    <th scope="col">{t('courses.waiting.priority')}</th>
                    <th scope="col">{t('courses.waiting.status')}</th>
                    {write ? <th scope="col">{t('common.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((entry) => (
                    <Fragment key={`${entry.id}-${entry.version}`}>
                      <tr>
                        <th scope="row" className="fw-normal">
                          {entry.person ? <Link to={`/people/${entry.person.id}`}>{personName(entry.person)}</Link> : t('courses.erased')}
                          {entry.notes ? <div className="small">{entry.notes}</div> : null}
                        </th>
                        <td>{WAITING_LIST_KIND_LABELS[locale][entry.kind]}</td>
                        <td>{formatDate(entry.requestedOn)}</td>
                        <td className="text-end">{formatNumber(entry.daysWaited)}</td>
                        <td>{WAITING_LIST_PRIORITY_LABELS[locale][entry.priority as 0 | 1 | 2] ?? entry.priority}</td>
                        <td>
                          {WAITING_LIST_STATUS_LABELS[locale][entry.status]}
                          {entry.closedOn ? ` (${formatDate(entry.closedOn)})` : ''}
                          {entry.enrolment ? (
                            <div className="small">
                              <Link to={`/courses/${entry.enrolment.courseId}`}>{entry.enrolment.courseTitle}</Link>
                            </div>
                          ) : null}
                        </td>
                        {write ? (
                          <td>
                            <div className="d-flex gap-2 flex-wrap">
                              {entry.status === 'waiting' ? (
                                <>
                                  <button
                                    type="button"
                                    className="btn btn-outline-primary btn-sm"
                                    aria-expanded={placing === entry.id}
                                    onClick={() => setPlacing(placing === entry.id ? null : entry.id)}
                                  >
                                    {t('courses.waiting.place')}
                                  </button>
                                  <button
                                    type="button"
                                    className="btn btn-outline-secondary btn-sm"
                                    onClick={() => setEntryStatus(entry, 'withdrawn')}
                                  >
                                    {t('courses.waiting.withdraw')}
                                  </button>
                                </>
                              ) : null}
                              {entry.status === 'withdrawn' ? (
                                <button
                                  type="button"
                                  className="btn btn-outline-secondary btn-sm"
                                  onClick={() => setEntryStatus(entry, 'waiting')}
                                >
                                  {t('courses.waiting.reopen')}
                                </button>
                              ) : null}
                            </div>
                          </td>
                        ) : null}
                      </tr>
                      {/* The form in a row of its own: inside the row header it would become part of every cell's name. */}
                      {placing === entry.id ? (
                        <tr>
                          <td colSpan={7}>
                            <PlaceForm
                              entry={entry}
                              courses={courses.data?.items ?? []}
                              onDone={(course) =>
                                done(
                                  t('courses.waiting.placed', { name: entry.person ? personName(entry.person) : '', course: course.title }),
                                )
                              }
                              onError={fail}
                            />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={list.data.total}
              onPage={(next) => setParams({ status, ...(kind && { kind }), page: String(next) })}
            />
          </>
        ) : null}
      </section>
    </>
  );
}
