import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Visit } from '../../contracts/visits.js';
import type { Page } from '../api/client.js';
import { useTopicLabels } from '../api/hooks.js';
import { useI18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/it.js';
import { pagingOf, RecordTable, type RowAction } from '../kit/index.js';
import { useCountryName } from './CountrySelect.js';

export type VisitColumn =
  | 'date'
  | 'person'
  | 'gender'
  | 'citizenship'
  | 'originGroup'
  | 'topics'
  | 'channel'
  | 'referral'
  | 'operator'
  | 'notes';

const HEADERS: Record<VisitColumn, MessageKey> = {
  date: 'visit.date',
  person: 'visit.person',
  gender: 'person.gender',
  citizenship: 'person.citizenship',
  originGroup: 'visit.originGroup',
  topics: 'visit.topics',
  channel: 'visit.channel',
  referral: 'visit.referral',
  operator: 'visit.operator',
  notes: 'visit.notes',
};

/**
 * A page of visits as a RecordTable with the columns a page asks for, in that order: the `empty`
 * message when there is none, paging when the visits come a page at a time, and the row actions
 * given (a visit's correction: pages/frontdesk/VisitCorrection).
 */
export function VisitTable({
  visits,
  columns,
  caption,
  empty,
  onPage,
  actions,
  rowName,
}: {
  visits: Page<Visit>;
  columns: VisitColumn[];
  caption: string;
  empty: string;
  onPage(page: number): void;
  actions?(visit: Visit): RowAction[];
  rowName?(visit: Visit): string;
}) {
  const { t, formatDate, label } = useI18n();
  const { label: topicLabel } = useTopicLabels();
  const countryName = useCountryName();
  const cell: Record<VisitColumn, (v: Visit) => ReactNode> = {
    date: (v) => (
      <>
        {formatDate(v.date)} {v.time}
        {v.outsideOpeningHours ? (
          <span className="badge bg-warning text-dark ms-2" title={t('calendar.visit.outsideTitle')}>
            {t('calendar.visit.outside')}
          </span>
        ) : null}
      </>
    ),
    person: (v) =>
      v.person ? (
        <Link to={`/people/${v.person.id}`}>
          {v.person.familyNames} {v.person.givenNames}
        </Link>
      ) : (
        t('visit.anonymous')
      ),
    gender: (v) => label('gender', v.gender),
    citizenship: (v) => countryName(v.citizenship),
    originGroup: (v) => label('originGroup', v.originGroup),
    topics: (v) => v.topicIds.map(topicLabel).join(', '),
    channel: (v) => label('channel', v.channel),
    referral: (v) => label('referralSource', v.referralSource),
    operator: (v) => v.operator?.displayName ?? '',
    notes: (v) => v.notes ?? '',
  };
  return (
    <RecordTable<Visit>
      caption={caption}
      captionHidden
      className="table table-sm table-striped"
      rows={visits.items}
      empty={empty}
      paging={pagingOf(visits, onPage)}
      actions={actions}
      rowName={rowName}
      columns={columns.map((column) => ({ header: t(HEADERS[column]), cell: cell[column] }))}
    />
  );
}
