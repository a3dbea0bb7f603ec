import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { AGE_BANDS, CHANNELS, REFERRAL_SOURCES } from '../../contracts/enums.js';
import { AGE_BAND_LABELS, CHANNEL_LABELS, ORIGIN_GROUP_LABELS, REFERRAL_LABELS } from '../../contracts/labels.js';
import type { PersonSummary } from '../../contracts/people.js';
import type { Visit } from '../../contracts/visits.js';
import { romeTimeOf, todayInRome } from '../../domain/dates.js';
import { type ApiError, api, type Page } from '../api/client.js';
import { useApiGet, useTopicLabels } from '../api/hooks.js';
import { CentreSelect } from '../components/CentreSelect.js';
import { CountrySelect, useCountryName } from '../components/CountrySelect.js';
import { SelectField, TextField } from '../components/fields.js';
import { GenderSelect } from '../components/GenderSelect.js';
import { PersonSearch } from '../components/PersonSearch.js';
import { ProblemAlert, SuccessAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';
import { OpeningHoursWarning } from './calendar/OpeningHoursWarning.js';
import { DeadlinesNotice } from './documents/DeadlinesNotice.js';

interface AnonymousVisitor {
  gender: string;
  citizenship: string;
  ageBand: string;
}

const EMPTY_ANONYMOUS: AnonymousVisitor = { gender: '', citizenship: '', ageBand: '' };

/** The desk's main screen: record a visit in a few keystrokes, and see today's visits. */
export function FrontDeskPage() {
  const { t, locale, formatDate } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const { me } = useSession();
  // An anonymous visit belongs to no person's file: someone working in several centres says which.
  const centres = me?.centres ?? [];
  const chooseCentre = centres.length > 1;
  const countryName = useCountryName();
  const { topics, label: topicLabel } = useTopicLabels();
  const activeTopics = topics.data?.filter((topic) => topic.active);
  const today = todayInRome();
  const todays = useApiGet<Page<Visit>>('/visits', { from: today, to: today, pageSize: 200 });
  usePageTitle(t('frontDesk.title'));

  const searchRef = useRef<HTMLInputElement>(null);
  const firstTopicRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [person, setPerson] = useState<PersonSummary | null>((location.state as { person?: PersonSummary } | null)?.person ?? null);
  const [anonymous, setAnonymous] = useState<AnonymousVisitor | null>(null);
  // Kept from one visitor to the next: the desk is in one centre for the day.
  const [centreId, setCentreId] = useState('');
  const [topicIds, setTopicIds] = useState<number[]>([]);
  const [details, setDetails] = useState({ date: '', time: '', channel: 'in_person', referralSource: 'spontaneous', notes: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<{ message: string; visitId: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const choosePerson = (chosen: PersonSummary) => {
    setPerson(chosen);
    setAnonymous(null);
    setQuery('');
    setTimeout(() => firstTopicRef.current?.focus(), 0);
  };

  const reset = () => {
    setPerson(null);
    setAnonymous(null);
    setTopicIds([]);
    setDetails({ date: '', time: '', channel: 'in_person', referralSource: 'spontaneous', notes: '' });
    setFieldErrors({});
    setTimeout(() => searchRef.current?.focus(), 0);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setError(null);
    setSaved(null);
    if (!person && !anonymous) {
      setFieldErrors({ personId: t('frontDesk.choosePerson') });
      searchRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const visit = await api<Visit>('POST', '/visits', {
        // A person's visit goes to the person's centre; an anonymous one to the centre chosen.
        ...(person ? { personId: person.id } : { anonymous, ...(chooseCentre && centreId ? { centreId: Number(centreId) } : {}) }),
        topicIds,
        channel: details.channel,
        referralSource: details.referralSource,
        ...(details.date ? { date: details.date } : {}),
        ...(details.time ? { time: details.time } : {}),
        ...(details.notes.trim() ? { notes: details.notes.trim() } : {}),
      });
      setSaved({
        message: t('frontDesk.saved', {
          who: visit.person ? `${visit.person.familyNames} ${visit.person.givenNames}` : t('visit.anonymous'),
        }),
        visitId: visit.id,
      });
      reset();
      todays.reload();
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  // Enter on a topic saves; Ctrl+Enter saves from anywhere in the form.
  const onFormKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey || target.type === 'checkbox')) {
      event.preventDefault();
      void submit();
    }
  };

  const toggleTopic = (id: number) => setTopicIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <>
      <h1 className="h2">{t('frontDesk.title')}</h1>
      <p className="lead">{t('frontDesk.today', { date: formatDate(today, true) })}</p>
      <DeadlinesNotice />
      <div className="row g-4">
        <section className="col-lg-7" aria-labelledby="record-visit">
          <h2 id="record-visit" className="h4">
            {t('frontDesk.record')}
          </h2>
          <SuccessAlert message={saved?.message}>
            {/* The next step for someone to follow over time: a case opened from this visit. */}
            {saved ? (
              <>
                {' '}
                <Link to={`/cases/new?visitId=${saved.visitId}`}>{t('cases.new')}</Link>
              </>
            ) : null}
          </SuccessAlert>
          <ProblemAlert error={error} />
          <form onSubmit={submit} onKeyDown={onFormKeyDown} noValidate data-testid="frontdesk-form">
            {person ? (
              <div className="selected-person mb-3 d-flex justify-content-between align-items-center">
                <div>
                  <strong>
                    {person.familyNames} {person.givenNames}
                  </strong>
                  <div className="small">
                    {[person.birthDate ? formatDate(person.birthDate) : null, countryName(person.citizenship)].filter(Boolean).join(' · ')}
                  </div>
                </div>
                <div className="d-flex gap-2">
                  <Link to={`/people/${person.id}`} className="btn btn-outline-primary btn-sm">
                    {t('people.file')}
                  </Link>
                  <button type="button" className="btn btn-outline-secondary btn-sm" onClick={reset}>
                    {t('frontDesk.change')}
                  </button>
                </div>
              </div>
            ) : anonymous ? (
              <fieldset className="mb-3 border rounded p-3">
                <legend className="h6 float-none w-auto px-2">{t('frontDesk.anonymous')}</legend>
                <p className="small">{t('frontDesk.anonymousHelp')}</p>
                <div className="row">
                  <div className="col-md-4">
                    <GenderSelect
                      required
                      value={anonymous.gender}
                      error={fieldErrors['anonymous.gender']}
                      onChange={(e) => setAnonymous({ ...anonymous, gender: e.target.value })}
                    />
                  </div>
                  <div className="col-md-4">
                    <CountrySelect
                      label={t('person.citizenship')}
                      citizenship
                      required
                      value={anonymous.citizenship}
                      error={fieldErrors['anonymous.citizenship']}
                      onChange={(e) => setAnonymous({ ...anonymous, citizenship: e.target.value })}
                    />
                  </div>
                  <div className="col-md-4">
                    <SelectField
                      label={t('visit.ageBand')}
                      required
                      value={anonymous.ageBand}
                      error={fieldErrors['anonymous.ageBand']}
                      onChange={(e) => setAnonymous({ ...anonymous, ageBand: e.target.value })}
                    >
                      <option value="">{t('common.choose')}</option>
                      {AGE_BANDS.map((b) => (
                        <option key={b} value={b}>
                          {AGE_BAND_LABELS[locale][b]}
                        </option>
                      ))}
                    </SelectField>
                  </div>
                  {chooseCentre ? (
                    <div className="col-md-6">
                      <CentreSelect
                        label={t('visit.centre')}
                        required
                        value={centreId}
                        error={fieldErrors.centreId}
                        onChange={(e) => setCentreId(e.target.value)}
                      />
                    </div>
                  ) : null}
                </div>
                <button type="button" className="btn btn-link p-0" onClick={reset}>
                  {t('frontDesk.usePerson')}
                </button>
              </fieldset>
            ) : (
              <>
                <PersonSearch
                  query={query}
                  onQueryChange={setQuery}
                  onSelect={choosePerson}
                  inputRef={searchRef}
                  autoFocus
                  hint={t('frontDesk.searchHint')}
                />
                {fieldErrors.personId ? (
                  <div className="invalid-feedback d-block mb-2" role="alert">
                    {fieldErrors.personId}
                  </div>
                ) : null}
                <div className="d-flex gap-2 mb-3 flex-wrap">
                  <button
                    type="button"
                    className="btn btn-outline-primary btn-sm"
                    // Names stay out of the address (history, logs, referrers): they travel in the navigation state.
                    onClick={() => navigate('/people/new', { state: { name: query, returnTo: '/' } })}
                  >
                    {t('frontDesk.newPerson')}
                  </button>
                  <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAnonymous(EMPTY_ANONYMOUS)}>
                    {t('frontDesk.anonymous')}
                  </button>
                </div>
              </>
            )}

            <fieldset className="mb-3" aria-describedby={fieldErrors.topicIds ? 'topics-error' : undefined}>
              <legend className="form-label h6">{t('frontDesk.topics')}</legend>
              <div className="topic-grid">
                {activeTopics?.map((topic, index) => (
                  <div className="form-check my-1" key={topic.id}>
                    <input
                      id={`topic-${topic.id}`}
                      type="checkbox"
                      ref={index === 0 ? firstTopicRef : undefined}
                      checked={topicIds.includes(topic.id)}
                      onChange={() => toggleTopic(topic.id)}
                    />
                    <label htmlFor={`topic-${topic.id}`}>{locale === 'it' ? topic.labelIt : topic.labelEn}</label>
                  </div>
                ))}
              </div>
              {fieldErrors.topicIds ? (
                <div id="topics-error" className="invalid-feedback d-block" role="alert">
                  {fieldErrors.topicIds}
                </div>
              ) : null}
            </fieldset>

            <details className="mb-3">
              <summary>{t('frontDesk.moreDetails')}</summary>
              <div className="row mt-3">
                <div className="col-sm-6 col-md-3">
                  <TextField
                    label={t('visit.date')}
                    type="date"
                    max={today}
                    value={details.date || today}
                    error={fieldErrors.date}
                    onChange={(e) => setDetails({ ...details, date: e.target.value })}
                  />
                </div>
                <div className="col-sm-6 col-md-3">
                  <TextField
                    label={t('visit.time')}
                    type="time"
                    value={details.time || romeTimeOf(new Date())}
                    error={fieldErrors.time}
                    onChange={(e) => setDetails({ ...details, time: e.target.value })}
                  />
                </div>
                <div className="col-sm-6 col-md-3">
                  <SelectField
                    label={t('visit.channel')}
                    value={details.channel}
                    onChange={(e) => setDetails({ ...details, channel: e.target.value })}
                  >
                    {CHANNELS.map((c) => (
                      <option key={c} value={c}>
                        {CHANNEL_LABELS[locale][c]}
                      </option>
                    ))}
                  </SelectField>
                </div>
                <div className="col-sm-6 col-md-3">
                  <SelectField
                    label={t('visit.referral')}
                    value={details.referralSource}
                    onChange={(e) => setDetails({ ...details, referralSource: e.target.value })}
                  >
                    {REFERRAL_SOURCES.map((r) => (
                      <option key={r} value={r}>
                        {REFERRAL_LABELS[locale][r]}
                      </option>
                    ))}
                  </SelectField>
                </div>
              </div>
              <TextField
                label={t('visit.notes')}
                maxLength={2000}
                value={details.notes}
                error={fieldErrors.notes}
                onChange={(e) => setDetails({ ...details, notes: e.target.value })}
              />
            </details>

            <OpeningHoursWarning
              // The visit goes to the person's centre, or to the one chosen for an anonymous visitor.
              centreId={person ? person.centreId : chooseCentre ? Number(centreId) || null : (centres[0]?.id ?? null)}
              date={details.date || today}
              time={details.time || romeTimeOf(new Date())}
            />
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('frontDesk.save')}
            </button>
          </form>
        </section>

        <section className="col-lg-5" aria-labelledby="today-visits">
          <h2 id="today-visits" className="h4">
            {t('frontDesk.todayVisits')} <span className="badge bg-primary">{todays.data?.total ?? 0}</span>
          </h2>
          {todays.data && todays.data.items.length === 0 ? <p>{t('frontDesk.noVisitsToday')}</p> : null}
          {todays.data && todays.data.items.length > 0 ? (
            <table className="table table-sm" data-testid="today-visits">
              <caption className="visually-hidden">{t('frontDesk.todayVisits')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('visit.time')}</th>
                  <th scope="col">{t('visit.person')}</th>
                  <th scope="col">{t('visit.topics')}</th>
                </tr>
              </thead>
              <tbody>
                {todays.data.items.map((v) => (
                  <tr key={v.id}>
                    <td>{v.time}</td>
                    <td>
                      {v.person ? (
                        <Link to={`/people/${v.person.id}`}>
                          {v.person.familyNames} {v.person.givenNames}
                        </Link>
                      ) : (
                        <span>
                          {t('visit.anonymous')} · {ORIGIN_GROUP_LABELS[locale][v.originGroup]}
                        </span>
                      )}
                    </td>
                    <td>{v.topicIds.map(topicLabel).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      </div>
    </>
  );
}
