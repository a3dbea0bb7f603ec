import { withQuery } from '../api/client.js';
import { useI18n } from '../i18n/index.js';

/**
 * The downloads of a list as its filters show it: `<list>/export.xlsx` and `<list>/export.csv`
 * with the same filters (the page's own, without paging). Not printed.
 */
export function ExportLinks({
  list,
  filters,
  className = '',
}: {
  /** The list's API path: `/visits`, `/courses/3/enrolments`. */
  list: string;
  filters?: Record<string, string | number | undefined>;
  className?: string;
}) {
  const { t } = useI18n();
  const href = (format: 'xlsx' | 'csv') => withQuery(`/api/v1${list}/export.${format}`, filters);
  return (
    <div className={`d-flex gap-2 flex-wrap d-print-none ${className}`}>
      <a className="btn btn-outline-primary" href={href('xlsx')} download>
        {t('exports.xlsx')}
      </a>
      <a className="btn btn-outline-primary" href={href('csv')} download>
        {t('exports.csv')}
      </a>
    </div>
  );
}
