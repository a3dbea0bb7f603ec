/** The operator's home: today's visits in their centres, their own open cases, and what is theirs this week. */
import { Link } from 'react-router';
import type { PermitType } from '../../../contracts/enums.js';
import type { OperatorHome } from '../../../contracts/home.js';
import { useI18n } from '../../i18n/index.js';
import { RecordTable } from '../../kit/index.js';
import { HomeSection } from './HomeSection.js';

type PersonRef = { id: number; givenNames: string; familyNames: string } | null;

function PersonLink({ person }: { person: PersonRef }) {
  const { t } = useI18n();
  if (!person) return <>{t('home.anonymous')}</>;
  return <Link to={`/people/${person.id}`}>{`${person.givenNames} ${person.familyNames}`}</Link>;
}

export function TodayVisitsSection({ todayVisits }: { todayVisits: OperatorHome['todayVisits'] }) {
  const { t } = useI18n();
  const { items, total } = todayVisits;
  return (
    <HomeSection
      id="home-today"
      title={
        <>
          {t('home.todayVisits')} <span className="badge bg-primary">{total}</span>
        </>
      }
    >
      <RecordTable
        caption={t('home.todayVisits')}
        captionHidden
        rows={items}
        empty={t('home.todayVisits.none')}
        columns={[
          { header: t('home.time'), cell: (v) => v.time },
          { header: t('home.person'), rowHeader: true, cell: (v) => <PersonLink person={v.person} /> },
          { header: t('home.operator'), cell: (v) => v.operator?.displayName ?? '' },
        ]}
      />
      {total > items.length ? <p className="small">{t('home.todayVisits.more', { shown: items.length, total })}</p> : null}
    </HomeSection>
  );
}

export function MyCasesSection({ cases, silentDays }: { cases: OperatorHome['cases']; silentDays: number }) {
  const { t, formatDate } = useI18n();
  const nameOf = (c: OperatorHome['cases'][number]) =>
    c.person
      ? `${c.person.givenNames} ${c.person.familyNames}`
      : c.household
        ? t('home.household', { name: c.household.name })
        : `#${c.caseId}`;
  return (
    <HomeSection id="home-cases" title={t('home.myCases')}>
      <RecordTable
        caption={t('home.myCases')}
        captionHidden
        rows={cases}
        rowKey={(c) => c.caseId}
        empty={t('home.myCases.none')}
        columns={[
          { header: t('home.case'), rowHeader: true, cell: (c) => <Link to={`/cases/${c.caseId}`}>{nameOf(c)}</Link> },
          { header: t('home.case.openedOn'), cell: (c) => formatDate(c.openedOn) },
          {
            header: t('home.case.lastNote'),
            cell: (c) => (
              <>
                {c.lastNoteOn ? formatDate(c.lastNoteOn) : t('home.case.noNote')}
                {c.silent ? <span className="badge bg-warning text-dark ms-2">{t('home.case.silent', { days: silentDays })}</span> : null}
              </>
            ),
          },
          { header: t('home.case.overdue'), className: 'text-end', cell: (c) => c.overdueActions },
        ]}
      />
    </HomeSection>
  );
}

export function DueSection({ due, week }: { due: OperatorHome['due']; week: OperatorHome['week'] }) {
  const { t, label, formatDate } = useI18n();
  return (
    <HomeSection id="home-due" title={t('home.due')}>
      <p>{t('home.due.intro', { from: formatDate(week.from), to: formatDate(week.to) })}</p>
      <RecordTable
        caption={t('home.due')}
        captionHidden
        rows={due}
        rowKey={(d) => `${d.kind}-${d.id}`}
        empty={t('home.due.none')}
        columns={[
          {
            header: t('home.due.date'),
            cell: (d) => (
              <>
                {formatDate(d.dueOn)}
                {d.overdue ? <span className="badge bg-danger ms-2">{t('home.due.overdue')}</span> : null}
              </>
            ),
          },
          {
            header: t('home.due.what'),
            rowHeader: true,
            cell: (d) =>
              d.kind === 'action' ? (
                <Link to={`/cases/${d.caseId}`}>{t('home.due.action', { text: d.text })}</Link>
              ) : (
                <Link to="/deadlines">{t('home.due.permit', { type: label('permitType', d.text as PermitType) })}</Link>
              ),
          },
          { header: t('home.person'), cell: (d) => <PersonLink person={d.person} /> },
        ]}
      />
    </HomeSection>
  );
}
