/** The period's consultations: the totals and the list, each corrected or deleted from its row. */
import type { LegalConsultationListItem, LegalSummary } from '../../../../contracts/activities.js';
import { useI18n } from '../../../i18n/index.js';
import { useChange } from '../../../kit/index.js';
import { type PeriodRecords, PeriodSection } from '../../../kit/period.js';
import { useRemoveRecord } from '../records.js';

export function LegalList({
  records,
  canWrite,
  onEdit,
  onRemoved,
}: {
  records: PeriodRecords<LegalSummary, LegalConsultationListItem>;
  canWrite: boolean;
  onEdit(item: LegalConsultationListItem): void;
  onRemoved(item: LegalConsultationListItem): void;
}) {
  const { t, formatDate, formatNumber } = useI18n();
  const { reload } = records;
  const change = useChange({ reload });
  const remove = useRemoveRecord(change);
  const removeItem = async (item: LegalConsultationListItem) => {
    if (await remove(`/legal-consultations/${item.id}`, item.version)) onRemoved(item);
  };
  return (
    <PeriodSection
      id="legal-list"
      texts="activities.legal"
      records={records}
      change={change}
      totalsTestId="legal-totals"
      totals={(totals) => ({
        count: totals.consultations,
        hours: Math.round((totals.minutes / 60) * 10) / 10,
        cases: totals.casesDiscussed,
      })}
      table={{
        rowName: (item) => formatDate(item.date),
        columns: [
          { header: t('activities.date'), cell: (item) => formatDate(item.date) },
          { header: t('activities.legal.lawyer'), cell: (item) => item.lawyerName ?? t('person.notSet') },
          { header: t('activities.minutes'), cell: (item) => formatNumber(item.minutes), className: 'text-end' },
          { header: t('activities.legal.caseCount'), cell: (item) => formatNumber(item.caseCount), className: 'text-end' },
          { header: t('activities.legal.questions'), cell: (item) => item.questionsExcerpt },
        ],
        actions: canWrite
          ? (item) => [
              { label: t('activities.legal.editAction'), onClick: () => onEdit(item) },
              { label: t('activities.delete'), danger: true, onClick: () => removeItem(item) },
            ]
          : undefined,
      }}
    />
  );
}
