/** The organisation's retention settings, as an administrator sets them: on or off, and the years kept. */
import { useState } from 'react';
import type { RetentionSettings } from '../../../contracts/retention.js';
import { romeDateOf } from '../../../domain/dates.js';
import { NumberField } from '../../components/fields.js';
import { SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { RecordForm, useChange, useFields } from '../../kit/index.js';

/** The two periods kept: after the last contact of someone never in care, and after their cases all closed. */
const YEARS = ['yearsAfterContact', 'yearsAfterCase'] as const;

export function RetentionSettingsForm({ settings, onSaved }: { settings: RetentionSettings; onSaved(): void }) {
  const { t, formatDate } = useI18n();
  const change = useChange({ reload: onSaved });
  const [enabled, setEnabled] = useState(settings.enabled);
  const form = useFields(
    { yearsAfterContact: String(settings.yearsAfterContact), yearsAfterCase: String(settings.yearsAfterCase) },
    settings.updatedAt,
  );
  const bound = boundTo(form, change);
  const [done, setDone] = useState<string | null>(null);

  const save = async () => {
    setDone(null);
    const sent = await change.send('PUT', '/organisation/retention', {
      enabled,
      yearsAfterContact: Number(form.values.yearsAfterContact),
      yearsAfterCase: Number(form.values.yearsAfterCase),
    });
    if (sent.ok) setDone(t('retention.saved'));
  };

  return (
    <RecordForm change={change} onSubmit={save} label={t('retention.settings')} submitLabel={t('retention.save')}>
      <p className="small">
        {settings.updatedBy && settings.updatedAt
          ? t('retention.updated', { date: formatDate(romeDateOf(new Date(settings.updatedAt))), name: settings.updatedBy.displayName })
          : t('retention.neverSet')}
      </p>
      <SuccessAlert message={done} />
      <div className="form-check mb-3">
        <input
          id="retention-enabled"
          type="checkbox"
          checked={enabled}
          onChange={(event) => setEnabled(event.target.checked)}
          aria-describedby="retention-enabled-hint"
        />
        <label htmlFor="retention-enabled">{t('retention.enabled')}</label>
        <small id="retention-enabled-hint" className="form-text d-block">
          {t('retention.enabledHint')}
        </small>
      </div>
      <div className="row">
        {YEARS.map((name) => (
          <NumberField
            key={name}
            column="col-md-6"
            label={t(`retention.${name}`)}
            hint={t(`retention.${name}Hint`)}
            min={1}
            max={50}
            required
            {...bound(name)}
          />
        ))}
      </div>
    </RecordForm>
  );
}
