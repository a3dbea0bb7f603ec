/** The period's counts: by type (with level and Anagrafe, a table of its own) and by level (the kit's CountTable). */
import type { ApplicationSummary } from '../../../../contracts/activities.js';
import { APPLICATION_LEVELS } from '../../../../contracts/enums.js';
import { useI18n } from '../../../i18n/index.js';
import { CountTable } from '../../../kit/CountTable.js';

/** By type: each type with its level and whether it is a practice with the Anagrafe, before its count. */
function ByTypeTable({ summary }: { summary: ApplicationSummary }) {
  const { t, formatNumber, label } = useI18n();
  return (
    <div className="table-responsive">
      <table className="table table-sm" data-testid="applications-by-type">
        <caption className="caption-top h6 text-body">{t('activities.applications.byType')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activities.applications.type')}</th>
            <th scope="col">{t('activities.applications.level')}</th>
            <th scope="col">{t('activities.applications.anagrafe')}</th>
            <th scope="col" className="text-end">
              {t('activities.applications.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.byType.map((row) => (
            <tr key={row.typeId}>
              <th scope="row" className="fw-normal">
                {label(row)}
              </th>
              <td>{label('applicationLevel', row.level)}</td>
              <td>{row.anagrafe ? t('common.yes') : t('common.no')}</td>
              <td className="text-end">{formatNumber(row.count)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('common.total')}
            </th>
            <td className="text-end fw-bold">{formatNumber(summary.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function SummaryTables({ summary }: { summary: ApplicationSummary }) {
  const { t, formatNumber, label } = useI18n();
  return (
    <div className="row">
      <div className="col-lg-8">
        <ByTypeTable summary={summary} />
      </div>
      <div className="col-lg-4">
        <CountTable
          caption={t('activities.applications.byLevel')}
          testId="applications-by-level"
          headers={[t('activities.applications.level'), t('activities.applications.count')]}
          rows={APPLICATION_LEVELS.map((l) => ({ key: l, name: label('applicationLevel', l), counts: [summary.byLevel[l]] }))}
          totals={[summary.total]}
        />
        <p>{t('activities.applications.anagrafeTotal', { count: formatNumber(summary.anagrafe) })}</p>
      </div>
    </div>
  );
}
