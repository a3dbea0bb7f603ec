import { Link } from 'react-router';
import { REMINDER_KINDS, type ReminderKind } from '../../../contracts/enums.js';
import type { ReminderDigest, ReminderItem } from '../../../contracts/reminders.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { TitledSection } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useDaysLeftText } from '../documents/expiry.js';

/** What makes an item due, in words: the permit's expiry, the action's delay, the case's silence, the course's places. */
function useItemDetail() {
  const { t, formatDate } = useI18n();
  const daysLeft = useDaysLeftText();
  return (item: ReminderItem): string => {
    const date = formatDate(item.dueOn);
    switch (item.kind) {
      case 'permit_expiring':
        return t('reminders.permitDue', { date, days: daysLeft(item.amount) });
      case 'action_overdue':
        return t('reminders.actionDue', { date, count: item.amount });
      case 'case_silent':
        return t('reminders.caseSilent', { date, count: item.amount });
      case 'course_places':
        return t('reminders.coursePlaces', { count: item.amount, waiting: item.waiting ?? 0 });
    }
  };
}

function KindSection({ kind, items }: { kind: ReminderKind; items: ReminderItem[] }) {
  const { label } = useI18n();
  const detail = useItemDetail();
  const id = `reminders-${kind}`;
  return (
    <TitledSection id={id} title={label('reminderKind', kind)} count={items.length} className="mb-4">
      <ul className="list-unstyled">
        {items.map((item) => (
          <li key={`${item.path}-${item.recordId ?? ''}`} className="mb-2">
            <Link to={item.path} className="fw-semibold">
              {item.name}
            </Link>
            : {detail(item)}
          </li>
        ))}
      </ul>
    </TitledSection>
  );
}

/** "Promemoria di oggi": today's digest, by kind, each item leading to its person, case or course. */
export default function RemindersPage() {
  const { t } = useI18n();
  const digest = useApiGet<ReminderDigest>('/reminders');
  usePageTitle(t('reminders.title'));
  const data = digest.data;
  const email = data?.emailStatus === 'sent' ? 'reminders.emailSent' : data?.emailStatus === 'failed' ? 'reminders.emailFailed' : null;
  return (
    <>
      <h1 className="h2 mb-3">{t('reminders.title')}</h1>
      <p>{t('reminders.intro')}</p>
      <ProblemAlert error={digest.error} />
      {data?.delivery === 'off' ? (
        <p className="alert alert-info">
          {t('reminders.off')} <Link to="/account#reminders-heading">{t('reminders.offLink')}</Link>.
        </p>
      ) : data ? (
        <>
          {email ? <p className="text-secondary">{t(email)}</p> : null}
          {data.items.length === 0 ? <p>{t('reminders.none')}</p> : null}
          {REMINDER_KINDS.map((kind) => {
            const items = data.items.filter((item) => item.kind === kind);
            return items.length > 0 ? <KindSection key={kind} kind={kind} items={items} /> : null;
          })}
        </>
      ) : null}
    </>
  );
}
