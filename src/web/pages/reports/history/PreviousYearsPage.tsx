/**
 * Anni precedenti: the figures the centre published before Approdo, one row a year (visits and
 * people in care by origin group, new people, language club enrolments). The report uses them in
 * its comparisons where a year has no records. The form shows each breakdown's running sum
 * against its total and offers to put the difference in Non specificato.
 */
import type { ReactNode } from 'react';
import type { HistoricalFigures } from '../../../../contracts/history.js';
import { todayInRome } from '../../../../domain/dates.js';
import {
  type Breakdown,
  FIRST_HISTORICAL_YEAR,
  HISTORICAL_VALUE_KEYS,
  type HistoricalValueKey,
  type HistoricalValues,
  hasParts,
  inCareBreakdown,
  lastHistoricalYear,
  partsSum,
  unspecifiedToClose,
  visitsBreakdown,
} from '../../../../domain/history.js';
import { NumberField, TextField, YearField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import type { MessageKey } from '../../../i18n/it.js';
import { AddOrCorrectForm } from '../../../kit/AddOrCorrectForm.js';
import { boundTo } from '../../../kit/bound.js';
import { FieldGroup } from '../../../kit/FieldGroup.js';
import { type OnDemandForm, orNull, saveRecord, useChange, useFields } from '../../../kit/index.js';
import { CentreListPage } from '../../calendar/shared.js';

const PARTS = ['Italian', 'Eu', 'NonEu', 'Unspecified'] as const;
const PART_LABELS: Record<(typeof PARTS)[number], MessageKey> = {
  Italian: 'history.italian',
  Eu: 'history.eu',
  NonEu: 'history.nonEu',
  Unspecified: 'history.unspecified',
};
type FormValues = Record<HistoricalValueKey | 'year' | 'source', string>;

/** A typed figure: blank → null (not published), a whole number, or undefined when it is neither. */
function figureOf(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** A breakdown of the form as the domain reads it (a figure that is not a whole number counts as empty). */
const breakdownOf = (values: FormValues, prefix: 'visits' | 'inCare'): Breakdown => {
  const typed = Object.fromEntries(HISTORICAL_VALUE_KEYS.map((name) => [name, figureOf(values[name]) ?? null])) as HistoricalValues;
  return prefix === 'visits' ? visitsBreakdown(typed) : inCareBreakdown(typed);
};

/** What the records of a year cover, in words ("accessi, utenti presi in carico"), or '' when none. */
function useCoveredText() {
  const { t } = useI18n();
  return (records: HistoricalFigures['records']) =>
    [records.visits && t('history.visits'), records.inCare && t('history.inCare'), records.enrolments && t('history.enrolments')]
      .filter(Boolean)
      .join(', ');
}

/** The running sum of a breakdown against its total, and the Non specificato completion. */
function BreakdownSum({ breakdown, onFill }: { breakdown: Breakdown; onFill(value: number): void }) {
  const { t, formatNumber } = useI18n();
  if (!hasParts(breakdown) || breakdown.total === null) return null;
  const sum = partsSum(breakdown);
  const difference = breakdown.total - sum;
  const fill = unspecifiedToClose(breakdown);
  const state =
    difference === 0
      ? t('history.sumOk')
      : difference > 0
        ? t('history.sumMissing', { difference: formatNumber(difference) })
        : t('history.sumOver', { difference: formatNumber(-difference) });
  return (
    <div className="d-flex flex-wrap align-items-center gap-2 mb-3">
      <p role="status" className={`mb-0 ${difference === 0 ? 'text-success' : 'text-danger'}`}>
        {t('history.sum', { sum: formatNumber(sum), total: formatNumber(breakdown.total) })}: {state}
      </p>
      {difference !== 0 && fill !== null ? (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onFill(fill)}>
          {t('history.fillUnspecified')}
        </button>
      ) : null}
    </div>
  );
}

function HistoricalForm({
  centreId,
  editing,
  reload,
  onDone,
}: {
  centreId: number;
  editing: HistoricalFigures | null;
} & OnDemandForm) {
  const { t } = useI18n();
  const covered = useCoveredText();
  const change = useChange({ reload });
  const last = lastHistoricalYear(todayInRome());
  const form = useFields<FormValues>({
    year: editing ? String(editing.year) : '',
    source: editing?.source ?? '',
    ...(Object.fromEntries(
      HISTORICAL_VALUE_KEYS.map((name) => [name, editing === null || editing[name] === null ? '' : String(editing[name])]),
    ) as Record<HistoricalValueKey, string>),
  });
  const bound = boundTo(form, change);
  const { values } = form;

  const submit = async () => {
    const figures: Partial<Record<HistoricalValueKey, number | null>> = {};
    const wrong: Record<string, string> = {};
    for (const name of HISTORICAL_VALUE_KEYS) {
      const value = figureOf(values[name]);
      if (value === undefined) wrong[name] = t('history.notNumber');
      else figures[name] = value;
    }
    const year = figureOf(values.year);
    if (year === undefined || year === null) wrong.year = t('history.notNumber');
    if (Object.keys(wrong).length > 0) {
      change.invalid(wrong);
      return;
    }
    const sent = await saveRecord(
      change,
      '/history/figures',
      editing,
      { year, ...figures, source: orNull(values.source) },
      { created: { centreId }, success: t('history.saved') },
    );
    if (sent.ok) onDone();
  };

  const breakdown = (prefix: 'visits' | 'inCare', legend: MessageKey, extra?: ReactNode) => (
    <FieldGroup id={`history-${prefix}`} legend={t(legend)} hint={t('history.breakdownHint')}>
      <div className="row">
        <NumberField column="col-6 col-md-4 col-lg-2" label={t('history.total')} min={0} {...bound(`${prefix}Total`)} />
        {extra}
        {PARTS.map((part) => (
          <NumberField key={part} column="col-6 col-md-4 col-lg-2" label={t(PART_LABELS[part])} min={0} {...bound(`${prefix}${part}`)} />
        ))}
      </div>
      <BreakdownSum breakdown={breakdownOf(values, prefix)} onFill={(value) => form.set({ [`${prefix}Unspecified`]: String(value) })} />
    </FieldGroup>
  );

  const coveredNow = editing ? covered(editing.records) : '';
  return (
    <AddOrCorrectForm change={change} onSubmit={submit} texts="history" editing={editing && { name: editing.year }} onCancel={onDone}>
      {editing && coveredNow ? (
        <p className="alert alert-warning">{t('history.recordsNotice', { year: editing.year, what: coveredNow })}</p>
      ) : null}
      <div className="row">
        <YearField
          column="col-sm-6 col-lg-3"
          label={t('history.year')}
          required
          min={FIRST_HISTORICAL_YEAR}
          max={last}
          hint={t('history.yearHint', { first: FIRST_HISTORICAL_YEAR, last })}
          {...bound('year')}
        />
        <TextField
          column="col-sm-6 col-lg-9"
          label={t('history.source')}
          maxLength={500}
          hint={t('history.sourceHint')}
          {...bound('source')}
        />
      </div>
      {breakdown('visits', 'history.visits')}
      {breakdown(
        'inCare',
        'history.inCare',
        <NumberField column="col-6 col-md-4 col-lg-2" label={t('history.inCareNew')} min={0} {...bound('inCareNew')} />,
      )}
      <div className="row">
        <NumberField column="col-sm-6 col-lg-3" label={t('history.enrolments')} min={0} {...bound('enrolmentsTotal')} />
      </div>
    </AddOrCorrectForm>
  );
}

/** The page: the centre's years before the records, then the form that adds or corrects one. */
export default function PreviousYearsPage() {
  const { t, formatNumber } = useI18n();
  const covered = useCoveredText();
  const count = (value: number | null) => (value === null ? '—' : formatNumber(value));
  return (
    <CentreListPage<HistoricalFigures>
      id="history-title"
      texts="history"
      actionTexts="history"
      path="/history/figures"
      rowName={(f) => String(f.year)}
      columns={[
        { header: t('history.year'), rowHeader: true, className: 'fw-normal', cell: (f) => f.year },
        { header: t('history.visits'), className: 'text-end', cell: (f) => count(f.visitsTotal) },
        {
          header: t('history.inCare'),
          className: 'text-end',
          cell: (f) =>
            f.inCareNew === null ? count(f.inCareTotal) : `${count(f.inCareTotal)} (${t('history.inCareNew')} ${count(f.inCareNew)})`,
        },
        { header: t('history.enrolments'), className: 'text-end', cell: (f) => count(f.enrolmentsTotal) },
        { header: t('history.source'), cell: (f) => f.source ?? '' },
        {
          header: t('history.inReport'),
          cell: (f) => {
            const what = covered(f.records);
            return what ? t('history.recordsCover', { what }) : t('history.usedAll');
          },
        },
      ]}
      form={HistoricalForm}
    />
  );
}
