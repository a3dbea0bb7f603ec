import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { HouseholdRelation } from '../../../contracts/enums.js';
import type { Household, HouseholdListItem, PersonHousehold } from '../../../contracts/households.js';
import { todayInRome } from '../../../domain/dates.js';
import { type ApiError, api, type Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { Combobox, useDebounced } from '../../components/Combobox.js';
import { TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { fullName, memberElsewhere, RelationSelect, useRelationLabel } from './shared.js';

/** Search-as-you-type over the households of the user's centres. */
function HouseholdSearch({ onSelect }: { onSelect(household: HouseholdListItem): void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query.trim(), 150);
  const [results, setResults] = useState<HouseholdListItem[] | null>(null);
  useEffect(() => {
    if (!debounced) {
      setResults(null);
      return;
    }
    let live = true;
    api<Page<HouseholdListItem>>('GET', '/households', undefined, { q: debounced, pageSize: 8 })
      .then((page) => live && setResults(page.items))
      .catch(() => live && setResults([]));
    return () => {
      live = false;
    };
  }, [debounced]);
  return (
    <Combobox
      id="household-search"
      label={t('households.searchHousehold')}
      value={query}
      onValueChange={setQuery}
      options={results}
      optionKey={(h) => h.id}
      onSelect={(h) => {
        setQuery(h.name);
        onSelect(h);
      }}
      emptyText={t('households.noHouseholdFound')}
      renderOption={(h) => (
        <>
          <strong>{h.name}</strong>
          <small>{h.members.map(fullName).join(', ')}</small>
        </>
      )}
    />
  );
}

/** "Aggiungi a un nucleo": the person joins a household chosen by name. */
function JoinForm({ personId, personName, onJoined }: { personId: number; personName: string; onJoined(): void }) {
  const { t } = useI18n();
  const [household, setHousehold] = useState<HouseholdListItem | null>(null);
  const [relation, setRelation] = useState<HouseholdRelation | ''>('');
  const [joinedOn, setJoinedOn] = useState(todayInRome());
  const [localErrors, setLocalErrors] = useState<{ household?: string; relation?: string }>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const join = async (move: boolean) => {
    const problems = {
      ...(household ? {} : { household: t('error.field') }),
      ...(relation ? {} : { relation: t('error.field') }),
    };
    setLocalErrors(problems);
    if (!household || !relation) return;
    setBusy(true);
    setError(null);
    try {
      await api<Household>('POST', `/households/${household.id}/members`, {
        personId,
        relation,
        joinedOn,
        ...(move ? { move: true } : {}),
      });
      onJoined();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void join(false);
  };

  const elsewhere = memberElsewhere(error);
  const fieldErrors = error?.fieldErrors() ?? {};
  return (
    <form className="card card-body mb-3" onSubmit={submit} noValidate>
      <h3 className="h5">{t('households.addToHousehold')}</h3>
      {elsewhere ? (
        <div className="alert alert-warning" role="alert">
          <p className="mb-1">{t('households.memberElsewhere', { name: personName, household: elsewhere.householdName })}</p>
          <p className="mb-2">{t('households.moveQuestion')}</p>
          <div className="d-flex gap-2 flex-wrap">
            <button type="button" className="btn btn-primary btn-sm" disabled={busy} onClick={() => join(true)}>
              {t('households.move')}
            </button>
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setError(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <ProblemAlert error={error} />
      )}
      <div className="row align-items-end">
        <div className="col-lg-5">
          <HouseholdSearch
            onSelect={(h) => {
              setHousehold(h);
              setError(null);
            }}
          />
          {localErrors.household && !household ? (
            <div className="invalid-feedback d-block mb-2" role="alert">
              {localErrors.household}
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
      </div>
    </form>
  );
}

/** The household part of a person's file: where they belong now, with whom, and where they belonged. */
export function PersonHouseholdSection({ personId, initial }: { personId: number; initial?: PersonHousehold }) {
  const { t, formatDate } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const relationLabel = useRelationLabel();
  const result = useApiGet<PersonHousehold>(`/people/${personId}/household`, undefined, initial);
  const [joining, setJoining] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const data = result.data;
  // The person's page stays mounted when another person is opened: start again for them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: personId is the trigger, not a value read
  useEffect(() => {
    setJoining(false);
    setNotice(null);
    setError(null);
  }, [personId]);

  const createHousehold = async (move: boolean) => {
    if (!data) return;
    setBusy(true);
    setError(null);
    try {
      const household = await api<Household>('POST', '/households', {
        name: data.person.familyNames,
        members: [{ personId, relation: 'reference_person' }],
        ...(move ? { move: true } : {}),
      });
      navigate(`/households/${household.id}`, { state: { notice: 'households.created' } });
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const elsewhere = memberElsewhere(error);
  const current = data?.current ?? null;
  const others = current?.members.filter((m) => m.personId !== personId) ?? [];
  const past = data?.memberships.filter((m) => m.leftOn !== null) ?? [];

  return (
    <section className="mt-4" aria-labelledby="person-household-title">
      <h2 className="h4" id="person-household-title">
        {t('households.section')}
      </h2>
      <SuccessAlert message={notice} />
      <ProblemAlert error={result.error} />
      {elsewhere && data ? (
        <div className="alert alert-warning" role="alert">
          <p className="mb-1">{t('households.memberElsewhere', { name: fullName(data.person), household: elsewhere.householdName })}</p>
          <div className="d-flex gap-2 flex-wrap">
            <button type="button" className="btn btn-primary btn-sm" disabled={busy} onClick={() => createHousehold(true)}>
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
      {!data && !result.error ? <p>{t('app.loading')}</p> : null}
      {data && current ? (
        <>
          <p className="mb-1">
            {t('households.personIn')} <Link to={`/households/${current.id}`}>{current.name}</Link>.{' '}
            {t('households.personRelation', { relation: relationLabel(current.relation), date: formatDate(current.joinedOn) })}
          </p>
          <h3 className="h6 mt-2">{t('households.otherMembers')}</h3>
          {others.length === 0 ? <p>{t('households.noOtherMembers')}</p> : null}
          {others.length > 0 ? (
            <ul>
              {others.map((m) => (
                <li key={m.id}>
                  <Link to={`/people/${m.personId}`}>{fullName(m)}</Link> ({relationLabel(m.relation)})
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {data && !current ? <p>{t('households.personNone')}</p> : null}
      {data && can('personal.write') ? (
        <div className="d-flex gap-2 flex-wrap mb-3">
          <button type="button" className="btn btn-outline-primary" disabled={busy} onClick={() => createHousehold(false)}>
            {t('households.create')}
          </button>
          <button type="button" className="btn btn-outline-primary" aria-expanded={joining} onClick={() => setJoining(!joining)}>
            {t('households.addToHousehold')}
          </button>
        </div>
      ) : null}
      {data && joining ? (
        <JoinForm
          personId={personId}
          personName={fullName(data.person)}
          onJoined={() => {
            setJoining(false);
            setNotice(t('households.memberAdded'));
            result.reload();
          }}
        />
      ) : null}
      {past.length > 0 ? (
        <table className="table table-sm">
          <caption>{t('households.pastMemberships')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('households.household')}</th>
              <th scope="col">{t('households.relation')}</th>
              <th scope="col">{t('households.joinedOn')}</th>
              <th scope="col">{t('households.leftOn')}</th>
            </tr>
          </thead>
          <tbody>
            {past.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <Link to={`/households/${m.householdId}`}>{m.householdName}</Link>
                </th>
                <td>{relationLabel(m.relation)}</td>
                <td>{formatDate(m.joinedOn)}</td>
                <td>{m.leftOn ? formatDate(m.leftOn) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
