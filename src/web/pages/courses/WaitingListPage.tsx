import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Course, WaitingListEntry, WaitingSummary } from '../../../contracts/courses.js';
import { WAITING_LIST_KINDS, WAITING_LIST_STATUSES } from '../../../contracts/enums.js';
import { todayInRome } from '../../../domain/dates.js';
import type { Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { ExportLinks } from '../../kit/ExportLinks.js';
import { FilterForm } from '../../kit/FilterForm.js';
import {
  focusLater,
  LoadedSection,
  Options,
  pagingOf,
  RecordTable,
  type RowAction,
  TitledSection,
  useChange,
  ValueSelect,
} from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { personName } from './shared.js';
import { AddForm } from './waiting/AddForm.js';
import { PlaceForm } from './waiting/PlaceForm.js';
import { SummaryTable } from './waiting/SummaryTable.js';

const PAGE_SIZE = 50;

/** Waiting lists by kind: who asked, when, with what priority, how long they have waited; placing someone enrols them. */
export default function WaitingListPage() {
  const { t, formatDate, formatNumber, label, labels } = useI18n();
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
  const [placing, setPlacing] = useState<WaitingListEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(t('courses.waiting.title'));

  const reload = () => {
    list.reload();
    summary.reload();
    courses.reload();
  };
  const change = useChange({ reload });
  const done = (message: string) => {
    setPlacing(null);
    setNotice(message);
    focusLater('waiting-title');
  };

  const setEntryStatus = async (entry: WaitingListEntry, next: 'waiting' | 'withdrawn') => {
    setNotice(null);
    const sent = await change.send('PATCH', `/waiting-list/${entry.id}`, { version: entry.version, status: next });
    if (sent.ok) done(t(next === 'withdrawn' ? 'courses.waiting.withdrawnNotice' : 'courses.waiting.reopenedNotice'));
  };
  const actions = (entry: WaitingListEntry): RowAction[] => {
    if (entry.status === 'waiting')
      return [
        {
          label: t('courses.waiting.place'),
          onClick: () => {
            setNotice(null);
            setPlacing(entry);
          },
        },
        { label: t('courses.waiting.withdraw'), onClick: () => setEntryStatus(entry, 'withdrawn') },
      ];
    if (entry.status === 'withdrawn') return [{ label: t('courses.waiting.reopen'), onClick: () => setEntryStatus(entry, 'waiting') }];
    return [];
  };

  return (
    <>
      <h1 id="waiting-title" className="h2" tabIndex={-1}>
        {t('courses.waiting.title')}
      </h1>
      <p>{t('courses.waiting.intro')}</p>
      <SuccessAlert message={notice} />
      <ProblemAlert error={list.error} />
      {change.problem}

      <LoadedSection id="waiting-summary" title={t('courses.waiting.summary')} loaded={summary}>
        {(data) => <SummaryTable summary={data} />}
      </LoadedSection>

      {write ? (
        <AddForm
          reload={reload}
          onAdded={(message) => {
            setNotice(message);
          }}
        />
      ) : null}

      <TitledSection id="waiting-list" title={t('courses.waiting.list')} focusable>
        <FilterForm label={t('courses.filters')} onApply={setParams} className="row align-items-end" key={`${kind}-${status}`}>
          <ValueSelect
            column="col-sm-4"
            name="kind"
            label={t('courses.waiting.kind')}
            list="waitingListKind"
            values={WAITING_LIST_KINDS}
            blank={t('courses.waiting.allKinds')}
            defaultValue={kind}
          />
          <SelectField column="col-sm-4" label={t('courses.waiting.status')} name="status" defaultValue={status}>
            <Options values={WAITING_LIST_STATUSES} labels={labels('waitingListStatus')} />
            <option value="all">{t('courses.waiting.allStatuses')}</option>
          </SelectField>
        </FilterForm>
        <ExportLinks
          list="/waiting-list"
          filters={{ kind: kind || undefined, status: status === 'all' ? undefined : status }}
          className="mb-3"
        />
        {list.data ? (
          <RecordTable<WaitingListEntry>
            caption={t('courses.waiting.list')}
            captionHidden
            className="table table-sm align-middle"
            rows={list.data.items}
            rowKey={(entry) => `${entry.id}-${entry.version}`}
            rowName={(entry) => (entry.person ? personName(entry.person) : t('courses.erased'))}
            empty={t('courses.waiting.none')}
            paging={pagingOf(list.data, (next) => setParams({ status, ...(kind && { kind }), page: String(next) }))}
            columns={[
              {
                header: t('courses.waiting.person'),
                rowHeader: true,
                className: 'fw-normal',
                cell: (entry) => (
                  <>
                    {entry.person ? <Link to={`/people/${entry.person.id}`}>{personName(entry.person)}</Link> : t('courses.erased')}
                    {entry.notes ? <div className="small">{entry.notes}</div> : null}
                  </>
                ),
              },
              { header: t('courses.waiting.kind'), cell: (entry) => label('waitingListKind', entry.kind) },
              { header: t('courses.waiting.requestedOn'), cell: (entry) => formatDate(entry.requestedOn) },
              { header: t('courses.waiting.daysWaited'), className: 'text-end', cell: (entry) => formatNumber(entry.daysWaited) },
              {
                header: t('courses.waiting.priority'),
                cell: (entry) => label('waitingListPriority', entry.priority as 0 | 1 | 2) ?? entry.priority,
              },
              {
                header: t('courses.waiting.status'),
                cell: (entry) => (
                  <>
                    {label('waitingListStatus', entry.status)}
                    {entry.closedOn ? ` (${formatDate(entry.closedOn)})` : ''}
                    {entry.enrolment ? (
                      <div className="small">
                        <Link to={`/courses/${entry.enrolment.courseId}`}>{entry.enrolment.courseTitle}</Link>
                      </div>
                    ) : null}
                  </>
                ),
              },
            ]}
            actions={write ? actions : undefined}
          />
        ) : null}
        {placing ? (
          <PlaceForm
            key={placing.id}
            entry={placing}
            courses={courses.data?.items ?? []}
            reload={reload}
            onPlaced={(course) =>
              done(t('courses.waiting.placed', { name: placing.person ? personName(placing.person) : '', course: course.title }))
            }
            onCancel={() => {
              setPlacing(null);
              focusLater('waiting-list');
            }}
          />
        ) : null}
      </TitledSection>
    </>
  );
}
