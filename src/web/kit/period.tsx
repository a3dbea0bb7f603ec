import { useSearchParams } from 'react-router';
import { todayInRome } from '../../domain/dates.js';
import { TextField } from '../components/fields.js';
import { useI18n } from '../i18n/index.js';
import { FilterForm } from './FilterForm.js';

export interface Period {
  from: string;
  to: string;
}

/**
 * The period a page counts over, kept in the address (?from&to&page): the current calendar year
 * by default. `setPeriod` starts again from the first page; a date left blank is the default again.
 */
export function usePeriod() {
  const [params, setParams] = useSearchParams();
  const year = todayInRome().slice(0, 4);
  const from = params.get('from') ?? `${year}-01-01`;
  const to = params.get('to') ?? `${year}-12-31`;
  const page = Number(params.get('page') ?? 1) || 1;
  const setPage = (next: number) => setParams({ from, to, page: String(next) });
  const setPeriod = (next: Period) => setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value)));
  return { from, to, page, setPage, setPeriod };
}

/** The period's two dates and "Applica", named "Periodo"; it shows the period again when the address changes. */
export function PeriodForm({ from, to, onApply }: Period & { onApply(period: Period): void }) {
  const { t } = useI18n();
  return (
    <FilterForm
      label={t('stats.period')}
      key={`${from}-${to}`}
      onApply={(dates) => onApply({ from: dates.from ?? '', to: dates.to ?? '' })}
    >
      <PeriodFields from={from} to={to} column="col-sm-4" required />
    </FilterForm>
  );
}

/** A period's two dates in a filter form ("Dal", "Al": fields `from` and `to`), each in a `column`. */
export function PeriodFields({ from, to, column, required }: Partial<Period> & { column: string; required?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <div className={column}>
        <TextField label={t('visits.from')} name="from" type="date" defaultValue={from} required={required} />
      </div>
      <div className={column}>
        <TextField label={t('visits.to')} name="to" type="date" defaultValue={to} required={required} />
      </div>
    </>
  );
}
