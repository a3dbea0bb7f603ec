/**
 * The centre's year 2024 for report sections 1 and 5–10, loaded through the HTTP API as the
 * centre would: the calendar (hours changing on 15 October, the reference report's closures,
 * the patron day), staff with a contract change, two projects, courses (two language clubs that
 * one person follows both, one of 2023 for the comparison, a driving course), enrolments by
 * programme, waiting lists (adults and minors, one placed, one withdrawn, one from 2023),
 * applications of several types (two with the Anagrafe), PC uses, legal consultations on two
 * cases, an event, network meetings, and a few visits. Records of 2023 are there to be left out.
 *
 * ACTIVITIES_2024 says what the report must show for them, each figure counted by hand.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Api } from '../app.js';

const ok = <T = { id: number; version: number }>(res: LightMyRequestResponse, status = 201): T => {
  expect(res.statusCode, `${res.raw.req.method} ${res.raw.req.url}: ${res.body}`).toBe(status);
  return res.json() as T;
};

type Row = { id: number; code: string };

/** The figures of the data set, checked by hand (see each comment). */
export const ACTIVITIES_2024 = {
  year: 2024,
  /**
   * Mon, Wed, Fri 9–12; Tue 9–12 and 15–18 (afternoon closed from 15 October); Thu 15–18.
   * 2024: 262 weekdays; 8 public holidays on a weekday with hours (1/1, 1/4, 25/4, 1/5, 15/8,
   * 1/11, 25/12, 26/12; 6/1, 2/6 and 8/12 are weekends), 21 days lost to closures
   * (4 in January, 14 in August without the 15th, 2 and 1 in December); 22/9 (patron) is a Sunday.
   */
  openDays: 233,
  openHours: 810,
  closedDays: 29,
  months: [
    [18, 66, 5],
    [21, 75, 0],
    [21, 75, 0],
    [20, 75, 2],
    [22, 78, 1],
    [20, 72, 0],
    [23, 84, 0],
    [7, 24, 15],
    [21, 75, 0],
    [23, 75, 0],
    [20, 60, 1],
    [17, 51, 5],
  ],
  visits: 6,
};

export interface ActivitiesSeed {
  people: Record<string, number>;
  courses: Record<'clubBase' | 'clubAlfa' | 'club2023' | 'driving', number>;
  closures: number[];
}

/**
 * Seeds the data set in the caller's centre. `coordinator` manages the calendar, staff,
 * projects, courses and the legal consultations; `operator` records people and the desk's work.
 */
export async function seedActivities(coordinator: Api, operator: Api): Promise<ActivitiesSeed> {
  // --- calendar
  const [centre] = ok<{ id: number }[]>(await coordinator.get('/centres'), 200);
  const settings = ok<{ version: number }>(await coordinator.get(`/centres/${centre?.id}/settings`), 200);
  ok(await coordinator.patch(`/centres/${centre?.id}/settings`, { version: settings.version, patronDay: '09-22' }), 200);
  const mornings = [1, 2, 3, 5].map((weekday) => ({ weekday, from: '09:00', to: '12:00' }));
  ok(
    await coordinator.post('/calendar/hours', {
      validFrom: '2023-01-01',
      slots: [...mornings, { weekday: 2, from: '15:00', to: '18:00' }, { weekday: 4, from: '15:00', to: '18:00' }],
    }),
  );
  ok(
    await coordinator.post('/calendar/hours', {
      validFrom: '2024-10-15',
      notes: 'Chiusura del martedì pomeriggio',
      slots: [...mornings, { weekday: 4, from: '15:00', to: '18:00' }],
    }),
  );
  const closures: number[] = [];
  for (const [from, to, reason] of [
    ['2024-01-02', '2024-01-05', 'Chiusura invernale'],
    ['2024-08-05', '2024-08-23', 'Chiusura estiva'],
    ['2024-12-24', '2024-12-27', 'Chiusura natalizia'],
    ['2024-12-31', '2024-12-31', 'Chiusura natalizia'],
    ['2023-08-07', '2023-08-18', 'Chiusura estiva'],
  ] as const) {
    closures.push(ok(await coordinator.post('/calendar/closures', { from, to, reason })).id);
  }

  // --- staff and projects
  const member = async (name: string, role: string) => ok(await coordinator.post('/staff', { name, role })).id;
  const contract = async (staffId: number, body: Record<string, unknown>) =>
    ok(await coordinator.post(`/staff/${staffId}/contracts`, body));
  const coord = await member('Carla Rossi', 'coordinator');
  await contract(coord, { from: '2023-01-01', to: '2024-08-31', weeklyMinutes: 18 * 60, description: 'appalto precedente' });
  await contract(coord, { from: '2024-09-01', weeklyMinutes: 20 * 60, description: 'nuovo appalto per la gestione del centro' });
  const mediator = await member('Mara Bianchi', 'mediation_operator');
  await contract(mediator, { from: '2023-01-01', weeklyMinutes: 18 * 60 });
  await contract(mediator, { from: '2024-10-15', weeklyMinutes: 6 * 60, description: "ampliamento dell'appalto" });
  const integration = await member('Ilaria Verdi', 'integration_operator');
  await contract(integration, { from: '2024-09-01', weeklyMinutes: 12 * 60, description: 'nuovo appalto per la gestione del centro' });
  const gone = await member('Paolo Neri', 'other');
  await contract(gone, { from: '2022-01-01', to: '2022-12-31', weeklyMinutes: 10 * 60 });
  ok(
    await coordinator.post('/projects', {
      name: 'Presi da (P)Arte',
      from: '2023-06-01',
      to: '2024-02-29',
      extraWeeklyMinutes: 4 * 60,
      description: "Ore in più per 1 operatore che hanno permesso di estendere l'orario di apertura dello sportello al pubblico.",
    }),
  );
  ok(
    await coordinator.post('/projects', {
      name: "Sportello per l'autonomia",
      funder: "Progetto SAI «Ancona Provincia d'Asilo»",
      from: '2024-03-01',
      to: '2024-07-31',
      extraWeeklyMinutes: 6 * 60,
    }),
  );
  ok(await coordinator.post('/projects', { name: 'Progetto del 2022', from: '2022-01-01', to: '2022-12-31', extraWeeklyMinutes: 60 }));

  // --- people
  const people: Record<string, number> = {};
  for (const [key, citizenship, gender] of [
    ['amina', 'NG', 'female'],
    ['blessing', 'NG', 'female'],
    ['chiara', 'IT', 'female'],
    ['dawit', 'ER', 'male'],
    ['emeka', 'NG', 'male'],
    ['fatima', 'MA', 'female'],
    ['george', 'CM', 'male'],
    ['hamid', 'TN', 'male'],
    ['ines', 'TN', 'female'],
    ['jamal', 'MA', 'male'],
    ['karim', 'MA', 'male'],
    ['lina', 'AL', 'female'],
  ] as const) {
    const name = key.charAt(0).toUpperCase() + key.slice(1);
    people[key] = ok(await operator.post('/people', { givenNames: name, familyNames: 'Prova', gender, citizenship })).id;
  }
  const p = (key: string) => people[key] as number;

  // --- courses
  const kinds = ok<Row[]>(await coordinator.get('/course-kinds'), 200);
  const kindId = (code: string) => (kinds.find((k) => k.code === code) as Row).id;
  const course = async (body: Record<string, unknown>) =>
    ok(
      await coordinator.post('/courses', {
        kindId: kindId('language_club'),
        partner: "Progetto SAI «Ancona Provincia d'Asilo»",
        startTime: '15:00',
        lessonMinutes: 180,
        ...body,
      }),
    ).id;
  const generate = async (courseId: number) => ok(await coordinator.post(`/courses/${courseId}/lessons/generate`, {}), 200);
  const enrol = async (courseId: number, key: string, programme: string, enrolledOn: string) =>
    ok(await operator.post(`/courses/${courseId}/enrolments`, { personId: p(key), programme, enrolledOn }));
  /** Takes every lesson's attendance: everyone enrolled present. */
  const holdAll = async (courseId: number) => {
    const lessons = ok<Array<{ id: number }>>(await coordinator.get(`/courses/${courseId}/lessons`), 200);
    for (const lesson of lessons) {
      const screen = ok<{ lesson: { version: number }; learners: Array<{ enrolmentId: number }> }>(
        await coordinator.get(`/lessons/${lesson.id}/attendance`),
        200,
      );
      ok(
        await coordinator.request({
          method: 'PUT',
          url: `/lessons/${lesson.id}/attendance`,
          payload: { version: screen.lesson.version, entries: screen.learners.map((l) => ({ enrolmentId: l.enrolmentId, present: true })) },
        }),
        200,
      );
    }
  };

  // Wednesdays 10, 17, 24 January: 3 lessons of 3 hours.
  const clubBase = await course({
    title: 'Club linguistico base',
    level: 'base',
    startDate: '2024-01-08',
    endDate: '2024-01-29',
    weekdays: [3],
  });
  // Thursdays of August: 1 and 29; 8, 15 and 22 fall in the summer closure (15 a holiday too).
  const clubAlfa = await course({
    title: 'Club linguistico alfabetizzazione',
    level: 'alfabetizzazione',
    startDate: '2024-08-01',
    endDate: '2024-08-31',
    weekdays: [4],
  });
  const club2023 = await course({
    title: 'Club linguistico base',
    level: 'base',
    startDate: '2023-11-06',
    endDate: '2023-11-20',
    weekdays: [1],
  });
  // Mondays 22 and 29 January, 5 and 12 February, 9:30–11:00.
  const driving = await course({
    kindId: kindId('driving_support'),
    title: 'Supporto alla scuola guida',
    partner: null,
    place: 'Centro Integrazione',
    startDate: '2024-01-22',
    endDate: '2024-02-12',
    weekdays: [1],
    startTime: '09:30',
    lessonMinutes: 90,
  });
  for (const id of [clubBase, clubAlfa, club2023, driving]) await generate(id);

  await enrol(clubBase, 'amina', 'sai', '2024-01-08');
  await enrol(clubBase, 'blessing', 'sai', '2024-01-08');
  await enrol(clubBase, 'chiara', 'centre_user', '2024-01-08');
  await enrol(clubAlfa, 'chiara', 'centre_user', '2024-07-20');
  await enrol(club2023, 'amina', 'sai', '2023-11-01');
  await enrol(club2023, 'lina', 'centre_user', '2023-11-01');
  await enrol(driving, 'emeka', 'centre_user', '2024-01-20');
  await enrol(driving, 'fatima', 'centre_user', '2024-01-20');
  await enrol(driving, 'george', 'sai', '2024-01-20');

  // --- waiting lists: adults (one from 2023 still waiting, one waiting, one placed in the August club), minors (one waiting, one withdrawn)
  const wait = async (kind: string, key: string, requestedOn: string) =>
    ok<{ id: number; version: number }>(await operator.post('/waiting-list', { kind, personId: p(key), requestedOn }));
  await wait('adult_l2', 'hamid', '2023-12-15');
  await wait('adult_l2', 'jamal', '2024-04-02');
  const placed = await wait('adult_l2', 'dawit', '2024-03-01');
  ok(
    await operator.post(`/waiting-list/${placed.id}/place`, {
      version: placed.version,
      courseId: clubAlfa,
      programme: 'sai',
      enrolledOn: '2024-07-25',
    }),
    200,
  );
  await wait('minor_l2', 'ines', '2024-05-10');
  const withdrawn = await wait('minor_l2', 'karim', '2024-06-01');
  ok(
    await operator.patch(`/waiting-list/${withdrawn.id}`, { version: withdrawn.version, status: 'withdrawn', closedOn: '2024-09-01' }),
    200,
  );

  for (const id of [clubBase, clubAlfa, driving]) await holdAll(id);

  // --- applications: 7 in 2024 (2 with the Anagrafe), 1 in 2023
  const types = ok<Row[]>(await operator.get('/application-types'), 200);
  const typeId = (code: string) => (types.find((t) => t.code === code) as Row).id;
  for (const [code, key, date] of [
    ['residence_request', 'amina', '2024-02-12'],
    ['change_of_address', 'blessing', '2024-03-04'],
    ['child_allowance', 'amina', '2024-03-05'],
    ['child_allowance', 'fatima', '2024-04-10'],
    ['child_allowance', 'jamal', '2024-05-06'],
    ['social_bonus_isee', 'george', '2024-06-03'],
    ['regional_grant', 'ines', '2024-09-16'],
    ['child_allowance', 'lina', '2023-10-02'],
  ] as const) {
    ok(await operator.post('/applications', { typeId: typeId(code), personId: p(key), date }));
  }

  // --- PC station: 4 uses in 2024 (110 minutes, 2 people known), 1 in 2023
  for (const [key, purpose, minutes, date] of [
    ['amina', 'job_search', 30, '2024-02-13'],
    ['amina', 'documents_online', 45, '2024-03-05'],
    [null, 'printing_scanning', 15, '2024-03-06'],
    ['blessing', 'email', 20, '2024-11-05'],
    ['chiara', 'email', 60, '2023-11-06'],
  ] as const) {
    ok(await operator.post('/pc-station-uses', { personId: key ? p(key) : null, purpose, minutes, date }));
  }

  // --- legal consultations: two in 2024 on two cases (one discussed twice), one in 2023
  const caseOf = async (key: string) =>
    ok(await coordinator.post('/cases', { personId: p(key), areas: ['legal'], openedOn: '2024-01-15' })).id;
  const caseA = await caseOf('dawit');
  const caseB = await caseOf('hamid');
  for (const [date, minutes, caseIds] of [
    ['2024-03-12', 60, [caseA]],
    ['2024-05-14', 90, [caseA, caseB]],
    ['2023-12-12', 60, []],
  ] as const) {
    ok(
      await coordinator.post('/legal-consultations', {
        date,
        minutes,
        lawyerName: 'Avv. Giulia Conti',
        caseIds,
        questions: 'Rinnovo del permesso e ricongiungimento: documenti richiesti.',
      }),
    );
  }

  // --- events: 20 December 2024 was a Friday; the one of 20 December 2023 (a Wednesday) is last year's
  ok(
    await coordinator.post('/events', {
      title: 'Uscita didattica alla Pinacoteca Civica',
      date: '2024-12-20',
      startTime: '09:00',
      endTime: '12:00',
      place: 'Palazzo Pianetti',
      partner: "Progetto SAI «Ancona Provincia d'Asilo»",
      participantIds: [p('amina'), p('blessing'), p('chiara')],
      otherParticipants: 4,
    }),
  );
  ok(await coordinator.post('/events', { title: 'Visita guidata', date: '2023-12-20', otherParticipants: 12 }));

  // --- network meetings: three in 2024 (Tuesdays), one in 2023
  const organisations = ok<Row[]>(await coordinator.get('/network-organisations'), 200);
  const orgs = (...codes: string[]) => codes.map((code) => (organisations.find((o) => o.code === code) as Row).id);
  for (const [date, codes, topic] of [
    ['2024-02-06', ['acli', 'cgil'], 'Procedure per le domande di disoccupazione'],
    ['2024-04-09', ['cisl'], 'Permessi di soggiorno per lavoro'],
    ['2024-11-19', ['uil', 'cgil'], 'Lavorare in rete sul territorio'],
    ['2023-11-21', ['acli'], 'Primo incontro'],
  ] as const) {
    ok(await coordinator.post('/network-meetings', { date, organisationIds: orgs(...codes), topic }));
  }

  // --- visits: 6 in 2024, 1 in 2023
  const topics = ok<Array<{ id: number }>>(await operator.get('/topics'), 200);
  const topicIds = [(topics[0] as { id: number }).id];
  for (const [key, date] of [
    ['amina', '2024-02-12'],
    ['amina', '2024-03-05'],
    ['blessing', '2024-03-04'],
    ['fatima', '2024-04-10'],
    ['jamal', '2024-05-06'],
    ['ines', '2024-09-16'],
    ['lina', '2023-10-02'],
  ] as const) {
    ok(await operator.post('/visits', { personId: p(key), date, time: '10:00', topicIds }));
  }

  return { people, courses: { clubBase, clubAlfa, club2023, driving }, closures };
}
