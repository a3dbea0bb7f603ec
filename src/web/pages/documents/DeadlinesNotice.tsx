import { Link } from 'react-router';
import type { DeadlineCounts } from '../../../contracts/documents.js';
import { useApiGet } from '../../api/hooks.js';
import { useI18n } from '../../i18n/index.js';

const WITHIN_DAYS = 60;

/**
 * One line for the front desk: how many permits expire soon or have expired, linking to the
 * Scadenze page. Nothing when there are none (or the count cannot be read). Kept tiny: it is
 * loaded with the front desk.
 */
export function DeadlinesNotice() {
  const { t } = useI18n();
  const counts = useApiGet<DeadlineCounts>('/deadlines/count', { withinDays: WITHIN_DAYS }).data;
  if (!counts || counts.expiring + counts.expired === 0) return null;
  return (
    <p data-testid="deadlines-notice">
      <Link to="/deadlines">
        {t('documents.home.expiring', { count: counts.expiring, days: WITHIN_DAYS })},{' '}
        {t('documents.home.expired', { count: counts.expired })}
      </Link>
    </p>
  );
}
