/** The thresholds the figures are computed with: told, and changed in place by the coordinator on the draft. */
import { GROUPED_TABLES, type GroupedTableId, type ReportData } from '../../../../contracts/reports.js';
import { TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { FieldGroup } from '../../../kit/FieldGroup.js';
import { EditableSection, useChange, useFields } from '../../../kit/index.js';
import { SectionForm } from '../shared.js';
import type { ReportContext } from './data.js';

type Settings = ReportData['settings'];

/** The form's field of a table's grouping threshold. */
const groupingField = (table: GroupedTableId) => `grouping:${table}` as const;

function SettingsSummary({ settings }: { settings: Settings }) {
  const { t, formatNumber } = useI18n();
  const items = [
    [t('reports.settings.disclosure'), formatNumber(settings.disclosureThreshold)],
    [t('reports.settings.years'), formatNumber(settings.comparisonYears)],
  ] as const;
  const threshold = (value: number) => (value === 0 ? t('reports.settings.groupingNever') : formatNumber(value));
  return (
    <>
      <dl className="row mb-0">
        {items.map(([label, value]) => (
          <div key={label} className="col-md-4">
            <dt className="fw-normal">{label}</dt>
            <dd className="fw-bold">{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="h6 mt-2">{t('reports.settings.grouping')}</h3>
      <dl className="row mb-0">
        {GROUPED_TABLES.map((table) => (
          <div key={table} className="col-md-4">
            <dt className="fw-normal">{t(`reports.settings.grouping.${table}`)}</dt>
            <dd className="fw-bold">{threshold(settings.groupingThresholds[table])}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function SettingsForm({ report, reload, saved, onDone }: ReportContext & { onDone(): void }) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const { settings } = report;
  const form = useFields(
    {
      ...(Object.fromEntries(GROUPED_TABLES.map((table) => [groupingField(table), String(settings.groupingThresholds[table])])) as Record<
        ReturnType<typeof groupingField>,
        string
      >),
      disclosureThreshold: String(settings.disclosureThreshold),
      comparisonYears: String(settings.comparisonYears),
    },
    report.version,
  );
  const { values } = form;
  const save = async () => {
    const sent = await change.send('PATCH', `/reports/${report.id}`, {
      version: report.version,
      settings: {
        groupingThresholds: Object.fromEntries(GROUPED_TABLES.map((table) => [table, Number(values[groupingField(table)])])),
        disclosureThreshold: Number(values.disclosureThreshold),
        comparisonYears: Number(values.comparisonYears),
      },
    });
    if (sent.ok) {
      saved(t('reports.settings.saved'));
      onDone();
    }
  };
  const field = (name: keyof typeof values, label: string, hint: string | undefined, min: number, max: number, error: string) => (
    <div className="col-md-4" key={name}>
      <TextField
        type="number"
        min={min}
        max={max}
        required
        label={label}
        {...(hint ? { hint } : {})}
        {...form.field(name)}
        error={change.fieldErrors[error]}
      />
    </div>
  );
  return (
    <SectionForm
      change={change}
      onSubmit={save}
      label={t('reports.settings.title')}
      submitLabel={t('reports.settings.save')}
      onCancel={onDone}
      autoFocus
    >
      <div className="row align-items-start">
        {field(
          'disclosureThreshold',
          t('reports.settings.disclosure'),
          t('reports.settings.disclosureHint'),
          0,
          1000,
          'settings.disclosureThreshold',
        )}
        {field('comparisonYears', t('reports.settings.years'), t('reports.settings.yearsHint'), 2, 10, 'settings.comparisonYears')}
      </div>
      <FieldGroup id="report-grouping" legend={t('reports.settings.grouping')} hint={t('reports.settings.groupingHint')}>
        <div className="row align-items-start">
          {GROUPED_TABLES.map((table) =>
            field(
              groupingField(table),
              t(`reports.settings.grouping.${table}`),
              undefined,
              0,
              1000,
              `settings.groupingThresholds.${table}`,
            ),
          )}
        </div>
      </FieldGroup>
    </SectionForm>
  );
}

/**
 * "Impostazioni": the coordinator on the draft changes them with "Modifica le impostazioni"; the
 * others are told those the figures shown were computed with.
 */
export function SettingsSection({ context, editable, shown }: { context: ReportContext; editable: boolean; shown?: Settings }) {
  const { t } = useI18n();
  const settings = editable ? context.report.settings : shown;
  if (!settings) return null;
  const heading = (
    <h2 id="report-settings" className="h4">
      {t('reports.settings.title')}
    </h2>
  );
  return (
    <section aria-labelledby="report-settings" className="mb-4">
      {editable ? (
        <EditableSection
          heading={heading}
          editLabel={t('reports.settings.edit')}
          form={(close) => <SettingsForm {...context} onDone={close} />}
        >
          <SettingsSummary settings={settings} />
        </EditableSection>
      ) : (
        <>
          {heading}
          <SettingsSummary settings={settings} />
        </>
      )}
    </section>
  );
}
