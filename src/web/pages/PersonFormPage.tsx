import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { DuplicateCandidate, Person } from '../../contracts/people.js';
import { type ApiError, api } from '../api/client.js';
import { CentreSelect } from '../components/CentreSelect.js';
import { ComuneSearch } from '../components/ComuneSearch.js';
import { CountrySelect } from '../components/CountrySelect.js';
import { TextField } from '../components/fields.js';
import { GenderSelect } from '../components/GenderSelect.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/it.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';

interface FormState {
  givenNames: string;
  familyNames: string;
  gender: string;
  birthDate: string;
  birthCountry: string;
  citizenship: string;
  fiscalCode: string;
  phone: string;
  email: string;
  languages: string;
  residenceKind: 'comune' | 'no_fixed_abode' | 'unknown';
  comuneIstat: string;
  comuneText: string;
}

const EMPTY: FormState = {
  givenNames: '',
  familyNames: '',
  gender: '',
  birthDate: '',
  birthCountry: '',
  citizenship: '',
  fiscalCode: '',
  phone: '',
  email: '',
  languages: '',
  residenceKind: 'unknown',
  comuneIstat: '',
  comuneText: '',
};

/**
 * What the front desk (or the case form) hands over when "Nuova persona" is pressed: the search
 * text and where to go back. Navigation state, not the query string, so names stay out of addresses and history.
 */
interface FromDesk {
  name?: string;
  returnTo?: string;
}

function fromDesk(state: unknown): FromDesk {
  if (!state || typeof state !== 'object') return {};
  const { name, returnTo } = state as Record<string, unknown>;
  // Only a path of this app: never another site.
  const inApp = typeof returnTo === 'string' && returnTo.startsWith('/') && !returnTo.startsWith('//');
  return { name: typeof name === 'string' ? name : undefined, returnTo: inApp ? returnTo : undefined };
}

/** The form that asked for a new person (e.g. a case's) gets it back as ?personId=. */
function withPersonId(path: string, personId: number): string {
  const url = new URL(path, window.location.origin);
  url.searchParams.set('personId', String(personId));
  return `${url.pathname}${url.search}`;
}

/** "Mario Rossi" typed in the desk search becomes given and family name suggestions. */
function fromSearchText(text: string): Partial<FormState> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  if (words.length === 1) return { familyNames: words[0] };
  return { givenNames: words.slice(0, -1).join(' '), familyNames: words[words.length - 1] };
}

function toBody(form: FormState) {
  const nullable = (v: string) => (v.trim() ? v.trim() : null);
  return {
    givenNames: form.givenNames.trim(),
    familyNames: form.familyNames.trim(),
    gender: form.gender,
    birthDate: nullable(form.birthDate),
    birthCountry: nullable(form.birthCountry),
    citizenship: form.citizenship,
    fiscalCode: nullable(form.fiscalCode),
    phone: nullable(form.phone),
    email: nullable(form.email),
    languages: form.languages
      .split(/[,\s]+/)
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
    residence: form.residenceKind === 'comune' ? { kind: 'comune', comuneIstat: form.comuneIstat } : { kind: form.residenceKind },
  };
}

export default function PersonFormPage() {
  const { t, formatDate } = useI18n();
  const { id } = useParams();
  const location = useLocation();
  const desk = fromDesk(location.state);
  const navigate = useNavigate();
  const { me } = useSession();
  const editing = id !== undefined;
  // A new file goes to one centre: someone working in several says which (a file keeps its centre).
  const centres = me?.centres ?? [];
  const chooseCentre = !editing && centres.length > 1;
  const [form, setForm] = useState<FormState>(() => ({ ...EMPTY, ...fromSearchText(desk.name ?? '') }));
  const [centreId, setCentreId] = useState('');
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const [busy, setBusy] = useState(false);
  usePageTitle(editing ? t('people.edit') : t('people.new'));

  useEffect(() => {
    if (!editing) return;
    api<Person>('GET', `/people/${id}`)
      .then((p) => {
        setVersion(p.version);
        setForm({
          givenNames: p.givenNames,
          familyNames: p.familyNames,
          gender: p.gender,
          birthDate: p.birthDate ?? '',
          birthCountry: p.birthCountry ?? '',
          citizenship: p.citizenship,
          fiscalCode: p.fiscalCode ?? '',
          phone: p.phone ?? '',
          email: p.email ?? '',
          languages: p.languages.join(', '),
          residenceKind: p.residence.kind,
          comuneIstat: p.residence.kind === 'comune' ? p.residence.comuneIstat : '',
          comuneText: p.residence.kind === 'comune' ? (p.residence.comuneName ?? p.residence.comuneIstat) : '',
        });
      })
      .catch(setError);
  }, [editing, id]);

  const set = (field: keyof FormState) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });

  const save = async (confirmNotDuplicate = false) => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const body = toBody(form);
      const person = editing
        ? await api<Person>('PATCH', `/people/${id}`, { ...body, version })
        : await api<Person>('POST', '/people', {
            ...body,
            ...(chooseCentre && centreId ? { centreId: Number(centreId) } : {}),
            ...(confirmNotDuplicate ? { confirmNotDuplicate: true } : {}),
          });
      setDuplicates([]);
      if (desk.returnTo === '/') navigate('/', { state: { person } });
      else if (desk.returnTo && !editing) navigate(withPersonId(desk.returnTo, person.id));
      else navigate(`/people/${person.id}`, { state: { notice: editing ? 'people.updated' : 'people.created' } });
    } catch (e) {
      const apiError = e as ApiError;
      if (apiError.code === 'person.possible_duplicate') {
        setDuplicates((apiError.problem?.candidates as DuplicateCandidate[]) ?? []);
      } else {
        setError(apiError);
        setFieldErrors(apiError.fieldErrors());
      }
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  return (
    <>
      <h1 className="h2 mb-4">{editing ? t('people.edit') : t('people.new')}</h1>
      <ProblemAlert error={error} />
      {duplicates.length > 0 ? (
        <div className="alert alert-warning" role="alert" data-testid="duplicate-warning">
          <h2 className="h5">{t('people.duplicateTitle')}</h2>
          <p>{t('people.duplicateIntro')}</p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/people/${d.id}`}>
                  {d.familyNames} {d.givenNames}
                  {d.birthDate ? `, ${formatDate(d.birthDate)}` : ''}
                </Link>{' '}
                ({t(`people.duplicateReason.${d.reason}` as MessageKey)}) — {t('people.openExisting')}
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-outline-primary" onClick={() => void save(true)} disabled={busy}>
            {t('people.createAnyway')}
          </button>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <div className="row">
          <div className="col-md-6">
            <TextField
              label={t('person.givenNames')}
              hint={t('person.namesHint')}
              required
              maxLength={100}
              value={form.givenNames}
              onChange={set('givenNames')}
              error={fieldErrors.givenNames}
              autoFocus
            />
          </div>
          <div className="col-md-6">
            <TextField
              label={t('person.familyNames')}
              hint={t('person.namesHint')}
              required
              maxLength={100}
              value={form.familyNames}
              onChange={set('familyNames')}
              error={fieldErrors.familyNames}
            />
          </div>
          <div className="col-md-4">
            <GenderSelect required value={form.gender} onChange={set('gender')} error={fieldErrors.gender} />
          </div>
          <div className="col-md-4">
            <TextField
              label={t('person.birthDate')}
              type="date"
              value={form.birthDate}
              onChange={set('birthDate')}
              error={fieldErrors.birthDate}
            />
          </div>
          <div className="col-md-4">
            <TextField
              label={t('person.fiscalCode')}
              hint={t('person.fiscalCodeHint')}
              maxLength={16}
              value={form.fiscalCode}
              onChange={set('fiscalCode')}
              error={fieldErrors.fiscalCode}
              style={{ textTransform: 'uppercase' }}
            />
          </div>
          <div className="col-md-6">
            <CountrySelect
              id="citizenship"
              label={t('person.citizenship')}
              citizenship
              required
              value={form.citizenship}
              onChange={set('citizenship')}
              error={fieldErrors.citizenship}
            />
          </div>
          <div className="col-md-6">
            <CountrySelect
              label={t('person.birthCountry')}
              value={form.birthCountry}
              onChange={set('birthCountry')}
              error={fieldErrors.birthCountry}
            />
          </div>
          <div className="col-md-4">
            <TextField
              label={t('person.phone')}
              type="tel"
              maxLength={40}
              value={form.phone}
              onChange={set('phone')}
              error={fieldErrors.phone}
            />
          </div>
          <div className="col-md-4">
            <TextField
              label={t('person.email')}
              type="email"
              maxLength={254}
              value={form.email}
              onChange={set('email')}
              error={fieldErrors.email}
            />
          </div>
          <div className="col-md-4">
            <TextField
              label={t('person.languages')}
              hint={t('person.languagesHint')}
              value={form.languages}
              onChange={set('languages')}
              error={fieldErrors.languages}
            />
          </div>
        </div>
        <fieldset className="mb-3">
          <legend className="form-label h6">{t('person.residence')}</legend>
          {(['comune', 'no_fixed_abode', 'unknown'] as const).map((kind) => (
            <div className="form-check form-check-inline" key={kind}>
              <input
                id={`residence-${kind}`}
                type="radio"
                name="residenceKind"
                checked={form.residenceKind === kind}
                onChange={() => setForm({ ...form, residenceKind: kind })}
              />
              <label htmlFor={`residence-${kind}`}>{t(`person.residence.${kind}` as MessageKey)}</label>
            </div>
          ))}
          {form.residenceKind === 'comune' ? (
            <div className="mt-3">
              <ComuneSearch
                id="residence-comune-search"
                label={t('person.comune')}
                initialText={form.comuneText}
                onSelect={(c) => setForm((f) => ({ ...f, comuneIstat: c.istat, comuneText: `${c.name} (${c.province})` }))}
              />
              {fieldErrors['residence.comuneIstat'] ? (
                <div className="invalid-feedback d-block" role="alert">
                  {fieldErrors['residence.comuneIstat']}
                </div>
              ) : null}
            </div>
          ) : null}
        </fieldset>
        {chooseCentre ? (
          <div className="row">
            <div className="col-md-6">
              <CentreSelect
                label={t('person.centre')}
                required
                value={centreId}
                error={fieldErrors.centreId}
                onChange={(e) => setCentreId(e.target.value)}
              />
            </div>
          </div>
        ) : null}
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('common.save')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={() => navigate(-1)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
