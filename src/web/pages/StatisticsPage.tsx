import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { GENDERS, ORIGIN_GROUPS } from '../../contracts/enums.js';
import { todayInRome } from '../../domain/dates.js';
import { useApiGet, useTopicLabels } from '../api/hooks.js';
import { useCountryName } from '../components/CountrySelect.js';
import { TextField } from '../components/fields.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import { usePageTitle } from '../page-title.js';

interface Summary {
  total: number;
  byOriginGroup: Record<string, number>;
  byGender: Record<string, number>;
  byCitizenship: Record<string, number>;
  byTopic: Record<string, number>;
}

function CountTable({ title, rows, total }: { title: string; rows: Array<[string, number]>; total?: number }) {
  const { t, formatNumber } = useI18n();
  return (
    <div className="table-responsive">
      <table className="table table-sm">
        <caption className="caption-top h6 text-body">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.category')}</th>
            <th scope="col" className="text-end">
              {t('stats.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, count]) => (
            <tr key={label}>
              <th scope="row" className="fw-normal">
                {label}
              </th>
              <td className="text-end">{formatNumber(count)}</td>
            </tr>
          ))}
        </tbody>
        {total !== undefined ? (
          <tfoot>
            <tr>
              <th scope="row">{t('common.total')}</th>
              <td className="text-end fw-bold">{formatNumber(total)}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** Aggregated figures only: what a viewer may see. */
export default function StatisticsPage() {
  const { t, locale, formatNumber, label } = useI18n();
  const countryName = useCountryName();
  const { label: topicLabel } = useTopicLabels();
  const [params, setParams] = useSearchParams();
  const year = todayInRome().slice(0, 4);
  const from = params.get('from') ?? `${year}-01-01`;
  const to = params.get('to') ?? `${year}-12-31`;
  const summary = useApiGet<Summary>('/visits/summary', { from, to });
  usePageTitle(t('stats.title'));
  const s = summary.data;

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // A date left empty is the year's first or last day again.
    const next = Object.fromEntries(['from', 'to'].map((key) => [key, String(form.get(key) ?? '')]).filter(([, value]) => value));
    setParams(next);
  };
  const sorted = (record: Record<string, number>, label: (key: string) => string): Array<[string, number]> =>
    Object.entries(record)
      .map(([key, n]): [string, number] => [label(key), n])
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], locale));

  return (
    <>
      <h1 className="h2 mb-3">{t('stats.title')}</h1>
      <form onSubmit={apply} className="row align-items-end mb-3" aria-label={t('stats.period')} key={`${from}-${to}`} noValidate>
        <div className="col-sm-4">
          <TextField label={t('visits.from')} name="from" type="date" defaultValue={from} required />
        </div>
        <div className="col-sm-4">
          <TextField label={t('visits.to')} name="to" type="date" defaultValue={to} required />
        </div>
        <div className="col-sm-4 mb-3">
          <button type="submit" className="btn btn-primary">
            {t('visits.apply')}
          </button>
        </div>
      </form>
      <ProblemAlert error={summary.error} />
      {s ? (
        <>
          <p className="h4" data-testid="stats-total">
            {t('stats.total')}: {formatNumber(s.total)}
          </p>
          <div className="row">
            <div className="col-md-6">
              <CountTable
                title={t('stats.byOriginGroup')}
                rows={ORIGIN_GROUPS.map((g) => [label('originGroup', g), s.byOriginGroup[g] ?? 0])}
                total={s.total}
              />
              <CountTable title={t('stats.byGender')} rows={GENDERS.map((g) => [label('gender', g), s.byGender[g] ?? 0])} total={s.total} />
            </div>
            <div className="col-md-6">
              <CountTable title={t('stats.byCountry')} rows={sorted(s.byCitizenship, countryName)} total={s.total} />
              <CountTable title={t('stats.byTopic')} rows={sorted(s.byTopic, topicLabel)} />
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}
