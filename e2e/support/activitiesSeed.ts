/**
 * The data the accessibility pass of the calendar and activity pages looks at, through the API:
 * opening hours and a closure (unless the centre has hours already), a staff member with a
 * contract, a project, a course with lessons, two learners and one lesson's attendance, a
 * waiting-list request, an event and a network meeting. Idempotent: a second call finds the
 * course and only reads the ids back.
 */
import { addDays } from './calendar.js';
import { createPerson, findPerson, type Person } from './careSeed.js';
import { FATIMA, OKSANA, TESFAYE } from './data.js';
import { romeDate } from './dates.js';
import { type ApiSession, asUser, ok } from './seed.js';

export const A11Y_COURSE = 'Alfabetizzazione del lunedì e giovedì';

export interface ActivitiesSeed {
  courseId: number;
  /** A lesson already held, with its attendance taken. */
  heldLessonId: number;
  heldLessonDate: string;
  /** A learner of the course, with a course on her file. */
  learnerId: number;
}

/** The people, found or registered (in the first centre of whoever runs it). */
export async function ensurePeople(session: ApiSession, people: Person[]): Promise<number[]> {
  const ids: number[] = [];
  for (const person of people) ids.push((await findPerson(session, person)) ?? (await createPerson(session, person)));
  return ids;
}

type Lesson = { id: number; date: string; status: string; version: number };

export async function ensureActivitiesSeedData(): Promise<ActivitiesSeed> {
  return asUser(async (session) => {
    const { api, headers, centreId } = session;
    const post = <T>(path: string, data: unknown) => ok<T>(api.post(`/api/v1${path}`, { headers, data }));
    const today = romeDate();
    const year = Number(today.slice(0, 4));
    const [fatimaId, oksanaId, tesfayeId] = await ensurePeople(session, [FATIMA, OKSANA, TESFAYE]);

    const courses = await ok<{ items: Array<{ id: number; title: string }> }>(
      api.get('/api/v1/courses', { params: { year, pageSize: 200 } }),
    );
    const existing = courses.items.find((c) => c.title === A11Y_COURSE);
    if (existing) {
      const lessons = await ok<Lesson[]>(api.get(`/api/v1/courses/${existing.id}/lessons`));
      const held = lessons.find((l) => l.status === 'held') as Lesson;
      return { courseId: existing.id, heldLessonId: held.id, heldLessonDate: held.date, learnerId: fatimaId as number };
    }

    // Hours and a closure, unless the calendar journey has set them already.
    const hours = await ok<unknown[]>(api.get('/api/v1/calendar/hours', { params: { centreId } }));
    if (hours.length === 0) {
      const morning = (weekday: number) => ({ weekday, from: '09:00', to: '13:00' });
      await post('/calendar/hours', {
        centreId,
        validFrom: `${year - 1}-01-01`,
        slots: [1, 2, 3, 4, 5].map(morning).concat([{ weekday: 4, from: '15:00', to: '18:00' }]),
      });
      await post('/calendar/closures', { centreId, from: addDays(today, 20), to: addDays(today, 22), reason: 'Chiusura per inventario' });
    }

    // Staff and a project.
    const project = await post<{ id: number }>('/projects', {
      centreId,
      name: 'FAMI Lingua e lavoro',
      funder: 'Regione Marche',
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      extraWeeklyMinutes: 360,
      description: 'Sei ore in più a settimana per i corsi di italiano.',
    });
    const member = await post<{ id: number }>('/staff', { centreId, name: 'Chiara Paolini', role: 'mediation_operator' });
    await post(`/staff/${member.id}/contracts`, { from: `${year}-01-01`, weeklyMinutes: 18 * 60, description: 'Contratto annuale' });
    await post(`/staff/${member.id}/contracts`, { from: `${year}-03-01`, weeklyMinutes: 6 * 60, projectId: project.id });

    // A course of four weeks around today: lessons, two learners, the attendance of the last lesson held.
    const kinds = await ok<Array<{ id: number; code: string }>>(api.get('/api/v1/course-kinds'));
    const course = await post<{ id: number }>('/courses', {
      centreId,
      kindId: kinds.find((k) => k.code === 'language_club')?.id,
      title: A11Y_COURSE,
      level: 'alfabetizzazione',
      partner: 'SAI «Ancona Provincia d’Asilo»',
      place: 'Aula 2',
      startDate: addDays(today, -28),
      endDate: addDays(today, 28),
      weekdays: [1, 4],
      startTime: '10:00',
      lessonMinutes: 120,
      capacity: 10,
    });
    await post(`/courses/${course.id}/lessons/generate`, {});
    const enrolments = [
      await post<{ id: number }>(`/courses/${course.id}/enrolments`, {
        personId: fatimaId,
        programme: 'sai',
        enrolledOn: addDays(today, -28),
      }),
      await post<{ id: number }>(`/courses/${course.id}/enrolments`, {
        personId: oksanaId,
        programme: 'centre_user',
        enrolledOn: addDays(today, -28),
      }),
    ];
    const lessons = await ok<Lesson[]>(api.get(`/api/v1/courses/${course.id}/lessons`));
    const held = lessons.filter((l) => l.date <= today && l.status === 'scheduled').pop() as Lesson;
    await ok(
      api.put(`/api/v1/lessons/${held.id}/attendance`, {
        headers,
        data: { version: held.version, entries: enrolments.map((e, i) => ({ enrolmentId: e.id, present: i === 0 })) },
      }),
    );

    // A waiting-list request, an event and a network meeting.
    await post('/waiting-list', { personId: tesfayeId, kind: 'driving', requestedOn: addDays(today, -40), priority: 1 });
    await post('/events', {
      centreId,
      title: 'Festa di fine corso',
      date: today,
      startTime: '16:00',
      endTime: '18:00',
      place: 'Sala del centro',
      participantIds: [fatimaId],
      otherParticipants: 3,
    });
    const organisations = await ok<Array<{ id: number; code: string }>>(api.get('/api/v1/network-organisations'));
    await post('/network-meetings', {
      centreId,
      date: today,
      organisationIds: organisations.filter((o) => o.code === 'cgil' || o.code === 'social_services').map((o) => o.id),
      topic: 'Tavolo sul lavoro stagionale',
      outcome: 'Uno sportello congiunto il primo martedì del mese.',
    });

    return { courseId: course.id, heldLessonId: held.id, heldLessonDate: held.date, learnerId: fatimaId as number };
  });
}
