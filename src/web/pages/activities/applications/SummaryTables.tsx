/** The period's counts: by type (with level and Anagrafe) and by level. */
import type { ApplicationSummary } from '../../../../contracts/activities.js';
import { APPLICATION_LEVELS } from '../../../../contracts/enums.js';
import { useI18n } from '../../../i18n/index.js';
import { CountTable } from '../../../kit/CountTable.js';

export function SummaryTables({ summary }: { summary: ApplicationSummary }) {
  const { t, formatNumber, label } = useI18n();
  const level = t('activities.applications.level');
  const count = t('activities.applications.count');
  return (
    <div className="row">
      <div className="col-lg-8">
        <CountTable
          caption={t('activities.applications.byType')}
          testId="applications-by-type"
          headers={[t('activities.applications.type'), level, t('activities.applications.anagrafe'), count]}
          rows={summary.byType.map((row) => ({
            key: row.typeId,
            name: label(row),
            facts: [label('applicationLevel', row.level), row.anagrafe ? t('common.yes') : t('common.no')],
            counts: [row.count],
          }))}
          totals={[summary.total]}
        />
      </div>
      <div className="col-lg-4">
        <CountTable
          caption={t('activities.applications.byLevel')}
          testId="applications-by-level"
          headers={[level, count]}
          rows={APPLICATION_LEVELS.map((l) => ({ key: l, name: label('applicationLevel', l), counts: [summary.byLevel[l]] }))}
          totals={[summary.total]}
        />
        <p>{t('activities.applications.anagrafeTotal', { count: formatNumber(summary.anagrafe) })}</p>
      </div>
    </div>
  );
}
