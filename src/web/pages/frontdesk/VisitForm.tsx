/** "Registra accesso": who came (a person found, or an anonymous visitor), the topics, and the details; saved in a few keystrokes. */
import { type KeyboardEvent, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { PersonSummary } from '../../../contracts/people.js';
import type { PersonPrivacy } from '../../../contracts/privacy.js';
import type { Topic, Visit } from '../../../contracts/visits.js';
import { romeTimeOf, todayInRome } from '../../../domain/dates.js';
import { useApiGet } from '../../api/hooks.js';
import { useCountryName } from '../../components/CountrySelect.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { useChange } from '../../kit/index.js';
import { useSession } from '../../session.js';
import { OpeningHoursWarning } from '../calendar/OpeningHoursWarning.js';
import {
  AnonymousFields,
  type AnonymousVisitor,
  DetailsFields,
  EMPTY_ANONYMOUS,
  EMPTY_DETAILS,
  missingAnonymousFacts,
  TopicsFieldset,
} from './VisitFields.js';

/**
 * The person chosen at the desk, and whether they still need the privacy notice: the desk is
 * where it is given. Opening the notices reads the person's file (logged), only for the person
 * chosen, not for everyone the search listed.
 */
function SelectedPerson({ person, onChange }: { person: PersonSummary; onChange(): void }) {
  const { t, formatDate } = useI18n();
  const countryName = useCountryName();
  const privacy = useApiGet<PersonPrivacy>(`/people/${person.id}/privacy-notices`);
  const noticeState = privacy.data?.state;
  return (
    <div className="selected-person mb-3 d-flex justify-content-between align-items-center">
      <div>
        <strong>
          {person.familyNames} {person.givenNames}
        </strong>
        <div className="small">
          {[person.birthDate ? formatDate(person.birthDate) : null, countryName(person.citizenship)].filter(Boolean).join(' · ')}
        </div>
        {noticeState && noticeState !== 'current' ? (
          <div className="small text-danger fw-semibold" role="status">
            {noticeState === 'missing' ? t('privacy.missing') : t('privacy.deskOutdated')}{' '}
            <Link to={`/people/${person.id}`}>{t('privacy.deskRecord')}</Link>
          </div>
        ) : null}
      </div>
      <div className="d-flex gap-2">
        <Link to={`/people/${person.id}`} className="btn btn-outline-primary btn-sm">
          {t('people.file')}
        </Link>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onChange}>
          {t('frontDesk.change')}
        </button>
      </div>
    </div>
  );
}

export function VisitForm({ reload, topics }: { reload(): void; topics: Topic[] | undefined }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const { me } = useSession();
  // An anonymous visit belongs to no person's file: someone working in several centres says which.
  const centres = me?.centres ?? [];
  const chooseCentre = centres.length > 1;
  const activeTopics = topics?.filter((topic) => topic.active);
  const today = todayInRome();
  const change = useChange({ reload });
  const errors = change.fieldErrors;

  const searchRef = useRef<HTMLInputElement>(null);
  const firstTopicRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [person, setPerson] = useState<PersonSummary | null>((location.state as { person?: PersonSummary } | null)?.person ?? null);
  const [anonymous, setAnonymous] = useState<AnonymousVisitor | null>(null);
  // Kept from one visitor to the next: the desk is in one centre for the day.
  const [centreId, setCentreId] = useState('');
  const [topicIds, setTopicIds] = useState<number[]>([]);
  const [details, setDetails] = useState(EMPTY_DETAILS);
  const [saved, setSaved] = useState<{ message: string; visitId: number } | null>(null);

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
    setDetails(EMPTY_DETAILS);
    change.reset();
    setTimeout(() => searchRef.current?.focus(), 0);
  };

  const submit = async () => {
    setSaved(null);
    if (!person && !anonymous) {
      change.invalid({ personId: t('frontDesk.choosePerson') });
      searchRef.current?.focus();
      return;
    }
    const missing = anonymous ? missingAnonymousFacts(anonymous, t) : {};
    if (Object.keys(missing).length > 0) return change.invalid(missing);
    const sent = await change.send<Visit>('POST', '/visits', {
      // A person's visit goes to the person's centre; an anonymous one to the centre chosen.
      ...(person ? { personId: person.id } : { anonymous, ...(chooseCentre && centreId ? { centreId: Number(centreId) } : {}) }),
      topicIds,
      channel: details.channel,
      referralSource: details.referralSource,
      ...(details.date ? { date: details.date } : {}),
      ...(details.time ? { time: details.time } : {}),
      ...(details.notes.trim() ? { notes: details.notes.trim() } : {}),
    });
    if (!sent.ok) return;
    const visit = sent.data;
    setSaved({
      message: t('frontDesk.saved', {
        who: visit.person ? `${visit.person.familyNames} ${visit.person.givenNames}` : t('visit.anonymous'),
      }),
      visitId: visit.id,
    });
    reset();
  };

  // Enter on a topic saves; Ctrl+Enter saves from anywhere in the form.
  const onFormKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey || target.type === 'checkbox')) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <>
      <SuccessAlert message={saved?.message}>
        {/* The next step for someone to follow over time: a case opened from this visit. */}
        {saved ? (
          <>
            {' '}
            <Link to={`/cases/new?visitId=${saved.visitId}`}>{t('cases.new')}</Link>
          </>
        ) : null}
      </SuccessAlert>
      {change.problem}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        onKeyDown={onFormKeyDown}
        noValidate
        aria-busy={change.busy || undefined}
        data-testid="frontdesk-form"
      >
        {person ? (
          <SelectedPerson person={person} onChange={reset} />
        ) : anonymous ? (
          <AnonymousFields
            anonymous={anonymous}
            onChange={setAnonymous}
            centreId={centreId}
            onCentre={setCentreId}
            chooseCentre={chooseCentre}
            errors={errors}
            onUsePerson={reset}
          />
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
            {errors.personId ? (
              <div className="invalid-feedback d-block mb-2" role="alert">
                {errors.personId}
              </div>
            ) : null}
            <div className="d-flex gap-2 mb-3 flex-wrap">
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                // Names stay out of the address (history, logs, referrers): they travel in the navigation state.
                onClick={() => navigate('/people/new', { state: { name: query, returnTo: '/sportello' } })}
              >
                {t('frontDesk.newPerson')}
              </button>
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAnonymous(EMPTY_ANONYMOUS)}>
                {t('frontDesk.anonymous')}
              </button>
            </div>
          </>
        )}

        <TopicsFieldset
          topics={activeTopics}
          value={topicIds}
          onToggle={(id) => setTopicIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]))}
          error={errors.topicIds}
          firstRef={firstTopicRef}
        />
        <DetailsFields details={details} onChange={setDetails} today={today} errors={errors} />

        <OpeningHoursWarning
          // The visit goes to the person's centre, or to the one chosen for an anonymous visitor.
          centreId={person ? person.centreId : chooseCentre ? Number(centreId) || null : (centres[0]?.id ?? null)}
          date={details.date || today}
          time={details.time || romeTimeOf(new Date())}
        />
        <button type="submit" className="btn btn-primary" aria-disabled={change.busy || undefined}>
          {t('frontDesk.save')}
        </button>
      </form>
    </>
  );
}
