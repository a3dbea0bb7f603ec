import { Link } from 'react-router';
import type { Visit } from '../../contracts/visits.js';
import { todayInRome } from '../../domain/dates.js';
import type { Page } from '../api/client.js';
import { useApiGet, useTopicLabels } from '../api/hooks.js';
import { useI18n } from '../i18n/index.js';
import { RecordTable, TitledSection } from '../kit/index.js';
import { usePageTitle } from '../page-title.js';
import { DeadlinesNotice } from './documents/DeadlinesNotice.js';
import { useVisitCorrection } from './frontdesk/VisitCorrection.js';
import { VisitForm } from './frontdesk/VisitForm.js';

/** "Accessi di oggi": the time, who came, and why; a visit recorded by mistake is corrected or deleted here. */
function TodayVisits({ visits, topicLabel, reload }: { visits: Page<Visit> | undefined; topicLabel(id: number): string; reload(): void }) {
  const { t, label } = useI18n();
  const correction = useVisitCorrection(reload);
  return (
    <TitledSection id="today-visits" title={t('frontDesk.todayVisits')} count={visits?.total ?? 0} className="col-lg-5">
      {correction.panel}
      {visits ? (
        <RecordTable<Visit>
          caption={t('frontDesk.todayVisits')}
          captionHidden
          rows={visits.items}
          actions={correction.actions}
          rowName={correction.rowName}
          empty={t('frontDesk.noVisitsToday')}
          columns={[
            { header: t('visit.time'), cell: (v) => v.time },
            {
              header: t('visit.person'),
              cell: (v) =>
                v.person ? (
                  <Link to={`/people/${v.person.id}`}>
                    {v.person.familyNames} {v.person.givenNames}
                  </Link>
                ) : (
                  <span>
                    {t('visit.anonymous')} · {label('originGroup', v.originGroup)}
                  </span>
                ),
            },
            { header: t('visit.topics'), cell: (v) => v.topicIds.map(topicLabel).join(', ') },
          ]}
        />
      ) : null}
    </TitledSection>
  );
}

/** The desk's main screen: record a visit in a few keystrokes (frontdesk/), and see today's visits. */
export function FrontDeskPage() {
  const { t, formatDate } = useI18n();
  const today = todayInRome();
  const todays = useApiGet<Page<Visit>>('/visits', { from: today, to: today, pageSize: 200 });
  // Asked once for the page: the form offers the active topics, today's list names them.
  const topics = useTopicLabels();
  usePageTitle(t('frontDesk.title'));
  return (
    <>
      <h1 className="h2">{t('frontDesk.title')}</h1>
      <p className="lead">{t('frontDesk.today', { date: formatDate(today, true) })}</p>
      <DeadlinesNotice />
      <div className="row g-4">
        <TitledSection id="record-visit" title={t('frontDesk.record')} className="col-lg-7">
          <VisitForm reload={todays.reload} topics={topics.topics.data} />
        </TitledSection>
        <TodayVisits visits={todays.data} topicLabel={topics.label} reload={todays.reload} />
      </div>
    </>
  );
}
