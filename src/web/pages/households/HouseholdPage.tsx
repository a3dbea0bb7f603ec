import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { HouseholdRelation } from '../../../contracts/enums.js';
import type { Household, HouseholdMember } from '../../../contracts/households.js';
import { GENDER_LABELS } from '../../../contracts/labels.js';
import type { PersonSummary } from '../../../contracts/people.js';
import { todayInRome } from '../../../domain/dates.js';
import { type ApiError, api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { TextField } from '../../components/fields.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/it.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { fullName, memberElsewhere, NotesField, RelationSelect, useRelationLabel } from './shared.js';

/** What a change of the household answers: the household as it is now, and what to tell the user. */
type Apply = (household: Household, notice: MessageKey) => void;

function EditForm({
  household,
  onSaved,
  onCancel,
  onReload,
}: {
  household: Household;
  onSaved: Apply;
  onCancel(): void;
  onReload(): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(household.name);
  const [notes, setNotes] = useState(household.notes ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const next = await api<Household>('PATCH', `/households/${household.id}`, {
        version: household.version,
        name: name.trim(),
        notes: notes.trim() || null,
      });
      onSaved(next, 'households.saved');
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const fieldErrors = error?.fieldErrors() ?? {};
  return (
    <form onSubmit={save} className="card card-body mb-4" noValidate>
      <h2 className="h4">{t('households.edit')}</h2>
      <ProblemAlert error={error} />
      {error?.code === 'resource.stale_version' ? (
        <p>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={onReload}>
            {t('households.reload')}
          </button>
        </p>
      ) : null}
      <TextField
        label={t('households.name')}
        required
        maxLength={200}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldErrors.name}
      />
      <NotesField value={notes} onChange={setNotes} error={fieldErrors.notes} />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A current member, with the two changes an operator can make: the relation, and leaving. */
function MemberRow({
  householdId,
  member,
  columns,
  canWrite,
  onChanged,
  onError,
}: {
  householdId: number;
  member: HouseholdMember;
  columns: number;
  canWrite: boolean;
  onChanged: Apply;
  onError(error: ApiError): void;
}) {
  const { t, locale, formatDate } = useI18n();
  const relationLabel = useRelationLabel();
  const [mode, setMode] = useState<'relation' | 'leave' | null>(null);
  const [relation, setRelation] = useState<HouseholdRelation | ''>(member.relation);
  const [leftOn, setLeftOn] = useState(todayInRome());
  const [fieldError, setFieldError] = useState<string | undefined>();
  const name = fullName(member);

  const send = async (request: Promise<Household>, notice: MessageKey) => {
    setFieldError(undefined);
    try {
      onChanged(await request, notice);
      setMode(null);
    } catch (e) {
      const error = e as ApiError;
      const fields = error.fieldErrors();
      if (fields.leftOn || fields.relation) setFieldError(fields.leftOn ?? fields.relation);
      onError(error);
    }
  };
  const saveRelation = (event: FormEvent) => {
    event.preventDefault();
    if (!relation) return setFieldError(t('error.field'));
    void send(api<Household>('PATCH', `/households/${householdId}/members/${member.id}`, { relation }), 'households.saved');
  };
  const leave = (event: FormEvent) => {
    event.preventDefault();
    void send(api<Household>('POST', `/households/${householdId}/members/${member.id}/leave`, { leftOn }), 'households.memberLeft');
  };

  return (
    <>
      <tr>
        <th scope="row">
          <Link to={`/people/${member.personId}`}>{name}</Link>
        </th>
        <td>{GENDER_LABELS[locale][member.gender]}</td>
        <td>{member.birthDate ? formatDate(member.birthDate) : t('person.notSet')}</td>
        <td>{relationLabel(member.relation)}</td>
        <td>{formatDate(member.joinedOn)}</td>
        {canWrite ? (
          <td>
            <div className="d-flex gap-2 flex-wrap">
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                aria-expanded={mode === 'relation'}
                aria-label={`${t('households.changeRelation')}: ${name}`}
                onClick={() => setMode(mode === 'relation' ? null : 'relation')}
              >
                {t('households.changeRelation')}
              </button>
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm"
                aria-expanded={mode === 'leave'}
                aria-label={`${t('households.leave')}: ${name}`}
                onClick={() => setMode(mode === 'leave' ? null : 'leave')}
              >
                {t('households.leave')}
              </button>
            </div>
          </td>
        ) : null}
      </tr>
      {mode ? (
        <tr>
          <td colSpan={columns}>
            <form className="row align-items-end" onSubmit={mode === 'relation' ? saveRelation : leave} noValidate>
              <div className="col-md-6">
                {mode === 'relation' ? (
                  <RelationSelect label={t('households.relationOf', { name })} value={relation} onChange={setRelation} error={fieldError} />
                ) : (
                  <TextField
                    type="date"
                    label={t('households.leaveDateOf', { name })}
                    required
                    max={todayInRome()}
                    min={member.joinedOn}
                    value={leftOn}
                    onChange={(e) => setLeftOn(e.target.value)}
                    error={fieldError}
                  />
                )}
              </div>
              <div className="col-md-6 mb-3 d-flex gap-2">
                <button type="submit" className="btn btn-primary btn-sm">
                  {mode === 'relation' ? t('common.save') : t('households.confirmLeave')}
                </button>
                <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setMode(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** Someone joins: search, relation, date; a person of another household asks for the move first. */
function AddMemberForm({ household, onAdded }: { household: Household; onAdded: Apply }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const [relation, setRelation] = useState<HouseholdRelation | ''>('');
  const [joinedOn, setJoinedOn] = useState(todayInRome());
  const [error, setError] = useState<ApiError | null>(null);
  const [localErrors, setLocalErrors] = useState<{ person?: string; relation?: string }>({});
  const [busy, setBusy] = useState(false);

  const add = async (move: boolean) => {
    const problems = {
      ...(chosen ? {} : { person: t('households.choosePerson') }),
      ...(relation ? {} : { relation: t('error.field') }),
    };
    setLocalErrors(problems);
    if (!chosen || !relation) return;
    setBusy(true);
    setError(null);
    try {
      const next = await api<Household>('POST', `/households/${household.id}/members`, {
        personId: chosen.id,
        relation,
        joinedOn,
        ...(move ? { move: true } : {}),
      });
      setChosen(null);
      setQuery('');
      setRelation('');
      setJoinedOn(todayInRome());
      onAdded(next, 'households.memberAdded');
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add(false);
  };

  const elsewhere = memberElsewhere(error);
  const fieldErrors = error?.fieldErrors() ?? {};
  return (
    <section className="mt-4" aria-labelledby="add-member-title">
      <h2 className="h4" id="add-member-title">
        {t('households.addMember')}
      </h2>
      {elsewhere && chosen ? (
        <div className="alert alert-warning" role="alert">
          <p className="mb-1">{t('households.memberElsewhere', { name: fullName(chosen), household: elsewhere.householdName })}</p>
          <p className="mb-2">{t('households.moveQuestion')}</p>
          <div className="d-flex gap-2 flex-wrap">
            <button type="button" className="btn btn-primary btn-sm" disabled={busy} onClick={() => add(true)}>
              {t('households.move')}
            </button>
            <Link to={`/households/${elsewhere.householdId}`} className="btn btn-outline-primary btn-sm">
              {t('households.openHousehold')} «{elsewhere.householdName}»
            </Link>
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setError(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <ProblemAlert error={error} />
      )}
      <form className="row align-items-end" onSubmit={submit} noValidate>
        <div className="col-lg-5">
          <PersonSearch
            query={query}
            onQueryChange={(q) => {
              setQuery(q);
              setChosen(null);
              setError(null);
            }}
            onSelect={(p) => {
              setChosen(p);
              setQuery(fullName(p));
            }}
          />
          {localErrors.person && !chosen ? (
            <div className="invalid-feedback d-block mb-2" role="alert">
              {localErrors.person}
            </div>
          ) : null}
        </div>
        <div className="col-lg-3">
          <RelationSelect
            value={relation}
            onChange={setRelation}
            error={fieldErrors.relation ?? (localErrors.relation && !relation ? localErrors.relation : undefined)}
          />
        </div>
        <div className="col-lg-2">
          <TextField
            type="date"
            label={t('households.joinedOn')}
            required
            max={todayInRome()}
            value={joinedOn}
            onChange={(e) => setJoinedOn(e.target.value)}
            error={fieldErrors.joinedOn}
          />
        </div>
        <div className="col-lg-2 mb-3">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('households.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

export default function HouseholdPage() {
  const { id } = useParams();
  const { t, formatDate } = useI18n();
  const { can } = useSession();
  const location = useLocation();
  const relationLabel = useRelationLabel();
  const loaded = useApiGet<Household>(`/households/${id}`);
  // Every change answers the household as it is now: shown without reading it again.
  const [changed, setChanged] = useState<Household | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>((location.state as { notice?: MessageKey } | null)?.notice ?? null);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState(false);
  const h = changed && String(changed.id) === id ? changed : loaded.data;
  // The page stays mounted when a link opens another household: its forms start again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: id is the trigger, not a value read
  useEffect(() => {
    setEditing(false);
    setError(null);
  }, [id]);
  usePageTitle(h ? h.name : t('households.file'));

  const apply: Apply = (next, message) => {
    setChanged(next);
    setError(null);
    setEditing(false);
    setNotice(message);
  };
  const reload = () => {
    setChanged(null);
    setEditing(false);
    setError(null);
    setNotice(null);
    loaded.reload();
  };

  if (loaded.error) return <ProblemAlert error={loaded.error} />;
  if (!h) return <p>{t('app.loading')}</p>;
  const canWrite = can('personal.write');
  const columns = canWrite ? 6 : 5;

  return (
    <>
      <SuccessAlert message={notice ? t(notice) : null} />
      <ProblemAlert error={error} />
      <div className="d-flex justify-content-between align-items-start flex-wrap gap-2 mb-3">
        <div>
          <p className="text-uppercase small mb-1">{t('households.file')}</p>
          <h1 className="h2">{h.name}</h1>
        </div>
        {canWrite ? (
          <div className="d-flex gap-2 flex-wrap">
            <Link to={`/cases/new?householdId=${h.id}`} className="btn btn-primary">
              {t('households.openCase')}
            </Link>
            <button type="button" className="btn btn-outline-primary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
              {t('households.edit')}
            </button>
          </div>
        ) : null}
      </div>
      {h.notes && !editing ? <p style={{ whiteSpace: 'pre-line' }}>{h.notes}</p> : null}
      {editing ? <EditForm household={h} onSaved={apply} onCancel={() => setEditing(false)} onReload={reload} /> : null}

      <h2 className="h4 mt-4">
        {t('households.members')} <span className="badge bg-primary">{h.members.length}</span>
      </h2>
      {h.members.length === 0 ? <p>{t('households.noMembers')}</p> : null}
      {h.members.length > 0 ? (
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t('households.members')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('households.person')}</th>
                <th scope="col">{t('person.gender')}</th>
                <th scope="col">{t('person.birthDate')}</th>
                <th scope="col">{t('households.relation')}</th>
                <th scope="col">{t('households.joinedOn')}</th>
                {canWrite ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {h.members.map((m) => (
                <MemberRow
                  key={m.id}
                  householdId={h.id}
                  member={m}
                  columns={columns}
                  canWrite={canWrite}
                  onChanged={apply}
                  onError={setError}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {canWrite ? <AddMemberForm key={h.id} household={h} onAdded={apply} /> : null}

      <h2 className="h4 mt-4">{t('households.history')}</h2>
      {h.history.length === 0 ? <p>{t('households.noHistory')}</p> : null}
      {h.history.length > 0 ? (
        <table className="table table-sm">
          <caption className="visually-hidden">{t('households.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('households.person')}</th>
              <th scope="col">{t('households.relation')}</th>
              <th scope="col">{t('households.joinedOn')}</th>
              <th scope="col">{t('households.leftOn')}</th>
            </tr>
          </thead>
          <tbody>
            {h.history.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <Link to={`/people/${m.personId}`}>{fullName(m)}</Link>
                </th>
                <td>{relationLabel(m.relation)}</td>
                <td>{formatDate(m.joinedOn)}</td>
                <td>{formatDate(m.leftOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
