import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { PcStationSummary, PcStationUse } from '../../../contracts/activities.js';
import { PC_PURPOSES } from '../../../contracts/enums.js';
import type { PersonSummary } from '../../../contracts/people.js';
import { todayInRome } from '../../../domain/dates.js';
import { type ApiError, api, type Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { Pagination, SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { PeriodForm, PersonPicker, personName, usePeriod } from './shared.js';

const PAGE_SIZE = 50;
const PURPOSE_FIELD = 'pc-purpose';

/** A use in a few keystrokes: purpose, minutes, Enter. Date and person only when needed. */
function PcUseForm({ onSaved }: { onSaved(): void }) {
  const { t, label } = useI18n();
  const { me } = useSession();
  const today = todayInRome();
  const [purpose, setPurpose] = useState('');
  const [minutes, setMinutes] = useState('');
  const [date, setDate] = useState(today);
  const [person, setPerson] = useState<PersonSummary | null>(null);
  // Kept from one use to the next: the desk is in one centre for the day.
  const [centreId, setCentreId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chooseCentre = !person && (me?.centres.length ?? 0) > 1;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      await api<PcStationUse>('POST', '/pc-station-uses', {
        purpose,
        minutes: Number(minutes),
        date,
        ...(person ? { personId: person.id } : {}),
        ...(chooseCentre && centreId ? { centreId: Number(centreId) } : {}),
      });
      setFieldErrors({});
      setSaved(t('activities.pc.saved'));
      setMinutes('');
      setPerson(null);
      // Ready for the next one.
      document.getElementById(PURPOSE_FIELD)?.focus();
      onSaved();
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="pc-form">
      <SuccessAlert message={saved} />
      <ProblemAlert error={error} />
      <div className="row">
        <div className="col-sm-6 col-lg-4">
          <SelectField
            id={PURPOSE_FIELD}
            label={t('activities.pc.purpose')}
            required
            autoFocus
            value={purpose}
            error={fieldErrors.purpose}
            onChange={(e) => setPurpose(e.target.value)}
          >
            <option value="">{t('common.choose')}</option>
            {PC_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {label('pcPurpose', p)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-sm-6 col-lg-2">
          <TextField
            label={t('activities.minutes')}
            type="number"
            inputMode="numeric"
            required
            min={1}
            max={600}
            value={minutes}
            error={fieldErrors.minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <div className="col-sm-6 col-lg-3">
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
          <div className="col-sm-6 col-lg-3">
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
      <details className="mb-3" open={person !== null}>
        <summary>{t('activities.pc.choosePerson')}</summary>
        <div className="mt-2">
          <PersonPicker legend={t('activities.pc.personOptional')} person={person} onChange={setPerson} error={fieldErrors.personId} />
        </div>
      </details>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('activities.pc.save')}
      </button>
    </form>
  );
}

function PurposeTable({ summary }: { summary: PcStationSummary }) {
  const { t, formatNumber, label } = useI18n();
  return (
    <div className="table-responsive">
      <table className="table table-sm">
        <caption className="caption-top h6 text-body">{t('activities.pc.byPurpose')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activities.pc.purpose')}</th>
            <th scope="col" className="text-end">
              {t('activities.pc.uses')}
            </th>
            <th scope="col" className="text-end">
              {t('activities.minutes')}
            </th>
          </tr>
        </thead>
        <tbody>
          {PC_PURPOSES.map((p) => (
            <tr key={p}>
              <th scope="row" className="fw-normal">
                {label('pcPurpose', p)}
              </th>
              <td className="text-end">{formatNumber(summary.byPurpose[p].uses)}</td>
              <td className="text-end">{formatNumber(summary.byPurpose[p].minutes)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('common.total')}</th>
            <td className="text-end fw-bold">{formatNumber(summary.uses)}</td>
            <td className="text-end fw-bold">{formatNumber(summary.minutes)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export default function PcStationPage() {
  const { t, formatDate, formatNumber, label } = useI18n();
  const { can } = useSession();
  const { from, to, page, setPage, setPeriod } = usePeriod();
  const summary = useApiGet<PcStationSummary>('/pc-station-uses/summary', { from, to });
  const list = useApiGet<Page<PcStationUse>>('/pc-station-uses', { from, to, page, pageSize: PAGE_SIZE });
  const [error, setError] = useState<ApiError | null>(null);
  usePageTitle(t('activities.pc.title'));

  const reload = () => {
    setError(null);
    summary.reload();
    list.reload();
  };
  const remove = async (use: PcStationUse) => {
    if (!window.confirm(t('activities.deleteConfirm'))) return;
    try {
      await api('DELETE', `/pc-station-uses/${use.id}`);
      reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <>
      <h1 className="h2">{t('activities.pc.title')}</h1>
      <p>{t('activities.pc.intro')}</p>
      {can('personal.write') ? (
        <section className="border rounded p-3 mb-4" aria-labelledby="record-pc-use">
          <h2 id="record-pc-use" className="h4">
            {t('activities.pc.record')}
          </h2>
          <PcUseForm onSaved={reload} />
        </section>
      ) : null}

      <section aria-labelledby="pc-uses">
        <h2 id="pc-uses" className="h4">
          {t('activities.pc.list')}
        </h2>
        <PeriodForm from={from} to={to} onApply={setPeriod} />
        <ProblemAlert error={error ?? summary.error ?? list.error} />
        {summary.data ? (
          <>
            <p className="h5" aria-live="polite" data-testid="pc-totals">
              {t('activities.pc.totals', {
                uses: formatNumber(summary.data.uses),
                minutes: formatNumber(summary.data.minutes),
                people: formatNumber(summary.data.people),
              })}
            </p>
            <PurposeTable summary={summary.data} />
          </>
        ) : null}
        {list.data && list.data.items.length === 0 ? <p>{t('activities.pc.none')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <div className="table-responsive">
              <table className="table table-sm">
                <caption className="visually-hidden">{t('activities.pc.list')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('activities.date')}</th>
                    <th scope="col">{t('activities.pc.purpose')}</th>
                    <th scope="col" className="text-end">
                      {t('activities.minutes')}
                    </th>
                    <th scope="col">{t('activities.person')}</th>
                    <th scope="col">{t('activities.operator')}</th>
                    {can('personal.write') ? <th scope="col">{t('common.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((use) => (
                    <tr key={use.id}>
                      <td>{formatDate(use.date)}</td>
                      <td>{label('pcPurpose', use.purpose)}</td>
                      <td className="text-end">{formatNumber(use.minutes)}</td>
                      <td>
                        {use.person ? <Link to={`/people/${use.person.id}`}>{personName(use.person)}</Link> : t('activities.pc.anonymous')}
                      </td>
                      <td>{use.operator?.displayName ?? t('person.notSet')}</td>
                      {can('personal.write') ? (
                        <td>
                          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(use)}>
                            {t('activities.delete')}
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
          </>
        ) : null}
      </section>
    </>
  );
}
