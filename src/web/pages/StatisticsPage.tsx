import { GENDERS, ORIGIN_GROUPS } from '../../contracts/enums.js';
import { useApiGet, useTopicLabels } from '../api/hooks.js';
import { useCountryName } from '../components/CountrySelect.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import { type CountRow, CountTable } from '../kit/CountTable.js';
import { PeriodForm, usePeriod } from '../kit/period.js';
import { usePageTitle } from '../page-title.js';

interface Summary {
  total: number;
  byOriginGroup: Record<string, number>;
  byGender: Record<string, number>;
  byCitizenship: Record<string, number>;
  byTopic: Record<string, number>;
}

/** Aggregated figures only: what a viewer may see. */
export default function StatisticsPage() {
  const { t, locale, formatNumber, label } = useI18n();
  const countryName = useCountryName();
  const { label: topicLabel } = useTopicLabels();
  const { from, to, setPeriod } = usePeriod();
  const summary = useApiGet<Summary>('/visits/summary', { from, to });
  usePageTitle(t('stats.title'));
  const s = summary.data;

  // The rows of a count table: each category with its count.
  const rows = (entries: Array<[string, number]>): CountRow[] => entries.map(([name, count]) => ({ key: name, name, counts: [count] }));
  // The largest first; the same count by name.
  const sorted = (record: Record<string, number>, label: (key: string) => string) =>
    rows(
      Object.entries(record)
        .map(([key, n]): [string, number] => [label(key), n])
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], locale)),
    );
  const headers = [t('stats.category'), t('stats.count')];

  return (
    <>
      <h1 className="h2 mb-3">{t('stats.title')}</h1>
      <PeriodForm from={from} to={to} onApply={setPeriod} />
      <ProblemAlert error={summary.error} />
      {s ? (
        <>
          <p className="h4" data-testid="stats-total">
            {t('stats.total')}: {formatNumber(s.total)}
          </p>
          <div className="row">
            <div className="col-md-6">
              <CountTable
                caption={t('stats.byOriginGroup')}
                headers={headers}
                rows={rows(ORIGIN_GROUPS.map((g) => [label('originGroup', g), s.byOriginGroup[g] ?? 0]))}
                totals={[s.total]}
              />
              <CountTable
                caption={t('stats.byGender')}
                headers={headers}
                rows={rows(GENDERS.map((g) => [label('gender', g), s.byGender[g] ?? 0]))}
                totals={[s.total]}
              />
            </div>
            <div className="col-md-6">
              <CountTable caption={t('stats.byCountry')} headers={headers} rows={sorted(s.byCitizenship, countryName)} totals={[s.total]} />
              <CountTable caption={t('stats.byTopic')} headers={headers} rows={sorted(s.byTopic, topicLabel)} />
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}
