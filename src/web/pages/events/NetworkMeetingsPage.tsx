import type { NetworkMeeting, NetworkMeetingsSummary, NetworkOrganisation } from '../../../contracts/events.js';
import { useApiGet } from '../../api/hooks.js';
import { useI18n } from '../../i18n/index.js';
import { CountTable } from '../../kit/CountTable.js';
import { RecordsHeading } from '../../kit/index.js';
import { PeriodSection, usePeriodRecords } from '../../kit/period.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { MeetingForm } from './parts/MeetingForm.js';
import { useRecordList } from './parts/shared.js';

const PAGE_SIZE = 20;

function ByOrganisationTable({ summary }: { summary: NetworkMeetingsSummary }) {
  const { t } = useI18n();
  return (
    <CountTable
      className="table table-sm w-auto"
      caption={
        <>
          {t('events.meetings.byOrganisation')}
          <span className="d-block small fw-normal">{t('events.meetings.byOrganisationNote')}</span>
        </>
      }
      headers={[t('events.meetings.organisation'), t('events.meetings.count')]}
      rows={summary.byOrganisation.map((row) => ({ key: row.id, name: row.name, counts: [row.meetings] }))}
    />
  );
}

export default function NetworkMeetingsPage() {
  const { t, formatDate } = useI18n();
  const { can } = useSession();
  const reader = can('personal.read');
  const writer = can('personal.write');
  const records = usePeriodRecords<NetworkMeetingsSummary, NetworkMeeting>('/network-meetings', PAGE_SIZE, { listed: reader });
  const catalogue = useApiGet<NetworkOrganisation[]>(writer ? '/network-organisations' : null);
  usePageTitle(t('events.meetings.title'));

  const { reload } = records;
  const { change, editing, formKey, notice, done, actions } = useRecordList<NetworkMeeting>({
    path: '/network-meetings',
    reload,
    titleId: 'meetings-title',
    listId: 'meeting-list',
    deleteConfirm: t('events.meetings.deleteConfirm'),
    deleted: t('events.meetings.deleted'),
    saved: t('events.meetings.saved'),
  });

  return (
    <>
      <RecordsHeading id="meetings-title" texts="events.meetings" notice={notice} error={catalogue.error} change={change} />
      {writer && catalogue.data ? (
        <MeetingForm
          key={`${formKey}-${editing?.id ?? 'new'}`}
          catalogue={catalogue.data}
          editing={editing}
          reload={reload}
          onDone={done}
        />
      ) : null}

      <PeriodSection
        id="meeting-list"
        texts="events.meetings"
        records={records}
        totalsTestId="meeting-totals"
        totals={(totals) => ({ count: totals.meetings })}
        table={{
          rowName: (meeting) => `${formatDate(meeting.date)}, ${meeting.topic}`,
          columns: [
            { header: t('events.meetings.date'), cell: (meeting) => formatDate(meeting.date, true) },
            { header: t('events.meetings.organisations'), cell: (meeting) => meeting.organisations.map((o) => o.name).join(', ') },
            { header: t('events.meetings.topic'), cell: (meeting) => meeting.topic },
            { header: t('events.meetings.outcome'), className: 'text-break', cell: (meeting) => meeting.outcome ?? t('person.notSet') },
          ],
          actions: writer ? actions : undefined,
        }}
      >
        {records.summary.data ? <ByOrganisationTable summary={records.summary.data} /> : null}
      </PeriodSection>
    </>
  );
}
