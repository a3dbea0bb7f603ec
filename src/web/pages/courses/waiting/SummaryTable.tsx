/** The year's waiting lists in figures: one row a list, one column a status, the totals at the foot. */
import type { WaitingSummary } from '../../../../contracts/courses.js';
import { WAITING_LIST_KINDS } from '../../../../contracts/enums.js';
import { useI18n } from '../../../i18n/index.js';

export function SummaryTable({ summary }: { summary: WaitingSummary }) {
  const { t, formatNumber, label } = useI18n();
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
                {label('waitingListKind', kind)}
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
