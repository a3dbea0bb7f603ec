/** A use in a few keystrokes: purpose, minutes, Enter. Date and person only when needed. */
import { useState } from 'react';
import { PC_PURPOSES } from '../../../../contracts/enums.js';
import type { PersonSummary } from '../../../../contracts/people.js';
import { todayInRome } from '../../../../domain/dates.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { RecordForm, useChange, useFields, ValueSelect } from '../../../kit/index.js';
import { CentreField, DayField, MinutesField, useCentreChoice } from '../fields.js';
import { PersonPicker } from '../shared.js';

const PURPOSE_FIELD = 'pc-purpose';

export function PcUseForm({ reload }: { reload(): void }) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const { fieldErrors } = change;
  // The purpose, the day and the centre are kept from one use to the next: the desk is in one centre for the day.
  const form = useFields({ purpose: '', minutes: '', date: todayInRome(), centreId: '' });
  const bound = boundTo(form, change);
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const centre = useCentreChoice(person !== null);

  const save = async () => {
    const { purpose, minutes, date, centreId } = form.values;
    const sent = await change.send(
      'POST',
      '/pc-station-uses',
      { purpose, minutes: Number(minutes), date, ...(person ? { personId: person.id } : {}), ...centre.body(centreId) },
      // Ready for the next one.
      { success: t('activities.pc.saved'), focus: PURPOSE_FIELD },
    );
    if (sent.ok) {
      form.set({ minutes: '' });
      setPerson(null);
    }
  };

  return (
    <RecordForm change={change} onSubmit={save} label={t('activities.pc.record')} submitLabel={t('activities.pc.save')} className="">
      <div className="row">
        <ValueSelect
          column="col-sm-6 col-lg-4"
          id={PURPOSE_FIELD}
          label={t('activities.pc.purpose')}
          list="pcPurpose"
          values={PC_PURPOSES}
          choose
          autoFocus
          {...bound('purpose')}
        />
        <MinutesField column="col-sm-6 col-lg-2" {...bound('minutes')} />
        <DayField column="col-sm-6 col-lg-3" {...bound('date')} />
        {centre.choose ? <CentreField column="col-sm-6 col-lg-3" {...bound('centreId')} /> : null}
      </div>
      <details className="mb-3" open={person !== null}>
        <summary>{t('activities.pc.choosePerson')}</summary>
        <div className="mt-2">
          <PersonPicker legend={t('activities.pc.personOptional')} person={person} onChange={setPerson} error={fieldErrors.personId} />
        </div>
      </details>
    </RecordForm>
  );
}
