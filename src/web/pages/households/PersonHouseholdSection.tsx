import { Link, useNavigate } from 'react-router';
import type { Household, PersonHousehold } from '../../../contracts/households.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { EditableSection, RecordTable, useChange } from '../../kit/index.js';
import { useSession } from '../../session.js';
import { JoinForm } from './household/JoinForm.js';
import { fullName, MemberElsewhereProblem } from './shared.js';

type Membership = PersonHousehold['memberships'][number];

/** The household part of a person's file: where they belong now, with whom, and where they belonged. */
export function PersonHouseholdSection({ personId, initial }: { personId: number; initial?: PersonHousehold }) {
  const result = useApiGet<PersonHousehold>(`/people/${personId}/household`, undefined, initial);
  // The person's page stays mounted when another person is opened: the section starts again for them.
  return <HouseholdOfPerson key={personId} personId={personId} result={result} />;
}

function HouseholdOfPerson({ personId, result }: { personId: number; result: ReturnType<typeof useApiGet<PersonHousehold>> }) {
  const { t, formatDate, label } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const change = useChange();
  const data = result.data;

  const createHousehold = async (move: boolean) => {
    if (!data) return;
    const sent = await change.send<Household>('POST', '/households', {
      name: data.person.familyNames,
      members: [{ personId, relation: 'reference_person' }],
      ...(move ? { move: true } : {}),
    });
    if (sent.ok) navigate(`/households/${sent.data.id}`, { state: { notice: 'households.created' } });
  };

  const current = data?.current ?? null;
  const others = current?.members.filter((m) => m.personId !== personId) ?? [];
  const past = data?.memberships.filter((m) => m.leftOn !== null) ?? [];

  return (
    <section className="mt-4" aria-labelledby="person-household-title">
      <h2 className="h4" id="person-household-title">
        {t('households.section')}
      </h2>
      <ProblemAlert error={result.error} />
      <MemberElsewhereProblem
        change={change}
        personName={() => (data ? fullName(data.person) : undefined)}
        moveLabel={t('households.moveAndCreate')}
        onMove={() => createHousehold(true)}
      />
      {!data && !result.error ? <p>{t('app.loading')}</p> : null}
      {data && current ? (
        <>
          <p className="mb-1">
            {t('households.personIn')} <Link to={`/households/${current.id}`}>{current.name}</Link>.{' '}
            {t('households.personRelation', { relation: label('householdRelation', current.relation), date: formatDate(current.joinedOn) })}
          </p>
          <h3 className="h6 mt-2">{t('households.otherMembers')}</h3>
          {others.length === 0 ? <p>{t('households.noOtherMembers')}</p> : null}
          {others.length > 0 ? (
            <ul>
              {others.map((m) => (
                <li key={m.id}>
                  <Link to={`/people/${m.personId}`}>{fullName(m)}</Link> ({label('householdRelation', m.relation)})
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {data && !current ? <p>{t('households.personNone')}</p> : null}
      {data && can('personal.write') ? (
        <EditableSection
          editLabel={t('households.addToHousehold')}
          editClass="btn btn-outline-primary"
          actions={
            <button
              type="button"
              className="btn btn-outline-primary order-first"
              aria-disabled={change.busy || undefined}
              onClick={() => createHousehold(false)}
            >
              {t('households.create')}
            </button>
          }
          form={(close) => <JoinForm personId={personId} personName={fullName(data.person)} reload={result.reload} onDone={close} />}
        />
      ) : null}
      <RecordTable<Membership>
        caption={t('households.pastMemberships')}
        rows={past}
        columns={[
          {
            header: t('households.household'),
            rowHeader: true,
            cell: (m) => <Link to={`/households/${m.householdId}`}>{m.householdName}</Link>,
          },
          { header: t('households.relation'), cell: (m) => label('householdRelation', m.relation) },
          { header: t('households.joinedOn'), cell: (m) => formatDate(m.joinedOn) },
          { header: t('households.leftOn'), cell: (m) => (m.leftOn ? formatDate(m.leftOn) : '') },
        ]}
      />
    </section>
  );
}
