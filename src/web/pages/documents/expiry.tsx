import { todayInRome } from '../../../domain/dates.js';
import { daysLeft, expiryState } from '../../../domain/deadlines.js';
import { useI18n } from '../../i18n/index.js';

/** "in 3 days", "today", "10 days ago": how far an expiry is from today. */
export function useDaysLeftText() {
  const { t } = useI18n();
  return (days: number) =>
    days > 0
      ? t('documents.daysLeft', { count: days })
      : days === 0
        ? t('documents.expiresToday')
        : t('documents.daysAgo', { count: -days });
}

/**
 * An expiry date, marked in words (not by colour alone) when it is near or past. A superseded
 * permit is history: it says so instead of looking like a deadline.
 */
export function ExpiryDate({ expiresOn, superseded = false }: { expiresOn: string | null; superseded?: boolean }) {
  const { t, formatDate } = useI18n();
  const daysText = useDaysLeftText();
  if (!expiresOn) return <>{t('documents.noExpiry')}</>;
  const today = todayInRome();
  const state = expiryState(expiresOn, today);
  return (
    <>
      {formatDate(expiresOn)}
      {superseded ? (
        <span className="badge bg-secondary ms-2" title={t('documents.supersededHint')}>
          {t('documents.superseded')}
        </span>
      ) : state === 'expired' || state === 'expiring' ? (
        <span className={`badge ms-2 ${state === 'expired' ? 'bg-danger' : 'bg-warning'}`}>
          {t(`documents.state.${state}`)} ({daysText(daysLeft(expiresOn, today))})
        </span>
      ) : null}
    </>
  );
}
