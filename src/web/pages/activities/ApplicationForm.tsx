import { type FormEvent, useState } from 'react';
import type { Application } from '../../../contracts/activities.js';
import { APPLICATION_OUTCOMES } from '../../../contracts/enums.js';
import type { PersonSummary } from '../../../contracts/people.js';
import { todayInRome } from '../../../domain/dates.js';
import { type ApiError, api } from '../../api/client.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { ApplicationTypeSelect, PersonPicker, useApplicationTypes } from './shared.js';

/**
 * Records an application: for the person given (the person's file), or for the person chosen
 * here. Without a person, someone working in several centres says which centre.
 */
export function ApplicationForm({ personId, onSaved }: { personId?: number; onSaved(application: Application): void }) {
  const { t, label } = useI18n();
  const { me } = useSession();
  const types = useApplicationTypes();
  const today = todayInRome();
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [typeId, setTypeId] = useState('');
  const [outcome, setOutcome] = useState('submitted');
  const [date, setDate] = useState(today);
  const [notes, setNotes] = useState('');
  const [centreId, setCentreId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const chosenPersonId = personId ?? person?.id;
  const chooseCentre = !chosenPersonId && (me?.centres.length ?? 0) > 1;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const application = await api<Application>('POST', '/applications', {
        typeId: Number(typeId),
        outcome,
        date,
        ...(chosenPersonId ? { personId: chosenPersonId } : {}),
        ...(chooseCentre && centreId ? { centreId: Number(centreId) } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      });
      setFieldErrors({});
      setPerson(null);
      setTypeId('');
      setOutcome('submitted');
      setNotes('');
      onSaved(application);
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      {personId ? null : (
        <PersonPicker
          legend={t('activities.person')}
          hint={t('activities.applications.personHint')}
          person={person}
          onChange={setPerson}
          error={fieldErrors.personId}
        />
      )}
      <div className="row">
        <div className="col-md-6">
          <ApplicationTypeSelect types={types.data ?? []} value={typeId} error={fieldErrors.typeId} onChange={setTypeId} />
        </div>
        <div className="col-sm-6 col-md-3">
          <SelectField label={t('activities.applications.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            {APPLICATION_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {label('applicationOutcome', o)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-sm-6 col-md-3">
          <TextField
            label={t('activities.date')}
            type="date"
            required
            max={today}
            value={date}
            error={fieldErrors.date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        {chooseCentre ? (
          <div className="col-md-6">
            <CentreSelect
              label={t('activities.centre')}
              required
              value={centreId}
              error={fieldErrors.centreId}
              onChange={(e) => setCentreId(e.target.value)}
            />
          </div>
        ) : null}
      </div>
      <TextField
        label={t('activities.applications.notes')}
        maxLength={2000}
        value={notes}
        error={fieldErrors.notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('activities.applications.save')}
      </button>
    </form>
  );
}
