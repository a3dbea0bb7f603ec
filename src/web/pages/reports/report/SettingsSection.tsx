/** The thresholds the figures are computed with: told, and changed in place by the coordinator on the draft. */
import type { ReportData } from '../../../../contracts/reports.js';
import { TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { EditableSection, useChange, useFields } from '../../../kit/index.js';
import { SectionForm } from '../shared.js';
import type { ReportContext } from './data.js';

type Settings = ReportData['settings'];

function SettingsSummary({ settings }: { settings: Settings }) {
  const { t, formatNumber } = useI18n();
  const items = [
    [t('reports.settings.grouping'), settings.groupingThreshold],
    [t('reports.settings.disclosure'), settings.disclosureThreshold],
    [t('reports.settings.years'), settings.comparisonYears],
  ] as const;
  return (
    <dl className="row mb-0">
      {items.map(([label, value]) => (
        <div key={label} className="col-md-4">
          <dt className="fw-normal">{label}</dt>
          <dd className="fw-bold">{formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function SettingsForm({ report, reload, saved, onDone }: ReportContext & { onDone(): void }) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const { settings } = report;
  const form = useFields(
    {
      groupingThreshold: String(settings.groupingThreshold),
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
        groupingThreshold: Number(values.groupingThreshold),
        disclosureThreshold: Number(values.disclosureThreshold),
        comparisonYears: Number(values.comparisonYears),
      },
    });
    if (sent.ok) {
      saved(t('reports.settings.saved'));
      onDone();
    }
  };
  const field = (name: keyof typeof values, label: string, hint: string, min: number, max: number) => (
    <div className="col-md-4">
      <TextField
        type="number"
        min={min}
        max={max}
        required
        label={label}
        hint={hint}
        {...form.field(name)}
        error={change.fieldErrors[`settings.${name}`]}
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
        {field('groupingThreshold', t('reports.settings.grouping'), t('reports.settings.groupingHint'), 0, 1000)}
        {field('disclosureThreshold', t('reports.settings.disclosure'), t('reports.settings.disclosureHint'), 0, 1000)}
        {field('comparisonYears', t('reports.settings.years'), t('reports.settings.yearsHint'), 2, 10)}
      </div>
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
