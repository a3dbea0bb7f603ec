/** The year's waiting lists in figures: one row a list, one column a status, the totals at the foot. */
import type { WaitingSummary } from '../../../../contracts/courses.js';
import { WAITING_LIST_KINDS } from '../../../../contracts/enums.js';
import { useI18n } from '../../../i18n/index.js';
import { CountTable } from '../../../kit/CountTable.js';

const COLUMNS = ['requested', 'waiting', 'placed', 'withdrawn', 'waitingAtEnd'] as const;

export function SummaryTable({ summary }: { summary: WaitingSummary }) {
  const { t, label } = useI18n();
  const counts = (row: WaitingSummary['total'] | undefined) => COLUMNS.map((column) => row?.[column] ?? 0);
  return (
    <CountTable
      caption={t('courses.waiting.summaryCaption', { year: summary.from.slice(0, 4) })}
      testId="waiting-summary"
      headers={[t('courses.waiting.kind'), ...COLUMNS.map((column) => t(`courses.waiting.count.${column}`))]}
      rows={WAITING_LIST_KINDS.map((kind) => ({ key: kind, name: label('waitingListKind', kind), counts: counts(summary.byKind[kind]) }))}
      totals={counts(summary.total)}
    />
  );
}
