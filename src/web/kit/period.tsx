import { type ComponentProps, type ReactNode, useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { todayInRome } from '../../domain/dates.js';
import type { Page } from '../api/client.js';
import { useApiGet } from '../api/hooks.js';
import { TextField } from '../components/fields.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/it.js';
import { FilterForm } from './FilterForm.js';
import { RecordTable } from './RecordTable.js';
import { TitledSection } from './TitledSection.js';
import type { Change } from './useChange.js';
import { pagingOf } from './values.js';

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

/**
 * The period's summary (`path`/summary) and a page of its records (`path`; not asked for when
 * `listed` is false: a viewer who may not see them), and `reload` for both.
 */
export function usePeriodRecords<Summary, Item>(path: string, pageSize: number, { listed = true } = {}) {
  const period = usePeriod();
  const { from, to, page } = period;
  const summary = useApiGet<Summary>(`${path}/summary`, { from, to });
  const list = useApiGet<Page<Item>>(listed ? path : null, { from, to, page, pageSize });
  const reloadSummary = summary.reload;
  const reloadList = list.reload;
  const reload = useCallback(() => {
    reloadSummary();
    reloadList();
  }, [reloadSummary, reloadList]);
  return { period, summary, list, reload };
}

/** What `usePeriodRecords` gives, for the section that lists them. */
export type PeriodRecords<Summary, Item> = ReturnType<typeof usePeriodRecords<Summary, Item>>;

/** The list's table as PeriodSection draws it: its caption, rows, paging and empty message come from the section. */
type ListTable<Item> = Omit<ComponentProps<typeof RecordTable<Item>>, 'caption' | 'captionHidden' | 'rows' | 'paging' | 'empty'>;

/** The prefixes of the dictionary with a list's texts: `.list` (its title), `.none` (nothing in the period), `.totals`. */
export type PeriodTexts = {
  [K in MessageKey]: K extends `${infer P}.list` ? (`${P}.none` | `${P}.totals` extends MessageKey ? P : never) : never;
}[MessageKey];

/**
 * The period's records as a section: its heading (focusable, for after a deletion), the period,
 * the problems (of the list's `change`, when it is shown here, and of loading), the summary's
 * figures (`totals`, each formatted) in one line (said again when it changes), any other table
 * (`children`), then the page of records (`table`: its columns, row names and actions), captioned
 * by the section's title and paged through the period. Its words are `texts`: `<texts>.list` the
 * title, `<texts>.totals` the line of figures, `<texts>.none` when the period has no record.
 */
export function PeriodSection<Summary, Item>({
  id,
  texts,
  records,
  change,
  totals,
  totalsTestId,
  table,
  children,
}: {
  id: string;
  texts: PeriodTexts;
  records: PeriodRecords<Summary, Item>;
  change?: Change;
  totals(summary: Summary): Record<string, number>;
  totalsTestId: string;
  table: ListTable<Item>;
  children?: ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  const { period, summary, list } = records;
  const title = t(`${texts}.list`);
  const figures = (data: Summary) => Object.fromEntries(Object.entries(totals(data)).map(([name, n]) => [name, formatNumber(n)]));
  return (
    <TitledSection id={id} title={title} focusable>
      <PeriodForm from={period.from} to={period.to} onApply={period.setPeriod} />
      {change?.problem}
      <ProblemAlert error={summary.error ?? list.error} />
      {summary.data ? (
        <p className="h5" aria-live="polite" data-testid={totalsTestId}>
          {t(`${texts}.totals`, figures(summary.data))}
        </p>
      ) : null}
      {children}
      {list.data ? (
        <RecordTable<Item>
          caption={title}
          captionHidden
          rows={list.data.items}
          paging={pagingOf(list.data, period.setPage)}
          empty={t(`${texts}.none`)}
          {...table}
        />
      ) : null}
    </TitledSection>
  );
}
