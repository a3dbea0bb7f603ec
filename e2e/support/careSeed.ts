/**
 * The data the accessibility pass of the care pages looks at, through the API: Ana with a case
 * (plan, diary, referral), documents, an application, PC use and a legal consultation; Ion with
 * a closed case and an expired permit; their household. Idempotent: a second call finds Ana and
 * only reads the ids back.
 */
import { ANA, ION } from './data.js';
import { romeDate, romeDateNextMonth } from './dates.js';
import { type ApiSession, asUser, ok } from './seed.js';

export interface CareSeed {
  anaId: number;
  ionId: number;
  openCaseId: number;
  closedCaseId: number;
  householdId: number;
}

/** A person as the API takes them (names, gender and citizenship codes, birth date). */
export type Person = typeof ANA;

export async function findPerson({ api }: ApiSession, person: Person): Promise<number | undefined> {
  const found = await ok<{ items: Array<{ id: number; givenNames: string; familyNames: string }> }>(
    api.get('/api/v1/people', { params: { q: `${person.givenNames} ${person.familyNames}` } }),
  );
  return found.items.find((p) => p.givenNames === person.givenNames && p.familyNames === person.familyNames)?.id;
}

export async function createPerson({ api, headers }: ApiSession, person: Person): Promise<number> {
  const created = await ok<{ id: number }>(
    api.post('/api/v1/people', { headers, data: { ...person, residence: { kind: 'unknown' }, confirmNotDuplicate: true } }),
  );
  return created.id;
}

async function caseOf({ api }: ApiSession, personId: number, status: 'open' | 'closed'): Promise<number> {
  const cases = await ok<{ items: Array<{ id: number }> }>(api.get('/api/v1/cases', { params: { personId, status } }));
  const id = cases.items[0]?.id;
  if (!id) throw new Error(`no ${status} case for person ${personId}`);
  return id;
}

export async function ensureCareSeedData(): Promise<CareSeed> {
  return asUser(async (session) => {
    const { api, headers } = session;
    const post = <T>(path: string, data: unknown) => ok<T>(api.post(`/api/v1${path}`, { headers, data }));

    const existing = await findPerson(session, ANA);
    if (existing) {
      const ionId = (await findPerson(session, ION)) as number;
      const household = await ok<{ current: { id: number } | null }>(api.get(`/api/v1/people/${existing}/household`));
      return {
        anaId: existing,
        ionId,
        openCaseId: await caseOf(session, existing, 'open'),
        closedCaseId: await caseOf(session, ionId, 'closed'),
        householdId: household.current?.id ?? 0,
      };
    }

    const anaId = await createPerson(session, ANA);
    const ionId = await createPerson(session, ION);
    const household = await post<{ id: number }>('/households', {
      name: ANA.familyNames,
      members: [
        { personId: anaId, relation: 'reference_person' },
        { personId: ionId, relation: 'spouse_partner' },
      ],
    });

    // Ana's case, open for a month and a half: a plan with an overdue action, a diary, a referral.
    const open = await post<{ id: number }>('/cases', {
      personId: anaId,
      openedOn: romeDate(-45),
      areas: ['work', 'housing'],
      referralSource: 'municipal_service',
      summary: 'Cerca casa in affitto a Jesi e un lavoro nella ristorazione.',
    });
    const goal = await post<{ id: number }>(`/cases/${open.id}/goals`, { title: 'Trovare una casa in affitto' });
    await post(`/goals/${goal.id}/actions`, { description: 'Chiedere il contributo affitto', dueOn: romeDate(-3), assigneeName: 'Ana' });
    await post(`/goals/${goal.id}/actions`, { description: 'Visitare due appartamenti', dueOn: romeDate(10) });
    await post(`/cases/${open.id}/notes`, { body: 'Colloquio con Ana e la mediatrice rumena.' });
    await post(`/cases/${open.id}/notes`, { body: 'Consulenza sul contratto di lavoro.', restriction: 'legal' });
    await post(`/cases/${open.id}/referrals`, {
      direction: 'incoming',
      service: 'social_services',
      referredOn: romeDate(-46),
      reason: 'Segnalata dai servizi sociali del Comune',
    });

    // Ion's case, closed ten days ago: the reopening form.
    const closed = await post<{ id: number; version: number }>('/cases', { personId: ionId, openedOn: romeDate(-60), areas: ['work'] });
    await post(`/cases/${closed.id}/close`, { version: closed.version, closedOn: romeDate(-10), reason: 'goals_achieved' });

    // A permit expiring next month and one expired; an identity document.
    await post(`/people/${anaId}/permits`, {
      permitType: 'family',
      number: 'R0000001',
      issuedOn: romeDate(-700),
      expiresOn: romeDateNextMonth(20),
      renewalStatus: 'to_renew',
    });
    await post(`/people/${ionId}/permits`, { permitType: 'employment', issuedOn: romeDate(-800), expiresOn: romeDate(-20) });
    await post(`/people/${anaId}/identity-documents`, {
      kind: 'passport',
      number: 'RO123456',
      issuingCountry: 'RO',
      expiresOn: romeDate(900),
    });

    // An application, two uses of the PC station (one anonymous), a legal consultation on Ana's case.
    const types = await ok<Array<{ id: number; code: string }>>(api.get('/api/v1/application-types'));
    const rent = types.find((t) => t.code === 'rent_support') ?? types[0];
    await post('/applications', { typeId: rent?.id, personId: anaId, outcome: 'submitted' });
    await post('/pc-station-uses', { purpose: 'job_search', minutes: 30, personId: anaId });
    await post('/pc-station-uses', { purpose: 'printing_scanning', minutes: 10 });
    await post('/legal-consultations', {
      minutes: 90,
      lawyerName: 'Avv. Paola Mancini',
      caseIds: [open.id],
      questions: 'Il contratto di affitto può essere intestato a entrambi?',
      guidance: 'Sì, con la registrazione all’Agenzia delle Entrate.',
    });

    return { anaId, ionId, openCaseId: open.id, closedCaseId: closed.id, householdId: household.id };
  });
}
