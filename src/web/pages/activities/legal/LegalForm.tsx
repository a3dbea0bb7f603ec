/** A new consultation, or the one being corrected (sent back with the version it was read at). */
import { useState } from 'react';
import type { CaseOption, LegalConsultation } from '../../../../contracts/activities.js';
import { todayInRome } from '../../../../domain/dates.js';
import { useApiGet } from '../../../api/hooks.js';
import { TextAreaField, TextField } from '../../../components/fields.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { type OnDemandForm, orNull, RecordForm, useChange, useFields } from '../../../kit/index.js';
import { useSession } from '../../../session.js';
import { CentreField, DayField, MinutesField, useCentreChoice } from '../fields.js';
import { CaseChoices } from './CaseChoices.js';

export function LegalForm({ consultation, reload, onDone }: { consultation: LegalConsultation | null } & OnDemandForm) {
  const { t } = useI18n();
  const { me } = useSession();
  const change = useChange({ reload });
  const { fieldErrors } = change;
  const form = useFields({
    date: consultation?.date ?? todayInRome(),
    minutes: consultation ? String(consultation.minutes) : '',
    lawyerName: consultation?.lawyerName ?? '',
    questions: consultation?.questions ?? '',
    guidance: consultation?.guidance ?? '',
    centreId: '',
  });
  const bound = boundTo(form, change);
  const [caseIds, setCaseIds] = useState<number[]>(consultation?.cases.map((c) => c.id) ?? []);
  const centreChoice = useCentreChoice(consultation !== null);
  const centre = consultation
    ? consultation.centreId
    : centreChoice.choose
      ? Number(form.values.centreId) || null
      : (me?.centres[0]?.id ?? null);
  const options = useApiGet<CaseOption[]>(centre ? '/legal-consultations/case-options' : null, centre ? { centreId: centre } : undefined);
  // The cases already named stay offered, even if closed since.
  const named = consultation?.cases ?? [];
  const offered = [...named, ...(options.data ?? []).filter((o) => !named.some((c) => c.id === o.id))];
  const toggle = (id: number) => setCaseIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const save = async () => {
    const { values } = form;
    const fields = {
      date: values.date,
      minutes: Number(values.minutes),
      lawyerName: orNull(values.lawyerName),
      caseIds,
      questions: values.questions.trim(),
      guidance: orNull(values.guidance),
    };
    const success = { success: t('activities.legal.saved') };
    const sent = consultation
      ? await change.send('PATCH', `/legal-consultations/${consultation.id}`, { version: consultation.version, ...fields }, success)
      : await change.send('POST', '/legal-consultations', { ...fields, ...centreChoice.body(values.centreId) }, success);
    if (sent.ok) onDone();
  };

  return (
    <RecordForm
      change={change}
      onSubmit={save}
      submitLabel={t('activities.legal.save')}
      onCancel={onDone}
      autoFocus={consultation === null}
      className=""
    >
      <ProblemAlert error={options.error} />
      <div className="row">
        <DayField column="col-sm-6 col-lg-3" {...bound('date')} />
        <MinutesField column="col-sm-6 col-lg-3" label={t('activities.legal.minutes')} {...bound('minutes')} />
        <TextField column="col-lg-6" label={t('activities.legal.lawyer')} maxLength={120} {...bound('lawyerName')} />
        {centreChoice.choose ? (
          <CentreField
            column="col-lg-6"
            value={form.values.centreId}
            error={fieldErrors.centreId}
            onChange={(e) => {
              // Another centre, other cases.
              form.set({ centreId: e.target.value });
              setCaseIds([]);
            }}
          />
        ) : null}
      </div>
      {centre ? <CaseChoices options={offered} chosen={caseIds} onToggle={toggle} error={fieldErrors.caseIds} /> : null}
      <TextAreaField label={t('activities.legal.questions')} required maxLength={4000} {...bound('questions')} />
      <TextAreaField label={t('activities.legal.guidance')} maxLength={4000} {...bound('guidance')} />
    </RecordForm>
  );
}
