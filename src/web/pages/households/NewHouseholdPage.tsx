import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { HouseholdRelation } from '../../../contracts/enums.js';
import type { Household } from '../../../contracts/households.js';
import type { PersonSummary } from '../../../contracts/people.js';
import { type ApiError, api } from '../../api/client.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { TextField } from '../../components/fields.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { fullName, memberElsewhere, NotesField, RelationSelect, useRelationLabel } from './shared.js';

interface Draft {
  person: PersonSummary;
  relation: HouseholdRelation;
}

export default function NewHouseholdPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const relationLabel = useRelationLabel();
  const centres = useSession().me?.centres ?? [];
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const [centreId, setCentreId] = useState('');
  const [members, setMembers] = useState<Draft[]>([]);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const [relation, setRelation] = useState<HouseholdRelation | ''>('');
  const [draftErrors, setDraftErrors] = useState<{ person?: string; relation?: string }>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  usePageTitle(t('households.new'));

  const addDraft = () => {
    const problems = {
      ...(chosen ? {} : { person: t('households.choosePerson') }),
      ...(relation ? {} : { relation: t('error.field') }),
    };
    setDraftErrors(problems);
    if (!chosen || !relation) return;
    if (!members.some((m) => m.person.id === chosen.id)) setMembers([...members, { person: chosen, relation }]);
    // The first member usually names the household.
    if (!name.trim()) setName(chosen.familyNames);
    setChosen(null);
    setQuery('');
    setRelation('');
  };

  const save = async (move = false) => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const household = await api<Household>('POST', '/households', {
        name: name.trim(),
        notes: notes.trim() || null,
        ...(centreId ? { centreId: Number(centreId) } : {}),
        members: members.map((m) => ({ personId: m.person.id, relation: m.relation })),
        ...(move ? { move: true } : {}),
      });
      navigate(`/households/${household.id}`, { state: { notice: 'households.created' } });
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const elsewhere = memberElsewhere(error);
  const movingPerson = elsewhere ? members.find((m) => m.person.id === elsewhere.personId)?.person : undefined;

  return (
    <>
      <h1 className="h2">{t('households.new')}</h1>
      {elsewhere ? (
        <div className="alert alert-warning" role="alert">
          <p className="mb-2">
            {t('households.memberElsewhere', {
              name: movingPerson ? fullName(movingPerson) : String(elsewhere.personId),
              household: elsewhere.householdName,
            })}
          </p>
          <div className="d-flex gap-2 flex-wrap">
            <button type="button" className="btn btn-primary btn-sm" disabled={busy} onClick={() => save(true)}>
              {t('households.moveAndCreate')}
            </button>
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setError(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <ProblemAlert error={error} />
      )}
      <form onSubmit={submit} noValidate>
        <div className="row">
          <div className="col-md-6">
            <TextField
              label={t('households.name')}
              hint={t('households.nameHint')}
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={fieldErrors.name}
            />
          </div>
          {centres.length > 1 ? (
            <div className="col-md-6">
              <CentreSelect
                label={t('households.centre')}
                value={centreId}
                onChange={(e) => setCentreId(e.target.value)}
                error={fieldErrors.centreId}
              />
            </div>
          ) : null}
        </div>
        <NotesField value={notes} onChange={setNotes} error={fieldErrors.notes} />

        <fieldset className="mb-3">
          <legend className="h5">{t('households.firstMembers')}</legend>
          {members.length > 0 ? (
            <table className="table">
              <caption className="visually-hidden">{t('households.members')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('households.person')}</th>
                  <th scope="col">{t('households.relation')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.person.id}>
                    <td>{fullName(m.person)}</td>
                    <td>{relationLabel(m.relation)}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-outline-secondary btn-sm"
                        aria-label={t('households.removeNamed', { name: fullName(m.person) })}
                        onClick={() => setMembers(members.filter((x) => x.person.id !== m.person.id))}
                      >
                        {t('households.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div className="row align-items-end">
            <div className="col-md-6">
              <PersonSearch
                query={query}
                onQueryChange={(q) => {
                  setQuery(q);
                  setChosen(null);
                }}
                onSelect={(p) => {
                  setChosen(p);
                  setQuery(fullName(p));
                }}
              />
              {draftErrors.person && !chosen ? (
                <div className="invalid-feedback d-block mb-2" role="alert">
                  {draftErrors.person}
                </div>
              ) : null}
            </div>
            <div className="col-md-4">
              <RelationSelect
                value={relation}
                onChange={setRelation}
                error={draftErrors.relation && !relation ? draftErrors.relation : undefined}
              />
            </div>
            <div className="col-md-2 mb-3">
              <button type="button" className="btn btn-outline-primary" onClick={addDraft}>
                {t('households.add')}
              </button>
            </div>
          </div>
          {fieldErrors.members ? (
            <div className="invalid-feedback d-block" role="alert">
              {fieldErrors.members}
            </div>
          ) : null}
        </fieldset>

        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('households.create')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={() => navigate(-1)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
