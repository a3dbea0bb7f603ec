import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { DuplicateCandidate, Person } from '../../contracts/people.js';
import { languagesFromText } from '../../domain/languages.js';
import { useApiGet } from '../api/hooks.js';
import { CentreSelect } from '../components/CentreSelect.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/it.js';
import { boundTo } from '../kit/bound.js';
import { FormActions, useChange, useFields } from '../kit/index.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';
import { PersonFields } from './person/PersonFields.js';
import { EMPTY, type FormState, fromDesk, fromPerson, fromSearchText, toBody, withPersonId } from './person/personForm.js';

/** "Questa persona potrebbe essere già registrata": the files alike, and saving anyway. */
function DuplicateWarning({
  candidates,
  busy,
  onCreateAnyway,
}: {
  candidates: DuplicateCandidate[];
  busy: boolean;
  onCreateAnyway(): void;
}) {
  const { t, formatDate } = useI18n();
  return (
    <div className="alert alert-warning" role="alert" data-testid="duplicate-warning">
      <h2 className="h5">{t('people.duplicateTitle')}</h2>
      <p>{t('people.duplicateIntro')}</p>
      <ul>
        {candidates.map((d) => (
          <li key={d.id}>
            <Link to={`/people/${d.id}`}>
              {d.familyNames} {d.givenNames}
              {d.birthDate ? `, ${formatDate(d.birthDate)}` : ''}
            </Link>{' '}
            ({t(`people.duplicateReason.${d.reason}` as MessageKey)}) — {t('people.openExisting')}
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-outline-primary" onClick={onCreateAnyway} aria-disabled={busy || undefined}>
        {t('people.createAnyway')}
      </button>
    </div>
  );
}

/** A new person's file (from the desk, a case's form or the list), or a file edited. */
export default function PersonFormPage() {
  const { t, locale } = useI18n();
  const { id } = useParams();
  const location = useLocation();
  const desk = fromDesk(location.state);
  const navigate = useNavigate();
  const { me } = useSession();
  const editing = id !== undefined;
  // A new file goes to one centre: someone working in several says which (a file keeps its centre).
  const centres = me?.centres ?? [];
  const chooseCentre = !editing && centres.length > 1;
  const loaded = useApiGet<Person>(editing ? `/people/${id}` : null);
  const form = useFields<FormState>(
    loaded.data ? fromPerson(loaded.data, locale) : { ...EMPTY, ...fromSearchText(desk.name ?? '') },
    loaded.data?.version,
  );
  const centre = useFields({ centreId: '' });
  const { centreId } = centre.values;
  const change = useChange();
  usePageTitle(editing ? t('people.edit') : t('people.new'));

  const save = async (confirmNotDuplicate = false) => {
    // The languages are written as words: one not recognised is said before anything is sent.
    const { unknown } = languagesFromText(form.values.languages, locale);
    if (unknown.length > 0) return change.invalid({ languages: t('person.languagesUnknown', { words: unknown.join(', ') }) });
    const body = toBody(form.values, locale);
    const sent = editing
      ? await change.send<Person>('PATCH', `/people/${id}`, { ...body, version: loaded.data?.version ?? 0 })
      : await change.send<Person>('POST', '/people', {
          ...body,
          ...(chooseCentre && centreId ? { centreId: Number(centreId) } : {}),
          ...(confirmNotDuplicate ? { confirmNotDuplicate: true } : {}),
        });
    if (!sent.ok) return;
    const person = sent.data;
    if (desk.returnTo === '/sportello') navigate('/sportello', { state: { person } });
    else if (desk.returnTo && !editing) navigate(withPersonId(desk.returnTo, person.id));
    else navigate(`/people/${person.id}`, { state: { notice: editing ? 'people.updated' : 'people.created' } });
  };

  const duplicates =
    change.error?.code === 'person.possible_duplicate' ? ((change.error.problem?.candidates as DuplicateCandidate[]) ?? []) : null;

  return (
    <>
      <h1 className="h2 mb-4">{editing ? t('people.edit') : t('people.new')}</h1>
      <ProblemAlert error={loaded.error} />
      {duplicates ? <DuplicateWarning candidates={duplicates} busy={change.busy} onCreateAnyway={() => void save(true)} /> : change.problem}
      <form
        noValidate
        aria-busy={change.busy || undefined}
        onSubmit={(event) => {
          event.preventDefault();
          void save(false);
        }}
      >
        <PersonFields form={form} errors={duplicates ? {} : change.fieldErrors} />
        {chooseCentre ? (
          <div className="row">
            <CentreSelect column="col-md-6" label={t('person.centre')} required {...boundTo(centre, change)('centreId')} />
          </div>
        ) : null}
        <FormActions busy={change.busy} onCancel={() => navigate(-1)} />
      </form>
    </>
  );
}
